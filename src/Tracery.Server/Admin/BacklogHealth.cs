namespace Tracery.Server.Admin;

using System.Text.Json;
using Tracery.Server.Collector;

/// <summary>The writer's backlog as a <c>/health</c> component: DOWN only while it is full and spans are dropped.</summary>
internal static class BacklogHealth
{
    public const string Component = "SpanWriter{}";

    public static void Write(Utf8JsonWriter json, BacklogStatus backlog, WriterCounters counters)
    {
        json.WriteStartObject(Component);
        json.WriteString("status", backlog.IsFull ? "DOWN" : "UP");
        json.WriteStartObject("details");
        json.WriteNumber("backlogSpans", backlog.Spans);
        json.WriteNumber("maxBacklogSpans", backlog.MaxSpans);
        json.WriteNumber("oldestAgeMs", (long)backlog.OldestAge.TotalMilliseconds);
        if (backlog.StoreError is not null)
        {
            json.WriteString("error", backlog.StoreError);
            json.WriteNumber("retryingForMs", (long)(backlog.Retrying ?? TimeSpan.Zero).TotalMilliseconds);
        }
        json.WriteStartObject("spansDropped");
        foreach (var reason in Enum.GetValues<SpanDropReason>())
        {
            json.WriteNumber(WriterCounters.Label(reason), counters.SpansDropped(reason));
        }
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
    }
}
