namespace Tracery.Server.Admin;

using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tracery.Server.Collector;
using Tracery.Storage;

/// <summary>
/// <c>/health</c> and <c>/info</c> in Zipkin's shapes (reference §1.5). Health asks the store a cheap
/// question within a deadline, so a wedged backend shows instead of hanging probes; the writer's backlog
/// is a second component, and decides whether the server is DOWN.
/// </summary>
public static class StatusEndpoints
{
    private static readonly TimeSpan HealthDeadline = TimeSpan.FromSeconds(5);

    public static IEndpointRouteBuilder MapStatus(this IEndpointRouteBuilder endpoints, ISpanStore store, SpanWriter writer)
    {
        foreach (var path in (string[])["/health", "/actuator/health"])
        {
            endpoints.MapGet(path, context => WriteHealthAsync(context, store, writer));
        }
        foreach (var path in (string[])["/info", "/actuator/info"])
        {
            endpoints.MapGet(path, WriteInfoAsync);
        }
        return endpoints;
    }

    private static async Task WriteHealthAsync(HttpContext context, ISpanStore store, SpanWriter writer)
    {
        var storeError = await StoreErrorAsync(context, store);
        var backlog = writer.Backlog;
        // The collector is what must answer: with the store down, spans wait in the backlog, so the server
        // stays in service (200, DEGRADED) until the backlog is full and spans are lost (503, DOWN).
        var status = backlog.IsFull ? "DOWN" : storeError is null && backlog.StoreError is null ? "UP" : "DEGRADED";
        context.Response.StatusCode = status == "DOWN" ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK;
        await WriteAsync(context, json =>
        {
            json.WriteString("status", status);
            json.WriteStartObject("zipkin");
            json.WriteString("status", status);
            json.WriteStartObject("details");
            json.WriteStartObject($"{store.GetType().Name}{{}}");
            json.WriteString("status", storeError is null ? "UP" : "DOWN");
            if (storeError is not null)
            {
                json.WriteStartObject("details");
                json.WriteString("error", storeError);
                json.WriteEndObject();
            }
            json.WriteEndObject();
            BacklogHealth.Write(json, backlog, writer.Counters);
            json.WriteEndObject();
            json.WriteEndObject();
        });
    }

    /// <summary>Null when the store answers a cheap question within the deadline, else what went wrong.</summary>
    private static async Task<string?> StoreErrorAsync(HttpContext context, ISpanStore store)
    {
        try
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
            deadline.CancelAfter(HealthDeadline);
            await store.GetServiceNamesAsync(deadline.Token).AsTask().WaitAsync(deadline.Token);
            return null;
        }
        catch (OperationCanceledException) when (!context.RequestAborted.IsCancellationRequested)
        {
            return "Timed out computing health status. This often means your storage backend is unreachable.";
        }
        catch (Exception e)
        {
            return $"{e.GetType().Name}: {e.Message}";
        }
    }

    private static Task WriteInfoAsync(HttpContext context)
    {
        var assembly = typeof(StatusEndpoints).Assembly;
        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        // The SDK appends "+<commit>" to the informational version when source control info is known.
        var parts = informational.Split('+', 2);
        return WriteAsync(context, writer =>
        {
            writer.WriteStartObject("zipkin");
            writer.WriteString("version", parts[0]);
            writer.WriteString("commit", parts.Length > 1 ? parts[1][..Math.Min(7, parts[1].Length)] : "unknown");
            writer.WriteEndObject();
        });
    }

    private static async Task WriteAsync(HttpContext context, Action<Utf8JsonWriter> writeMembers)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        await using var writer = new Utf8JsonWriter(context.Response.BodyWriter);
        writer.WriteStartObject();
        writeMembers(writer);
        writer.WriteEndObject();
        await writer.FlushAsync(context.RequestAborted);
    }
}
