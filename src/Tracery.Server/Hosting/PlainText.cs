namespace Tracery.Server.Hosting;

using Microsoft.AspNetCore.Http;

/// <summary>Zipkin's error bodies: a status and the message as <c>text/plain</c>.</summary>
public static class PlainText
{
    public static Task WriteAsync(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(message, context.RequestAborted);
    }
}
