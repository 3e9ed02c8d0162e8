namespace Tracery.Cli.Tests.Samples;

using HelloWorld;

public sealed class ProxyAddressTests
{
    [Theory]
    [InlineData("127.0.0.2:4140")]
    [InlineData("http://127.0.0.2:4140")]
    [InlineData(" http://127.0.0.2:4140/ ")]
    public void ReadsTheProxyWithOrWithoutScheme(string value) =>
        Assert.Equal(new Uri("http://127.0.0.2:4140/"), ProxyAddress.Parse(value));

    [Theory]
    [InlineData("https://127.0.0.2:4140")]
    [InlineData("http://")]
    [InlineData("not a proxy")]
    public void RefusesWhatIsNotAnHttpProxy(string value)
    {
        var error = Assert.Throws<ArgumentException>(() => ProxyAddress.Parse(value));
        Assert.Contains($"'{value}'", error.Message);
    }
}
