namespace HelloWorld;

using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

/// <summary>
/// <c>POST /setLatency?latency=250ms</c> and <c>POST /setFailureRate?failureRate=0.5</c>, with the
/// answers and error messages of the tutorial's Go app, so a running demo can be slowed or broken.
/// </summary>
internal static class BehaviourEndpoints
{
    public static void Map(WebApplication app, SampleBehaviour behaviour)
    {
        app.Map("/setLatency", (HttpContext context) => SetLatency(context, behaviour));
        app.Map("/setFailureRate", (HttpContext context) => SetFailureRate(context, behaviour));
    }

    private static IResult SetLatency(HttpContext context, SampleBehaviour behaviour)
    {
        if (!HttpMethods.IsPost(context.Request.Method))
        {
            return Results.Text("POST required", statusCode: StatusCodes.Status405MethodNotAllowed);
        }
        string? value = context.Request.Query["latency"];
        if (string.IsNullOrEmpty(value))
        {
            return BadRequest("missing required parameter: latency");
        }
        if (!GoDuration.TryParse(value, out var latency))
        {
            return BadRequest("latency is not a valid duration");
        }
        behaviour.Latency = latency;
        return Results.Text("ok");
    }

    private static IResult SetFailureRate(HttpContext context, SampleBehaviour behaviour)
    {
        if (!HttpMethods.IsPost(context.Request.Method))
        {
            return Results.Text("POST required", statusCode: StatusCodes.Status405MethodNotAllowed);
        }
        string? value = context.Request.Query["failureRate"];
        if (string.IsNullOrEmpty(value))
        {
            return BadRequest("missing required parameter: failureRate");
        }
        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var rate))
        {
            return BadRequest("failureRate is not a valid float");
        }
        if (rate is < 0.0 or > 1.0)
        {
            return BadRequest("failureRate must be between 0.0 and 1.0");
        }
        behaviour.FailureRate = rate;
        return Results.Text("ok");
    }

    private static IResult BadRequest(string message) => Results.Text(message, statusCode: StatusCodes.Status400BadRequest);
}
