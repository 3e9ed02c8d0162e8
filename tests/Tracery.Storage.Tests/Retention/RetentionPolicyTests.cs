namespace Tracery.Storage.Tests.Retention;

using Tracery.Storage.Retention;

public sealed class RetentionPolicyTests
{
    [Fact]
    public void NoRetention_NeedsNoSweeper() => Assert.Null(RetentionPolicy.From(new StorageOptions()));

    [Theory]
    [InlineData(7 * 24 * 60, null, 60)]  // a week: hourly at most
    [InlineData(60, null, 6)]            // an hour: every tenth of it
    [InlineData(7 * 24 * 60, 1L << 30, 1)] // a size limit: every minute
    [InlineData(null, 1L << 30, 1)]
    public void Interval_IsATenthOfTheAgeAtMostHourly_OrAMinuteWithASize(int? ageMinutes, long? maxBytes, int minutes)
    {
        var options = new StorageOptions { Retention = ageMinutes is { } m ? TimeSpan.FromMinutes(m) : null, RetentionSize = maxBytes };
        Assert.Equal(TimeSpan.FromMinutes(minutes), RetentionPolicy.From(options)!.Interval);
    }

    [Fact]
    public void NonPositiveSize_IsNamed() =>
        Assert.Contains("retention size must be positive", Assert.Throws<ArgumentException>(() => new StorageOptions { RetentionSize = 0 }.Validate()).Message);
}
