namespace Tracery.Server.Tests.Hosting;

using Tracery.Server.Hosting;
using Tracery.Storage;
using Tracery.Storage.Memory;
using Tracery.Storage.Sql;

/// <summary>How the server reads its storage setting: memory by default, sqlite in the data directory or at a path.</summary>
public sealed class SpanStoreFactoryTests : IDisposable
{
    readonly string _directory = Path.Combine(Path.GetTempPath(), $"tracery-factory-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public void DefaultOptions_KeepTheMemoryStore() => Assert.IsType<MemorySpanStore>(SpanStoreFactory.Create(new TraceServerOptions()));

    [Fact]
    public async Task Sqlite_WithoutPath_OpensTracesDbInTheDataDirectory()
    {
        await using (var store = (SqlSpanStore)SpanStoreFactory.Create(new TraceServerOptions { StorageType = "sqlite", DataDirectory = _directory }))
        {
            Assert.Empty(await store.GetServiceNamesAsync());
        }
        Assert.True(File.Exists(Path.Combine(_directory, SpanStoreFactory.DatabaseFileName)));
    }

    [Fact]
    public async Task Sqlite_WithPath_OpensThatFile()
    {
        var path = Path.Combine(_directory, "custom.db");
        await using (var store = (SqlSpanStore)SpanStoreFactory.Create(new TraceServerOptions { StorageType = $"sqlite:{path}" })) { }
        Assert.True(File.Exists(path));
    }

    [Theory]
    [InlineData("mem:x")]
    [InlineData("postgres:")]
    [InlineData("cassandra3")]
    public void UnknownStorage_IsNamed(string type) =>
        Assert.Contains($"not \"{type}\"", Assert.Throws<ArgumentException>(() => SpanStoreFactory.Create(new TraceServerOptions { StorageType = type })).Message);

    [Fact]
    public void NonPositiveRetention_IsNamed() =>
        Assert.Contains("retention must be positive", Assert.Throws<ArgumentException>(() => new TraceServerOptions { Retention = TimeSpan.Zero }.Validate()).Message);

    [Fact]
    public void NonPositiveRetentionSize_IsNamed() =>
        Assert.Contains("retention size must be positive", Assert.Throws<ArgumentException>(() => new TraceServerOptions { RetentionSize = 0 }.Validate()).Message);
}
