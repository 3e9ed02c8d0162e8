namespace Tracery.Bench.Mesh;

using System.Diagnostics;
using HdrHistogram;

/// <summary>
/// An open-loop load generator in the manner of wrk2: each connection has its own schedule (request i of
/// connection k is due at start + (i·C + k) / rate) and every latency is taken from the time the request was
/// due, not from when it was sent. A stalled response therefore counts against every request it delayed,
/// which is what removes coordinated omission.
/// </summary>
internal static class FixedRateLoad
{
    public static async Task<LatencyRun> RunAsync(string target, Func<HttpClient> client, Uri uri, int rate, int connections, TimeSpan duration)
    {
        var histogram = new LongHistogram(TimeSpan.FromSeconds(30).Ticks / 10, 3);
        long errors = 0, sent = 0;
        var clock = Stopwatch.StartNew();
        var perConnection = rate / (double)connections;
        var total = (long)(rate * duration.TotalSeconds / connections);
        var workers = Enumerable.Range(0, connections).Select(k => Task.Run(async () =>
        {
            using var http = client();
            var local = new LongHistogram(TimeSpan.FromSeconds(30).Ticks / 10, 3);
            for (long i = 0; i < total; i++)
            {
                var due = TimeSpan.FromSeconds((i + (k / (double)connections)) / perConnection);
                await WaitUntil(clock, due);
                try
                {
                    using var response = await http.GetAsync(uri, HttpCompletionOption.ResponseContentRead);
                    if (!response.IsSuccessStatusCode)
                    {
                        Interlocked.Increment(ref errors);
                    }
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref errors);
                }
                local.RecordValue(Math.Max(1, (long)(clock.Elapsed - due).TotalMicroseconds));
                Interlocked.Increment(ref sent);
            }
            lock (histogram)
            {
                histogram.Add(local);
            }
        })).ToArray();
        await Task.WhenAll(workers);
        return new LatencyRun(target, histogram, errors, sent / clock.Elapsed.TotalSeconds);
    }

    /// <summary>Sleeps until about a millisecond before <paramref name="due"/>, then yields until it, since timers are coarse.</summary>
    private static async Task WaitUntil(Stopwatch clock, TimeSpan due)
    {
        var remaining = due - clock.Elapsed;
        if (remaining > TimeSpan.FromMilliseconds(1.5))
        {
            await Task.Delay(remaining - TimeSpan.FromMilliseconds(1));
        }
        var spin = new SpinWait();
        while (clock.Elapsed < due)
        {
            spin.SpinOnce(); // yields, then sleeps: on a shared 2-core box a pure spin would starve the proxy under test
        }
    }
}
