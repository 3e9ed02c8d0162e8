namespace Tracery.Mesh.Telemetry;

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Tracery.Mesh.Tracing;

/// <summary>
/// The proxy's tracing telemeters, started from their settings: one background <see cref="SpanReporter"/> per span
/// telemeter, and the combined sample rate. (<c>io.l5d.recentRequests</c> lives with the admin server.) Routers get their tracers from here.
/// </summary>
public sealed class MeshTelemetry : IAsyncDisposable
{
    private readonly IReadOnlyList<SpanReporter> reporters;
    private readonly TimeProvider time;

    private MeshTelemetry(IReadOnlyList<SpanReporter> reporters, double sampleRate, TimeProvider time)
    {
        this.reporters = reporters;
        this.time = time;
        SampleRate = sampleRate;
        Spans = reporters.Count == 1 ? reporters[0] : reporters.Count > 1 ? new BroadcastSpanSink(reporters) : null;
    }

    /// <summary>The largest telemeter rate: a trace any telemeter keeps is kept for all (Finagle's <c>BroadcastTracer</c>).</summary>
    public double SampleRate { get; }

    /// <summary>Where spans go, or null when no telemeter reports spans.</summary>
    public ISpanSink? Spans { get; }

    public IReadOnlyList<SpanReporter> Reporters => reporters;

    public static MeshTelemetry Start(
        IEnumerable<TelemeterOptions> telemeters, ILoggerFactory? loggers = null, TimeProvider? time = null, SpanReporterOptions? reporting = null)
    {
        var list = telemeters.ToList();
        loggers ??= NullLoggerFactory.Instance;
        time ??= TimeProvider.System;
        var reporters = new List<SpanReporter>();
        foreach (var telemeter in list)
        {
            switch (telemeter)
            {
                case ZipkinScribeOptions scribe:
                    reporters.Add(new SpanReporter(new ScribeTransport(scribe), reporting, loggers.CreateLogger<SpanReporter>(), time));
                    break;
                case ZipkinHttpOptions http:
                    reporters.Add(new SpanReporter(new ZipkinHttpTransport(http), reporting, loggers.CreateLogger<SpanReporter>(), time));
                    break;
                default:
                    throw new ArgumentException($"telemeter {telemeter.GetType().Name} is not supported", nameof(telemeters));
            }
        }

        var rate = list.Count == 0 ? 0 : list.Max(t => Math.Clamp(t.SampleRate, 0, 1));
        return new MeshTelemetry(reporters, rate, time);
    }

    /// <summary>A tracer for one router, with that router's <c>tracePropagator</c>.</summary>
    public IRouterTracer CreateRouterTracer(TracePropagation propagation) =>
        new RouterTracer(new RouterTracerOptions(SampleRate, propagation), Spans, time: time);

    /// <summary>Counters by metric name (<c>telemetry/&lt;kind&gt;/spans/{queued,dropped,sent,failed,queue_depth}</c>) for the admin metrics.</summary>
    public IEnumerable<KeyValuePair<string, long>> Metrics()
    {
        foreach (var reporter in reporters)
        {
            var prefix = "telemetry/" + reporter.Kind + "/spans/";
            var counters = reporter.Counters;
            yield return new(prefix + "queued", counters.Queued);
            yield return new(prefix + "dropped", counters.Dropped);
            yield return new(prefix + "sent", counters.Sent);
            yield return new(prefix + "failed", counters.Failed);
            yield return new(prefix + "queue_depth", reporter.QueueDepth);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var reporter in reporters)
        {
            await reporter.DisposeAsync().ConfigureAwait(false);
        }
    }
}
