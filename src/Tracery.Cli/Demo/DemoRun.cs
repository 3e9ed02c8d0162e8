namespace Tracery.Cli.Demo;

using Spectre.Console;

/// <summary>
/// `tracery demo` from start to stop: check every port, start every part, run the tutorial's steps,
/// then either exit (<c>--once</c>) or keep running (with background traffic) until cancelled.
/// </summary>
internal sealed class DemoRun(IAnsiConsole console, TimeProvider time)
{
    /// <summary>0 on success; 1 when a part could not start or the first request gave no trace.</summary>
    public async Task<int> RunAsync(DemoOptions options, bool showConfig, CancellationToken cancellationToken)
    {
        if (PortCheck.FirstUnavailable(DemoListener.All(options)) is var (listener, reason))
        {
            console.MarkupLine($"[red]tracery demo: cannot start the {Markup.Escape(listener.ToString())}: {Markup.Escape(reason)}[/]");
            return 1;
        }
        DemoSession session;
        try
        {
            session = await DemoSession.StartAsync(options, cancellationToken);
        }
        catch (DemoStartException e)
        {
            console.MarkupLine($"[red]tracery demo: {Markup.Escape(e.Message)}[/]");
            return 1;
        }
        await using (session)
        {
            if (showConfig)
            {
                WriteConfig(session.Config);
            }
            using var client = DemoScript.CreateClient(options);
            var outcome = await new DemoScript(session, console, time).RunAsync(client, cancellationToken);
            if (options.Once || !outcome.Succeeded)
            {
                return outcome.Succeeded ? 0 : 1;
            }
            await RunUntilCancelledAsync(options, client, cancellationToken);
            console.MarkupLine("Stopping.");
        }
        return 0;
    }

    private async Task RunUntilCancelledAsync(DemoOptions options, HttpClient client, CancellationToken cancellationToken)
    {
        await using var traffic = options.Traffic > 0 ? new TrafficLoop(client, options.Traffic, time) : null;
        console.MarkupLine(traffic is null
            ? "Running. Ctrl-C stops."
            : $"Running, sending {options.Traffic} request(s) per second to hello. Ctrl-C stops.");
        await Commands.ShutdownSignal.WaitAsync(time, cancellationToken);
        if (traffic is not null)
        {
            console.MarkupLine($"Sent {traffic.Sent} background request(s), {traffic.Failed} failed.");
        }
    }

    private void WriteConfig(DemoConfig config)
    {
        foreach (var path in new[] { Path.Combine(config.DiscoveryDirectory, "hello"), Path.Combine(config.DiscoveryDirectory, "world"), config.NodeAPath, config.NodeBPath })
        {
            console.MarkupLine($"[bold]==> {Markup.Escape(path)}[/]");
            console.WriteLine(File.ReadAllText(path).TrimEnd());
            console.WriteLine();
        }
    }
}
