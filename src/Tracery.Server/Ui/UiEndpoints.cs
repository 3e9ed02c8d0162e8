namespace Tracery.Server.Ui;

using Microsoft.AspNetCore.Routing;

/// <summary>Serves the trace UI's assets at <c>/</c> and <c>/zipkin/</c> (the UI work fills this in).</summary>
public static class UiEndpoints
{
    public static IEndpointRouteBuilder MapTraceUi(this IEndpointRouteBuilder endpoints) => endpoints;
}
