namespace Tracery.Server.Collector;

using Tracery.Storage;
using Tracery.Tracing.Model;

/// <summary>
/// Zipkin's <c>CollectorSampler</c>: keeps a span when it is debug or when the absolute value of the
/// low 64 bits of its trace id is at most <c>long.MaxValue * rate</c>. Deciding on the trace id alone
/// keeps or drops every span of a trace together, on every collector.
/// </summary>
public sealed class CollectorSampler
{
    private readonly long boundary;

    public CollectorSampler(double rate)
    {
        if (double.IsNaN(rate) || rate < 0 || rate > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(rate), rate, "sample rate must be between 0.0 and 1.0");
        }
        Rate = rate;
        boundary = (long)(long.MaxValue * rate);
    }

    public double Rate { get; }

    public bool IsSampled(Span span)
    {
        if (span.Debug || Rate >= 1.0)
        {
            return true;
        }
        var value = (long)SpanIds.ParseHex(TraceIds.LowBits(span.TraceId));
        // Math.Abs(long.MinValue) overflows; Zipkin maps it to MaxValue.
        var magnitude = value == long.MinValue ? long.MaxValue : Math.Abs(value);
        return magnitude <= boundary;
    }
}
