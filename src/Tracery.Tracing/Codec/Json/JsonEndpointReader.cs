namespace Tracery.Tracing.Codec.Json;

using System.Text.Json;
using Tracery.Tracing.Model;

/// <summary>Reads an endpoint object as Zipkin's <c>ENDPOINT_READER</c>; an endpoint with nothing in it is null.</summary>
internal static class JsonEndpointReader
{
    public static Endpoint? Read(ref Utf8JsonReader reader, JsonPath path)
    {
        JsonValues.Expect(ref reader, JsonTokenType.StartObject, path);
        string? serviceName = null, ipv4 = null, ipv6 = null;
        var port = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isService = reader.ValueTextEquals("serviceName"u8);
            var isIp = !isService && (reader.ValueTextEquals("ipv4"u8) || reader.ValueTextEquals("ipv6"u8));
            var isPort = !isService && !isIp && reader.ValueTextEquals("port"u8);
            path.Key = isService ? "serviceName" : isPort ? "port" : isIp ? (reader.ValueTextEquals("ipv4"u8) ? "ipv4" : "ipv6") : null;
            reader.Read();
            if (reader.TokenType == JsonTokenType.Null) continue;
            if (isService)
            {
                serviceName = JsonValues.Pooled(ref reader, TextPools.Names, path);
            }
            else if (isIp)
            {
                // One parser for both fields: the text decides the family, as in Zipkin.
                var ip = JsonValues.Pooled(ref reader, TextPools.Ips, path);
                ipv4 = ip.Ipv4 ?? ipv4;
                ipv6 = ip.Ipv6 ?? ipv6;
            }
            else if (isPort)
            {
                port = JsonValues.Int(ref reader, path);
            }
            else
            {
                reader.Skip();
            }
        }
        return EndpointCache.Get(serviceName, ipv4, ipv6, port);
    }
}
