namespace Tracery.Cli.Demo;

/// <summary>
/// Sends GET http://hello/ through node A's mesh at a steady rate in the background, so the admin
/// dashboards and the trace UI have something to show. Failures are counted, never thrown: world
/// may be made to fail on purpose.
/// </summary>
internal sealed class TrafficLoop : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly Task running;
    private long sent;
    private long failed;

    public TrafficLoop(HttpClient client, int requestsPerSecond, TimeProvider time)
    {
        running = RunAsync(client, TimeSpan.FromSeconds(1.0 / requestsPerSecond), time);
    }

    public long Sent => Interlocked.Read(ref sent);

    public long Failed => Interlocked.Read(ref failed);

    private async Task RunAsync(HttpClient client, TimeSpan interval, TimeProvider time)
    {
        using var timer = new PeriodicTimer(interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stop.Token))
            {
                // Not awaited: a slow world must not lower the rate.
                _ = SendAsync(client);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task SendAsync(HttpClient client)
    {
        Interlocked.Increment(ref sent);
        try
        {
            using var response = await client.GetAsync("http://hello/", stop.Token);
            if (!response.IsSuccessStatusCode)
            {
                Interlocked.Increment(ref failed);
            }
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
        {
            Interlocked.Increment(ref failed);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await running;
        stop.Dispose();
    }
}
