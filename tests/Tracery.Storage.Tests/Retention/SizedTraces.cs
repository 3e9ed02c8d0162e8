namespace Tracery.Storage.Tests.Retention;

using Tracery.Storage.Sql;
using Tracery.Tracing.Model;
using static Tracery.Storage.Tests.Conformance.TestObjects;

/// <summary>Traces of a known size, one minute apart, for size retention tests: oldest first.</summary>
static class SizedTraces
{
    /// <summary><paramref name="count"/> traces of 20 spans with a 2 KB tag each (about 40 KB a trace), stored in batches.</summary>
    public static async Task<List<string>> StoreAsync(SqlSpanStore store, int count)
    {
        var padding = new string('x', 2048);
        var ids = new List<string>();
        var start = Today - count * 60_000L;
        for (var t = 0; t < count; t++)
        {
            var traceId = NewTraceId();
            ids.Add(traceId);
            await store.AcceptAsync([.. Enumerable.Range(0, 20).Select(i => new Span
            {
                TraceId = traceId, Id = NewSpanId(), Name = "op", Timestamp = (start + t * 60_000L + i) * 1000, Duration = 10,
                LocalEndpoint = new Endpoint("svc", null, null, 0), Tags = Tags(("pad", padding)),
            })]);
        }
        return ids;
    }

    /// <summary>Which of the traces are still stored, as booleans in their order.</summary>
    public static async Task<bool[]> PresentAsync(SqlSpanStore store, IReadOnlyList<string> ids) =>
        await Task.WhenAll(ids.Select(async id => (await store.GetTraceAsync(id)).Count > 0));

    /// <summary>Asserts that some older traces went, every newer one stayed, and no gap lies between.</summary>
    public static void AssertOldestWent(bool[] present)
    {
        var firstKept = Array.IndexOf(present, true);
        Assert.True(firstKept > 0, "no trace was deleted");
        Assert.True(present.Skip(firstKept).All(p => p), "a newer trace was deleted while an older one stayed");
        Assert.True(present.Length - firstKept >= present.Length / 4, $"only {present.Length - firstKept} of {present.Length} traces stayed");
    }
}
