namespace Tracery.Bench.Storage;

using System.Diagnostics;
using Tracery.Storage;
using Tracery.Storage.Memory;
using Tracery.Storage.Query;
using Tracery.Tracing.Model;

/// <summary>
/// "store-memory": fills a <see cref="MemorySpanStore"/> with realistic spans straight through
/// <see cref="ISpanStore"/> (no HTTP) and reports ingest rate on one thread, bytes per stored span
/// against the baseline of the same spans held in a plain list, and search latency.
/// Options: --spans N (default 1,000,000), --queries N (default 2,000).
/// </summary>
static class MemoryStoreBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var spanTarget = BenchArgs.Int(args, "--spans", 1_000_000);
        var queryCount = BenchArgs.Int(args, "--queries", 2_000);
        // The 1,041-span trace would make a handful of giant traces; a search store holds many smaller ones.
        var fixtures = FixtureTraces.Load(maxSpans: 200);

        var baseline = Heap();
        var (batches, traceIds, spanCount) = Generate(fixtures, spanTarget);
        Console.Error.WriteLine($"generated {spanCount:N0} spans");
        var spansOnly = Heap() - baseline;

        var store = new MemorySpanStore(new StorageOptions { MaxSpanCount = spanCount });
        var ingest = Stopwatch.StartNew();
        foreach (var batch in batches) await store.AcceptAsync(batch);
        ingest.Stop();
        batches.Clear();
        var stored = Heap() - baseline;

        var services = fixtures.ServiceNames().ToArray();
        var endTs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() + 1;
        QueryRequest Search(int i) => new() { ServiceName = services[i % services.Length], EndTs = endTs, Lookback = 86_400_000, Limit = 10 };
        var byService = await TimeAsync(queryCount, i => store.GetTracesAsync(Search(i)).AsTask());
        // A tag no span of a service may carry scans all its traces: fewer runs.
        var withTag = await TimeAsync(Math.Max(1, queryCount / 10), i => store.GetTracesAsync(Search(i) with { AnnotationQuery = AnnotationQuery.Parse("error") }).AsTask());
        var anyService = await TimeAsync(queryCount, i => store.GetTracesAsync(Search(i) with { ServiceName = null }).AsTask());
        var byId = await TimeAsync(queryCount, i => store.GetTraceAsync(traceIds[i * 7919 % traceIds.Count]).AsTask());

        Console.WriteLine($"### Memory store: {spanCount:N0} spans ({traceIds.Count:N0} traces from {fixtures.Count} Zipkin Lens fixtures)");
        Console.WriteLine();
        Console.WriteLine("| measure | value |");
        Console.WriteLine("|---|---|");
        Console.WriteLine($"| ingest, one thread, batches of 100 (AcceptAsync only) | {spanCount / ingest.Elapsed.TotalSeconds:N0} spans/s |");
        Console.WriteLine($"| baseline: the decoded spans alone, in a list | {spansOnly / (double)spanCount:N0} bytes/span |");
        Console.WriteLine($"| stored: spans plus indexes | {stored / (double)spanCount:N0} bytes/span |");
        Console.WriteLine($"| index overhead (stored - baseline) | {(stored - spansOnly) / (double)spanCount:N0} bytes/span |");
        Console.WriteLine();
        Console.WriteLine($"| query ({queryCount:N0} each, the tag query {Math.Max(1, queryCount / 10):N0}; after warm-up) | p50 ms | p99 ms | max ms |");
        Console.WriteLine("|---|---|---|---|");
        Console.WriteLine($"| serviceName=X&limit=10 | {byService} |");
        Console.WriteLine($"| serviceName=X&annotationQuery=error&limit=10 | {withTag} |");
        Console.WriteLine($"| limit=10 (no service) | {anyService} |");
        Console.WriteLine($"| trace by id | {byId} |");
        GC.KeepAlive(store);
        return 0;
    }

    /// <summary>Fixture copies 10 ms apart over the last hour, in batches (of 100 spans, as a reporter posts them, unless told).</summary>
    internal static (List<Span[]> Batches, List<string> TraceIds, int SpanCount) Generate(FixtureTraces fixtures, int spanTarget, int batchSize = 100)
    {
        var batches = new List<Span[]>();
        var traceIds = new List<string>();
        var pending = new List<Span>(batchSize);
        var start = (DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - 3_600_000) * 1000;
        var count = 0;
        for (var n = 0; count < spanTarget; n++)
        {
            // Traces 10 ms apart: an hour of traffic ends before "now".
            var trace = fixtures.Copy(n, start + n * 10_000L);
            traceIds.Add(trace[0].TraceId);
            foreach (var span in trace)
            {
                pending.Add(span);
                if (pending.Count == batchSize)
                {
                    batches.Add([.. pending]);
                    pending.Clear();
                }
            }
            count += trace.Count;
        }
        if (pending.Count > 0) batches.Add([.. pending]);
        return (batches, traceIds, count);
    }

    static async Task<Percentiles> TimeAsync(int count, Func<int, Task> query)
    {
        for (var i = 0; i < Math.Min(count, 200); i++) await query(i);
        var timings = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await query(i);
            timings.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        return Percentiles.Of(timings);
    }

    static long Heap()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
