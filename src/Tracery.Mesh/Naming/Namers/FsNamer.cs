namespace Tracery.Mesh.Naming.Namers;

using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Tracery.Mesh.Naming.Addresses;

/// <summary>
/// <c>io.l5d.fs</c>: each file in the root directory is a service named by the file. Changes are picked up without
/// a restart: a <see cref="FileSystemWatcher"/> reacts at once, and a re-scan every <see cref="PollInterval"/>
/// catches what watchers miss (network and container file systems, editors that swap files).
/// </summary>
public sealed partial class FsNamer : INamer, IDisposable
{
    /// <summary>Half the one-second promise, so a missed watcher event still lands in time.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    private readonly string rootDir;
    private readonly ILogger logger;
    private readonly ConcurrentDictionary<string, LiveAddressSet> sets = new(StringComparer.Ordinal);
    private readonly Lock scanGate = new();
    private readonly ITimer timer;
    private readonly bool watch;
    private bool directoryMissing;
    private long version;
    private readonly ConcurrentDictionary<string, BoundName> bound = new(StringComparer.Ordinal);
    private FileSystemWatcher? watcher;
    private ImmutableDictionary<string, FileStamp> files = ImmutableDictionary<string, FileStamp>.Empty.WithComparers(StringComparer.Ordinal);

    /// <param name="watch">False relies on polling alone (for file systems without change notification).</param>
    public FsNamer(NamePath prefix, string rootDir, TimeProvider timeProvider, ILogger<FsNamer>? logger = null, bool watch = true)
    {
        this.watch = watch;
        Prefix = prefix;
        this.rootDir = Path.GetFullPath(rootDir);
        if (!Directory.Exists(this.rootDir))
        {
            throw new ArgumentException($"io.l5d.fs rootDir {this.rootDir} is not a directory", nameof(rootDir));
        }

        this.logger = logger ?? NullLogger<FsNamer>.Instance;
        Rescan();
        TryStartWatcher();
        timer = timeProvider.CreateTimer(_ => OnTimer(), null, PollInterval, PollInterval);
    }

    public NamePath Prefix { get; }

    public long? Version => Volatile.Read(ref version);

    public ValueTask<NameTree<BoundName>> LookupAsync(NamePath path, CancellationToken cancellationToken = default)
    {
        if (path.IsEmpty || !Volatile.Read(ref files).ContainsKey(path.Segments[0]))
        {
            return ValueTask.FromResult(NameTree<BoundName>.NegInstance);
        }

        var name = path.Segments[0];
        var result = bound.GetOrAdd(name, static (n, namer) => new BoundName(
            $"/#{namer.Prefix}/{NamePath.Of(n).ToString()[1..]}", namer.sets.GetOrAdd(n, _ => new LiveAddressSet([])), NamePath.Empty), this);
        if (path.Count > 1)
        {
            result = result with { Residual = path.Drop(1) };
        }

        return ValueTask.FromResult<NameTree<BoundName>>(new NameTree<BoundName>.Leaf(result));
    }

    /// <summary>Re-reads the directory now; the watcher and the timer call this, tests may too.</summary>
    public void Rescan() => Rescan(force: false);

    private void Rescan(bool force)
    {
        lock (scanGate)
        {
            var seen = ReadDirectory();
            var next = ImmutableDictionary.CreateBuilder<string, FileStamp>(StringComparer.Ordinal);
            foreach (var (name, stamp) in seen)
            {
                if (force || !files.TryGetValue(name, out var old) || old != stamp)
                {
                    Load(name);
                }

                next[name] = stamp;
            }

            foreach (var gone in files.Keys.Where(name => !seen.ContainsKey(name)))
            {
                // Clients already bound to the name see it empty; new lookups are negative.
                if (sets.TryGetValue(gone, out var set))
                {
                    set.Update([]);
                }
            }

            var names = next.ToImmutable();
            if (names.Count != files.Count || names.Keys.Any(n => !files.ContainsKey(n)))
            {
                Interlocked.Increment(ref version);
            }

            Volatile.Write(ref files, names);
        }
    }

    public void Dispose()
    {
        timer.Dispose();
        watcher?.Dispose();
    }

    private Dictionary<string, FileStamp> ReadDirectory()
    {
        var seen = new Dictionary<string, FileStamp>(StringComparer.Ordinal);
        try
        {
            foreach (var file in new DirectoryInfo(rootDir).EnumerateFiles())
            {
                // Editors' swap and backup files are not services.
                if (!file.Name.StartsWith('.') && !file.Name.EndsWith('~'))
                {
                    seen[file.Name] = new FileStamp(file.LastWriteTimeUtc, file.Length);
                }
            }
        }
        catch (IOException e)
        {
            // Said once, not every poll, while the directory stays unreadable.
            if (!directoryMissing)
            {
                LogUnreadable(logger, rootDir, e.Message);
            }

            directoryMissing = true;
            return seen;
        }

        directoryMissing = false;
        return seen;
    }

    private void Load(string name)
    {
        string text;
        try
        {
            text = File.ReadAllText(Path.Combine(rootDir, name));
        }
        catch (IOException e)
        {
            LogUnreadable(logger, name, e.Message);
            return;
        }

        var (addresses, problems) = EndpointFile.Parse(text);
        foreach (var problem in problems)
        {
            LogBadLine(logger, Path.Combine(rootDir, name), problem);
        }

        var set = sets.GetOrAdd(name, _ => new LiveAddressSet(addresses));
        set.Update(addresses);
    }

    private void TryStartWatcher()
    {
        if (!watch || !Directory.Exists(rootDir))
        {
            return;
        }

        try
        {
            var fsw = new FileSystemWatcher(rootDir) { IncludeSubdirectories = false };
            // An event may report an edit that left size and time unchanged, so it re-reads every file.
            fsw.Changed += (_, _) => Rescan(force: true);
            fsw.Created += (_, _) => Rescan(force: true);
            fsw.Deleted += (_, _) => Rescan(force: true);
            fsw.Renamed += (_, _) => Rescan(force: true);
            fsw.EnableRaisingEvents = true;
            watcher = fsw;
        }
        catch (Exception e) when (e is IOException or ArgumentException or PlatformNotSupportedException)
        {
            // Polling alone still keeps the namer current.
            LogUnreadable(logger, rootDir, e.Message);
        }
    }

    private void OnTimer()
    {
        Rescan();
        if (watcher is null)
        {
            TryStartWatcher();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "io.l5d.fs: cannot read {Path}: {Reason}")]
    private static partial void LogUnreadable(ILogger logger, string path, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "io.l5d.fs: {File} {Problem}; the line is ignored")]
    private static partial void LogBadLine(ILogger logger, string file, string problem);

    private readonly record struct FileStamp(DateTime WrittenUtc, long Length);
}
