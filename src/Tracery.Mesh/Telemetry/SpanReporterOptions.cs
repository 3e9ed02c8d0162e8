namespace Tracery.Mesh.Telemetry;

/// <summary>How a reporter buffers and batches spans.</summary>
/// <param name="QueueCapacity">Spans held while the collector is slow or down; more are dropped and counted.</param>
/// <param name="BatchSize">
/// The most spans sent in one message: about zipkin-reporter's 500 KB <c>messageMaxBytes</c>. At a proxy's full speed
/// (thousands of spans a second) smaller messages left the reporter behind and its queue full.
/// </param>
/// <param name="SendTimeout">How long one send may take before the batch is counted as failed.</param>
/// <param name="RetryDelay">The pause after a failed send, so a down collector is not hammered.</param>
/// <param name="FlushInterval">
/// How long a batch that is not yet full waits for more spans before it is sent (zipkin-reporter's
/// <c>messageTimeout</c>). Without it a busy proxy sends one message per handful of spans, and each message costs
/// far more than the spans in it.
/// </param>
public sealed record SpanReporterOptions(
    int QueueCapacity = 10_000,
    int BatchSize = 1_000,
    TimeSpan? SendTimeout = null,
    TimeSpan? RetryDelay = null,
    TimeSpan? FlushInterval = null)
{
    public TimeSpan EffectiveFlushInterval => FlushInterval ?? TimeSpan.FromMilliseconds(200);

    public TimeSpan EffectiveSendTimeout => SendTimeout ?? TimeSpan.FromSeconds(5);

    public TimeSpan EffectiveRetryDelay => RetryDelay ?? TimeSpan.FromMilliseconds(500);
}
