namespace Tracery.Mesh.Tracing;

using Tracery.Tracing.Context;

/// <summary>
/// The SERVER span of one request through a router. A value type holding the trace context and, only when the
/// request is sampled, a recorder; every method is a no-op when unsampled. <see cref="Dispose"/> ends the span if
/// <see cref="Finish"/> was not called (an exception escaped).
/// </summary>
public readonly struct ServerSpanScope : IDisposable
{
    private readonly ServerSpanRecorder? recorder;

    internal ServerSpanScope(in TraceContext context, ServerSpanRecorder? recorder)
    {
        Context = context;
        this.recorder = recorder;
    }

    /// <summary>This request's span in the trace; client spans are its children.</summary>
    public TraceContext Context { get; }

    /// <summary>True when the span is recorded and reported.</summary>
    public bool IsSampled => recorder is not null;

    internal ServerSpanRecorder? Recorder => recorder;

    /// <summary>Names the span <c>&lt;label&gt; &lt;dst path&gt;</c> and records <c>service</c>, <c>dtab.base</c>, <c>dtab.local</c>.</summary>
    public void SetDestination(string dstPath, string dtabBase, string dtabLocal) =>
        recorder?.SetDestination(dstPath, dtabBase, dtabLocal);

    /// <summary>Records the bound name: <c>client</c> (the bound id) and <c>residual</c> (<c>/</c> when empty).</summary>
    public void SetBound(string boundId, string residual) => recorder?.SetBound(boundId, residual);

    /// <summary>Records <c>io.buoyant.router.Failure</c>, and an <c>error</c> tag with the reason.</summary>
    public void SetFailure(RoutingFailure failure, string? reason = null) => recorder?.SetFailure(failure, reason);

    /// <summary>Fixes the span's end (<c>ss</c>) at this moment; <see cref="Finish"/> reports it later.</summary>
    public void MarkEnd() => recorder?.MarkEnd();

    /// <summary>Ends the span (<c>ss</c>) with the status sent to the caller and reports it.</summary>
    public void Finish(int statusCode) => recorder?.Finish(statusCode);

    public void Dispose() => recorder?.Finish(null);
}
