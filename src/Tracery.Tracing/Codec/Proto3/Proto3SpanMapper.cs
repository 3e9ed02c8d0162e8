namespace Tracery.Tracing.Codec.Proto3;

using Google.Protobuf;
using Tracery.Tracing.Model;

/// <summary>
/// Maps the model to the generated proto3 messages for writing; absent values are left at proto3's defaults
/// (zero, empty), which is how proto3 says "absent". Reading goes through <see cref="Proto3SpanReader"/>.
/// </summary>
internal static class Proto3SpanMapper
{
    public static Wire.Span ToWire(Span span)
    {
        var wire = new Wire.Span
        {
            TraceId = UnsafeByteOperations.UnsafeWrap(Convert.FromHexString(span.TraceId)),
            Id = UnsafeByteOperations.UnsafeWrap(Convert.FromHexString(span.Id)),
            Kind = (Wire.Span.Types.Kind)(int)span.Kind,
            Name = span.Name ?? "",
            Timestamp = (ulong)span.Timestamp,
            Duration = (ulong)span.Duration,
            LocalEndpoint = ToWire(span.LocalEndpoint),
            RemoteEndpoint = ToWire(span.RemoteEndpoint),
            Debug = span.Debug,
            Shared = span.Shared,
        };
        if (span.ParentId is not null) wire.ParentId = UnsafeByteOperations.UnsafeWrap(Convert.FromHexString(span.ParentId));
        foreach (var annotation in span.Annotations) wire.Annotations.Add(new Wire.Annotation { Timestamp = (ulong)annotation.Timestamp, Value = annotation.Value });
        foreach (var (key, value) in span.Tags is TagMap ? span.Tags : TagMap.From(span.Tags)) wire.Tags.Add(key, value);
        return wire;
    }

    static Wire.Endpoint? ToWire(Endpoint? endpoint)
    {
        if (endpoint is null || endpoint.IsEmpty) return null;
        var wire = new Wire.Endpoint { ServiceName = endpoint.ServiceName ?? "", Port = endpoint.Port };
        if (endpoint.Ipv4 is not null)
        {
            var bytes = new byte[4];
            IpAddressText.WriteV4Bytes(endpoint.Ipv4, bytes);
            wire.Ipv4 = UnsafeByteOperations.UnsafeWrap(bytes);
        }
        if (endpoint.Ipv6 is not null)
        {
            var bytes = new byte[16];
            IpAddressText.WriteV6Bytes(endpoint.Ipv6, bytes);
            wire.Ipv6 = UnsafeByteOperations.UnsafeWrap(bytes);
        }
        return wire;
    }
}
