namespace Tracery.Mesh.Forwarding;

using Tracery.Mesh.Balancing;
using Tracery.Mesh.Classification;
using Tracery.Mesh.Naming;

/// <summary>
/// Where one request goes once it is identified and bound: the logical name, the bound name and its client,
/// the service policy, and the per-request dtab override to pass on as <c>l5d-ctx-dtab</c>.
/// </summary>
public sealed record RouteTarget(
    string RouterLabel,
    NamePath DstPath,
    BoundName Bound,
    MeshClient Client,
    ServicePolicy Service,
    string RequestId,
    string? LocalDtab);
