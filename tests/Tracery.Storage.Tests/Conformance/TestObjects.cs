namespace Tracery.Storage.Tests.Conformance;

using System.Security.Cryptography;
using Tracery.Tracing.Model;

/// <summary>
/// The data of Zipkin's zipkin-tests TestObjects (§4.1): a fixed base time (midnight UTC of the day
/// the run starts), the frontend/backend/db endpoints, and random 128-bit trace ids so that tests on
/// a shared database never see each other's traces.
/// </summary>
public static class TestObjects
{
    public const long Day = 86_400_000L;

    public static readonly long Today = new DateTimeOffset(DateTime.UtcNow.Date, TimeSpan.Zero).ToUnixTimeMilliseconds();

    public static readonly Endpoint Frontend = new("frontend", "127.0.0.1", null, 0);
    public static readonly Endpoint Backend = new("backend", "192.168.99.101", null, 9000);
    public static readonly Endpoint Db = new("db", null, "2001:db8::c001", 3036);
    public static readonly Endpoint Kafka = new("kafka", null, null, 0);

    /// <summary>A random 128-bit id whose high half is never zero (so it stays 32 characters).</summary>
    public static string NewTraceId()
    {
        var bytes = RandomNumberGenerator.GetBytes(16);
        bytes[0] |= 0x10;
        return Convert.ToHexStringLower(bytes);
    }

    public static string NewSpanId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    /// <summary>A span id as Zipkin's builder writes a number: 16 lower-hex characters.</summary>
    public static string Id(long value) => value.ToString("x16");

    public static string AppendSuffix(string serviceName, string suffix) => suffix.Length == 0 ? serviceName : serviceName + "_" + suffix;

    public static Endpoint SuffixServiceName(Endpoint endpoint, string suffix) =>
        endpoint with { ServiceName = AppendSuffix(endpoint.ServiceName!, suffix) };

    public static IReadOnlyDictionary<string, string> Tags(params (string Key, string Value)[] tags)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in tags) result[key] = value;
        return result;
    }

    public static IReadOnlyList<Annotation> Annotations(params (long Timestamp, string Value)[] annotations) =>
        annotations.Select(a => new Annotation(a.Timestamp, a.Value)).Order().ToList();

    /// <summary>Zipkin's <c>spanBuilder(suffix)</c>: a "get" span of frontend_suffix with tag environment=test.</summary>
    public static Span SpanBuilder(string suffix) => new()
    {
        TraceId = NewTraceId(),
        Id = NewSpanId(),
        Name = "get",
        Timestamp = Today * 1000 + 100,
        Duration = 200_000,
        LocalEndpoint = SuffixServiceName(Frontend, suffix),
        Tags = Tags(("environment", "test")),
    };

    /// <summary>Zipkin's <c>newClientSpan(suffix)</c>: a CLIENT "get /foo" to "backend" + suffix.</summary>
    public static Span NewClientSpan(string suffix) => SpanBuilder(suffix) with
    {
        Kind = SpanKind.Client,
        RemoteEndpoint = Backend with { ServiceName = "backend" + suffix },
        Name = "get /foo",
        Tags = Tags(("http.method", "GET"), ("http.path", "/foo")),
    };

    /// <summary>The only fixed trace: for single-store unit tests, as Zipkin's CLIENT_SPAN.</summary>
    public static readonly Span ClientSpan = NewTrace("7180c278b62e8f6a216a2aea45d08fc9", "")[1];

    public static List<Span> NewTrace(string suffix) => NewTrace(NewTraceId(), suffix);

    /// <summary>frontend SERVER → CLIENT get → backend shared SERVER → backend CLIENT query → db (error).</summary>
    public static List<Span> NewTrace(string traceId, string suffix)
    {
        var frontend = SuffixServiceName(Frontend, suffix);
        var backend = SuffixServiceName(Backend, suffix);
        var db = SuffixServiceName(Db, suffix);
        return
        [
            new Span
            {
                TraceId = traceId, Id = Id(1), Name = "get", Kind = SpanKind.Server, LocalEndpoint = frontend,
                Timestamp = Today * 1000, Duration = 350_000,
            },
            new Span
            {
                TraceId = traceId, ParentId = Id(1), Id = Id(2), Name = "get", Kind = SpanKind.Client,
                LocalEndpoint = frontend, RemoteEndpoint = backend, Timestamp = (Today + 50) * 1000, Duration = 200_000,
                Annotations = Annotations(((Today + 100) * 1000, "foo")),
                Tags = Tags(("http.path", "/api"), ("clnt/finagle.version", "6.45.0")),
            },
            new Span
            {
                TraceId = traceId, ParentId = Id(1), Id = Id(2), Shared = true, Name = "get", Kind = SpanKind.Server,
                LocalEndpoint = backend, Timestamp = (Today + 100) * 1000, Duration = 150_000,
            },
            new Span
            {
                TraceId = traceId, ParentId = Id(2), Id = Id(3), Name = "query", Kind = SpanKind.Client,
                LocalEndpoint = backend, RemoteEndpoint = db, Timestamp = (Today + 150) * 1000, Duration = 50_000,
                Annotations = Annotations(((Today + 190) * 1000, "⻩")),
                Tags = Tags(("error", "💩")),
            },
        ];
    }

    /// <summary>Milliseconds: the first span's start.</summary>
    public static long StartTs(IReadOnlyList<Span> trace) => trace[0].Timestamp / 1000;

    /// <summary>Milliseconds: the first span's end.</summary>
    public static long EndTs(IReadOnlyList<Span> trace) => StartTs(trace) + trace[0].Duration / 1000;
}
