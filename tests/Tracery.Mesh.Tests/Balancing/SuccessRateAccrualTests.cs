namespace Tracery.Mesh.Tests.Balancing;

using Microsoft.Extensions.Time.Testing;
using Tracery.Mesh.Balancing;
using Tracery.Mesh.Classification;
using Tracery.Mesh.Config;
using Tracery.Mesh.Hosting;
using Tracery.Mesh.Naming;
using Tracery.Mesh.Tests.Support;

/// <summary><c>io.l5d.successRate</c> and <c>io.l5d.successRateWindowed</c>, on a fake clock.</summary>
public sealed class SuccessRateAccrualTests
{
    private static readonly IBackoff FiveSeconds = new ConstantBackoff(TimeSpan.FromSeconds(5));
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public void SuccessRateWaitsForTheWindowOfRequestsThenMarksDeadBelowTheRate()
    {
        var accrual = new SuccessRateAccrual(0.8, 10, FiveSeconds);
        var now = _time.GetUtcNow();
        for (var i = 0; i < 9; i++)
        {
            accrual.RecordFailure(now); // nine failures: still fewer than 'requests' seen
        }
        Assert.True(accrual.IsAvailable(now));

        accrual.RecordFailure(now);

        Assert.False(accrual.IsAvailable(now));
        Assert.Equal("dead", accrual.State(now.AddSeconds(4)));
        Assert.True(accrual.IsAvailable(now.AddSeconds(5)));
    }

    [Fact]
    public void OccasionalFailuresAboveTheRateKeepTheEndpoint()
    {
        var accrual = new SuccessRateAccrual(0.8, 10, FiveSeconds);
        var now = _time.GetUtcNow();
        for (var i = 0; i < 100; i++)
        {
            if (i % 10 == 9)
            {
                accrual.RecordFailure(now); // 90 % success
            }
            else
            {
                accrual.RecordSuccess(now);
            }
        }

        Assert.True(accrual.IsAvailable(now));
        Assert.InRange(accrual.Rate, 0.8, 1.0);
    }

    [Fact]
    public void ASuccessfulProbeRevivesAndForgetsTheHistory()
    {
        var accrual = new SuccessRateAccrual(0.5, 3, FiveSeconds);
        var now = _time.GetUtcNow();
        for (var i = 0; i < 3; i++)
        {
            accrual.RecordFailure(now);
        }
        Assert.False(accrual.IsAvailable(now));

        accrual.RecordSuccess(now.AddSeconds(5)); // the probe
        accrual.RecordFailure(now.AddSeconds(5));
        accrual.RecordFailure(now.AddSeconds(5));

        Assert.Equal("alive", accrual.State(now.AddSeconds(5))); // two requests since revival: fewer than the window
    }

    [Fact]
    public void WindowedWaitsForAWholeWindowAndEnoughRequests()
    {
        var accrual = new SuccessRateWindowedAccrual(0.9, TimeSpan.FromSeconds(30), FiveSeconds, _time.GetUtcNow());
        for (var i = 0; i < 10; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(2));
            accrual.RecordFailure(_time.GetUtcNow()); // within the first window: never removed
        }
        Assert.True(accrual.IsAvailable(_time.GetUtcNow()));

        _time.Advance(TimeSpan.FromSeconds(11)); // 31 s since start, 9 failures in the last 30 s
        accrual.RecordFailure(_time.GetUtcNow());

        Assert.False(accrual.IsAvailable(_time.GetUtcNow()));
        _time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal("probing", accrual.State(_time.GetUtcNow()));
    }

    [Fact]
    public void WindowedNeedsFiveRequestsInTheLastWindow()
    {
        var accrual = new SuccessRateWindowedAccrual(0.9, TimeSpan.FromSeconds(10), FiveSeconds, _time.GetUtcNow());
        _time.Advance(TimeSpan.FromSeconds(20));
        for (var i = 0; i < SuccessRateWindowedAccrual.MinRequests - 1; i++)
        {
            accrual.RecordFailure(_time.GetUtcNow());
        }
        Assert.True(accrual.IsAvailable(_time.GetUtcNow()));

        accrual.RecordFailure(_time.GetUtcNow());

        Assert.False(accrual.IsAvailable(_time.GetUtcNow()));
    }

    [Fact]
    public void WindowedRecoveringSuccessRateOutweighsOldFailures()
    {
        var accrual = new SuccessRateWindowedAccrual(0.5, TimeSpan.FromSeconds(10), FiveSeconds, _time.GetUtcNow());
        for (var i = 0; i < 4; i++)
        {
            accrual.RecordFailure(_time.GetUtcNow());
        }
        for (var i = 0; i < 40; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            accrual.RecordSuccess(_time.GetUtcNow());
        }

        accrual.RecordFailure(_time.GetUtcNow());

        Assert.True(accrual.IsAvailable(_time.GetUtcNow()));
        Assert.True(accrual.Rate > 0.5);
    }

    [Fact]
    public void AClientSkipsTheEndpointItsPolicyMarkedDeadUntilTheBackoffEnds()
    {
        var config = new MeshConfigLoader().Load("""
            routers:
            - protocol: http
              servers: [{port: 0}]
              client:
                failureAccrual:
                  kind: io.l5d.successRate
                  successRate: 0.9
                  requests: 4
                  backoff: {kind: constant, ms: 10000}
            """);
        var policy = PolicyMapping.Client(config.Routers[0].Client.Default, "client");
        var bad = new Address("127.0.0.1", 1);
        var good = new Address("127.0.0.1", 2);
        using var client = new MeshClient(new BoundName("/#/io.l5d.fs/web", new StaticAddressSet(bad, good), NamePath.Empty), policy, _time);
        var badEndpoint = client.Endpoints.Single(e => e.Address == bad);
        for (var i = 0; i < 4; i++)
        {
            badEndpoint.Acquire();
            badEndpoint.Complete(false, TimeSpan.FromMilliseconds(1), _time);
        }

        Assert.All(Enumerable.Range(0, 20), _ => Assert.Equal(good, client.Pick()!.Address));
        _time.Advance(TimeSpan.FromSeconds(10));
        Assert.Contains(Enumerable.Range(0, 50).Select(_ => client.Pick()!.Address), a => a == bad);
    }
}
