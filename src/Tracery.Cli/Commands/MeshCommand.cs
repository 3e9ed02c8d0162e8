namespace Tracery.Cli.Commands;

using System.CommandLine;
using Tracery.Mesh.Config;
using Tracery.Mesh.Hosting;

/// <summary>
/// `tracery mesh &lt;config.yaml&gt;`: the Linkerd-1-compatible proxy. Runs until Ctrl-C or <c>POST /admin/shutdown</c>.
/// A config that cannot run prints the loader's error (key and line) and exits 2 before any port is bound.
/// </summary>
internal static class MeshCommand
{
    private static readonly Argument<string> ConfigPath = new("config") { Description = "Linkerd config file (YAML or JSON), or - for standard input" };

    public static Command Create()
    {
        var command = new Command("mesh", "Run the mesh proxy (Linkerd 1 config: routers, namers, telemetry, admin) until Ctrl-C.");
        command.Arguments.Add(ConfigPath);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var path = parseResult.GetValue(ConfigPath)!;
            MeshHost host;
            try
            {
                var text = path == "-" ? await Console.In.ReadToEndAsync(cancellationToken) : await File.ReadAllTextAsync(path, cancellationToken);
                host = await MeshHost.StartAsync(new MeshConfigLoader().Load(text), consoleLogging: true, cancellationToken: cancellationToken);
            }
            catch (Exception e) when (e is MeshConfigException or IOException or UnauthorizedAccessException)
            {
                await Console.Error.WriteLineAsync($"tracery mesh: {path}: {e.Message}");
                return 2;
            }
            await using (host)
            {
                foreach (var (label, endpoints) in host.RouterEndpoints)
                {
                    Console.WriteLine($"tracery mesh: router {label} on {string.Join(", ", endpoints)}");
                }
                if (host.AdminEndpoint is { } admin)
                {
                    Console.WriteLine($"tracery mesh: admin on http://{admin}/. Ctrl-C stops.");
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
        });
        return command;
    }
}
