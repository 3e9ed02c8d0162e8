namespace Tracery.Cli.Demo;

using System.Net;
using Spectre.Console;
using Tracery.Tracing.Model;

/// <summary>
/// The tutorial's steps on a running <see cref="DemoSession"/>: send GET http://hello/ through node A's
/// outgoing router, print the answer, wait for its trace and draw it, then say what to try next.
/// </summary>
internal sealed class DemoScript(DemoSession session, IAnsiConsole console, TimeProvider time)
{
    /// <summary>An HTTP client that goes through node A's outgoing router, like <c>http_proxy=... curl</c>.</summary>
    public static HttpClient CreateClient(DemoOptions options) =>
        new(new SocketsHttpHandler { Proxy = new WebProxy(options.Proxy), UseProxy = true }) { Timeout = TimeSpan.FromSeconds(15) };

    /// <summary>Runs the steps; the trace is null when it was not stored whole in time.</summary>
    public async Task<DemoOutcome> RunAsync(HttpClient client, CancellationToken cancellationToken)
    {
        var options = session.Options;
        console.MarkupLine($"Sending [bold]GET http://hello/[/] through node A's outgoing router ({options.NodeA}:{options.Ports.Outgoing})");
        var since = time.GetUtcNow();
        using var response = await client.GetAsync("http://hello/", cancellationToken);
        var answer = await response.Content.ReadAsStringAsync(cancellationToken);
        console.MarkupLine($"[bold]{(int)response.StatusCode}[/] {Markup.Escape(answer)}");
        var trace = await new TraceWait(session.Store, time)
            .ForNewTraceAsync(options.OutgoingServiceName, since, DemoOptions.SpansPerRequest, options.TraceTimeout, cancellationToken);
        if (trace is null)
        {
            console.MarkupLine($"[red]No trace with {DemoOptions.SpansPerRequest} spans for service {Markup.Escape(options.OutgoingServiceName)} was stored within {options.TraceTimeout.TotalSeconds:0}s.[/]");
            return new DemoOutcome(response.StatusCode, answer, null);
        }
        WriteTrace(trace);
        DemoLinks.Write(console, options);
        return new DemoOutcome(response.StatusCode, answer, trace);
    }

    private void WriteTrace(IReadOnlyList<Span> trace)
    {
        var start = trace.Min(s => s.Timestamp);
        var duration = trace.Max(s => s.Timestamp + s.Duration) - start;
        console.WriteLine();
        console.MarkupLine($"[bold]Trace {trace[0].TraceId}[/]: {trace.Count} spans, {TraceWaterfall.FormatDuration(duration)}");
        // The names take about 95 columns; the bar gets what is left of the terminal, within reason.
        console.Write(TraceWaterfall.Render(trace, Math.Clamp(console.Profile.Width - 95, 10, 40)));
    }
}
