namespace Tracery.Bench.Storage;

using System.Diagnostics;
using HdrHistogram;
using Tracery.Bench.Server;
using Tracery.Storage;
using Tracery.Storage.Query;
using Tracery.Tracing.Model;

/// <summary>
/// "store-query": the searches of /api/v2/traces, as the API builds them (endTs now, lookback one day,
/// limit 10), against each backend holding the same 1,000,000 spans (the <c>query</c> benchmark's
/// traces: 10 spans over 3 of 20 services, within the last hour), through <c>GetTracesAsync</c>.
/// Latency in HdrHistogram. Options: --spans N (default 1,000,000), --queries N per search (default
/// 200, each search stops after 30 s), --backends, --postgres.
/// </summary>
static class StoreQueryBenchmark
{
    const int TracesPerBatch = 500;
    static readonly TimeSpan Budget = TimeSpan.FromSeconds(30);

    public static async Task<int> RunAsync(string[] args)
    {
        var spanCount = BenchArgs.Int(args, "--spans", 1_000_000);
        var queries = BenchArgs.Int(args, "--queries", 200);
        var traceCount = spanCount / BenchTraces.SpansPerTrace;
        var nowMicros = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1000;
        Console.WriteLine($"{traceCount * BenchTraces.SpansPerTrace:N0} spans ({traceCount:N0} traces), loaded with AcceptAsync in batches of {TracesPerBatch * BenchTraces.SpansPerTrace:N0} spans; {queries:N0} searches each after {queries / 10:N0} warm-up ones (at most {Budget.TotalSeconds:F0} s per search).");
        foreach (var backend in BenchArgs.Backends(args))
        {
            await using var store = await StoreUnderTest.OpenAsync(backend, args, spanCount);
            var (wall, cpu) = await LoadAsync(store.Store, traceCount, nowMicros);
            Console.WriteLine();
            Console.WriteLine($"### {backend}: loaded in {wall:F1} s ({traceCount * BenchTraces.SpansPerTrace / wall:N0} spans/s), {cpu:F1} s of Tracery CPU");
            Console.WriteLine();
            Console.WriteLine("| search | runs | p50 ms | p90 ms | p99 ms | max ms |");
            Console.WriteLine("|---|---|---|---|---|---|");
            foreach (var (name, search) in Searches(traceCount, nowMicros))
            {
                Console.WriteLine($"| {name} | {await TimeAsync(store.Store, search, queries)} |");
            }
        }
        return 0;
    }

    static async Task<(double Wall, double Cpu)> LoadAsync(ISpanStore store, int traceCount, long nowMicros)
    {
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        for (var t = 0; t < traceCount; t += TracesPerBatch)
        {
            var batch = new List<Span>(TracesPerBatch * BenchTraces.SpansPerTrace);
            for (var i = t; i < Math.Min(traceCount, t + TracesPerBatch); i++) batch.AddRange(BenchTraces.Trace(i, nowMicros));
            await store.AcceptAsync(batch);
        }
        process.Refresh();
        return (wall.Elapsed.TotalSeconds, (process.TotalProcessorTime - cpu).TotalSeconds);
    }

    static IEnumerable<(string Name, Func<ISpanStore, Task<int>> Run)> Searches(int traceCount, long nowMicros)
    {
        QueryRequest Api() => new() { EndTs = nowMicros / 1000 + 1, Lookback = 86_400_000, Limit = 10 };
        Func<ISpanStore, Task<int>> Search(QueryRequest request) => async s => (await s.GetTracesAsync(request)).Count;
        yield return ("`serviceName=service-3&limit=10`", Search(Api() with { ServiceName = "service-3" }));
        yield return ("`serviceName=service-3&spanName=get /api/5`", Search(Api() with { ServiceName = "service-3", SpanName = "get /api/5" }));
        yield return ("`serviceName=service-3&remoteServiceName=service-4`", Search(Api() with { ServiceName = "service-3", RemoteServiceName = "service-4" }));
        yield return ("`serviceName=service-3&annotationQuery=http.path=/api/4`", Search(Api() with { ServiceName = "service-3", AnnotationQuery = AnnotationQuery.Parse("http.path=/api/4") }));
        yield return ("`serviceName=service-3&minDuration=95000`", Search(Api() with { ServiceName = "service-3", MinDuration = 95_000 }));
        yield return ("`limit=10` (no service)", Search(Api()));
        var ids = Enumerable.Range(0, 64).Select(i => BenchTraces.Trace((long)i * 7919 % traceCount, nowMicros).First().TraceId).ToArray();
        var next = 0;
        yield return ("trace by id", async s => (await s.GetTraceAsync(ids[next++ % ids.Length])).Count > 0 ? 1 : 0);
    }

    static async Task<string> TimeAsync(ISpanStore store, Func<ISpanStore, Task<int>> search, int count)
    {
        var histogram = new LongHistogram(TimeStamp.Minutes(10), 3);
        var budget = Stopwatch.StartNew();
        for (var i = 0; i < count / 10 && budget.Elapsed < Budget / 2; i++) await search(store);
        var runs = 0;
        // At least one measured run, however slow the search.
        for (; runs < count && (runs == 0 || budget.Elapsed < Budget); runs++)
        {
            var start = Stopwatch.GetTimestamp();
            if (await search(store) == 0) throw new InvalidOperationException("a benchmark search found nothing: the load or the search is wrong");
            histogram.RecordValue(Stopwatch.GetTimestamp() - start);
        }
        double Ms(double value) => value * 1000.0 / Stopwatch.Frequency;
        return $"{runs:N0} | {Ms(histogram.GetValueAtPercentile(50)):F2} | {Ms(histogram.GetValueAtPercentile(90)):F2} | {Ms(histogram.GetValueAtPercentile(99)):F2} | {Ms(histogram.GetMaxValue()):F2}";
    }
}
