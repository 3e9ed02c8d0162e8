namespace Tracery.Mesh.Tests.Telemetry;

using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Tracery.Mesh.Telemetry;

public sealed class SpanReporterTests
{
    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    [Fact]
    public async Task WithTheCollectorDownReportingStaysFastAndLossesAreCounted()
    {
        var transport = new ZipkinHttpTransport(new ZipkinHttpOptions($"127.0.0.1:{ClosedPort()}", CompressionEnabled: false));
        await using var reporter = new SpanReporter(transport, new SpanReporterOptions(QueueCapacity: 100, BatchSize: 10, RetryDelay: TimeSpan.FromMilliseconds(50)));

        var watch = Stopwatch.StartNew();
        for (var i = 0; i < 10_000; i++)
        {
            reporter.Report(TestSpans.Server(i));
        }

        watch.Stop();
        Assert.True(watch.ElapsedMilliseconds < 2_000, $"10,000 reports took {watch.ElapsedMilliseconds} ms");
        Assert.True(reporter.Counters.Dropped > 0);
        Assert.Equal(10_000, reporter.Counters.Queued + reporter.Counters.Dropped);
        Assert.True(await TestSpans.EventuallyAsync(() => reporter.Counters.Failed >= 10));
        Assert.Equal(0, reporter.Counters.Sent);
    }

    [Fact]
    public async Task AStalledCollectorFillsTheQueueAndLaterSpansAreDropped()
    {
        using var stalled = new TcpListener(IPAddress.Loopback, 0);
        stalled.Start(); // accepts connections (in the backlog) and never answers
        var port = ((IPEndPoint)stalled.LocalEndpoint).Port;
        var transport = new ZipkinHttpTransport(new ZipkinHttpOptions($"127.0.0.1:{port}", CompressionEnabled: false));
        await using var reporter = new SpanReporter(transport, new SpanReporterOptions(QueueCapacity: 20, BatchSize: 5, SendTimeout: TimeSpan.FromMinutes(1)));

        reporter.Report(TestSpans.Server(0));
        Assert.True(await TestSpans.EventuallyAsync(() => reporter.QueueDepth == 0)); // the loop took it into its stalled send
        for (var i = 1; i <= 100; i++)
        {
            reporter.Report(TestSpans.Server(i));
        }

        Assert.InRange(reporter.Counters.Dropped, 100 - 20 - 5, 100 - 20);
        Assert.Equal(101, reporter.Counters.Queued + reporter.Counters.Dropped);
        Assert.Equal(0, reporter.Counters.Sent);
    }
}
