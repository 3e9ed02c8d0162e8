namespace Tracery.Mesh.Tracing;

using System.Globalization;
using HttpRequest = Microsoft.AspNetCore.Http.HttpRequest;
using Tracery.Tracing.Model;

/// <summary>The state of one sampled SERVER span, from <c>sr</c> to <c>ss</c>. Created only for sampled requests.</summary>
internal sealed class ServerSpanRecorder
{
    private readonly SpanRecording recording;
    private readonly string routerLabel;

    public ServerSpanRecorder(SpanRecording recording, string routerLabel, HttpRequest request)
    {
        this.recording = recording;
        this.routerLabel = routerLabel;
        Request = request;
        recording.Name = routerLabel.ToLowerInvariant();
        recording.Tag("router.label", routerLabel);
        recording.Annotate("wr");
    }

    /// <summary>
    /// The request received; client spans read its version, path and content headers from it (the attempts it
    /// spawns all end before it does). Reading the outgoing request's content headers instead would make the
    /// forwarder's empty body build a header collection per request.
    /// </summary>
    public HttpRequest Request { get; }

    /// <summary>The request's path, for client spans when the forwarder has not yet set the outgoing URI.</summary>
    public string Path => Request.PathBase.Add(Request.Path).ToUriComponent();

    /// <summary>The request's path and query (origin form).</summary>
    public string Uri => Path + Request.QueryString.ToUriComponent();

    public Endpoint LocalEndpoint => recording.LocalEndpoint;

    public void SetDestination(string dstPath, string dtabBase, string dtabLocal)
    {
        recording.Name = (routerLabel + " " + dstPath).ToLowerInvariant();
        recording.Tag("service", dstPath);
        recording.Tag("dtab.base", dtabBase);
        recording.Tag("dtab.local", dtabLocal);
    }

    public void SetBound(string boundId, string residual)
    {
        recording.Tag("client", boundId);
        recording.Tag("residual", residual.Length == 0 ? "/" : residual);
    }

    public void SetFailure(RoutingFailure failure, string? reason)
    {
        recording.Tag("io.buoyant.router.Failure", failure.ToString());
        recording.Tag("error", reason ?? failure.ToString());
    }

    /// <summary>
    /// Ends the span. Linkerd's server spans carry no <c>http.*</c> annotations (its issue #722), so the status is
    /// not tagged; a 5xx answer gets Zipkin's <c>error</c> tag (unless a routing failure already set it) so that the
    /// trace shows red in the UI, which Linkerd's did not.
    /// </summary>
    public void Finish(int? statusCode)
    {
        if (statusCode >= 500)
        {
            recording.TagIfAbsent("error", statusCode.Value.ToString(CultureInfo.InvariantCulture));
        }

        recording.TryFinish("ws", out _);
    }
}
