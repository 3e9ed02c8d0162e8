namespace Tracery.Server.Ui;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

/// <summary>Serves the trace UI's embedded assets at <c>/</c> and <c>/zipkin/</c>, with the single-page-app fallback.</summary>
public static class UiEndpoints
{
    public static IEndpointRouteBuilder MapTraceUi(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapTraceUi(new EmbeddedUiAssets());

    public static IEndpointRouteBuilder MapTraceUi(this IEndpointRouteBuilder endpoints, IUiAssets assets)
    {
        var router = new UiRouter(assets);
        // Catch-all routes rank below every literal route, so the API, health and metrics endpoints win.
        endpoints.MapMethods("/{**path}", ["GET", "HEAD"], (HttpContext context) => Serve(context, router.Resolve(context.Request.Path.Value ?? "/")));
        return endpoints;
    }

    private static IResult Serve(HttpContext context, UiRoute route)
    {
        switch (route)
        {
            case UiRoute.Redirect redirect:
                return Results.Redirect(redirect.Location + context.Request.QueryString);
            case UiRoute.File file:
                var headers = context.Response.Headers;
                // Files are not fingerprinted, so browsers revalidate each time; the ETag makes that a 304.
                headers.CacheControl = "no-cache";
                headers.ETag = file.Asset.ETag;
                headers.XContentTypeOptions = "nosniff";
                if (context.Request.Headers.IfNoneMatch == file.Asset.ETag) return Results.StatusCode(StatusCodes.Status304NotModified);
                return Results.Bytes(file.Asset.Content, file.Asset.ContentType);
            default:
                return Results.NotFound();
        }
    }
}
