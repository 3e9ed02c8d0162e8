namespace Tracery.Server.Tests.Ui;

using System.Text.Json.Nodes;

/// <summary>
/// A synthetic trace through two routers as Linkerd 1 reports it (linkerd.md §3.4): the outgoing router's
/// SERVER span, its CLIENT span, the incoming router's SERVER span and its CLIENT span to the app. Router
/// time is 12.3 - 12.0 = 0.3 ms plus 11.8 - 11.2 = 0.6 ms: "mesh: 0.9 ms of 12.3 ms".
/// </summary>
internal static class MeshTrace
{
    public const string TraceId = "7ace0000000000a1";
    public const string OutgoingRouter = "0.0.0.0/4140";

    public static JsonArray Create(long startMicros)
    {
        JsonObject Span(int id, int parent, string kind, string service, string name, long offset, long duration, string ip, string? label)
        {
            var span = new JsonObject
            {
                ["traceId"] = TraceId,
                ["id"] = $"{id:x16}",
                ["kind"] = kind,
                ["name"] = name,
                ["timestamp"] = startMicros + offset,
                ["duration"] = duration,
                ["localEndpoint"] = new JsonObject { ["serviceName"] = service, ["ipv4"] = ip },
            };
            if (parent != 0) span["parentId"] = $"{parent:x16}";
            if (label is not null) span["tags"] = new JsonObject { ["router.label"] = label };
            return span;
        }

        return
        [
            Span(0xa1, 0, "SERVER", OutgoingRouter, "outgoing /svc/hello", 0, 12_300, "127.0.0.2", "outgoing"),
            Span(0xa2, 0xa1, "CLIENT", "%/io.l5d.k8s.daemonset/default/incoming/l5d/#/io.l5d.k8s/default/http/hello", "get /", 100, 12_000, "127.0.0.2", null),
            Span(0xa3, 0xa2, "SERVER", "0.0.0.0/4141", "incoming /svc/hello", 200, 11_800, "127.0.0.3", "incoming"),
            Span(0xa4, 0xa3, "CLIENT", "%/io.l5d.k8s.localnode/127.0.0.3/#/io.l5d.k8s/default/http/hello", "get /", 500, 11_200, "127.0.0.3", null),
        ];
    }
}
