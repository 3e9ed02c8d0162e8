namespace Tracery.Storage.Tests.Conformance;

using Tracery.Tracing.Model;
using static TestObjects;

/// <summary>Zipkin's ITServiceAndSpanNames (§4.4): the name lists the UI offers.</summary>
public abstract class ServiceAndSpanNamesConformance : StoreConformance
{
    Span Client => ClientSpan with { TraceId = NewTraceId() };

    [Fact]
    public async Task GetLocalServiceNames_IncludesLocalServiceName()
    {
        Assert.Empty(await Store.GetServiceNamesAsync());
        await AcceptAsync(Client);
        Assert.Equal(["frontend"], await Store.GetServiceNamesAsync());
    }

    [Fact]
    public async Task GetLocalServiceNames_NoServiceName()
    {
        await AcceptAsync(new Span { TraceId = NewTraceId(), Id = Id(10) });
        Assert.Empty(await Store.GetServiceNamesAsync());
    }

    [Fact]
    public async Task GetRemoteServiceNames()
    {
        Assert.Empty(await Store.GetRemoteServiceNamesAsync("frontend"));
        await AcceptAsync(Client);
        Assert.Empty(await Store.GetRemoteServiceNamesAsync("frontend" + 1));
        Assert.Contains(ClientSpan.RemoteServiceName, await Store.GetRemoteServiceNamesAsync("frontend"));
    }

    /// <summary>No default limit: if 50 come back, all do.</summary>
    [Fact]
    public async Task GetRemoteServiceNames_AllReturned()
    {
        var names = Enumerable.Range(0, 50).Select(i => $"yak{i:00}").ToList();
        var client = Client;
        await AcceptAsync(names.Select((name, i) => client with { Id = Id(i + 1), RemoteEndpoint = new Endpoint(name, null, null, 0) }));
        Assert.Equal(names, await Store.GetRemoteServiceNamesAsync("frontend"));
    }

    [Fact]
    public async Task GetRemoteServiceNames_Dedupes()
    {
        var client = Client;
        await AcceptAsync(Enumerable.Range(0, 50).Select(i => client with { Id = Id(i + 1) }));
        Assert.Equal([ClientSpan.RemoteServiceName!], await Store.GetRemoteServiceNamesAsync("frontend"));
    }

    [Fact]
    public async Task GetRemoteServiceNames_NoRemoteServiceName()
    {
        await AcceptAsync(new Span { TraceId = NewTraceId(), Id = Id(10), LocalEndpoint = Frontend });
        Assert.Empty(await Store.GetRemoteServiceNamesAsync("frontend"));
    }

    [Fact]
    public async Task GetRemoteServiceNames_ServiceNameGoesLowercase()
    {
        await AcceptAsync(Client);
        Assert.Equal([ClientSpan.RemoteServiceName!], await Store.GetRemoteServiceNamesAsync("FrOnTeNd"));
    }

    [Fact]
    public async Task GetSpanNames_DoesNotMapNameToRemoteServiceName()
    {
        await AcceptAsync(Client);
        Assert.Empty(await Store.GetSpanNamesAsync(ClientSpan.RemoteServiceName!));
    }

    [Fact]
    public async Task GetSpanNames()
    {
        Assert.Empty(await Store.GetSpanNamesAsync("frontend"));
        await AcceptAsync(Client);
        Assert.Empty(await Store.GetSpanNamesAsync("frontend" + 1));
        Assert.Contains(ClientSpan.Name, await Store.GetSpanNamesAsync("frontend"));
    }

    [Fact]
    public async Task GetSpanNames_AllReturned()
    {
        var names = Enumerable.Range(0, 50).Select(i => $"yak{i:00}").ToList();
        var client = Client;
        await AcceptAsync(names.Select((name, i) => client with { Id = Id(i + 1), Name = name }));
        Assert.Equal(names, await Store.GetSpanNamesAsync("frontend"));
    }

    [Fact]
    public async Task GetSpanNames_Dedupes()
    {
        var client = Client;
        await AcceptAsync(Enumerable.Range(0, 50).Select(i => client with { Id = Id(i + 1) }));
        Assert.Equal([ClientSpan.Name!], await Store.GetSpanNamesAsync("frontend"));
    }

    [Fact]
    public async Task GetSpanNames_NoSpanName()
    {
        await AcceptAsync(new Span { TraceId = NewTraceId(), Id = Id(10), LocalEndpoint = Frontend });
        Assert.Empty(await Store.GetSpanNamesAsync("frontend"));
    }

    [Fact]
    public async Task GetSpanNames_ServiceNameGoesLowercase()
    {
        await AcceptAsync(Client);
        Assert.Equal(["get"], await Store.GetSpanNamesAsync("FrOnTeNd"));
    }

    /// <summary>The memory store answers "" with nothing (§1.2); every backend should.</summary>
    [Fact]
    public async Task EmptyServiceName_ReturnsNothing()
    {
        await AcceptAsync(Client);
        Assert.Empty(await Store.GetSpanNamesAsync(""));
        Assert.Empty(await Store.GetRemoteServiceNamesAsync(""));
    }
}
