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
        Protocol = request.Protocol;
        Path = request.PathBase.Add(request.Path).ToUriComponent();
        Uri = Path + request.QueryString.ToUriComponent();
        recording.Name = routerLabel;
        recording.Tag("router.label", routerLabel);
        recording.Annotate("wr");
    }

    /// <summary>The HTTP version the caller spoke, for the client span's <c>http.req.version</c>.</summary>
    public string Protocol { get; }

    /// <summary>The request's path, for client spans when the forwarder has not yet set the outgoing URI.</summary>
    public string Path { get; }

    /// <summary>The request's path and query (origin form).</summary>
    public string Uri { get; }

    public Endpoint LocalEndpoint => recording.LocalEndpoint;

    public void SetDestination(string dstPath, string dtabBase, string dtabLocal)
    {
        recording.Name = routerLabel + " " + dstPath;
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
