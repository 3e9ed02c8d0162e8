namespace Tracery.Storage.Tests.Traces;

using Tracery.Storage.Traces;
using Tracery.Tracing.Model;
using static Tracery.Storage.Tests.Dependencies.LinkerSpans;

/// <summary>Zipkin's TraceTest: the merge rules of <see cref="Trace.Merge"/> (§2.3).</summary>
public sealed class TraceTests
{
    static Span S(string traceId, string? parentId, string id, SpanKind kind, string? local, string? ip, bool shared)
    {
        var span = Span(traceId, parentId, id, kind, null, null, false) with { Shared = shared };
        return local is null && ip is null ? span : span with { LocalEndpoint = new Endpoint(local, ip, null, 0) };
    }

    static void AssertSameSpans(IEnumerable<Span> expected, IReadOnlyList<Span> actual)
    {
        var remaining = actual.ToList();
        foreach (var span in expected)
        {
            Assert.True(remaining.Remove(span), $"missing {span}");
        }
        Assert.Empty(remaining);
    }

    /// <summary>A server that did not get its parent id propagated inherits its client's.</summary>
    [Fact]
    public void BackfillsMissingParentIdOnSharedSpan() => AssertSameSpans(
        [
            S("a", null, "a", SpanKind.Server, "frontend", null, false),
            S("a", "a", "b", SpanKind.Client, "frontend", null, false),
            S("a", "a", "b", SpanKind.Server, "backend", null, true),
        ],
        Trace.Merge(
        [
            S("a", null, "a", SpanKind.Server, "frontend", null, false),
            S("a", "a", "b", SpanKind.Client, "frontend", null, false),
            S("a", null, "b", SpanKind.Server, "backend", null, true),
        ]));

    /// <summary>Some truncate an incoming trace id to 64 bits: the 128-bit one wins.</summary>
    [Fact]
    public void ChoosesBestTraceId()
    {
        const string full = "7180c278b62e8f6a216a2aea45d08fc9";
        var merged = Trace.Merge(
        [
            S(full, null, "a", SpanKind.Server, "frontend", null, false),
            S(full, "a", "b", SpanKind.Client, "frontend", null, false),
            S("216a2aea45d08fc9", "a", "b", SpanKind.Server, "backend", null, true),
        ]);
        Assert.All(merged, s => Assert.Equal(full, s.TraceId));
    }

    /// <summary>Fragments without endpoints merge into the span with the same id.</summary>
    [Fact]
    public void MergesWhenMissingEndpoints()
    {
        var frontendTags = Tags(("service", "frontend"), ("span.kind", "CLIENT"));
        var root = S("a", null, "a", SpanKind.Unspecified, null, null, false) with { Tags = Tags(("service", "frontend"), ("span.kind", "SERVER")) };
        var client = S("a", "a", "b", SpanKind.Unspecified, null, null, false) with { Tags = frontendTags, Timestamp = 1 };
        var server = S("a", "a", "b", SpanKind.Server, "backend", null, true);
        var durationOnly = S("a", "a", "b", SpanKind.Unspecified, null, null, false) with { Duration = 10 };

        AssertSameSpans([root, client with { Duration = 10 }, server], Trace.Merge([root, client, server, durationOnly]));
    }

    /// <summary>A transparent retrying proxy can make two servers share an id: different IPs stay apart.</summary>
    [Fact]
    public void DoesntMergeSharedSpansOnDifferentIPs()
    {
        var flush = new[] { new Annotation(3, "brave.flush") };
        var client = S("a", "a", "b", SpanKind.Client, "frontend", null, false);
        AssertSameSpans(
            [
                S("a", null, "a", SpanKind.Server, "frontend", null, false),
                client with { Timestamp = 1, Duration = 10, Annotations = flush },
                S("a", "a", "b", SpanKind.Server, "backend", "1.2.3.4", true),
                S("a", "a", "b", SpanKind.Server, "backend", "1.2.3.5", true),
            ],
            Trace.Merge(
            [
                S("a", null, "a", SpanKind.Server, "frontend", null, false),
                client with { Timestamp = 1, Annotations = flush },
                S("a", "a", "b", SpanKind.Server, "backend", "1.2.3.4", true),
                S("a", "a", "b", SpanKind.Server, "backend", "1.2.3.5", true),
                client with { Duration = 10 },
            ]));
    }

