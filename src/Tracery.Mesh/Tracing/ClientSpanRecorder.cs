namespace Tracery.Mesh.Tracing;

using System.Globalization;
using System.Net.Http.Headers;
using Tracery.Mesh.Classification;

/// <summary>
/// The state of one sampled CLIENT span (one forwarding attempt), with the <c>http.*</c> annotations of Linkerd's
/// HTTP <c>TracingFilter</c> and the classifier's verdict of <c>ClassifiedTracing</c>.
/// </summary>
internal sealed class ClientSpanRecorder
{
    private readonly SpanRecording recording;

    /// <param name="server">The request's server span: its path and query stand in while YARP has not yet set the outgoing URI.</param>
    public ClientSpanRecorder(SpanRecording recording, HttpRequestMessage outgoing, ServerSpanRecorder server)
    {
        this.recording = recording;
        var uri = outgoing.RequestUri is { IsAbsoluteUri: true } absolute ? absolute : null;
        recording.Name = (outgoing.Method.Method + " " + (uri?.AbsolutePath ?? server.Path)).ToLowerInvariant();
        recording.Tag("http.uri", uri?.PathAndQuery ?? server.Uri);
        recording.Tag("http.req.method", outgoing.Method.Method);
        if (outgoing.Headers.Host is { } host)
        {
            recording.Tag("http.req.host", host);
        }

        var request = server.Request;
        recording.Tag("http.req.version", request.Protocol);
        if (request.ContentLength is { } length)
        {
            recording.Tag("http.req.content-length", length.ToString(CultureInfo.InvariantCulture));
        }

        if (request.ContentType is { Length: > 0 } type)
        {
            recording.Tag("http.req.content-type", type);
        }

        if (request.Headers.TransferEncoding is { Count: > 0 } transfer)
        {
            recording.Tag("http.req.transfer-encoding", transfer.ToString());
        }

        recording.Annotate("ws");
    }

    public void RecordResponse(HttpResponseMessage response)
    {
        recording.Annotate("wr");
        recording.Tag("http.rsp.status", ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture));
        recording.Tag("http.rsp.version", "HTTP/" + response.Version.ToString(2));
        TagContent(recording, response.Content?.Headers, response.Headers);
    }

    public void RecordOutcome(ResponseClass outcome)
    {
        switch (outcome)
        {
            case ResponseClass.Success:
                // Linkerd records the fractional success as a double; Zipkin's v1 conversion writes it as "1.0".
                recording.Tag("l5d.success", "1.0");
                break;
            case ResponseClass.RetryableFailure:
                recording.Annotate("l5d.retryable");
                break;
            default:
                recording.Annotate("l5d.failure");
                break;
        }
    }

    public void RecordError(string error) => recording.Tag("error", error);

    public void Finish() => recording.TryFinish(null, out _);

    /// <summary>The response's content headers; type and transfer encoding as sent, without parsing them into header-value objects.</summary>
    private static void TagContent(SpanRecording recording, HttpContentHeaders? content, HttpResponseHeaders headers)
    {
        if (content?.ContentLength is { } length)
        {
            recording.Tag("http.rsp.content-length", length.ToString(CultureInfo.InvariantCulture));
        }

        if (content is not null && content.NonValidated.TryGetValues("Content-Type", out var types))
        {
            recording.Tag("http.rsp.content-type", types.ToString());
        }

        if (headers.NonValidated.TryGetValues("Transfer-Encoding", out var transfer))
        {
            recording.Tag("http.rsp.transfer-encoding", transfer.ToString());
        }
    }
}
