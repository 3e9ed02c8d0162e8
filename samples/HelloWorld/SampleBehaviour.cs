namespace HelloWorld;

/// <summary>
/// The latency and failure rate of a running app: set at start and changed at run time through
/// <c>POST /setLatency</c> and <c>POST /setFailureRate</c>, read by every request.
/// </summary>
public sealed class SampleBehaviour
{
    private long latencyTicks;
    private double failureRate;

    public SampleBehaviour(TimeSpan latency, double failureRate)
    {
        Latency = latency;
        FailureRate = failureRate;
    }

    public TimeSpan Latency
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref latencyTicks));
        set => Interlocked.Exchange(ref latencyTicks, value.Ticks);
    }

    public double FailureRate
    {
        get => Volatile.Read(ref failureRate);
        set => Volatile.Write(ref failureRate, value);
    }

    /// <summary>Whether this request fails, drawn against the failure rate.</summary>
    public bool DrawFailure() => Random.Shared.NextDouble() < FailureRate;
}
