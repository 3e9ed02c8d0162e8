namespace Tracery.Server.Hosting;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

/// <summary>
/// Zipkin's <c>BodyIsExceptionMessage</c>: an <see cref="ArgumentException"/> anywhere is a 400 and any
/// other failure a 500, each with the exception's message as <c>text/plain</c>. Also answers TRACE
/// with 405, as Zipkin does, so the server cannot be used for cross-site tracing.
/// </summary>
public static partial class ErrorResponses
{
    public static IApplicationBuilder UseZipkinErrorResponses(this IApplicationBuilder app, ILogger logger) =>
        app.Use(async (context, next) =>
        {
            if (HttpMethods.IsTrace(context.Request.Method))
            {
                context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
                return;
            }
            try
            {
                await next(context);
            }
            catch (ArgumentException e) when (!context.Response.HasStarted)
            {
                await PlainText.WriteAsync(context, StatusCodes.Status400BadRequest, e.Message);
            }
            catch (Exception e) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
            {
                LogFailed(logger, context.Request.Path, e);
                await PlainText.WriteAsync(context, StatusCodes.Status500InternalServerError, e.Message);
            }
        });

    [LoggerMessage(Level = LogLevel.Error, Message = "Request to {Path} failed")]
    private static partial void LogFailed(ILogger logger, string path, Exception exception);
}
