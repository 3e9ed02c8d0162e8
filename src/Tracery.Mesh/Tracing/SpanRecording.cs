namespace Tracery.Mesh.Tracing;

using Tracery.Mesh.Telemetry;
using Tracery.Tracing.Context;
using Tracery.Tracing.Model;

/// <summary>
/// The mutable part of a span being recorded: name, tags and annotations gathered during a request, turned into an
/// immutable <see cref="Span"/> and reported exactly once when it ends. It runs on every sampled request, so tags go
/// into one small array (a span has about a dozen) and are sorted once, at the end, into the span's
/// <see cref="TagMap"/>, which the JSON writer then walks without sorting again.
/// </summary>
internal sealed class SpanRecording(
    TraceContext context, SpanKind kind, Endpoint localEndpoint, Endpoint? remoteEndpoint, SpanClock clock, ISpanSink sink)
{
    private readonly long startMicros = clock.EpochMicros();
    private readonly long startTimestamp = clock.Timestamp();
    private readonly List<Annotation> annotations = new(4);
    private KeyValuePair<string, string>[] tags = new KeyValuePair<string, string>[12];
    private int tagCount;
    private int finished;

    public TraceContext Context => context;

    /// <summary>The span's name, already lower-cased as Zipkin stores it.</summary>
    public string? Name { get; set; }

    public Endpoint LocalEndpoint => localEndpoint;

    public Endpoint? RemoteEndpoint { get; set; } = remoteEndpoint;

    public void Tag(string key, string value)
    {
        var index = IndexOf(key);
        if (index >= 0)
        {
            tags[index] = new(key, value);
            return;
        }

        if (tagCount == tags.Length)
        {
            Array.Resize(ref tags, tags.Length * 2);
        }

        tags[tagCount++] = new(key, value);
    }

    public void TagIfAbsent(string key, string value)
    {
        if (IndexOf(key) < 0)
        {
            Tag(key, value);
        }
    }

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
            Name = Name,
            Timestamp = startMicros,
            Duration = clock.MicrosSince(startTimestamp),
            LocalEndpoint = localEndpoint,
            RemoteEndpoint = RemoteEndpoint,
            Annotations = annotations,
            Tags = TagMap.FromDistinct(tags.AsSpan(0, tagCount)),
            Debug = context.Debug,
        };
        sink.Report(span);
        return true;
    }

    private int IndexOf(string key)
    {
        for (var i = 0; i < tagCount; i++)
        {
            if (string.Equals(tags[i].Key, key, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
