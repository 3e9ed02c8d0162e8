namespace Tracery.Cli.Demo;

using System.Collections.Concurrent;
using HelloWorld;
using Microsoft.Extensions.Logging;
using Tracery.Mesh.Config;
using Tracery.Mesh.Hosting;
using Tracery.Server.Hosting;
using Tracery.Storage;
using Tracery.Storage.Memory;

/// <summary>
/// Every part of the demo, running: the trace server, the world and hello apps and the two mesh
/// nodes. Parts start in dependency order; disposing stops them in reverse and removes the config.
/// </summary>
internal sealed class DemoSession : IAsyncDisposable
{
    private readonly ConcurrentStack<IAsyncDisposable> started = new();

    private DemoSession(DemoOptions options, DemoConfig config)
    {
        Options = options;
        Config = config;
    }

    public DemoOptions Options { get; }

    public DemoConfig Config { get; }

    public TraceServer Server { get; private set; } = null!;

    public SampleHost Hello { get; private set; } = null!;

    public SampleHost World { get; private set; } = null!;

    public ISpanStore Store => Server.Store;

    /// <summary>
    /// Starts everything, or nothing: when a part fails, those already started are stopped and a
    /// <see cref="DemoStartException"/> names the part.
    /// </summary>
    public static async Task<DemoSession> StartAsync(DemoOptions options, CancellationToken cancellationToken)
    {
        var directory = Directory.CreateTempSubdirectory("tracery-demo-").FullName;
        var session = new DemoSession(options, DemoConfig.Write(options, directory));
        try
        {
            await session.StartPartsAsync(cancellationToken);
            return session;
        }
        catch
        {
            await session.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Starts the parts side by side (none needs another to be up before it listens), which roughly
    /// halves the demo's start; the first failure in start order is the one reported.
    /// </summary>
    private async Task StartPartsAsync(CancellationToken cancellationToken)
    {
        var listeners = DemoListener.All(Options);
        IReadOnlyList<DemoListener> Of(string part) => listeners.Where(l => l.Component.StartsWith(part, StringComparison.Ordinal)).ToList();
        var server = StartAsync(Of("trace server"), () => TraceServer.StartAsync(ServerOptions(), cancellationToken, logging: l => l.ClearProviders()));
        var world = StartAsync(Of("world app"), () => SampleHost.StartAsync(
            SampleOptions.World(Options.NodeB.ToString()) with { BindAddress = Options.NodeB, Port = Options.Ports.World },
            cancellationToken));
        var hello = StartAsync(Of("hello app"), () => SampleHost.StartAsync(
            SampleOptions.Hello(Options.NodeA.ToString(), Options.Proxy) with { BindAddress = Options.NodeA, Port = Options.Ports.Hello },
            cancellationToken));
        var nodeB = StartAsync(Of("node B"), () => MeshHost.StartAsync(MeshConfigLoader.LoadFile(Config.NodeBPath), cancellationToken: cancellationToken));
        var nodeA = StartAsync(Of("node A"), () => MeshHost.StartAsync(MeshConfigLoader.LoadFile(Config.NodeAPath), cancellationToken: cancellationToken));
        Task[] parts = [server, world, hello, nodeB, nodeA];
        await Task.WhenAll(parts).ContinueWith(_ => { }, TaskScheduler.Default);
        if (parts.FirstOrDefault(p => p.IsFaulted) is { } failed)
        {
            throw failed.Exception!.InnerException!;
        }
        (Server, World, Hello) = (server.Result, world.Result, hello.Result);
    }

    private TraceServerOptions ServerOptions() => new TraceServerOptions
    {
        HttpEndpoint = new(Options.ServerAddress, Options.Ports.Http),
        ScribeEndpoint = new(Options.ServerAddress, Options.Ports.Scribe),
        StoreFactory = _ => new MemorySpanStore(),
    }.Validate();

    /// <summary>Starts one part; a failure is blamed on the listener whose address the error names (else the part's first).</summary>
    private async Task<T> StartAsync<T>(IReadOnlyList<DemoListener> listeners, Func<Task<T>> start) where T : IAsyncDisposable
    {
        T part;
        try
        {
            // On the thread pool: building a host is synchronous work worth overlapping with the others.
            part = await Task.Run(start);
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or MeshConfigException)
        {
            var message = e.ToString();
            throw new DemoStartException(listeners.FirstOrDefault(l => message.Contains(l.EndPoint.ToString(), StringComparison.Ordinal)) ?? listeners[0], e);
        }
        started.Push(part);
        return part;
    }

    public async ValueTask DisposeAsync()
    {
        while (started.TryPop(out var part))
        {
            await part.DisposeAsync();
        }
        try
        {
            Directory.Delete(Config.Directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory is harmless; stopping must not fail because of it.
        }
    }
}
