namespace Tracery.Mesh.Tracing;

using Tracery.Mesh.Telemetry;
using Tracery.Tracing.Context;
using Tracery.Tracing.Model;

/// <summary>
/// The mutable part of a span being recorded: name, tags and annotations gathered during a request, turned into an
/// immutable <see cref="Span"/> and reported exactly once when it ends.
/// </summary>
internal sealed class SpanRecording(
    TraceContext context, SpanKind kind, Endpoint localEndpoint, Endpoint? remoteEndpoint, SpanClock clock, ISpanSink sink)
{
    private readonly long startMicros = clock.EpochMicros();
    private readonly long startTimestamp = clock.Timestamp();
    private readonly SortedDictionary<string, string> tags = new(StringComparer.Ordinal);
    private readonly List<Annotation> annotations = new(4);
    private int finished;

    public TraceContext Context => context;

    public string? Name { get; set; }

    public Endpoint LocalEndpoint => localEndpoint;

    public Endpoint? RemoteEndpoint { get; set; } = remoteEndpoint;

    public void Tag(string key, string value) => tags[key] = value;

    public void TagIfAbsent(string key, string value) => tags.TryAdd(key, value);

    public void Annotate(string value) => annotations.Add(new Annotation(startMicros + clock.MicrosSince(startTimestamp), value));

    /// <summary>Ends the span with a last annotation and reports it; false (and no span) if it had already ended.</summary>
    public bool TryFinish(string? lastAnnotation, out Span span)
    {
        span = null!;
        if (Interlocked.Exchange(ref finished, 1) != 0)
        {
            return false;
        }

        if (lastAnnotation is not null)
        {
            Annotate(lastAnnotation);
        }

        annotations.Sort();
        span = new Span
        {
            TraceId = context.TraceIdHex,
            ParentId = context.ParentId == 0 ? null : HexId.Format(context.ParentId),
            Id = context.SpanIdHex,
            Kind = kind,
            Name = Name?.ToLowerInvariant(),
            Timestamp = startMicros,
            Duration = clock.MicrosSince(startTimestamp),
            LocalEndpoint = localEndpoint,
            RemoteEndpoint = RemoteEndpoint,
            Annotations = annotations,
            Tags = tags,
            Debug = context.Debug,
        };
        sink.Report(span);
        return true;
    }
}
