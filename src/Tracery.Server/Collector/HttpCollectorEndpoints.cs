namespace Tracery.Server.Collector;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tracery.Server.Hosting;
using Tracery.Tracing.Codec;

/// <summary>
/// <c>POST /api/v2/spans</c> (JSON v2, or proto3 by content type) and <c>POST /api/v1/spans</c>
/// (JSON v1, or Thrift by content type), answering as Zipkin does (reference §1.3, §1.4).
/// </summary>
public static class HttpCollectorEndpoints
{
    public static IEndpointRouteBuilder MapHttpCollector(this IEndpointRouteBuilder endpoints, SpanCollector collector, int bodyLimit)
    {
        endpoints.MapPost("/api/v2/spans", context =>
            CollectAsync(context, collector, bodyLimit, IsContentType(context, "application/x-protobuf") ? SpanEncoding.Proto3 : SpanEncoding.JsonV2));
        endpoints.MapPost("/api/v1/spans", context =>
            CollectAsync(context, collector, bodyLimit, IsContentType(context, "application/x-thrift") ? SpanEncoding.ThriftV1 : SpanEncoding.JsonV1));
        return endpoints;
    }

    private static bool IsContentType(HttpContext context, string mediaType) =>
        context.Request.ContentType?.StartsWith(mediaType, StringComparison.OrdinalIgnoreCase) == true;

    private static async Task CollectAsync(HttpContext context, SpanCollector collector, int bodyLimit, SpanEncoding encoding)
    {
        PooledBuffer body;
        try
        {
            body = await RequestBody.ReadAsync(context.Request, bodyLimit, context.RequestAborted);
        }
        catch (BodyTooLargeException e)
        {
            collector.Metrics.Http.IncrementMessagesDropped();
            await PlainText.WriteAsync(context, StatusCodes.Status413PayloadTooLarge, e.Message);
            return;
        }
        catch (InvalidDataException)
        {
            collector.Metrics.Http.IncrementMessagesDropped();
            await PlainText.WriteAsync(context, StatusCodes.Status400BadRequest, "Cannot gunzip spans");
            return;
        }
        using (body)
        {
            var problem = IsEmptyList(body.Bytes) ? null : SpanFormatCheck.Problem(body.Bytes, encoding);
            if (problem is not null)
            {
                collector.Metrics.Http.IncrementMessagesDropped();
                await PlainText.WriteAsync(context, StatusCodes.Status400BadRequest, problem);
                return;
            }
            if (!IsEmptyList(body.Bytes))
            {
                try
                {
                    await collector.AcceptAsync(body.Bytes, encoding, CollectorTransport.Http, context.RequestAborted);
                }
                catch (SpanDecodeException e)
                {
                    await PlainText.WriteAsync(context, StatusCodes.Status400BadRequest, e.Message);
                    return;
                }
            }
        }
        context.Response.StatusCode = StatusCodes.Status202Accepted;
    }

    // Zipkin answers 202 to an empty body and to the two bytes "[]" without decoding anything.
    private static bool IsEmptyList(ReadOnlySpan<byte> body) => body.IsEmpty || body.SequenceEqual("[]"u8);
}
