namespace Tracery.Server.Tests.Hosting;

/// <summary>Polls a condition until it holds or a deadline passes: storage is asynchronous after a 202.</summary>
internal static class Eventually
{
    public static async Task HoldsAsync(Func<Task<bool>> condition, string what, int timeoutMs = 10_000)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting until {what}");
            }
            await Task.Delay(10);
        }
    }
}