    [Fact]
    public void PutsRandomDataOnFirstSpanWithEndpoint()
    {
        var flush = new[] { new Annotation(3, "brave.flush") };
        AssertSameSpans(
            [
                S("a", null, "a", SpanKind.Server, "frontend", null, false),
                S("a", "a", "b", SpanKind.Client, "frontend", null, false) with { Timestamp = 1, Duration = 10, Annotations = flush },
                S("a", "a", "b", SpanKind.Server, "backend", "1.2.3.4", true),
                S("a", "a", "b", SpanKind.Server, "backend", "1.2.3.5", true),
            ],
            Trace.Merge(
            [
                S("a", null, "a", SpanKind.Server, "frontend", null, false),
                S("a", "a", "b", SpanKind.Client, null, null, false),
                S("a", "a", "b", SpanKind.Unspecified, "frontend", null, false) with { Timestamp = 1, Annotations = flush },
                S("a", "a", "b", SpanKind.Server, "backend", "1.2.3.4", true),
                S("a", "a", "b", SpanKind.Server, "backend", "1.2.3.5", true),
                S("a", "a", "b", SpanKind.Unspecified, "frontend", null, false) with { Duration = 10 },
            ]));
    }

    /// <summary>Parts of one local endpoint sent separately still merge.</summary>
    [Fact]
    public void MergesIncompleteEndpoints() => AssertSameSpans(
        [
            S("a", null, "a", SpanKind.Server, "frontend", null, false),
            S("a", "a", "b", SpanKind.Client, "frontend", "1.2.3.4", false),
            S("a", "a", "b", SpanKind.Server, "backend", "1.2.3.5", true),
        ],
        Trace.Merge(
        [
            S("a", null, "a", SpanKind.Server, "frontend", null, false),
            S("a", "a", "b", SpanKind.Client, "frontend", null, false),
            S("a", "a", "b", SpanKind.Client, null, "1.2.3.4", false),
            S("a", "a", "b", SpanKind.Server, null, "1.2.3.5", true),
            S("a", "a", "b", SpanKind.Server, "backend", null, true),
        ]));

    [Fact]
    public void DeletesSelfReferencingParentId() => AssertSameSpans(
        [S("a", null, "a", SpanKind.Server, "frontend", null, false), S("a", "a", "b", SpanKind.Client, "frontend", null, false)],
        Trace.Merge([S("a", "a", "a", SpanKind.Server, "frontend", null, false), S("a", "a", "b", SpanKind.Client, "frontend", null, false)]));

    [Fact]
    public void WorksWhenMissingParentSpan()
    {
        IReadOnlyList<Span> trace =
        [
            S("a", "a", "b", SpanKind.Server, "backend", "1.2.3.4", false),
            S("a", "a", "c", SpanKind.Server, "backend", null, false),
        ];
        Assert.Equal(trace, Trace.Merge(trace));
    }

    /// <summary>A client followed by a server with its id: the server is marked shared.</summary>
    [Fact]
    public void BackfillsSharedFlagOnServerAfterClient()
    {
        var merged = Trace.Merge(
        [
            S("a", "a", "b", SpanKind.Server, "backend", null, false),
            S("a", "a", "b", SpanKind.Client, "frontend", null, false),
        ]);
        Assert.True(merged.Single(s => s.Kind == SpanKind.Server).Shared);
    }

    static IReadOnlyDictionary<string, string> Tags(params (string Key, string Value)[] tags) =>
        Tracery.Storage.Tests.Conformance.TestObjects.Tags(tags);
}
