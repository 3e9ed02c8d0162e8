namespace Tracery.Bench.Mesh;

using System.Diagnostics;
using System.Runtime.InteropServices;

/// <summary>
/// Sleeps to within tens of microseconds of a due time without spinning. .NET's own sleeps and timers round up to
/// whole milliseconds, too coarse for a schedule with a request every 500 µs; spinning instead would take a core
/// from the proxies measured on this 2-core machine. So: <c>usleep</c>, with the thread's timer slack (50 µs by
/// default, the kernel's licence to wake it late) cut to 1 µs.
/// </summary>
internal static class PreciseSleep
{
    private const int PrSetTimerSlack = 29;

    /// <summary>Asks the kernel to wake this thread on time; best effort, as the schedule is still kept without it.</summary>
    public static void ForThisThread()
    {
        if (OperatingSystem.IsLinux())
        {
            _ = prctl(PrSetTimerSlack, 1, 0, 0, 0);
        }
    }

    public static void Until(Stopwatch clock, TimeSpan due)
    {
        while (due - clock.Elapsed is { Ticks: > 0 } remaining)
        {
            if (OperatingSystem.IsLinux())
            {
                _ = usleep((uint)Math.Min(remaining.TotalMicroseconds + 1, 100_000));
            }
            else
            {
                Thread.Sleep(remaining);
            }
        }
    }

    // DllImport rather than LibraryImport: the generated stubs would need unsafe code, and these two take only integers.
    [DllImport("libc")]
    private static extern int usleep(uint microseconds);

    [DllImport("libc")]
    private static extern int prctl(int option, ulong arg2, ulong arg3, ulong arg4, ulong arg5);
}
