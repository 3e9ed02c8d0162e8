namespace Tracery.Server.Query;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

/// <summary>
/// Maps the query API v2 at <c>/api/v2</c> and again at <c>/zipkin/api/v2</c>, where the Lens UI
/// looks for it relative to its own base path.
/// </summary>
public static class QueryApiEndpoints
{
    public static IEndpointRouteBuilder MapQueryApi(this IEndpointRouteBuilder endpoints, QueryHandlers handlers)
    {
        foreach (var prefix in (string[])["/api/v2", "/zipkin/api/v2"])
        {
            var api = endpoints.MapGroup(prefix);
            api.MapGet("/services", handlers.ServicesAsync);
            api.MapGet("/spans", handlers.SpanNamesAsync);
            api.MapGet("/remoteServices", handlers.RemoteServicesAsync);
            api.MapGet("/traces", handlers.TracesAsync);
            api.MapGet("/trace/{traceId}", handlers.TraceAsync);
            api.MapGet("/traceMany", handlers.TraceManyAsync);
            api.MapGet("/dependencies", handlers.DependenciesAsync);
            api.MapGet("/autocompleteKeys", handlers.AutocompleteKeysAsync);
            api.MapGet("/autocompleteValues", handlers.AutocompleteValuesAsync);
        }
        return endpoints;
    }
}
