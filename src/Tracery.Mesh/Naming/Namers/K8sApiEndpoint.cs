namespace Tracery.Mesh.Naming.Namers;

/// <summary>
/// How to reach the Kubernetes API: plain HTTP through <c>kubectl proxy</c> (the tutorial's sidecar, Linkerd's
/// only way), or HTTPS to the API server with a service account's <paramref name="TokenFile"/> and <paramref name="CaFile"/>.
/// <paramref name="Namespace"/> is the pod's own namespace when known (shown in the namer state).
/// </summary>
public sealed record K8sApiEndpoint(Uri BaseAddress, string? TokenFile = null, string? CaFile = null, string? Namespace = null)
{
    /// <summary>Linkerd's defaults: the <c>kubectl proxy</c> sidecar at localhost:8001.</summary>
    public const string DefaultHost = "localhost";

    public const int DefaultPort = 8001;

    public static K8sApiEndpoint Proxy(string host, int port) => new(new UriBuilder("http", host, port).Uri);

    /// <summary>
    /// Linkerd's rule (<paramref name="host"/>:<paramref name="port"/>, by default localhost:8001), plus one addition:
    /// when neither was written (<paramref name="defaulted"/>) and the process is in a pod with a mounted service
    /// account, the API server directly, as <c>kubectl proxy</c> itself would reach it.
    /// </summary>
    public static K8sApiEndpoint Choose(string host, int port, bool defaulted, K8sPodEnvironment pod) =>
        defaulted && pod.IsInPod ? pod.ToEndpoint() : Proxy(host, port);

    /// <summary>Scheme, host and port, the port always shown (Uri drops 443 for https).</summary>
    public override string ToString() => $"{BaseAddress.Scheme}://{BaseAddress.Host}:{BaseAddress.Port}";
}
