namespace Tracery.Cli.Tests.Commands;

using System.Text;
using System.Text.Json;

/// <summary>Small JSON v2 traces with fresh ids, and reading back which of them a server has.</summary>
internal static class TraceBodies
{
    public const int SpansPerTrace = 3;

    public static string NewTraceId() => Random.Shared.NextInt64(1, long.MaxValue).ToString("x16");

    public static StringContent Trace(string traceId)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1000;
        var spans = Enumerable.Range(1, SpansPerTrace).Select(i =>
            $$$"""{"traceId":"{{{traceId}}}","id":"{{{i:x16}}}",{{{(i == 1 ? "" : "\"parentId\":\"0000000000000001\",")}}}"name":"op{{{i}}}","timestamp":{{{now + i}}},"duration":10,"localEndpoint":{"serviceName":"svc{{{i}}}"}}""");
        return new StringContent($"[{string.Join(',', spans)}]", Encoding.UTF8, "application/json");
    }

    /// <summary>How many spans the server holds for each of the trace ids it knows (asked 50 at a time).</summary>
    public static async Task<Dictionary<string, int>> StoredSpansAsync(HttpClient client, IEnumerable<string> traceIds)
    {
        var stored = new Dictionary<string, int>();
        // traceMany refuses a single id, as Zipkin's does, so a lone id is asked for on its own.
        foreach (var chunk in traceIds.Chunk(50))
        {
            if (chunk.Length == 1)
            {
                using var response = await client.GetAsync($"/api/v2/trace/{chunk[0]}");
                if (response.StatusCode == System.Net.HttpStatusCode.OK)
                {
                    stored[chunk[0]] = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetArrayLength();
                }
                continue;
            }
            using var traces = JsonDocument.Parse(await client.GetStringAsync($"/api/v2/traceMany?traceIds={string.Join(',', chunk)}"));
            foreach (var trace in traces.RootElement.EnumerateArray())
            {
                stored[trace[0].GetProperty("traceId").GetString()!] = trace.GetArrayLength();
            }
        }
        return stored;
    }
}
