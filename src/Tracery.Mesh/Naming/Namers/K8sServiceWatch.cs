namespace Tracery.Mesh.Naming.Namers;

using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging;

/// <summary>
/// Lists then watches one Service's endpoints (its EndpointSlices, or its v1 Endpoints where the cluster has no
/// slices). The objects are kept by name and merged, so a Service split over several slices is one address set,
/// and one whose objects are all gone is absent. A dropped watch or <c>410 Gone</c> starts over with a fresh list,
/// so a missed event can never leave stale addresses behind.
/// </summary>
internal sealed class K8sServiceWatch : IDisposable
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    private readonly K8sApi api;
    private readonly string ns;
    private readonly string service;
    private readonly TimeProvider timeProvider;
    private readonly ILogger logger;
    private readonly Action<K8sEndpoints?> onChange;
    private readonly CancellationTokenSource stop = new();
    private readonly TaskCompletionSource listed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Dictionary<string, K8sEndpoints> objects = new(StringComparer.Ordinal);

    public K8sServiceWatch(K8sApi api, string ns, string service, TimeProvider timeProvider, ILogger logger, Action<K8sEndpoints?> onChange)
    {
        this.api = api;
        this.ns = ns;
        this.service = service;
        this.timeProvider = timeProvider;
        this.logger = logger;
        this.onChange = onChange;
        State = new K8sWatchState(timeProvider);
        _ = Task.Run(RunAsync);
    }

    /// <summary>Completes after the first successful list, so a first lookup answers from real state.</summary>
    public Task Listed => listed.Task;

    public K8sWatchState State { get; }

    public void Dispose() => stop.Cancel();

    private async Task RunAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                var collection = (await api.DiscoverAsync(stop.Token)).Collection(ns, service);
                var version = await ListAsync(collection);
                listed.TrySetResult();
                await WatchAsync(collection, version);
            }
            catch (Exception e) when (e is HttpRequestException or IOException or JsonException or InvalidOperationException or KeyNotFoundException)
            {
                State.Failed(e.Message);
                logger.LogWarning("io.l5d.k8s: {Namespace}/{Service}: {Error}; listing again", ns, service, e.Message);
                await Task.Delay(RetryDelay, timeProvider, stop.Token).ContinueWith(_ => { }, TaskScheduler.Default);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private async Task<string> ListAsync(string collection)
    {
        State.Requested(collection);
        using var response = await api.Http.GetAsync(collection, stop.Token);
        response.EnsureSuccessStatusCode();
        using var list = JsonDocument.Parse(await response.Content.ReadAsStreamAsync(stop.Token));
        objects.Clear();
        foreach (var item in list.RootElement.GetProperty("items").EnumerateArray())
        {
            objects[NameOf(item)] = api.Resource!.Read(item);
        }

        var version = list.RootElement.GetProperty("metadata").GetProperty("resourceVersion").GetString()!;
        State.Listed(version);
        Publish();
        return version;
    }

    private async Task WatchAsync(string collection, string resourceVersion)
    {
        var uri = $"{collection}&watch=true&resourceVersion={Uri.EscapeDataString(resourceVersion)}";
        State.Requested(uri);
        using var response = await api.Http.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, stop.Token);
        if (response.StatusCode == HttpStatusCode.Gone)
        {
            State.Failed("410 Gone: resourceVersion too old");
            return;
        }

        response.EnsureSuccessStatusCode();
        State.StreamStarted();
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(stop.Token));
        while (await reader.ReadLineAsync(stop.Token) is { } line)
        {
            if (line.Length > 0 && !Apply(line))
            {
                return;
            }
        }

        State.StreamEnded();
    }

    /// <summary>Applies one watch event; false for an ERROR event (410 Gone or any other), which ends the watch for a relist.</summary>
    private bool Apply(string line)
    {
        using var watchEvent = JsonDocument.Parse(line);
        var type = watchEvent.RootElement.GetProperty("type").GetString() ?? "";
        var value = watchEvent.RootElement.GetProperty("object");
        if (type == "ERROR")
        {
            State.Failed(value.TryGetProperty("message", out var message) ? $"watch ERROR: {message.GetString()}" : "watch ERROR");
            return false;
        }

        State.StreamData(type, value.TryGetProperty("metadata", out var metadata) && metadata.TryGetProperty("resourceVersion", out var rv) ? rv.GetString() : null);
        switch (type)
        {
            case "ADDED" or "MODIFIED":
                objects[NameOf(value)] = api.Resource!.Read(value);
                break;
            case "DELETED":
                objects.Remove(NameOf(value));
                break;
            default:
                return true; // BOOKMARK: a resourceVersion only
        }

        Publish();
        return true;
    }

    private void Publish() => onChange(objects.Count == 0 ? null : K8sEndpoints.Merge(objects.Values));

    private static string NameOf(JsonElement item) => item.GetProperty("metadata").GetProperty("name").GetString()!;
}
