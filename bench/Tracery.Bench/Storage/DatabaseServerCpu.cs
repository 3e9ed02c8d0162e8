namespace Tracery.Bench.Storage;

using System.Globalization;

/// <summary>
/// CPU time spent by the PostgreSQL server for one database: its backends (their process title names the
/// database) plus the WAL writer, checkpointer and background writer, read from /proc. PostgreSQL does its
/// work in other processes, so the benchmark process's own CPU time would flatter it.
/// </summary>
sealed class DatabaseServerCpu(string database)
{
    // Linux reports utime/stime in clock ticks of 1/100 s (USER_HZ) on every architecture .NET runs on.
    const double TicksPerSecond = 100;

    static readonly string[] SharedProcesses = ["walwriter", "checkpointer", "background writer"];

    Dictionary<int, long> _start = [];

    public void Start() => _start = Sample();

    /// <summary>Seconds of CPU since <see cref="Start"/>; processes started since then count from zero.</summary>
    public double ElapsedSeconds() => Sample().Sum(p => p.Value - _start.GetValueOrDefault(p.Key)) / TicksPerSecond;

    Dictionary<int, long> Sample()
    {
        var ticks = new Dictionary<int, long>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            try
            {
                var title = File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ');
                if (!title.StartsWith("postgres:", StringComparison.Ordinal)) continue;
                if (!title.Contains($" {database} ", StringComparison.Ordinal) && !SharedProcesses.Any(p => title.Contains(p, StringComparison.Ordinal))) continue;
                // Fields after the parenthesised command name: utime and stime are the 12th and 13th.
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                ticks[pid] = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            }
            catch (IOException)
            {
                // The process ended while being read: it no longer counts.
            }
        }
        return ticks;
    }
}
