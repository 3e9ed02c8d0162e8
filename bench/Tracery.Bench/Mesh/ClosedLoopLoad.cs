namespace Tracery.Bench.Mesh;

using System.Diagnostics;

/// <summary>Maximum throughput: each connection sends its next request as soon as the last one returns.</summary>
internal static class ClosedLoopLoad
{
    public static async Task<(long Completed, TimeSpan Elapsed)> RunAsync(Func<HttpClient> client, Uri uri, int connections, TimeSpan duration)
    {
        long completed = 0;
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, connections).Select(_ => Task.Run(async () =>
        {
            using var http = client();
            while (clock.Elapsed < duration)
            {
                using var response = await http.GetAsync(uri, HttpCompletionOption.ResponseContentRead);
                if (response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref completed);
                }
            }
        })).ToArray();
        await Task.WhenAll(workers);
        return (completed, clock.Elapsed);
    }
}
