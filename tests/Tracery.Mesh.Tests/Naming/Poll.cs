namespace Tracery.Mesh.Tests.Naming;

using System.Diagnostics;

/// <summary>Waits for a condition without sleeping for luck: checks often, fails after the deadline.</summary>
internal static class Poll
{
    public static async Task<TimeSpan> UntilAsync(Func<bool> condition, TimeSpan timeout, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > timeout)
            {
                throw new Xunit.Sdk.XunitException($"not within {timeout.TotalMilliseconds} ms: {what}");
            }

            await Task.Delay(10);
        }

        return clock.Elapsed;
    }
}
