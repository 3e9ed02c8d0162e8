using System.Runtime.InteropServices;
using Tracery.Mesh.Config;
using Tracery.Mesh.Hosting;

// `tracery-mesh <config.yaml>`: what `tracery mesh` does, without System.CommandLine, so the whole
// executable can be compiled ahead of time. Exit codes match: 2 for a config that cannot run.
if (args is not [var path])
{
    Console.Error.WriteLine("usage: tracery-mesh <config.yaml | ->");
    return 2;
}

using var stopping = new CancellationTokenSource();
void Stop(PosixSignalContext context)
{
    context.Cancel = true;
    stopping.Cancel();
}
using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

MeshHost host;
try
{
    var text = path == "-" ? await Console.In.ReadToEndAsync(stopping.Token) : await File.ReadAllTextAsync(path, stopping.Token);
    host = await MeshHost.StartAsync(new MeshConfigLoader().Load(text), consoleLogging: true, cancellationToken: stopping.Token);
}
catch (Exception e) when (e is MeshConfigException or IOException or UnauthorizedAccessException)
{
    await Console.Error.WriteLineAsync($"tracery-mesh: {path}: {e.Message}");
    return 2;
}

await using (host)
{
    foreach (var (label, endpoints) in host.RouterEndpoints)
    {
        Console.WriteLine($"tracery-mesh: router {label} on {string.Join(", ", endpoints)}");
    }
    if (host.AdminEndpoint is { } admin)
    {
        Console.WriteLine($"tracery-mesh: admin on http://{admin}/. Ctrl-C stops.");
    }
    try
    {
        await host.Stopped.WaitAsync(stopping.Token);
    }
    catch (OperationCanceledException)
    {
    }
}
return 0;
