namespace Tracery.Cli.Tests.Samples;

using HelloWorld;

public sealed class GoDurationTests
{
    [Theory]
    [InlineData("0", 0)]
    [InlineData("250ms", 250)]
    [InlineData("1.5s", 1500)]
    [InlineData("1m30s", 90_000)]
    [InlineData("500us", 0.5)]
    public void ParsesGoDurations(string text, double milliseconds) =>
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), GoDuration.Parse(text));

    [Theory]
    [InlineData("")]
    [InlineData("10")]
    [InlineData("-1s")]
    [InlineData("1s garbage")]
    [InlineData("fast")]
    public void RefusesWhatIsNotADuration(string text)
    {
        var error = Assert.Throws<ArgumentException>(() => GoDuration.Parse(text));
        Assert.Contains($"'{text}'", error.Message);
    }
}
