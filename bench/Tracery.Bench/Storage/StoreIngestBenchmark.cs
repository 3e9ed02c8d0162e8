namespace Tracery.Bench.Storage;

using System.Diagnostics;
using Tracery.Tracing.Model;

/// <summary>
/// "store-ingest": the same realistic spans (Zipkin Lens fixture copies, in batches of up to 1,000 spans
/// as the collector's span writer gathers them under load, or --batch N) accepted by each backend
/// straight through <c>ISpanStore.AcceptAsync</c>, one batch at a
/// time as the collector's writer does, after a warm-up of a fifth as many (at least 20,000) spans,
/// measured in spans per CPU-second: this process's CPU, and for
/// PostgreSQL also the server's. Options: --spans N (default 200,000), --backends memory,sqlite,postgres,
/// --batch N, --postgres CONNECTION-STRING (default TRACERY_TEST_POSTGRES).
/// </summary>
static class StoreIngestBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var spanTarget = BenchArgs.Int(args, "--spans", 200_000);
        var batchSize = BenchArgs.Int(args, "--batch", 1_000);
        var fixtures = FixtureTraces.Load(maxSpans: 200);
        var (warmUp, _, _) = MemoryStoreBenchmark.Generate(fixtures, Math.Max(20_000, spanTarget / 5), batchSize);
        var (batches, _, spanCount) = MemoryStoreBenchmark.Generate(fixtures, spanTarget, batchSize);

        var results = new List<IngestResult>();
        foreach (var backend in BenchArgs.Backends(args))
        {
            await using var store = await StoreUnderTest.OpenAsync(backend, args, spanCount + warmUp.Sum(b => b.Length));
            // Warm-up batches (other trace ids) open connections and JIT the path; the pause lets tiered
            // compilation finish its optimised code, which otherwise runs on another thread inside the
            // measurement and, in a run of a few seconds, costs as much CPU as the work itself.
            foreach (var batch in warmUp) await store.Store.AcceptAsync(batch);
            await Task.Delay(TimeSpan.FromSeconds(2));
            results.Add(await MeasureAsync(store, batches, spanCount));
            Console.Error.WriteLine($"{backend}: {results[^1].SpansPerCpuSecond:N0} spans per CPU-second");
        }

        var memory = results.FirstOrDefault(r => r.Backend == "memory");
        Console.WriteLine($"{spanCount:N0} spans ({batches.Count:N0} batches of up to {batchSize:N0}, from {fixtures.Count} Zipkin Lens fixtures), one AcceptAsync at a time:");
        Console.WriteLine();
        Console.WriteLine("| backend | wall s | spans/s (wall) | Tracery CPU s | spans per CPU-second (Tracery) | ratio to memory | database server CPU s | spans per CPU-second (Tracery + server) |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        foreach (var r in results)
        {
            var ratio = memory is null ? "–" : $"{r.SpansPerCpuSecond / memory.SpansPerCpuSecond:F3}";
            var server = r.ServerCpuSeconds is { } s ? $"{s:F2}" : "–";
            Console.WriteLine($"| {r.Backend} | {r.WallSeconds:F2} | {spanCount / r.WallSeconds:N0} | {r.CpuSeconds:F2} | {r.SpansPerCpuSecond:N0} | {ratio} | {server} | {spanCount / (r.CpuSeconds + (r.ServerCpuSeconds ?? 0)):N0} |");
        }
        return 0;
    }

    static async Task<IngestResult> MeasureAsync(StoreUnderTest store, List<Span[]> batches, int spanCount)
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true);
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpu = process.TotalProcessorTime;
        store.ServerCpu?.Start();
        var wall = Stopwatch.StartNew();
        foreach (var batch in batches) await store.Store.AcceptAsync(batch);
        wall.Stop();
        process.Refresh();
        var cpuSeconds = (process.TotalProcessorTime - cpu).TotalSeconds;
        return new IngestResult(store.Name, wall.Elapsed.TotalSeconds, cpuSeconds, spanCount / cpuSeconds, store.ServerCpu?.ElapsedSeconds());
    }

    sealed record IngestResult(string Backend, double WallSeconds, double CpuSeconds, double SpansPerCpuSecond, double? ServerCpuSeconds);
}
