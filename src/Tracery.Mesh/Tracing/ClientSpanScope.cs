namespace Tracery.Mesh.Tracing;

using Tracery.Mesh.Classification;
using Tracery.Tracing.Context;

/// <summary>
/// The CLIENT span of one forwarding attempt. A value type holding the attempt's trace context and, only when
/// sampled, a recorder; every method is a no-op when unsampled. <see cref="Dispose"/> ends the span if
/// <see cref="Finish"/> was not called.
/// </summary>
public readonly struct ClientSpanScope : IDisposable
{
    private readonly ClientSpanRecorder? recorder;

    internal ClientSpanScope(in TraceContext context, ClientSpanRecorder? recorder)
    {
        Context = context;
        this.recorder = recorder;
    }

    /// <summary>The attempt's span, as written onto the outgoing request.</summary>
    public TraceContext Context { get; }

    public bool IsSampled => recorder is not null;

    /// <summary>Records the response's <c>http.rsp.*</c> annotations (status, version, length, type, transfer encoding).</summary>
    public void RecordResponse(HttpResponseMessage response) => recorder?.RecordResponse(response);

    /// <summary>Records the classifier's verdict: <c>l5d.success</c>, <c>l5d.retryable</c> or <c>l5d.failure</c>.</summary>
    public void RecordOutcome(ResponseClass outcome) => recorder?.RecordOutcome(outcome);

    /// <summary>Records why the attempt failed without a response (connection refused, timeout) as an <c>error</c> tag.</summary>
    public void RecordError(string error) => recorder?.RecordError(error);

    /// <summary>Ends the span (<c>cr</c>) and reports it.</summary>
    public void Finish() => recorder?.Finish();

    public void Dispose() => recorder?.Finish();
}
