namespace Tracery.Cli.Demo;

using Spectre.Console;

/// <summary>What to try next, printed after the first trace: the tutorial's steps, with this machine's addresses.</summary>
internal static class DemoLinks
{
    public static IReadOnlyList<(string What, string Link)> For(DemoOptions options)
    {
        var p = options.Ports;
        return
        [
            ("the trace in the UI", $"{options.TraceServer}zipkin/?serviceName={Uri.EscapeDataString(options.OutgoingServiceName)}"),
            ("node A's admin dashboard", $"http://{options.NodeA}:{p.Admin}/"),
            ("node B's admin dashboard", $"http://{options.NodeB}:{p.Admin}/"),
            ("another request", $"http_proxy={options.Proxy.ToString().TrimEnd('/')} curl -s http://hello"),
            ("slow world down", $"curl -X POST 'http://{options.NodeB}:{p.World}/setLatency?latency=500ms'"),
            ("make world fail", $"curl -X POST 'http://{options.NodeB}:{p.World}/setFailureRate?failureRate=0.5'"),
        ];
    }

    public static void Write(IAnsiConsole console, DemoOptions options)
    {
        console.MarkupLine("[bold]Try next:[/]");
        foreach (var (what, link) in For(options))
        {
            console.MarkupLine($"  {Markup.Escape(what + ":"),-27} {Markup.Escape(link)}");
        }
    }
}
