namespace Tracery.Mesh.Tests.Naming;

using Tracery.Mesh.Config;
using Tracery.Mesh.Naming;

public sealed class NamingRuntimeTests : IDisposable
{
    private readonly TempDirectory dir = new();

    public void Dispose() => dir.Dispose();

    [Fact]
    public async Task ConfigWithFsNamerAndPortTransformerResolvesLikeTheTutorial()
    {
        dir.Write("hello", "127.0.0.2 7777\n");
        dir.Write("world-v1", "127.0.0.3 7778\n");
        var config = new MeshConfigLoader().Load($$"""
            namers:
            - kind: io.l5d.fs
              rootDir: {{dir.Path}}
            routers:
            - protocol: http
              label: outgoing
              dtab: |
                /srv        => /#/io.l5d.fs;
                /host       => /srv;
                /svc        => /host;
                /host/world => /srv/world-v1;
              interpreter:
                transformers:
                - kind: io.l5d.port
                  port: 4141
              servers:
              - port: 0
            """);
        using var naming = NamingRuntime.Start(config);
        var interpreter = naming.CreateInterpreter(config.Routers[0]);

        var world = Assert.Single(Assert.IsType<NameResolution.Bound>(await interpreter.ResolveAsync(NamePath.Parse("/svc/world"), Dtab.Empty)).Names).Name;
        Assert.Equal("/%/io.l5d.port/4141/#/io.l5d.fs/world-v1", world.Id);
        Assert.Equal([new Address("127.0.0.3", 4141)], world.Addresses.Current);
        Assert.IsType<NameResolution.Negative>(await interpreter.ResolveAsync(NamePath.Parse("/svc/nobody"), Dtab.Empty));
    }

    [Fact]
    public async Task ResolutionsAreCachedUntilANameAppearsOrGoes()
    {
        dir.Write("hello", "127.0.0.2 7777\n");
        var config = new MeshConfigLoader().Load($"namers:\n- kind: io.l5d.fs\n  rootDir: {dir.Path}\nrouters:\n- protocol: http\n  dtab: /svc => /#/io.l5d.fs\n  servers: [{{port: 0}}]");
        using var naming = NamingRuntime.Start(config);
        var interpreter = naming.CreateInterpreter(config.Routers[0]);
        var hello = NamePath.Parse("/svc/hello");
        var world = NamePath.Parse("/svc/world");

        var first = await interpreter.ResolveAsync(hello, Dtab.Empty);
        Assert.Same(first, await interpreter.ResolveAsync(hello, Dtab.Empty));
        Assert.NotSame(first, await interpreter.ResolveAsync(hello, Dtab.Parse("/x => /y")));
        Assert.IsType<NameResolution.Negative>(await interpreter.ResolveAsync(world, Dtab.Empty));

        dir.Write("world", "127.0.0.3 7778\n");
        await Poll.UntilAsync(() => interpreter.ResolveAsync(world, Dtab.Empty).AsTask().Result is NameResolution.Bound, TimeSpan.FromSeconds(1), "new name resolves");
        dir.Delete("hello");
        await Poll.UntilAsync(() => interpreter.ResolveAsync(hello, Dtab.Empty).AsTask().Result is NameResolution.Negative, TimeSpan.FromSeconds(1), "deleted name is negative");
    }

    [Fact]
    public void AMissingRootDirIsAConfigError()
    {
        var config = new MeshConfigLoader().Load($"namers:\n- kind: io.l5d.fs\n  rootDir: {dir.Path}/missing\nrouters:\n- protocol: http\n  servers: [{{port: 0}}]");
        var error = Assert.Throws<MeshConfigException>(() => NamingRuntime.Start(config));
        Assert.Equal(("namers[0].rootDir", 3, 12), (error.KeyPath, error.Line, error.Column));
        Assert.EndsWith("missing is not a directory", error.Message);
    }

    [Fact]
    public void AReplacePathOutsideTheNamersIsAConfigError()
    {
        var config = new MeshConfigLoader().Load("routers:\n- protocol: http\n  interpreter:\n    transformers:\n    - kind: io.l5d.replace\n      path: /svc/x\n  servers: [{port: 0}]");
        using var naming = NamingRuntime.Start(config);
        var error = Assert.Throws<MeshConfigException>(() => naming.CreateInterpreter(config.Routers[0]));
        Assert.Equal(("routers[0].interpreter.transformers[0].path", 6), (error.KeyPath, error.Line));
        Assert.Contains("needs a /#/ or /$/ path, not /svc/x", error.Message);
    }

    [Fact]
    public void ARuntimeRefusalIsAConfigErrorOnTheKind()
    {
        var config = new MeshConfigLoader().Load(
            "routers:\n- protocol: http\n  interpreter:\n    transformers:\n    - kind: io.l5d.k8s.localnode\n      hostNetwork: true\n  servers: [{port: 0}]");
        var podWithoutNodeName = new Tracery.Mesh.Naming.Namers.K8sPodEnvironment(_ => null, "/nonexistent");
        using var runtime = NamingRuntime.Start(config, kinds: NamingKinds.CreateDefault(podWithoutNodeName));
        var error = Assert.Throws<MeshConfigException>(() => runtime.CreateInterpreter(config.Routers[0]));
        Assert.Equal("routers[0].interpreter.transformers[0].kind", error.KeyPath);
        Assert.Contains("NODE_NAME env variable must be set", error.Message);
    }
}
