namespace Tracery.Mesh.Tracing;

using System.Net;
using Microsoft.AspNetCore.Http;
using Tracery.Mesh.Telemetry;
using Tracery.Tracing.Context;
using Tracery.Tracing.Model;

/// <summary>
/// Linkerd's router tracing (reference §3.4): the server span is a new child of the span carried by the incoming
/// request (or a new root), sampled as the incoming flag says, else by the sample rate; <c>l5d-sample</c> overrides
/// both. Each attempt is a new child of the server span. Spans go to <see cref="ISpanSink"/>, which never blocks.
/// Without a sink the tracer only propagates the context.
/// </summary>
public sealed class RouterTracer : IRouterTracer
{
    private readonly RouterTracerOptions options;
    private readonly ITracePropagator propagator;
    private readonly ISpanSink? sink;
    private readonly TraceSampler sampler;
    private readonly SpanClock clock;
    private readonly SpanEndpoints endpoints = new();

    public RouterTracer(
        RouterTracerOptions options,
        ISpanSink? sink,
        TraceSampler? sampler = null,
        TimeProvider? time = null)
    {
        this.options = options;
        this.sink = sink;
        this.sampler = sampler ?? new TraceSampler();
        clock = new SpanClock(time ?? TimeProvider.System);
        propagator = options.Propagation == TracePropagation.Zipkin ? ZipkinTracePropagator.Instance : LinkerdTracePropagator.Instance;
    }

    public ServerSpanScope StartServer(HttpContext context, string routerLabel, IPEndPoint serverAddress)
    {
        var request = context.Request;
        var trace = Decide(propagator.Read(request, out var sampleRate), sampleRate);
        if (!trace.IsSampled || sink is null)
        {
            return new ServerSpanScope(trace, null);
        }

        var recording = new SpanRecording(
            trace, SpanKind.Server, endpoints.Server(serverAddress), SpanEndpoints.Caller(context), clock, sink);
        return new ServerSpanScope(trace, new ServerSpanRecorder(recording, routerLabel, request));
    }

    public ClientSpanScope StartClient(
        in ServerSpanScope server, string clientLabel, string logicalService, HttpRequestMessage outgoing, IPEndPoint? upstream = null)
    {
        var trace = server.Context.Child(NewId());
        propagator.Write(outgoing, trace);
        if (server.Recorder is not { } parent || sink is null)
        {
            return new ClientSpanScope(trace, null);
        }

        var recording = new SpanRecording(
            trace,
            SpanKind.Client,
            endpoints.Client(ClientServiceName(clientLabel), parent.LocalEndpoint),
            endpoints.Upstream(logicalService, upstream),
            clock,
            sink);
        return new ClientSpanScope(trace, new ClientSpanRecorder(recording, outgoing, parent));
    }

    /// <summary>The server span's context: Finagle's <c>nextId</c> then <c>sampleTrace</c>, then the <c>l5d-sample</c> override.</summary>
    private TraceContext Decide(in TraceContext incoming, double? sampleRate)
    {
        var spanId = NewId();
        var trace = incoming.HasIds
            ? incoming.Child(spanId)
            : new TraceContext(options.TraceId128Bit ? NewId() : 0, spanId, spanId, 0, incoming.Sampled, incoming.Debug);
        if (sink is null)
        {
            // Tracing off: like Linkerd's NullTracer, leave the decision to the next hop that traces.
            return trace;
        }

        if (sampleRate is { } rate)
        {
            return trace with { Sampled = sampler.IsSampled(trace.TraceId, rate) };
        }

        return trace.Sampled is null ? trace with { Sampled = sampler.IsSampled(trace.TraceId, options.SampleRate) } : trace;
    }

    /// <summary>Linkerd's client label is the bound id without its leading <c>/</c>; accept either form.</summary>
    private static string ClientServiceName(string label) =>
        (label.StartsWith('/') ? label[1..] : label).ToLowerInvariant();

    private static ulong NewId()
    {
        ulong id;
        do
        {
            id = (ulong)Random.Shared.NextInt64(long.MinValue, long.MaxValue);
        }
        while (id == 0);
        return id;
    }
}
