namespace Tracery.Server.Hosting;

using Microsoft.Extensions.Hosting;

/// <summary>
/// A host lifetime that leaves Ctrl-C and SIGTERM to whoever embeds the server. The default console
/// lifetime would swallow those signals to stop Kestrel behind the embedder's back, so the command
/// (or the demo, or a test) never learns it should shut down.
/// </summary>
internal sealed class EmbeddedLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
