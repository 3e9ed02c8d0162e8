namespace Tracery.Server.Ui;

/// <summary>What a GET below the UI's mount points resolves to.</summary>
public abstract record UiRoute
{
    private UiRoute() { }

    /// <summary>Serve this file.</summary>
    public sealed record File(UiAsset Asset) : UiRoute;

    /// <summary>Send the browser elsewhere (e.g. <c>/zipkin</c> to <c>/zipkin/</c>).</summary>
    public sealed record Redirect(string Location) : UiRoute;

    /// <summary>Nothing here.</summary>
    public sealed record NotFound : UiRoute;
}
