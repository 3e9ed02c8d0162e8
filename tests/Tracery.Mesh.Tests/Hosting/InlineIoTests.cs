namespace Tracery.Mesh.Tests.Hosting;

using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Tracery.Mesh.Hosting;

/// <summary>
/// Inline I/O: requests run on the socket threads. The runtime's switch is an environment variable read once per
/// process, so this test process (whose sockets exist already) is not changed by setting it; the tests check
/// what the mesh process would start with.
/// </summary>
public sealed class InlineIoTests
{
    private const string Variable = "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS";

    [Fact]
    public void KestrelRunsRequestsOnTheTransportThreadWithoutAZeroByteRead()
    {
        var options = new SocketTransportOptions();

        InlineIo.Configure(options);

        Assert.True(options.UnsafePreferInlineScheduling);
        Assert.False(options.WaitForDataBeforeAllocatingBuffer);
    }

    [Fact]
    public void InlineCompletionsAreTurnedOnUnlessTheOperatorChoseAlready()
    {
        var before = Environment.GetEnvironmentVariable(Variable);
        try
        {
            Environment.SetEnvironmentVariable(Variable, null);
            InlineIo.PreferInlineCompletions();
            Assert.Equal("1", Environment.GetEnvironmentVariable(Variable));

            Environment.SetEnvironmentVariable(Variable, "0");
            InlineIo.PreferInlineCompletions();
            Assert.Equal("0", Environment.GetEnvironmentVariable(Variable));
        }
        finally
        {
            Environment.SetEnvironmentVariable(Variable, before);
        }
    }
}
