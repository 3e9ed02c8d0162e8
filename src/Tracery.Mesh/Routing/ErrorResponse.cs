namespace Tracery.Mesh.Routing;

using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;

/// <summary>
/// A response the proxy makes itself (Linkerd's <c>ErrorResponder</c>): the status, the message as a
/// <c>text/plain</c> body, and the same message URL-encoded in <c>l5d-err</c> so that clients and upstream
/// proxies can tell a mesh failure from an application's own 5xx.
/// </summary>
public sealed record ErrorResponse(int Status, string Message, bool Retryable = false)
{
    private const int MaxHeaderBytes = 8 * 1024; // maxHeadersKB
    private const int MaxBodyBytes = 5120 * 1024; // maxErrResponseKB

    public async Task WriteAsync(HttpResponse response)
    {
        if (response.HasStarted)
        {
            response.HttpContext.Abort(); // too late for a status: cut the stream so the client sees a failure
            return;
        }
        response.Clear();
        response.StatusCode = Status;
        response.ContentType = "text/plain; charset=utf-8";
        response.Headers[MeshHeaders.Err] = Truncate(WebUtility.UrlEncode(Message), MaxHeaderBytes);
        if (Retryable)
        {
            response.Headers[MeshHeaders.Retryable] = "true";
        }
        var body = Encoding.UTF8.GetBytes(Message);
        await response.Body.WriteAsync(body.AsMemory(0, Math.Min(body.Length, MaxBodyBytes)));
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];
}
