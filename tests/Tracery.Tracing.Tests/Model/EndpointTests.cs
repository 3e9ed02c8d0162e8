namespace Tracery.Tracing.Tests.Model;

using Tracery.Tracing.Model;

public sealed class EndpointTests
{
    [Theory]
    [InlineData("::ffff:192.168.99.101", "192.168.99.101", null)]
    [InlineData("::192.168.99.101", "192.168.99.101", null)]
    [InlineData("::1", null, "::1")]
    [InlineData("2001:DB8:0:0:0:0:0:C001", null, "2001:db8::c001")]
    [InlineData("2001:db8:0:1:1:1:1:1", null, "2001:db8:0:1:1:1:1:1")]
    [InlineData("2001:0:0:1:0:0:0:1", null, "2001:0:0:1::1")]
    [InlineData("10.0.0.1", "10.0.0.1", null)]
    [InlineData("52.0.0.04", "52.0.0.4", null)]
    [InlineData("10.0.0", null, null)]
    [InlineData("256.0.0.1", null, null)]
    [InlineData("localhost", null, null)]
    public void IpTextIsClassifiedAndCanonical(string ip, string? ipv4, string? ipv6)
    {
        var endpoint = Endpoint.Create("svc", ip);
        Assert.Equal(ipv4, endpoint!.Ipv4);
        Assert.Equal(ipv6, endpoint.Ipv6);
    }

    [Fact]
    public void V6TextInTheIpv4FieldStillLandsInIpv6()
    {
        var endpoint = Endpoint.Create(null, "2001:db8::c001", null, 0);
        Assert.Equal(new Endpoint(null, null, "2001:db8::c001", 0), endpoint);
    }

    [Fact]
    public void ServiceNameIsLowerCasedAndEmptyIsAbsent()
    {
        Assert.Equal("frontend", Endpoint.Create("FrontEnd", null)!.ServiceName);
        Assert.Null(Endpoint.Create("", "10.0.0.1")!.ServiceName);
    }

    [Fact]
    public void NothingLeftMeansNoEndpoint()
    {
        Assert.Null(Endpoint.Create("", "not-an-ip", -1));
        Assert.Null(Endpoint.Create(null, null, null, 0));
    }

    [Theory]
    [InlineData(-80, 0)]
    [InlineData(0, 0)]
    [InlineData(65535, 65535)]
    public void PortsAtOrBelowZeroAreAbsent(int port, int expected) => Assert.Equal(expected, Endpoint.Create("a", null, port)!.Port);

    [Fact]
    public void PortAbove65535IsAnError() =>
        Assert.Equal("invalid port 65536", Assert.Throws<ArgumentException>(() => Endpoint.Create("a", null, 65536)).Message);
}
