namespace Tracery.Mesh.Tests.Telemetry;

using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Tracery.Mesh.Telemetry;
using Tracery.Tracing.Model;
using Tracery.Tracing.Scribe;

/// <summary>The Scribe reporter against a real TCP listener on 127.0.0.1:0 that speaks framed Thrift Scribe.</summary>
public sealed class ScribeTransportTests : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly ConcurrentQueue<Span> received = new();
    private readonly CancellationTokenSource stop = new();
    private int connections;

    public ScribeTransportTests()
    {
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private int Port { get; }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        stop.Dispose();
    }

    /// <summary>Serves connections; each answers <paramref name="callsPerConnection"/> calls with <paramref name="result"/>, then closes.</summary>
    private void Serve(ScribeResultCode result = ScribeResultCode.Ok, int callsPerConnection = int.MaxValue) => _ = Task.Run(async () =>
    {
        while (!stop.IsCancellationRequested)
        {
            using var client = await listener.AcceptTcpClientAsync(stop.Token);
            Interlocked.Increment(ref connections);
            var stream = client.GetStream();
            for (var calls = 0; calls < callsPerConnection && await ScribeFraming.ReadFrameAsync(stream, cancellationToken: stop.Token) is { } frame; calls++)
            {
                var call = ScribeMessages.DecodeLogCall(frame);
                var spans = new List<Span>();
                foreach (var entry in call.Entries.Where(e => e.Category == ScribeSpans.DefaultCategory))
                {
                    ScribeSpans.Decode(entry, spans);
                }

                if (result == ScribeResultCode.Ok)
                {
                    spans.ForEach(received.Enqueue);
                }

                await stream.WriteAsync(ScribeMessages.EncodeReply(call.SequenceId, result), stop.Token);
            }
        }
    });

    [Fact]
    public async Task SendsBatchesOfThriftSpansInScribeLogCalls()
    {
        Serve();
        await using var reporter = new SpanReporter(new ScribeTransport(new ZipkinScribeOptions("127.0.0.1", Port)), new SpanReporterOptions(BatchSize: 10));

        for (var i = 0; i < 25; i++)
        {
            reporter.Report(TestSpans.Server(i));
        }

        Assert.True(await TestSpans.EventuallyAsync(() => reporter.Counters.Sent == 25));
        var spans = received.OrderBy(s => s.Id).ToList();
        Assert.Equal(Enumerable.Range(0, 25).Select(i => TestSpans.Server(i).Id), spans.Select(s => s.Id));
        Assert.All(spans, s => Assert.Equal(("216a2aea45d08fc9", SpanKind.Server, "outgoing /svc/hello", "127.0.0.2/4140"), (s.TraceId, s.Kind, s.Name, s.LocalServiceName)));
        Assert.Equal(1, connections);
    }

    [Fact]
    public async Task ReconnectsWhenTheCollectorClosedTheConnection()
    {
        Serve(callsPerConnection: 1);
        await using var reporter = new SpanReporter(new ScribeTransport(new ZipkinScribeOptions("127.0.0.1", Port)));

        reporter.Report(TestSpans.Server(1));
        Assert.True(await TestSpans.EventuallyAsync(() => reporter.Counters.Sent == 1));
        reporter.Report(TestSpans.Server(2));

        Assert.True(await TestSpans.EventuallyAsync(() => reporter.Counters.Sent == 2));
        Assert.Equal(0, reporter.Counters.Failed);
        Assert.Equal(2, connections);
    }

    [Fact]
    public async Task TryLaterCountsTheBatchAsFailed()
    {
        Serve(ScribeResultCode.TryLater);
        await using var reporter = new SpanReporter(
            new ScribeTransport(new ZipkinScribeOptions("127.0.0.1", Port)), new SpanReporterOptions(RetryDelay: TimeSpan.FromMilliseconds(10)));

        reporter.Report(TestSpans.Server(1));

        Assert.True(await TestSpans.EventuallyAsync(() => reporter.Counters.Failed == 1));
        Assert.Empty(received);
    }

    [Fact]
    public async Task WithTheCollectorDownReportingStaysFastAndLossesAreCounted()
    {
        listener.Stop(); // nothing listens on the port any more
        await using var reporter = new SpanReporter(
            new ScribeTransport(new ZipkinScribeOptions("127.0.0.1", Port)),
            new SpanReporterOptions(QueueCapacity: 50, BatchSize: 10, RetryDelay: TimeSpan.FromMilliseconds(10)));

        var watch = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < 5_000; i++)
        {
            reporter.Report(TestSpans.Server(i));
        }

        Assert.True(watch.ElapsedMilliseconds < 2_000, $"5,000 reports took {watch.ElapsedMilliseconds} ms");
        Assert.True(reporter.Counters.Dropped > 0);
        Assert.True(await TestSpans.EventuallyAsync(() => reporter.Counters.Failed >= 10));
        Assert.Equal(0, reporter.Counters.Sent);
    }
}
