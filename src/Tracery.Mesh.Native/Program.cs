using System.Runtime.InteropServices;
using Tracery.Mesh.Hosting;

// `tracery-mesh <config.yaml>`: what `tracery mesh` does, without System.CommandLine, so the whole
// executable can be compiled ahead of time. Exit codes match: 2 for a config that cannot run.
if (args is not [var path])
{
    Console.Error.WriteLine("usage: tracery-mesh <config.yaml | ->");
    return 2;
}

// The web host's own SIGINT/SIGTERM handling stops only the host; this cancels the wait as well.
using var stopping = new CancellationTokenSource();
void Stop(PosixSignalContext context)
{
    context.Cancel = true;
    stopping.Cancel();
}
using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
return await MeshProgram.RunAsync("tracery-mesh", path, stopping.Token);
