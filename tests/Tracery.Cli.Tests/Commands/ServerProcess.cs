namespace Tracery.Cli.Tests.Commands;

using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;

/// <summary>
/// The built `tracery server` as a real child process (tracery.dll beside the tests), started with its
/// own environment and working directory; stopped with SIGTERM as a service manager would, or SIGKILL.
/// </summary>
internal sealed partial class ServerProcess : IAsyncDisposable
{
    // Settings that would change where or how the child stores spans if the test's own environment had them.
    private static readonly string[] Inherited = ["STORAGE_", "POSTGRES_", "XDG_DATA_HOME", "QUERY_PORT", "COLLECTOR_", "SCRIBE_", "MEM_MAX_SPANS"];
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly Process process;
    private readonly StringBuilder output = new();

    private ServerProcess(Process process) => this.process = process;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Everything the server printed, for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    public static async Task<ServerProcess> StartAsync(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "tracery.dll"));
        info.ArgumentList.Add("server");
        arguments.ToList().ForEach(info.ArgumentList.Add);
        foreach (var name in info.Environment.Keys.Where(k => Inherited.Any(k.StartsWith)).ToList())
        {
            info.Environment.Remove(name);
        }
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }
        var server = new ServerProcess(Process.Start(info) ?? throw new InvalidOperationException("could not start dotnet"));
        var ready = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        void Read(string? line)
        {
            if (line is null)
            {
                return;
            }
            lock (server.output)
            {
                server.output.AppendLine(line);
            }
            if (ReadyLine().Match(line) is { Success: true } match)
            {
                ready.TrySetResult(new Uri(match.Groups[1].Value));
            }
        }
        server.process.OutputDataReceived += (_, e) => Read(e.Data);
        server.process.ErrorDataReceived += (_, e) => Read(e.Data);
        server.process.BeginOutputReadLine();
        server.process.BeginErrorReadLine();
        var exited = server.process.WaitForExitAsync();
        if (await Task.WhenAny(ready.Task, exited).WaitAsync(Patience) != ready.Task)
        {
            throw new InvalidOperationException($"tracery server exited with {server.process.ExitCode} before it was ready:\n{server.Output}");
        }
        server.BaseAddress = await ready.Task;
        return server;
    }

    /// <summary>SIGTERM, then waits for the server to shut down (draining its backlog) and exit with 0.</summary>
    public async Task StopCleanlyAsync()
    {
        Assert.Equal(0, Kill(process.Id, 15));
        await process.WaitForExitAsync().WaitAsync(Patience);
        Assert.True(process.ExitCode == 0, $"tracery server exited with {process.ExitCode} after SIGTERM:\n{Output}");
    }

    /// <summary>SIGKILL: the process ends at once, with no chance to store anything more.</summary>
    public async Task KillAsync()
    {
        process.Kill();
        await process.WaitForExitAsync().WaitAsync(Patience);
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            await KillAsync();
        }
        process.Dispose();
    }

    [GeneratedRegex(@"HTTP on (http://[^ ,]+/)")]
    private static partial Regex ReadyLine();

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
