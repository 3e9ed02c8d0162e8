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
        recording.Name = outgoing.Method.Method + " " + (uri?.AbsolutePath ?? server.Path);
        recording.Tag("http.uri", uri?.PathAndQuery ?? server.Uri);
        recording.Tag("http.req.method", outgoing.Method.Method);
        if (outgoing.Headers.Host is { } host)
        {
            recording.Tag("http.req.host", host);
        }

        recording.Tag("http.req.version", server.Protocol);
        TagContent(recording, "http.req.", outgoing.Content?.Headers, outgoing.Headers.TransferEncoding);
        recording.Annotate("ws");
    }

    public void RecordResponse(HttpResponseMessage response)
    {
        recording.Annotate("wr");
        recording.Tag("http.rsp.status", ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture));
        recording.Tag("http.rsp.version", "HTTP/" + response.Version.ToString(2));
        TagContent(recording, "http.rsp.", response.Content?.Headers, response.Headers.TransferEncoding);
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

    private static void TagContent(
        SpanRecording recording, string prefix, HttpContentHeaders? content, HttpHeaderValueCollection<TransferCodingHeaderValue> transfer)
    {
        if (content?.ContentLength is { } length)
        {
            recording.Tag(prefix + "content-length", length.ToString(CultureInfo.InvariantCulture));
        }

        if (content?.ContentType is { } type)
        {
            recording.Tag(prefix + "content-type", type.ToString());
        }

        if (transfer.Count > 0)
        {
            recording.Tag(prefix + "transfer-encoding", transfer.ToString());
        }
    }
}
