namespace Tracery.Mesh.Admin;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tracery.Mesh.Hosting;

/// <summary>The admin server's endpoints (§4.11), on its own listener (9990 by default).</summary>
internal static class AdminEndpoints
{
    private const string Json = "application/json";

    public static void Map(IEndpointRouteBuilder admin, AdminContext context)
    {
        admin.MapGet("/", () => Results.Content(Dashboard.Html, "text/html; charset=utf-8"));
        admin.MapGet("/admin", () => Results.Content(Dashboard.Index, "text/html; charset=utf-8"));
        admin.MapGet("/admin/ping", () => Results.Text("pong"));
        admin.MapGet("/admin/metrics.json", (HttpRequest request) => JsonBody(stream => MetricsJson.Write(
            stream, context.Host.Metrics, request.Query["q"].FirstOrDefault(), Flag(request, "pretty"), Flag(request, "tree"))));
        admin.MapGet("/admin/metrics/prometheus", () => Results.Text(PrometheusText.Write(context.Host.Metrics), "text/plain; version=0.0.4"));
        admin.MapGet("/client_state.json", () => JsonBody(stream => ClientStateJson.Write(stream, context.Host.Routers, context.Options.Time.GetUtcNow())));
        admin.MapGet("/config.json", () => context.Options.Config is not { } config
            ? Results.NotFound("no configuration document was given to this mesh host")
            : ConfigJson.Write(config) is { } json
                ? Results.Text(json, Json)
                : Results.Text("/config.json needs reflection-based JSON, which the Native AOT build (tracery-mesh) leaves out; use `tracery mesh`", statusCode: 501));
        admin.MapGet("/delegator.json", async (HttpRequest request, CancellationToken ct) =>
        {
            if (context.Options.Delegator is not { } delegator)
            {
                return Results.NotFound("no delegator is wired to this mesh host");
            }
            if (request.Query["path"].FirstOrDefault() is not { Length: > 0 } path)
            {
                return Results.BadRequest("the 'path' query parameter is required, e.g. /delegator.json?path=/svc/hello&namespace=outgoing");
            }
            var query = new DelegatorQuery(path, request.Query["dtab"].FirstOrDefault(), request.Query["namespace"].FirstOrDefault());
            try
            {
                return Results.Text(await delegator(query, ct), Json);
            }
            catch (ArgumentException ex)
            {
                return Results.BadRequest(ex.Message);
            }
        });
        admin.MapGet("/namer_state/{**file}", (string file) => NamerState.Find(context.Options.Namers, file) is { } namer
            ? JsonBody(stream => NamerState.Write(stream, namer))
            : Results.NotFound($"no namer with state at /namer_state/{file} (namers: {NamerState.List(context.Options.Namers)})"));
        admin.MapGet("/requests", () => context.Options.RecentRequests is { } recent
            ? Results.Content(RecentRequestsPage.Render(recent.Snapshot(), recent.Capacity, recent.SampleRate), "text/html; charset=utf-8")
            : NoRecentRequests);
        admin.MapGet("/requests.json", () => context.Options.RecentRequests is { } recent
            ? Results.Json(recent.Snapshot(), AdminJsonContext.Default.IReadOnlyListRecentRequest)
            : NoRecentRequests);
        admin.MapPost("/admin/shutdown", (HttpContext http) =>
        {
            http.Response.OnCompleted(() =>
            {
                _ = context.Host.StopAsync();
                return Task.CompletedTask;
            });
            return Results.Text("shutting down");
        });
    }

    private static readonly IResult NoRecentRequests = Results.NotFound("the io.l5d.recentRequests telemeter is not configured");

    private static bool Flag(HttpRequest request, string name) =>
        request.Query.TryGetValue(name, out var value) && value.ToString() is "" or "1" or "true";

    /// <summary>Writers produce JSON synchronously; Kestrel forbids synchronous body writes, so buffer first.</summary>
    private static IResult JsonBody(Action<Stream> write)
    {
        var buffer = new MemoryStream();
        write(buffer);
        return Results.Bytes(buffer.ToArray(), Json);
    }
}
