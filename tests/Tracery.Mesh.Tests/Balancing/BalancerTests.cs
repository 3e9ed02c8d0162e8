namespace Tracery.Mesh.Tests.Balancing;

using Tracery.Mesh.Balancing;
using Tracery.Mesh.Naming;

public sealed class BalancerTests
{
    private static UpstreamEndpoint Endpoint(int port, double weight = 1.0) =>
        new(new Address("127.0.0.1", port, weight), NoFailureAccrual.Instance, new PeakEwma(TimeSpan.FromSeconds(10)));

    [Fact]
    public void RoundRobinFollowsWeightsSmoothly()
    {
        var a = Endpoint(1, 2);
        var b = Endpoint(2, 1);
        var balancer = new RoundRobinBalancer();

        var picks = Enumerable.Range(0, 6).Select(_ => balancer.Pick([a, b]).Address.Port).ToArray();

        Assert.Equal([1, 2, 1, 1, 2, 1], picks);
    }

    [Fact]
    public void PowerOfTwoChoicesAvoidsTheBusierEndpoint()
    {
        var busy = Endpoint(1);
        var idle = Endpoint(2);
        for (var i = 0; i < 3; i++)
        {
            busy.Acquire();
        }
        var balancer = PowerOfTwoChoicesBalancer.LeastLoaded();

        Assert.All(Enumerable.Range(0, 50), _ => Assert.Same(idle, balancer.Pick([busy, idle])));
    }

    [Fact]
    public void PowerOfTwoChoicesDividesLoadByWeight()
    {
        var heavy = Endpoint(1, weight: 4);
        var light = Endpoint(2, weight: 1);
        heavy.Acquire();
        heavy.Acquire(); // 2 in flight over weight 4 is less load than 1 over weight 1
        light.Acquire();

        Assert.Same(heavy, PowerOfTwoChoicesBalancer.LeastLoaded().Pick([heavy, light]));
    }

    [Fact]
    public void PeakEwmaPrefersTheFasterEndpoint()
    {
        var time = TimeProvider.System;
        var slow = Endpoint(1);
        var fast = Endpoint(2);
        slow.Acquire();
        slow.Complete(true, TimeSpan.FromMilliseconds(300), time);
        fast.Acquire();
        fast.Complete(true, TimeSpan.FromMilliseconds(2), time);

        Assert.Same(fast, PowerOfTwoChoicesBalancer.PeakEwmaCost(time).Pick([slow, fast]));
    }

    [Theory]
    [InlineData("p2c")]
    [InlineData("ewma")]
    [InlineData("roundRobin")]
    [InlineData("heap")]
    [InlineData("aperture")]
    public void KnownKindsCreateABalancer(string kind) => Assert.NotNull(LoadBalancers.Create(kind, TimeProvider.System));

    [Fact]
    public void UnknownKindIsAnErrorNamingTheKnownOnes()
    {
        var error = Assert.Throws<ArgumentException>(() => LoadBalancers.Create("leastConn", TimeProvider.System));
        Assert.Contains("unknown loadBalancer kind 'leastConn'", error.Message);
        Assert.Contains("roundRobin", error.Message);
    }
}
