namespace Tracery.Mesh.Naming.Namers;

using System.Text.Json;

/// <summary>
/// What the namer watches for a Service: its EndpointSlices (discovery.k8s.io/v1, selected by the
/// <c>kubernetes.io/service-name</c> label, possibly several) or its one v1 Endpoints (selected by name).
/// Both are kept as objects by name and merged, so one watch loop serves either.
/// </summary>
internal sealed record K8sResource(string Name, Func<string, string, string> Collection, Func<JsonElement, K8sEndpoints> Read)
{
    public static readonly K8sResource EndpointSlices = new(
        "endpointslices",
        (ns, service) => $"apis/discovery.k8s.io/v1/namespaces/{Uri.EscapeDataString(ns)}/endpointslices?labelSelector={Uri.EscapeDataString("kubernetes.io/service-name=" + service)}",
        K8sEndpoints.ReadSlice);

    public static readonly K8sResource Endpoints = new(
        "endpoints",
        (ns, service) => $"api/v1/namespaces/{Uri.EscapeDataString(ns)}/endpoints?fieldSelector={Uri.EscapeDataString("metadata.name=" + service)}",
        K8sEndpoints.ReadEndpoints);
}
