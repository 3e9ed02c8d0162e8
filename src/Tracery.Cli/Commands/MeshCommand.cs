namespace Tracery.Cli.Commands;

using System.CommandLine;
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
        command.SetAction((parseResult, cancellationToken) => MeshProgram.RunAsync("tracery mesh", parseResult.GetValue(ConfigPath)!, cancellationToken));
        return command;
    }
}
