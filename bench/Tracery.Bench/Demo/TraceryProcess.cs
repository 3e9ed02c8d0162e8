namespace Tracery.Bench.Demo;

using System.Diagnostics;

/// <summary>A `tracery` child process, timed from start to a marker line in its output and to its exit.</summary>
internal sealed class TraceryProcess : IAsyncDisposable
{
    private readonly Process process;

    private TraceryProcess(Process process) => this.process = process;

    /// <summary>Runs to exit; milliseconds to the first line containing <paramref name="marker"/> (null if never seen) and to exit.</summary>
    public static async Task<(double? Marker, double Exit)> RunAsync(string dll, string arguments, string? marker)
    {
        var clock = Stopwatch.StartNew();
        double? seen = null;
        using var process = Start(dll, arguments, line =>
        {
            if (marker is not null && seen is null && line.Contains(marker, StringComparison.Ordinal))
            {
                seen = clock.Elapsed.TotalMilliseconds;
            }
        });
        await process.WaitForExitAsync();
        var exit = clock.Elapsed.TotalMilliseconds;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"tracery {arguments} exited with {process.ExitCode}");
        }
        return (seen, exit);
    }

    /// <summary>Starts and returns once a line containing <paramref name="ready"/> is printed; disposing sends SIGINT (Ctrl-C) and waits.</summary>
    public static async Task<TraceryProcess> StartAsync(string dll, string arguments, string ready)
    {
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = Start(dll, arguments, line =>
        {
            if (line.Contains(ready, StringComparison.Ordinal))
            {
                seen.TrySetResult();
            }
        });
        await seen.Task.WaitAsync(TimeSpan.FromSeconds(30));
        return new TraceryProcess(process);
    }

    public async ValueTask DisposeAsync()
    {
        using (var interrupt = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await interrupt.WaitForExitAsync();
        }
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        await process.WaitForExitAsync(timeout.Token);
        process.Dispose();
    }

    private static Process Start(string dll, string arguments, Action<string> onLine)
    {
        var info = new ProcessStartInfo("dotnet", $"\"{dll}\" {arguments}") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start dotnet");
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                onLine(e.Data);
            }
        };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }
}
