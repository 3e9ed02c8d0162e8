namespace Tracery.Server.Admin;

using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

/// <summary>
/// <c>/zipkin/config.json</c>, the settings the Lens UI reads at start-up (reference §5.1), with the
/// keys and defaults Zipkin writes.
/// </summary>
public static class UiConfigEndpoint
{
    public static IEndpointRouteBuilder MapUiConfig(this IEndpointRouteBuilder endpoints, bool searchEnabled)
    {
        endpoints.MapGet("/zipkin/config.json", async context =>
        {
            context.Response.ContentType = "application/json; charset=utf-8";
            context.Response.Headers.CacheControl = "max-age=600";
            await using var writer = new Utf8JsonWriter(context.Response.BodyWriter);
            writer.WriteStartObject();
            writer.WriteString("environment", "");
            writer.WriteNumber("queryLimit", 10);
            writer.WriteNumber("defaultLookback", 900_000);
            writer.WriteBoolean("searchEnabled", searchEnabled);
            foreach (var url in (string[])["logsUrl", "supportUrl", "archivePostUrl", "archiveUrl"])
            {
                writer.WriteNull(url);
            }
            writer.WriteStartObject("dependency");
            writer.WriteBoolean("enabled", true);
            writer.WriteNumber("lowErrorRate", 0.5);
            writer.WriteNumber("highErrorRate", 0.75);
            writer.WriteEndObject();
            writer.WriteEndObject();
            await writer.FlushAsync(context.RequestAborted);
        });
        return endpoints;
    }
}
