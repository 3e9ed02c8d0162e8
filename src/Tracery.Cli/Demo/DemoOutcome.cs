namespace Tracery.Cli.Demo;

using System.Net;
using Tracery.Tracing.Model;

/// <summary>What the demo's first request gave: hello's answer and its trace (null when not stored in time).</summary>
internal sealed record DemoOutcome(HttpStatusCode Status, string Answer, IReadOnlyList<Span>? Trace)
{
    public bool Succeeded => Status == HttpStatusCode.OK && Trace is not null;
}
