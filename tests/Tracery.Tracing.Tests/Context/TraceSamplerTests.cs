namespace Tracery.Tracing.Tests.Context;

using Tracery.Tracing.Context;

public sealed class TraceSamplerTests
{
    [Fact]
    public void RateOneKeepsEverythingAndZeroNothing()
    {
        var sampler = new TraceSampler(12345);

        for (var id = 1UL; id < 1000; id++)
        {
            Assert.True(sampler.IsSampled(id * 0x9e3779b97f4a7c15, 1.0));
            Assert.False(sampler.IsSampled(id * 0x9e3779b97f4a7c15, 0.0));
        }
    }

    [Fact]
    public void DecidesByLinkerdsFormula()
    {
        const long salt = 0x5555;
        var sampler = new TraceSampler(salt);
        const ulong traceId = 0x216a2aea45d08fc9;

        var bucket = Math.Abs((long)traceId ^ salt) % 10000;

        Assert.Equal(bucket < 10, sampler.IsSampled(traceId, 0.001));
        Assert.True(sampler.IsSampled(traceId, (bucket + 1) / 10000.0));
        Assert.False(sampler.IsSampled(traceId, bucket / 10000.0));
    }

    [Fact]
    public void KeepsAboutTheRateOfRandomTraces()
    {
        var sampler = new TraceSampler();
        var random = new Random(7);
        var kept = Enumerable.Range(0, 100_000).Count(_ => sampler.IsSampled((ulong)random.NextInt64(), 0.1));

        Assert.InRange(kept, 9_000, 11_000);
    }

    [Fact]
    public void TheSameTraceGetsTheSameDecision()
    {
        var sampler = new TraceSampler();

        var first = sampler.IsSampled(42, 0.5);

        Assert.All(Enumerable.Range(0, 10), _ => Assert.Equal(first, sampler.IsSampled(42, 0.5)));
    }
}
