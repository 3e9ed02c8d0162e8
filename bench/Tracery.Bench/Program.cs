// Benchmarks are chosen by name: `dotnet run -c Release --project bench/Tracery.Bench -- <name>`.
// Each one writes its figures to standard output in the Markdown of docs/benchmarks.md.
var benchmarks = new Dictionary<string, Func<string[], Task<int>>>(StringComparer.OrdinalIgnoreCase)
{
    ["ingest"] = Tracery.Bench.Server.IngestBenchmark.RunAsync,
    ["query"] = Tracery.Bench.Server.QueryBenchmark.RunAsync,
    ["store-memory"] = Tracery.Bench.Storage.MemoryStoreBenchmark.RunAsync,
    ["store-ingest"] = Tracery.Bench.Storage.StoreIngestBenchmark.RunAsync,
    ["store-query"] = Tracery.Bench.Storage.StoreQueryBenchmark.RunAsync,
    ["codec"] = Tracery.Bench.Codec.CodecBenchmark.RunAsync,
    ["proxy"] = Tracery.Bench.Mesh.ProxyBenchmark.RunAsync,
    ["proxy-cost"] = Tracery.Bench.Mesh.ProxyCostBenchmark.RunAsync,
    ["demo"] = Tracery.Bench.Demo.DemoBenchmark.RunAsync,
};

if (args.Length == 0 || !benchmarks.TryGetValue(args[0], out var run))
{
    Console.Error.WriteLine($"usage: Tracery.Bench <{string.Join('|', benchmarks.Keys)}> [options]");
    return 2;
}
return await run(args[1..]);
