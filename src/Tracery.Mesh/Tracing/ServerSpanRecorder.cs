namespace Tracery.Mesh.Tracing;

using Tracery.Mesh.Telemetry;
using Tracery.Tracing.Context;
using Tracery.Tracing.Model;

/// <summary>The state of one sampled SERVER span, from <c>sr</c> to <c>ss</c>. Created only for sampled requests.</summary>
internal sealed class ServerSpanRecorder
{
    private readonly SpanRecording recording;
    private readonly string routerLabel;
    private readonly string method;
    private readonly string uri;
    private readonly IRecentRequestLog? recentRequests;
    private string? logicalName;
    private string? concreteName;

    public ServerSpanRecorder(
        SpanRecording recording, string routerLabel, string method, string uri, string protocol, IRecentRequestLog? recentRequests)
    {
        this.recording = recording;
        this.routerLabel = routerLabel;
        this.method = method;
        this.uri = uri;
        this.recentRequests = recentRequests;
        Protocol = protocol;
        recording.Name = routerLabel;
        recording.Tag("router.label", routerLabel);
        recording.Annotate("wr");
    }

    /// <summary>The HTTP version the caller spoke, for the client span's <c>http.req.version</c>.</summary>
    public string Protocol { get; }

    public Endpoint LocalEndpoint => recording.LocalEndpoint;

    public void SetDestination(string dstPath, string dtabBase, string dtabLocal)
    {
        logicalName = dstPath;
        recording.Name = routerLabel + " " + dstPath;
        recording.Tag("service", dstPath);
        recording.Tag("dtab.base", dtabBase);
        recording.Tag("dtab.local", dtabLocal);
    }

    public void SetBound(string boundId, string residual)
    {
        concreteName = boundId;
        recording.Tag("client", boundId);
        recording.Tag("residual", residual.Length == 0 ? "/" : residual);
    }

    public void SetFailure(RoutingFailure failure, string? reason)
    {
        recording.Tag("io.buoyant.router.Failure", failure.ToString());
        recording.Tag("error", reason ?? failure.ToString());
    }

    public void Finish(int? statusCode)
    {
        if (!recording.TryFinish("ws", out var span))
        {
            return;
        }

        recentRequests?.Add(new RecentRequest(
            DateTimeOffset.UnixEpoch.AddTicks(span.Timestamp * 10), span.TraceId, routerLabel, EndpointText.Address(recording.RemoteEndpoint),
            method, uri, logicalName, concreteName, statusCode, TimeSpan.FromTicks(span.Duration * 10)));
    }

    public TraceContext Context => recording.Context;
}
