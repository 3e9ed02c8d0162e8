namespace Tracery.Mesh.Forwarding;

using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Http;
using Tracery.Mesh.Classification;
using Tracery.Mesh.Routing;
using Tracery.Mesh.Tracing;
using Yarp.ReverseProxy.Forwarder;

/// <summary>
/// Shapes one forwarding attempt. Requests keep their Host (YARP would use the endpoint's address, but services
/// behind a mesh route by name) and gain Linkerd's informational headers and a <c>Via</c> entry. Responses are
/// classified before anything reaches the client, so a retryable failure can be dropped and retried while the
/// client's response is still untouched.
/// </summary>
internal sealed class AttemptTransformer(RouteTarget target, IPEndPoint? upstream, Func<ResponseClass, bool> retryGate) : HttpTransformer
{
    /// <summary>The attempt's CLIENT span, started once the outgoing request exists.</summary>
    public ClientSpanScope Span { get; private set; }

    public AttemptOutcome? Outcome { get; private set; }

    public ResponseClass Class { get; private set; } = ResponseClass.Failure;

    /// <summary>True when the response was classified retryable, the gate allowed a retry and it was dropped.</summary>
    public bool Discarded { get; private set; }

    public override async ValueTask TransformRequestAsync(HttpContext httpContext, HttpRequestMessage proxyRequest, string destinationPrefix, CancellationToken cancellationToken)
    {
        await base.TransformRequestAsync(httpContext, proxyRequest, destinationPrefix, cancellationToken);
        var headers = proxyRequest.Headers;
        headers.Host = httpContext.Request.Host.Value;
        headers.Remove(MeshHeaders.Dtab);
        headers.Remove(MeshHeaders.CtxDtab);
        if (!string.IsNullOrEmpty(target.LocalDtab))
        {
            headers.TryAddWithoutValidation(MeshHeaders.CtxDtab, target.LocalDtab);
        }
        Replace(headers, MeshHeaders.DstService, target.DstPath.ToString());
        Replace(headers, MeshHeaders.DstClient, target.Bound.Id);
        headers.Remove(MeshHeaders.DstResidual);
        if (!target.Bound.Residual.Segments.IsEmpty)
        {
            headers.TryAddWithoutValidation(MeshHeaders.DstResidual, target.Bound.Residual.ToString());
        }
        Replace(headers, MeshHeaders.RequestId, target.RequestId);
        headers.Remove("Via");
        headers.TryAddWithoutValidation("Via", CallDepth.Append(httpContext.Request.Headers.Via));
        // Last, so the tracer's propagation headers (and its l5d-reqid, the trace id) replace any copied ones.
        Span = target.Tracer.StartClient(target.Server, target.Bound.Id.TrimStart('/'), target.LogicalService, proxyRequest, upstream);
    }

    public override async ValueTask<bool> TransformResponseAsync(HttpContext httpContext, HttpResponseMessage? proxyResponse, CancellationToken cancellationToken)
    {
        if (proxyResponse is null)
        {
            return await base.TransformResponseAsync(httpContext, proxyResponse, cancellationToken);
        }
        Span.RecordResponse(proxyResponse);
        var outcome = AttemptOutcome.Response(
            (int)proxyResponse.StatusCode,
            proxyResponse.Headers.TryGetValues(MeshHeaders.Retryable, out var r) && r.Any(v => v.Equals("true", StringComparison.OrdinalIgnoreCase)),
            SuccessClass(proxyResponse));
        Outcome = outcome;
        Class = target.Service.Classifier.Classify(httpContext.Request.Method, outcome);
        if (Class == ResponseClass.RetryableFailure && retryGate(Class))
        {
            Discarded = true;
            return false;
        }
        var copy = await base.TransformResponseAsync(httpContext, proxyResponse, cancellationToken);
        var response = httpContext.Response.Headers;
        response[MeshHeaders.SuccessClass] = Class == ResponseClass.Success ? "1.0" : "0.0";
        if (Class == ResponseClass.RetryableFailure)
        {
            response[MeshHeaders.Retryable] = "true";
        }
        response.Via = CallDepth.Append(response.Via);
        return copy;
    }

    private static double? SuccessClass(HttpResponseMessage response) =>
        response.Headers.TryGetValues(MeshHeaders.SuccessClass, out var values)
        && double.TryParse(values.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var fraction)
            ? fraction
            : null;

    private static void Replace(System.Net.Http.Headers.HttpRequestHeaders headers, string name, string value)
    {
        headers.Remove(name);
        headers.TryAddWithoutValidation(name, value);
    }
}
