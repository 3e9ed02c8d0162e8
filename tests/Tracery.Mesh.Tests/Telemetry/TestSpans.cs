namespace Tracery.Mesh.Tests.Telemetry;

using Tracery.Tracing.Model;

internal static class TestSpans
{
    public static Span Server(int n) => new()
    {
        TraceId = "216a2aea45d08fc9",
        Id = (n + 1).ToString("x16"),
        Kind = SpanKind.Server,
        Name = "outgoing /svc/hello",
        Timestamp = 1_700_000_000_000_000 + n,
        Duration = 150,
        LocalEndpoint = new Endpoint("127.0.0.2/4140", "127.0.0.2", null, 4140),
    };

    /// <summary>Polls <paramref name="condition"/> until it holds or the timeout ends; tests then assert it.</summary>
    public static async Task<bool> EventuallyAsync(Func<bool> condition, int timeoutMs = 10_000)
    {
        var deadline = Environment.TickCount64 + timeoutMs;
        while (!condition() && Environment.TickCount64 < deadline)
        {
            await Task.Delay(20);
        }

        return condition();
    }
}
