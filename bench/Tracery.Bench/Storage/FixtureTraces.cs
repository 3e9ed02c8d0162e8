namespace Tracery.Bench.Storage;

using System.Security.Cryptography;
using Tracery.Tracing.Codec;
using Tracery.Tracing.Model;

/// <summary>
/// Realistic spans for storage benchmarks: the Zipkin Lens fixture traces, copied under new trace ids
/// and moved in time, then encoded to JSON v2 and decoded again so each span is allocated exactly as
/// the collector allocates it.
/// </summary>
sealed class FixtureTraces
{
    readonly List<IReadOnlyList<Span>> _templates;

    FixtureTraces(List<IReadOnlyList<Span>> templates) => _templates = templates;

    public int Count => _templates.Count;

    /// <summary>Loads every fixture trace of at most <paramref name="maxSpans"/> spans.</summary>
    public static FixtureTraces Load(int maxSpans)
    {
        var directory = FindFixtures();
        var templates = Directory.GetFiles(directory, "*.json").Order(StringComparer.Ordinal)
            .Select(path => SpanBytesDecoder.DecodeList(File.ReadAllBytes(path), SpanEncoding.JsonV2))
            .Where(trace => trace.Count > 0 && trace.Count <= maxSpans)
            .ToList();
        return new FixtureTraces(templates);
    }

    /// <summary>The number-th copy: a fresh 128-bit trace id, its earliest span moved to <paramref name="startMicros"/>.</summary>
    public IReadOnlyList<Span> Copy(int number, long startMicros)
    {
        var template = _templates[number % _templates.Count];
        var traceId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var earliest = template.Where(s => s.Timestamp != 0).Select(s => s.Timestamp).DefaultIfEmpty(startMicros).Min();
        var shift = startMicros - earliest;
        var copy = template.Select(s => s with
        {
            TraceId = traceId,
            Timestamp = s.Timestamp == 0 ? 0 : s.Timestamp + shift,
            Annotations = s.Annotations.Select(a => a with { Timestamp = a.Timestamp + shift }).ToList(),
        });
        return SpanBytesDecoder.DecodeList(SpanBytesEncoder.EncodeList(copy, SpanEncoding.JsonV2), SpanEncoding.JsonV2);
    }

    public IEnumerable<string> ServiceNames() =>
        _templates.SelectMany(t => t).Select(s => s.LocalServiceName).OfType<string>().Distinct(StringComparer.Ordinal);

    static string FindFixtures()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "fixtures", "zipkin-lens");
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException("tests/fixtures/zipkin-lens not found above " + AppContext.BaseDirectory);
    }
}
