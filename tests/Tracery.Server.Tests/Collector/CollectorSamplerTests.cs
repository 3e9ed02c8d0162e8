namespace Tracery.Server.Tests.Collector;

using Tracery.Server.Collector;
using Tracery.Tracing.Model;

public sealed class CollectorSamplerTests
{
    private static Span SpanOf(string traceId, bool debug = false) => new() { TraceId = traceId, Id = "0000000000000001", Debug = debug };

    [Fact]
    public void DecisionDependsOnlyOnTheLow64BitsOfTheTraceId()
    {
        var sampler = new CollectorSampler(0.5);
        // 0x7fff... is far above half of long.MaxValue; 0x0000...1 far below it.
        Assert.False(sampler.IsSampled(SpanOf("7fffffffffffffff")));
        Assert.False(sampler.IsSampled(SpanOf("00000000000000017fffffffffffffff")));
        Assert.True(sampler.IsSampled(SpanOf("0000000000000001")));
        Assert.True(sampler.IsSampled(SpanOf("ffffffffffffffff0000000000000001")));
    }

    [Fact]
    public void NegativeLowBitsUseTheirMagnitude()
    {
        var sampler = new CollectorSampler(0.5);
        Assert.True(sampler.IsSampled(SpanOf("ffffffffffffffff")));   // -1
        Assert.False(sampler.IsSampled(SpanOf("8000000000000000")));  // long.MinValue counts as MaxValue
    }

    [Fact]
    public void DebugSpansAreAlwaysKept() => Assert.True(new CollectorSampler(0.0).IsSampled(SpanOf("7fffffffffffffff", debug: true)));

    [Fact]
    public void RateIsNearTheShareOfTracesKept()
    {
        var sampler = new CollectorSampler(0.2);
        var random = new Random(7);
        var kept = Enumerable.Range(0, 20_000).Count(_ => sampler.IsSampled(SpanOf(((ulong)random.NextInt64()).ToString("x16"))));
        Assert.InRange(kept / 20_000.0, 0.18, 0.22);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.1)]
    [InlineData(double.NaN)]
    public void RateOutsideZeroToOneIsRefused(double rate) => Assert.Throws<ArgumentOutOfRangeException>(() => new CollectorSampler(rate));
}
