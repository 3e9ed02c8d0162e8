namespace Tracery.Cli.Commands;

using System.Runtime.InteropServices;

/// <summary>
/// Waits for Ctrl-C or SIGTERM. Every in-process web host installs its own handler that stops only that
/// host and cancels the signal, so the command line's own handler may never see it; this one does.
/// </summary>
internal static class ShutdownSignal
{
    public static async Task WaitAsync(TimeProvider time, CancellationToken cancellationToken)
    {
        using var signalled = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            signalled.Cancel();
        }
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, time, signalled.Token);
        }
        catch (OperationCanceledException)
        {
        }
    }
}
