namespace Tracery.Mesh.Naming.Namers;

using System.Text.Json;

/// <summary>
/// What one watch has done lately, for <c>/namer_state/io.l5d.k8s.json</c>: the fields of Linkerd's
/// <c>WatchState</c> (last request, response and stream times), plus the resourceVersion held and the last error.
/// </summary>
internal sealed class K8sWatchState(TimeProvider time)
{
    private readonly Lock gate = new();
    private string? request;
    private DateTimeOffset? lastRequestAt;
    private DateTimeOffset? lastResponseAt;
    private bool streaming;
    private DateTimeOffset? lastStreamStartAt;
    private string? lastStreamEvent;
    private DateTimeOffset? lastStreamDataAt;
    private DateTimeOffset? lastStreamEndAt;
    private string? resourceVersion;
    private string? lastError;

    public string? ResourceVersion
    {
        get { lock (gate) { return resourceVersion; } }
    }

    public void Requested(string uri) => Record(() => (request, lastRequestAt) = ($"GET /{uri}", time.GetUtcNow()));

    public void Listed(string version) => Record(() => (lastResponseAt, resourceVersion, lastError) = (time.GetUtcNow(), version, null));

    public void StreamStarted() => Record(() => (streaming, lastStreamStartAt) = (true, time.GetUtcNow()));

    public void StreamData(string type, string? version) =>
        Record(() => (lastStreamEvent, lastStreamDataAt, resourceVersion) = (type, time.GetUtcNow(), version ?? resourceVersion));

    public void StreamEnded() => Record(() => (streaming, lastStreamEndAt) = (false, time.GetUtcNow()));

    public void Failed(string error) => Record(() => (streaming, lastError) = (false, error));

    public void Write(Utf8JsonWriter json)
    {
        lock (gate)
        {
            json.WriteString("resourceVersion", resourceVersion);
            json.WriteString("request", request);
            Time(json, "lastRequestAt", lastRequestAt);
            Time(json, "lastResponseAt", lastResponseAt);
            json.WriteBoolean("streaming", streaming);
            Time(json, "lastStreamStartAt", lastStreamStartAt);
            json.WriteString("lastStreamEvent", lastStreamEvent);
            Time(json, "lastStreamDataAt", lastStreamDataAt);
            Time(json, "lastStreamEndAt", lastStreamEndAt);
            json.WriteString("lastError", lastError);
        }
    }

    private static void Time(Utf8JsonWriter json, string name, DateTimeOffset? at)
    {
        if (at is { } value)
        {
            json.WriteString(name, value);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private void Record(Action change)
    {
        lock (gate)
        {
            change();
        }
    }
}
