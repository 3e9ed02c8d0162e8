namespace Tracery.Bench.Codec;

using System.Diagnostics;
using System.Text.Json;
using Tracery.Tracing.Codec;
using Tracery.Tracing.Model;

/// <summary>
/// Decode cost per span of each span codec, side by side in one run, over the real Zipkin Lens traces cut into
/// batches of 100 (the collector's usual message). Figures are per CPU-second of this thread's process, so a
/// busy machine slows the wall clock but not the comparison. The floor is Utf8JsonReader walking the same JSON
/// without building anything.
/// </summary>
internal static class CodecBenchmark
{
    const int BatchSize = 100;

    public static Task<int> RunAsync(string[] args)
    {
        var seconds = args.Length > 0 ? double.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 3;
        var spans = LoadFixtures();
        var batches = spans.Chunk(BatchSize).ToArray();
        Console.WriteLine($"{spans.Count:N0} spans from tests/fixtures/zipkin-lens in {batches.Length} batches of up to {BatchSize}; {seconds} s per row");
        Console.WriteLine();
        Console.WriteLine("| operation | bytes/span | spans per CPU-second | allocated bytes/span |");
        Console.WriteLine("|---|---|---|---|");
        var json = batches.Select(b => SpanBytesEncoder.EncodeList(b, SpanEncoding.JsonV2)).ToArray();
        var proto = batches.Select(b => SpanBytesEncoder.EncodeList(b, SpanEncoding.Proto3)).ToArray();
        var thrift = batches.Select(b => SpanBytesEncoder.EncodeList(b, SpanEncoding.ThriftV1)).ToArray();
        Row("JSON tokenize only (floor)", json, spans.Count, seconds, static bytes =>
        {
            var reader = new Utf8JsonReader(bytes);
            while (reader.Read()) { }
        });
        var into = new List<Span>(BatchSize * 2);
        Row("decode JSON v2", json, spans.Count, seconds, bytes => Decode(bytes, SpanEncoding.JsonV2, into));
        Row("decode proto3", proto, spans.Count, seconds, bytes => Decode(bytes, SpanEncoding.Proto3, into));
        Row("decode Thrift v1", thrift, spans.Count, seconds, bytes => Decode(bytes, SpanEncoding.ThriftV1, into));
        Row("encode JSON v2", batches, spans.Count, seconds, static batch => SpanBytesEncoder.EncodeList(batch, SpanEncoding.JsonV2));
        Row("encode proto3", batches, spans.Count, seconds, static batch => SpanBytesEncoder.EncodeList(batch, SpanEncoding.Proto3));
        return Task.FromResult(0);
    }

    static void Decode(byte[] bytes, SpanEncoding encoding, List<Span> into)
    {
        into.Clear();
        SpanBytesDecoder.DecodeList(bytes, encoding, into);
    }

    static void Row<T>(string name, T[] inputs, int spanCount, double seconds, Action<T> run)
    {
        // Warm up for a while, not one pass: tiered JIT only swaps in optimised code after some calls.
        for (var warm = Stopwatch.StartNew(); warm.Elapsed.TotalSeconds < seconds / 2;)
        {
            foreach (var input in inputs) run(input);
        }
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var wall = Stopwatch.StartNew();
        long rounds = 0;
        while (wall.Elapsed.TotalSeconds < seconds)
        {
            foreach (var input in inputs) run(input);
            rounds++;
        }
        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
        var spans = (double)rounds * spanCount;
        var allocated = (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / spans;
        var size = inputs is byte[][] messages ? $"{messages.Sum(m => (long)m.Length) / (double)spanCount:N0}" : "-";
        Console.WriteLine($"| {name} | {size} | {spans / cpu:N0} | {allocated:N0} |");
    }

    static List<Span> LoadFixtures()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !Directory.Exists(Path.Combine(directory.FullName, "tests", "fixtures", "zipkin-lens"))) directory = directory.Parent;
        if (directory is null) throw new DirectoryNotFoundException("tests/fixtures/zipkin-lens not found above " + AppContext.BaseDirectory);
        var spans = new List<Span>();
        foreach (var file in Directory.GetFiles(Path.Combine(directory.FullName, "tests", "fixtures", "zipkin-lens"), "*.json").Order(StringComparer.Ordinal))
        {
            SpanBytesDecoder.DecodeList(File.ReadAllBytes(file), SpanEncoding.JsonV2, spans);
        }
        return spans;
    }
}
