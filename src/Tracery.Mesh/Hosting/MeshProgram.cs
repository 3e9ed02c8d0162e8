namespace Tracery.Mesh.Hosting;

using Tracery.Mesh.Config;

/// <summary>
/// The mesh as a process: load a config file (or standard input for <c>-</c>), start, print where it listens and
/// run until stopped. Shared by <c>tracery mesh</c> and the Native AOT <c>tracery-mesh</c>, which cannot carry the
/// CLI's command-line library; <paramref name="name"/> prefixes every message so each names itself.
/// </summary>
public static class MeshProgram
{
    /// <returns>0 after a clean stop; 2 for a config that cannot run, before any port is bound.</returns>
    public static async Task<int> RunAsync(string name, string path, CancellationToken cancellationToken)
    {
        InlineIo.PreferInlineCompletions();
        MeshHost host;
        try
        {
            var text = path == "-" ? await Console.In.ReadToEndAsync(cancellationToken) : await File.ReadAllTextAsync(path, cancellationToken);
            host = await MeshHost.StartAsync(new MeshConfigLoader().Load(text), consoleLogging: true, cancellationToken: cancellationToken);
        }
        catch (Exception e) when (e is MeshConfigException or IOException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync($"{name}: {path}: {e.Message}");
            return 2;
        }
        await using (host)
        {
            foreach (var (label, endpoints) in host.RouterEndpoints)
            {
                Console.WriteLine($"{name}: router {label} on {string.Join(", ", endpoints)}");
            }
            if (host.AdminEndpoint is { } admin)
            {
                Console.WriteLine($"{name}: admin on http://{admin}/. Ctrl-C stops.");
            }
            try
            {
                await host.Stopped.WaitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
            }
        }
        return 0;
    }
}
