namespace Tracery.Server.Query;

using Microsoft.AspNetCore.Http;
using Tracery.Server.Hosting;
using Tracery.Storage;
using Tracery.Tracing.Model;

/// <summary>The query API v2 handlers: parse and check parameters, ask the store, write the answer.</summary>
public sealed class QueryHandlers(ISpanStore store, TraceQueryParser parser, TimeSpan timeout)
{
    public Task ServicesAsync(HttpContext context) => RunAsync(context, async ct =>
        await QueryResponses.WriteNamesAsync(context, await store.GetServiceNamesAsync(ct)));

    public Task SpanNamesAsync(HttpContext context) => RunAsync(context, async ct =>
        await QueryResponses.WriteNamesAsync(context, await store.GetSpanNamesAsync(ServiceName(context), ct)));

    public Task RemoteServicesAsync(HttpContext context) => RunAsync(context, async ct =>
        await QueryResponses.WriteNamesAsync(context, await store.GetRemoteServiceNamesAsync(ServiceName(context), ct)));

    public Task TracesAsync(HttpContext context) => RunAsync(context, async ct =>
        await QueryResponses.WriteTracesAsync(context, await store.GetTracesAsync(parser.Parse(context.Request), ct)));

    public Task TraceAsync(HttpContext context) => RunAsync(context, async ct =>
    {
        var raw = (string)context.Request.RouteValues["traceId"]!;
        var trace = await store.GetTraceAsync(SpanIds.NormalizeTraceId(raw.Trim()), ct);
        if (trace.Count == 0)
        {
            await PlainText.WriteAsync(context, StatusCodes.Status404NotFound, $"{raw.Trim()} not found");
            return;
        }
        await QueryResponses.WriteTraceAsync(context, trace);
    });

    public Task TraceManyAsync(HttpContext context) => RunAsync(context, async ct =>
        await QueryResponses.WriteTracesAsync(context, await store.GetTracesAsync(TraceIdList.Parse(QueryParameters.String(context.Request, "traceIds")), ct)));

    public Task DependenciesAsync(HttpContext context) => RunAsync(context, async ct =>
    {
        var (endTs, lookback) = parser.ParseDependencyWindow(context.Request);
        await QueryResponses.WriteDependenciesAsync(context, await store.GetDependenciesAsync(endTs, lookback, ct));
    });

    public Task AutocompleteKeysAsync(HttpContext context) => RunAsync(context, async ct =>
        await QueryResponses.WriteNamesAsync(context, await store.GetAutocompleteKeysAsync(ct), alwaysCache: true));

    public Task AutocompleteValuesAsync(HttpContext context) => RunAsync(context, async ct =>
    {
        var key = QueryParameters.String(context.Request, "key");
        if (string.IsNullOrEmpty(key))
        {
            throw new ArgumentException("key was empty");
        }
        await QueryResponses.WriteNamesAsync(context, await store.GetAutocompleteValuesAsync(key, ct));
    });

    private static string ServiceName(HttpContext context) =>
        QueryParameters.Required(context.Request, "serviceName").Trim().ToLowerInvariant();

    // Zipkin bounds every query (QUERY_TIMEOUT) so a slow backend cannot hold connections forever.
    private async Task RunAsync(HttpContext context, Func<CancellationToken, Task> query)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        deadline.CancelAfter(timeout);
        try
        {
            await query(deadline.Token);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !context.RequestAborted.IsCancellationRequested)
        {
            await PlainText.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, $"Query timed out after {timeout.TotalSeconds:0.###}s");
        }
    }
}
