namespace Tracery.Tracing.Tests.Context;

using Tracery.Tracing.Context;

public sealed class B3MultiHeadersTests
{
    [Fact]
    public void ParsesAllHeadersKeepingA128BitTraceId()
    {
        Assert.True(B3MultiHeaders.TryParse(
            "463ac35c9f6413ad48485a3953bb6124", "a2fb4a1d1a96d312", "0020000000000001", "1", null, out var context));

        Assert.Equal("463ac35c9f6413ad48485a3953bb6124", context.TraceIdHex);
        Assert.Equal(0xa2fb4a1d1a96d312UL, context.SpanId);
        Assert.Equal(0x0020000000000001UL, context.ParentId);
        Assert.True(context.Sampled);
    }

    [Theory]
    [InlineData("1", true)]
    [InlineData("0", false)]
    [InlineData("true", true)]
    [InlineData("False", false)]
    [InlineData("maybe", null)]
    [InlineData(null, null)]
    public void ReadsTheSampledHeader(string? sampled, bool? expected)
    {
        Assert.True(B3MultiHeaders.TryParse("48485a3953bb6124", "a2fb4a1d1a96d312", null, sampled, null, out var context));

        Assert.Equal(expected, context.Sampled);
    }

    [Fact]
    public void FlagsOfOneMeanDebugAndSampled()
    {
        Assert.True(B3MultiHeaders.TryParse("48485a3953bb6124", "a2fb4a1d1a96d312", null, null, "1", out var context));

        Assert.True(context.Debug);
        Assert.True(context.IsSampled);
    }

    [Fact]
    public void BadIdsLeaveOnlyTheSamplingDecision()
    {
        Assert.True(B3MultiHeaders.TryParse("not-hex", "a2fb4a1d1a96d312", null, "0", null, out var context));

        Assert.False(context.HasIds);
        Assert.False(context.Sampled);
    }

    [Theory]
    [InlineData(null, "a2fb4a1d1a96d312")]
    [InlineData("48485a3953bb6124", null)]
    [InlineData("48485a3953bb6124", "0000000000000000")]
    [InlineData("48485a3953bb612448485a3953bb61240", "a2fb4a1d1a96d312")]
    public void NothingUsableIsRejected(string? traceId, string? spanId)
    {
        Assert.False(B3MultiHeaders.TryParse(traceId, spanId, null, null, null, out var context));
        Assert.False(context.HasIds);
    }

    [Fact]
    public void ABadParentIdIsDropped()
    {
        Assert.True(B3MultiHeaders.TryParse("48485a3953bb6124", "a2fb4a1d1a96d312", "xyz", null, null, out var context));

        Assert.Equal(0UL, context.ParentId);
    }
}
