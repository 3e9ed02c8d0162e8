namespace Tracery.Mesh.Forwarding;

using Tracery.Mesh.Balancing;
using Tracery.Mesh.Classification;
using Tracery.Mesh.Naming;
using Tracery.Mesh.Tracing;

/// <summary>
/// Where one request goes once it is identified and bound: the logical name, the bound name and its client,
/// the service policy, the per-request dtab override to pass on as <c>l5d-ctx-dtab</c>, and the request's
/// SERVER span, parent of each attempt's CLIENT span. <paramref name="LogicalService"/> (e.g. <c>hello</c>) names
/// the destination in client spans.
/// </summary>
public sealed record RouteTarget(
    string RouterLabel,
    NamePath DstPath,
    BoundName Bound,
    MeshClient Client,
    ServicePolicy Service,
    string RequestId,
    string? LocalDtab,
    IRouterTracer Tracer,
    ServerSpanScope Server,
    string LogicalService);
