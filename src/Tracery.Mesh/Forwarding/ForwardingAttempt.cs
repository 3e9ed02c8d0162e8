namespace Tracery.Mesh.Forwarding;

using System.Net;
using System.Net.Http;
using Microsoft.AspNetCore.Http;
using Tracery.Mesh.Balancing;
using Tracery.Mesh.Classification;
using Tracery.Mesh.Transport;
using Yarp.ReverseProxy.Forwarder;

/// <summary>
/// One attempt: forwards the request to one endpoint with YARP and reports what happened. The attempt's own
/// deadline and the request's overall deadline both cancel it; which one fired decides the error reported.
/// </summary>
internal sealed class ForwardingAttempt(IHttpForwarder forwarder, UpstreamInvokers invokers)
{
    private static readonly ForwarderRequestConfig Config = new() { ActivityTimeout = TimeSpan.FromMinutes(10) };

    public async Task<AttemptResult> SendAsync(
        HttpContext context, UpstreamEndpoint endpoint, RouteTarget target, Func<ResponseClass, bool> retryGate, CancellationToken deadline)
    {
        var transformer = new AttemptTransformer(target, endpoint.SocketAddress, retryGate);
        using var span = new SpanEnd(transformer);
        var error = await forwarder.SendAsync(context, endpoint.Prefix, invokers.For(target.Client), Config, transformer, deadline);
        if (error == ForwarderError.None && transformer.Outcome is AttemptOutcome outcome)
        {
            transformer.Span.RecordOutcome(transformer.Class);
            return new AttemptResult(outcome, transformer.Class, transformer.Discarded, null);
        }
        var exception = context.Features.Get<IForwarderErrorFeature>()?.Exception;
        var failure = deadline.IsCancellationRequested || error == ForwarderError.RequestTimedOut ? AttemptFailure.Timeout
            : IsConnectFailure(error, exception) ? AttemptFailure.ConnectionFailed
            : AttemptFailure.Other;
        var failed = AttemptOutcome.Failed(failure);
        var detail = exception is null ? error.ToString() : $"{error}: {Innermost(exception).Message}";
        var verdict = target.Service.Classifier.Classify(context.Request.Method, failed);
        transformer.Span.RecordError(failure == AttemptFailure.Timeout ? "timeout" : detail);
        transformer.Span.RecordOutcome(verdict);
        return new AttemptResult(failed, verdict, false, detail);
    }

    /// <summary>Ends the attempt's CLIENT span (<c>cr</c>) however the attempt ends.</summary>
    private readonly struct SpanEnd(AttemptTransformer transformer) : IDisposable
    {
        public void Dispose() => transformer.Span.Finish();
    }

    private static bool IsConnectFailure(ForwarderError error, Exception? exception) =>
        error == ForwarderError.Request && exception is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError };

    private static Exception Innermost(Exception exception)
    {
        while (exception.InnerException is not null)
        {
            exception = exception.InnerException;
        }
        return exception;
    }
}
