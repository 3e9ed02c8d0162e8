namespace Tracery.Mesh.Tests.Balancing;

using Tracery.Mesh.Balancing;
using Tracery.Mesh.Classification;

public sealed class FailureAccrualTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void FiveConsecutiveFailuresMarkDeadUntilTheBackoffEnds()
    {
        var accrual = new ConsecutiveFailuresAccrual(5, new ConstantBackoff(TimeSpan.FromSeconds(5)));
        for (var i = 0; i < 4; i++)
        {
            accrual.RecordFailure(Start);
        }
        Assert.True(accrual.IsAvailable(Start));

        accrual.RecordFailure(Start);

        Assert.False(accrual.IsAvailable(Start.AddSeconds(4.9)));
        Assert.Equal("dead", accrual.State(Start.AddSeconds(1)));
        Assert.True(accrual.IsAvailable(Start.AddSeconds(5)));
        Assert.Equal("probing", accrual.State(Start.AddSeconds(5)));
    }

    [Fact]
    public void ASuccessBetweenFailuresResetsTheCount()
    {
        var accrual = new ConsecutiveFailuresAccrual(5, new ConstantBackoff(TimeSpan.FromSeconds(5)));
        for (var i = 0; i < 4; i++)
        {
            accrual.RecordFailure(Start);
        }
        accrual.RecordSuccess(Start);
        for (var i = 0; i < 4; i++)
        {
            accrual.RecordFailure(Start);
        }

        Assert.True(accrual.IsAvailable(Start));
    }

    [Fact]
    public void AFailedProbeKillsAgainWithALongerBackoffAndASuccessfulOneRevives()
    {
        var accrual = new ConsecutiveFailuresAccrual(1, new JitteredBackoff(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(300), () => 1.0));
        accrual.RecordFailure(Start); // dead for 5 s
        var probe = Start.AddSeconds(5);
        accrual.RecordFailure(probe); // probe failed: dead for 10 s

        Assert.False(accrual.IsAvailable(probe.AddSeconds(9.9)));
        Assert.True(accrual.IsAvailable(probe.AddSeconds(10)));

        accrual.RecordSuccess(Start);
        Assert.Equal("alive", accrual.State(probe.AddSeconds(10)));
    }

    [Fact]
    public void JitteredBackoffStaysWithinItsBoundsAndGrows()
    {
        var high = new JitteredBackoff(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(300), () => 1.0);
        var low = new JitteredBackoff(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(300), () => 0.0);

        Assert.Equal(TimeSpan.FromSeconds(5), high.Delay(1));
        Assert.Equal(TimeSpan.FromSeconds(20), high.Delay(3));
        Assert.Equal(TimeSpan.FromSeconds(300), high.Delay(20));
        Assert.Equal(TimeSpan.FromSeconds(5), low.Delay(20));
    }
}
