namespace Tracery.Tracing.Tests.Context;

using Tracery.Tracing.Context;

public sealed class L5dSampleTests
{
    [Theory]
    [InlineData("1.0", 1.0)]
    [InlineData("0.25", 0.25)]
    [InlineData("7", 1.0)]
    [InlineData("-3", 0.0)]
    [InlineData(" 0.5 ", 0.5)]
    public void ParsesAndClamps(string value, double expected)
    {
        Assert.True(L5dSample.TryParse(value, out var rate));
        Assert.Equal(expected, rate);
    }

    [Theory]
    [InlineData("")]
    [InlineData("yes")]
    [InlineData("NaN")]
    public void RejectsNonNumbers(string value)
    {
        Assert.False(L5dSample.TryParse(value, out _));
    }
}
