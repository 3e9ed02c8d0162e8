namespace Tracery.Mesh.Tests.Metrics;

using Microsoft.Extensions.Time.Testing;
using Tracery.Mesh.Metrics;

/// <summary>Histograms report the last completed minute (Finagle's latched histograms), on a fake clock.</summary>
public sealed class HistogramWindowTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 12, 0, 45, TimeSpan.Zero));

    private static double Field(MetricsRegistry registry, string field) =>
        registry.Flatten("lat.").Single(v => v.Key == $"lat.{field}").Value;

    [Fact]
    public void ValuesShowOnlyOnceTheirMinuteHasEndedAndOnlyForTheNextMinute()
    {
        using var registry = new MetricsRegistry(_time);
        var histogram = registry.Histogram("lat");
        histogram.Record(TimeSpan.FromMilliseconds(10));
        histogram.Record(TimeSpan.FromMilliseconds(20));
        histogram.Record(TimeSpan.FromMilliseconds(30));

        Assert.Equal(0, Field(registry, "count")); // the first minute is still running

        _time.Advance(TimeSpan.FromSeconds(15)); // 12:01:00
        histogram.Record(TimeSpan.FromMilliseconds(500));

        Assert.Equal(3, Field(registry, "count"));
        Assert.Equal(20, Field(registry, "p50"), 0.5);
        Assert.Equal(30, Field(registry, "max"), 0.5);
        Assert.Equal(10, Field(registry, "min"), 0.5);
        Assert.Equal(20, Field(registry, "avg"), 0.5);
        Assert.Equal(60, Field(registry, "sum"), 1.5);

        _time.Advance(TimeSpan.FromSeconds(59)); // 12:01:59: the same window is still shown
        Assert.Equal(3, Field(registry, "count"));

        _time.Advance(TimeSpan.FromSeconds(1)); // 12:02:00
        Assert.Equal(1, Field(registry, "count"));
        Assert.Equal(500, Field(registry, "p99"), 5.0);

        _time.Advance(TimeSpan.FromMinutes(1)); // a minute without requests
        Assert.Equal(0, Field(registry, "count"));
        Assert.Equal(0, Field(registry, "max"));
    }

    [Fact]
    public void WindowsFollowMinuteBoundariesAndAllHistogramsRollTogether()
    {
        using var registry = new MetricsRegistry(_time);
        registry.Histogram("lat").Record(TimeSpan.FromMilliseconds(1));
        registry.Histogram("other").Record(TimeSpan.FromMilliseconds(1));

        Assert.Equal(new DateTimeOffset(2026, 1, 1, 12, 1, 0, TimeSpan.Zero), registry.WindowEnds);
        _time.Advance(TimeSpan.FromSeconds(15));

        Assert.Equal(new DateTimeOffset(2026, 1, 1, 12, 2, 0, TimeSpan.Zero), registry.WindowEnds);
        Assert.Equal(1, registry.Flatten().Single(v => v.Key == "other.count").Value);
        Assert.Equal(1, Field(registry, "count"));
    }

    [Fact]
    public void CountersStayCumulative()
    {
        using var registry = new MetricsRegistry(_time);
        registry.Counter("requests").Add(3);

        _time.Advance(TimeSpan.FromMinutes(2));
        registry.Counter("requests").Increment();

        Assert.Equal(4, registry.Flatten().Single(v => v.Key == "requests").Value);
    }
}
