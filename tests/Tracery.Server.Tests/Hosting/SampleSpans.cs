namespace Tracery.Server.Tests.Hosting;

using System.Net;
using System.Text;

/// <summary>
/// A small frontend -> backend trace in JSON v2, timestamped now so the default lookback finds it, and
/// helpers to post it and wait until it is stored.
/// </summary>
internal static class SampleSpans
{
    public static long NowMicros => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1000;

    public static string Trace(string traceId, long timestamp, bool backendError = false)
    {
        var root = traceId[^16..];
        var error = backendError ? ",\"tags\":{\"error\":\"boom\"}" : "";
        return $$$"""
            [{"traceId":"{{{traceId}}}","id":"{{{root}}}","kind":"SERVER","name":"get /","timestamp":{{{timestamp}}},"duration":207000,"localEndpoint":{"serviceName":"frontend","ipv4":"127.0.0.1"}},
             {"traceId":"{{{traceId}}}","parentId":"{{{root}}}","id":"72485a3953bb6124","kind":"CLIENT","name":"get /api","timestamp":{{{timestamp + 1000}}},"duration":100000,"localEndpoint":{"serviceName":"frontend"},"remoteEndpoint":{"serviceName":"backend"},"tags":{"http.method":"GET"}},
             {"traceId":"{{{traceId}}}","parentId":"{{{root}}}","id":"72485a3953bb6124","kind":"SERVER","shared":true,"name":"get /api","timestamp":{{{timestamp + 2000}}},"duration":90000,"localEndpoint":{"serviceName":"backend"}{{{error}}}}]
            """;
    }

    public static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    public static async Task PostAsync(HttpClient client, string body)
    {
        using var response = await client.PostAsync("/api/v2/spans", Json(body));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    /// <summary>Waits until a trace can be read back: the writer is FIFO, so all earlier posts are stored too.</summary>
    public static Task StoredAsync(HttpClient client, string traceId) =>
        Eventually.HoldsAsync(async () =>
        {
            using var response = await client.GetAsync($"/api/v2/trace/{traceId}");
            return response.StatusCode == HttpStatusCode.OK;
        }, $"trace {traceId} is stored");

    /// <summary>Posts a marker trace and waits for it, so anything posted before it has been handled.</summary>
    public static async Task DrainAsync(HttpClient client)
    {
        var marker = Random.Shared.NextInt64(1, long.MaxValue).ToString("x16");
        await PostAsync(client, Trace(marker, NowMicros));
        await StoredAsync(client, marker);
    }
}
