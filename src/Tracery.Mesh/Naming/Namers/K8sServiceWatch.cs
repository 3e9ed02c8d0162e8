namespace Tracery.Mesh.Naming.Namers;

using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging;

/// <summary>
/// Lists then watches one Service's v1 Endpoints through the Kubernetes API (Linkerd reaches it through the
/// <c>kubectl proxy</c> sidecar, plain HTTP). A dropped watch or <c>410 Gone</c> starts over with a fresh list,
/// so a missed event can never leave stale addresses behind.
/// </summary>
internal sealed class K8sServiceWatch : IDisposable
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    private readonly HttpClient http;
    private readonly string collection;
    private readonly TimeProvider timeProvider;
    private readonly ILogger logger;
    private readonly Action<K8sEndpoints?> onChange;
    private readonly CancellationTokenSource stop = new();
    private readonly TaskCompletionSource listed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public K8sServiceWatch(HttpClient http, string ns, string service, TimeProvider timeProvider, ILogger logger, Action<K8sEndpoints?> onChange)
    {
        this.http = http;
        collection = $"api/v1/namespaces/{Uri.EscapeDataString(ns)}/endpoints?fieldSelector={Uri.EscapeDataString("metadata.name=" + service)}";
        this.timeProvider = timeProvider;
        this.logger = logger;
        this.onChange = onChange;
        _ = Task.Run(RunAsync);
    }

    /// <summary>Completes after the first successful list, so a first lookup answers from real state.</summary>
    public Task Listed => listed.Task;

    public void Dispose() => stop.Cancel();

    private async Task RunAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                var version = await ListAsync();
                listed.TrySetResult();
                await WatchAsync(version);
            }
            catch (Exception e) when (e is HttpRequestException or IOException or JsonException or InvalidOperationException or KeyNotFoundException)
            {
                logger.LogWarning("io.l5d.k8s: {Collection}: {Error}; listing again", collection, e.Message);
                await Task.Delay(RetryDelay, timeProvider, stop.Token).ContinueWith(_ => { }, TaskScheduler.Default);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private async Task<string> ListAsync()
    {
        using var response = await http.GetAsync(collection, stop.Token);
        response.EnsureSuccessStatusCode();
        using var list = JsonDocument.Parse(await response.Content.ReadAsStreamAsync(stop.Token));
        var items = list.RootElement.GetProperty("items");
        onChange(items.GetArrayLength() == 0 ? null : K8sEndpoints.Read(items[0]));
        return list.RootElement.GetProperty("metadata").GetProperty("resourceVersion").GetString()!;
    }

    private async Task WatchAsync(string resourceVersion)
    {
        using var response = await http.GetAsync($"{collection}&watch=true&resourceVersion={Uri.EscapeDataString(resourceVersion)}", HttpCompletionOption.ResponseHeadersRead, stop.Token);
        if (response.StatusCode == HttpStatusCode.Gone)
        {
            return;
        }

        response.EnsureSuccessStatusCode();
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(stop.Token));
        while (await reader.ReadLineAsync(stop.Token) is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }

            using var watchEvent = JsonDocument.Parse(line);
            var type = watchEvent.RootElement.GetProperty("type").GetString();
            var value = watchEvent.RootElement.GetProperty("object");
            switch (type)
            {
                case "ADDED" or "MODIFIED":
                    onChange(K8sEndpoints.Read(value));
                    break;
                case "DELETED":
                    onChange(null);
                    break;
                case "ERROR":
                    // 410 Gone (resourceVersion too old) and any other error: relist.
                    return;
            }
        }
    }
}
