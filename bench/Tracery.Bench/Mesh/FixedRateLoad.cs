namespace Tracery.Bench.Mesh;

using System.Diagnostics;
using System.Threading.Channels;
using HdrHistogram;

/// <summary>
/// An open-loop load generator in the manner of wrk2: request i is due at start + i / rate, on connection
/// i mod C, and every latency is taken from the time the request was due, not from when it was sent. A stalled
/// response therefore counts against every request it delayed, which is what removes coordinated omission.
/// </summary>
/// <remarks>
/// One dedicated thread keeps the schedule, sleeping with <see cref="PreciseSleep"/> between due times, and hands
/// each due time to its connection's sender. The earlier design had every sender spin on the thread pool for
/// the last millisecond before its due time: sixteen spinning senders took the pool's threads from the upstream
/// that shares this process, and made the direct baseline slower than the proxies in front of it.
/// </remarks>
internal static class FixedRateLoad
{
    public static async Task<LatencyRun> RunAsync(string target, Func<HttpClient> client, Uri uri, int rate, int connections, TimeSpan duration)
    {
        var histogram = new LongHistogram(TimeSpan.FromSeconds(30).Ticks / 10, 3);
        long errors = 0, sent = 0;
        var clock = Stopwatch.StartNew();
        var due = Enumerable.Range(0, connections).Select(_ => Channel.CreateUnbounded<TimeSpan>(new() { SingleReader = true, SingleWriter = true })).ToArray();
        var senders = due.Select(queue => Task.Run(async () =>
        {
            using var http = client();
            var local = new LongHistogram(TimeSpan.FromSeconds(30).Ticks / 10, 3);
            await foreach (var at in queue.Reader.ReadAllAsync())
            {
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
                local.RecordValue(Math.Max(1, (long)(clock.Elapsed - at).TotalMicroseconds));
                Interlocked.Increment(ref sent);
            }
            lock (histogram)
            {
                histogram.Add(local);
            }
        })).ToArray();

        var total = (long)(rate * duration.TotalSeconds);
        var scheduler = new Thread(() =>
        {
            PreciseSleep.ForThisThread();
            for (long i = 0; i < total; i++)
            {
                var at = TimeSpan.FromSeconds(i / (double)rate);
                PreciseSleep.Until(clock, at);
                due[i % connections].Writer.TryWrite(at);
            }
            foreach (var queue in due)
            {
                queue.Writer.Complete();
            }
        })
        { IsBackground = true, Name = "fixed-rate schedule", Priority = ThreadPriority.AboveNormal };
        scheduler.Start();
        await Task.WhenAll(senders);
        return new LatencyRun(target, histogram, errors, sent / clock.Elapsed.TotalSeconds);
    }
}
