namespace Tracery.Server.Admin;

using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tracery.Storage;

/// <summary>
/// <c>/health</c> and <c>/info</c> in Zipkin's shapes (reference §1.5). Health asks the store a cheap
/// question within a deadline, so a wedged backend shows as DOWN (503) instead of hanging probes.
/// </summary>
public static class StatusEndpoints
{
    private static readonly TimeSpan HealthDeadline = TimeSpan.FromSeconds(5);

    public static IEndpointRouteBuilder MapStatus(this IEndpointRouteBuilder endpoints, ISpanStore store)
    {
        foreach (var path in (string[])["/health", "/actuator/health"])
        {
            endpoints.MapGet(path, context => WriteHealthAsync(context, store));
        }
        foreach (var path in (string[])["/info", "/actuator/info"])
        {
            endpoints.MapGet(path, WriteInfoAsync);
        }
        return endpoints;
    }

    private static async Task WriteHealthAsync(HttpContext context, ISpanStore store)
    {
        string? error = null;
        try
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
            deadline.CancelAfter(HealthDeadline);
            await store.GetServiceNamesAsync(deadline.Token).AsTask().WaitAsync(deadline.Token);
        }
        catch (OperationCanceledException) when (!context.RequestAborted.IsCancellationRequested)
        {
            error = "Timed out computing health status. This often means your storage backend is unreachable.";
        }
        catch (Exception e)
        {
            error = $"{e.GetType().Name}: {e.Message}";
        }
        var status = error is null ? "UP" : "DOWN";
        context.Response.StatusCode = error is null ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable;
        await WriteAsync(context, writer =>
        {
            writer.WriteString("status", status);
            writer.WriteStartObject("zipkin");
            writer.WriteString("status", status);
            writer.WriteStartObject("details");
            writer.WriteStartObject($"{store.GetType().Name}{{}}");
            writer.WriteString("status", status);
            if (error is not null)
            {
                writer.WriteStartObject("details");
                writer.WriteString("error", error);
                writer.WriteEndObject();
            }
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteEndObject();
        });
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
