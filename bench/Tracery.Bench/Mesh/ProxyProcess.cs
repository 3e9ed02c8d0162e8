namespace Tracery.Bench.Mesh;

using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

/// <summary>A proxy under test running as its own process, so its memory is its own.</summary>
internal sealed class ProxyProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _directory;

    private ProxyProcess(Process process, string directory)
    {
        _process = process;
        _directory = directory;
    }

    public int Pid => _process.Id;

    /// <summary>A Tracery router's admin port, for its runtime metrics; null for nginx.</summary>
    public int? AdminPort { get; set; }

    /// <summary>The router's garbage collections and their total pause so far (<c>jvm/gc/cycles</c>, <c>jvm/gc/msec</c>), or null for nginx.</summary>
    public async Task<(double Cycles, double PauseMs)?> GcAsync()
    {
        if (AdminPort is not int port)
        {
            return null;
        }
        using var http = new HttpClient();
        using var metrics = System.Text.Json.JsonDocument.Parse(await http.GetStringAsync($"http://127.0.0.1:{port}/admin/metrics.json"));
        var root = metrics.RootElement;
        return root.TryGetProperty("jvm/gc/cycles", out var cycles) && root.TryGetProperty("jvm/gc/msec", out var pause)
            ? (cycles.GetDouble(), pause.GetDouble())
            : null; // a router from before these metrics existed

    }

    public static async Task<ProxyProcess> StartAsync(ProcessStartInfo start, string directory, int readyPort)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {start.FileName}");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine($"[{start.FileName}] {e.Data}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var proxy = new ProxyProcess(process, directory);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{start.FileName} exited with {process.ExitCode} before listening");
            }
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, readyPort);
                return proxy;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
        }
    }

    /// <summary>Peak resident set (VmHWM) in MB, summed over the process and its children (nginx workers).</summary>
    public double PeakRssMb()
    {
        return Pids().Sum(pid => Kilobytes(pid, "VmHWM:")) / 1024.0;
    }

    private List<int> Pids()
    {
        var pids = new List<int> { Pid };
        var children = $"/proc/{Pid}/task/{Pid}/children";
        if (File.Exists(children))
        {
            pids.AddRange(File.ReadAllText(children).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse));
        }
        return pids;
    }

    /// <summary>USER_HZ: Linux reports /proc times in these units, 100 on every architecture .NET runs on.</summary>
    private const int ClockTicksPerSecond = 100;

    /// <summary>utime + stime from /proc/PID/stat (fields 14 and 15, counted after the parenthesised command name).</summary>
    private static long ClockTicks(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return long.Parse(fields[11]) + long.Parse(fields[12]);
    }

    /// <summary>
    /// CPU time (user + system) used so far, summed over the process and its children (nginx workers): divided by the
    /// requests served in between, it is the proxy's own cost per request whatever else the machine runs.
    /// </summary>
    public TimeSpan CpuTime() => TimeSpan.FromSeconds(Pids().Sum(ClockTicks) / (double)ClockTicksPerSecond);

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private static long Kilobytes(int pid, string field)
    {
        var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line[field.Length..].Trim().Split(' ')[0]);
    }
}
