namespace Tracery.Mesh.Tests.Support;

/// <summary>Polls a condition with a timeout instead of sleeping for luck.</summary>
public static class Eventually
{
    public static async Task<T> Value<T>(Func<T> read, Func<T, bool> done, int timeoutMs = 5000)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (true)
        {
            var value = read();
            if (done(value) || DateTime.UtcNow > deadline)
            {
                return value;
            }
            await Task.Delay(20);
        }
    }
}
