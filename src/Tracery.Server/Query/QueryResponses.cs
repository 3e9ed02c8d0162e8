namespace Tracery.Server.Query;

using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Tracery.Tracing.Codec;
using Tracery.Tracing.Model;

/// <summary>
/// Writes query results as Zipkin does: bare JSON arrays, spans in the codec's JSON v2 form, and a
/// cache header on name lists once they are long enough to be worth caching (reference §1.2).
/// </summary>
public static class QueryResponses
{
    public const string JsonContentType = "application/json; charset=utf-8";

    private const string NamesCacheControl = "max-age=300, must-revalidate";

    /// <summary>A sorted name list; cached when it has more than 3 names (or always).</summary>
    public static async Task WriteNamesAsync(HttpContext context, IReadOnlyList<string> names, bool alwaysCache = false)
    {
        if (alwaysCache || names.Count > 3)
        {
            context.Response.Headers.CacheControl = NamesCacheControl;
        }
        await WriteJsonAsync(context, writer =>
        {
            writer.WriteStartArray();
            foreach (var name in names)
            {
                writer.WriteStringValue(name);
            }
            writer.WriteEndArray();
        });
    }

    public static Task WriteDependenciesAsync(HttpContext context, IReadOnlyList<DependencyLink> links) =>
        WriteJsonAsync(context, writer =>
        {
            writer.WriteStartArray();
            foreach (var link in links)
            {
                writer.WriteStartObject();
                writer.WriteString("parent", link.Parent);
                writer.WriteString("child", link.Child);
                writer.WriteNumber("callCount", link.CallCount);
                if (link.ErrorCount > 0)
                {
                    writer.WriteNumber("errorCount", link.ErrorCount);
                }
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
        });

    public static Task WriteTraceAsync(HttpContext context, IReadOnlyList<Span> trace)
    {
        context.Response.ContentType = JsonContentType;
        return context.Response.Body.WriteAsync(SpanBytesEncoder.EncodeList(trace, SpanEncoding.JsonV2), context.RequestAborted).AsTask();
    }

    public static async Task WriteTracesAsync(HttpContext context, IReadOnlyList<IReadOnlyList<Span>> traces)
    {
        context.Response.ContentType = JsonContentType;
        var body = context.Response.BodyWriter;
        body.Write("["u8);
        for (var i = 0; i < traces.Count; i++)
        {
            if (i > 0)
            {
                body.Write(","u8);
            }
            body.Write(SpanBytesEncoder.EncodeList(traces[i], SpanEncoding.JsonV2));
        }
        body.Write("]"u8);
        await body.FlushAsync(context.RequestAborted);
    }

    private static async Task WriteJsonAsync(HttpContext context, Action<Utf8JsonWriter> write)
    {
        context.Response.ContentType = JsonContentType;
        await using var writer = new Utf8JsonWriter(context.Response.BodyWriter);
        write(writer);
        await writer.FlushAsync(context.RequestAborted);
    }
}
