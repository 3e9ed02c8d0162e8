namespace Tracery.Mesh.Naming.Namers;

/// <summary>One ready address of a Service with one of its ports, and the node it runs on (for the hostNetwork transformers).</summary>
internal readonly record struct K8sEndpoint(string Ip, string? PortName, int Port, string? NodeName);
