namespace HelloWorld;

using Microsoft.AspNetCore.Http;

/// <summary>
/// The app's answer on <c>/</c>: wait the configured latency, fail at the configured rate, call the
/// target (forwarding the context headers) and answer <c>Text (POD_IP)</c> followed by the target's
/// answer, or by "!" when there is no target.
/// </summary>
internal sealed class AnswerEndpoint(SampleOptions options, SampleBehaviour behaviour, HttpClient client)
{
    public async Task<IResult> AnswerAsync(HttpContext context)
    {
        var latency = behaviour.Latency;
        if (latency > TimeSpan.Zero)
        {
            await Task.Delay(latency, context.RequestAborted);
        }
        if (behaviour.DrawFailure())
        {
            return Results.StatusCode(StatusCodes.Status500InternalServerError);
        }
        var text = $"{options.Text} ({options.PodIp})";
        if (options.Target is null)
        {
            return Results.Text(text + "!");
        }
        var (ok, body) = await CallTargetAsync(context);
        return ok ? Results.Text(text + " " + body) : Results.Text(body, statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    private async Task<(bool Ok, string Body)> CallTargetAsync(HttpContext context)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "http://" + options.Target + "/");
        ContextHeaders.Forward(context.Request.Headers, request);
        try
        {
            using var response = await client.SendAsync(request, context.RequestAborted);
            var body = await response.Content.ReadAsStringAsync(context.RequestAborted);
            return response.IsSuccessStatusCode ? (true, body) : (false, $"invalid response {(int)response.StatusCode}");
        }
        catch (HttpRequestException e)
        {
            return (false, e.Message);
        }
    }
}
