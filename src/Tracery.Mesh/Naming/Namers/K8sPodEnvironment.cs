namespace Tracery.Mesh.Naming.Namers;

/// <summary>
/// What the mesh reads from its pod: environment variables (<c>POD_IP</c>, <c>NODE_NAME</c>,
/// <c>KUBERNETES_SERVICE_HOST</c>/<c>_PORT</c>) and the service account's mounted <c>token</c>, <c>ca.crt</c> and
/// <c>namespace</c>. Injectable so tests can point it at a temporary directory and a loopback API.
/// </summary>
public sealed record K8sPodEnvironment(Func<string, string?> Variables, string ServiceAccountDirectory)
{
    public const string MountedDirectory = "/var/run/secrets/kubernetes.io/serviceaccount";

    /// <summary>The real process environment and the standard mount path.</summary>
    public static K8sPodEnvironment Default { get; } = new(System.Environment.GetEnvironmentVariable, MountedDirectory);

    public string TokenFile => Path.Combine(ServiceAccountDirectory, "token");

    public string CaFile => Path.Combine(ServiceAccountDirectory, "ca.crt");

    public string NamespaceFile => Path.Combine(ServiceAccountDirectory, "namespace");

    /// <summary>True inside a pod that mounts its service account: the API server's address is set and a token is there.</summary>
    public bool IsInPod => !string.IsNullOrEmpty(Variables("KUBERNETES_SERVICE_HOST")) && File.Exists(TokenFile);

    /// <summary>The API server over HTTPS with this account's credentials; a missing part is a clear error.</summary>
    public K8sApiEndpoint ToEndpoint()
    {
        var host = Variables("KUBERNETES_SERVICE_HOST");
        if (string.IsNullOrEmpty(host))
        {
            throw new ArgumentException("io.l5d.k8s in-cluster: KUBERNETES_SERVICE_HOST is not set (not in a pod?); give host and port of a kubectl proxy instead", "host");
        }

        var portText = Variables("KUBERNETES_SERVICE_PORT") ?? "443";
        if (!int.TryParse(portText, out var port) || port is < 1 or > 65535)
        {
            throw new ArgumentException($"io.l5d.k8s in-cluster: KUBERNETES_SERVICE_PORT '{portText}' is not a port number", "port");
        }

        foreach (var file in new[] { TokenFile, CaFile })
        {
            if (!File.Exists(file))
            {
                throw new ArgumentException($"io.l5d.k8s in-cluster: {file} is missing (is automountServiceAccountToken off?)", "host");
            }
        }

        var ns = File.Exists(NamespaceFile) ? File.ReadAllText(NamespaceFile).Trim() : null;
        return new K8sApiEndpoint(new UriBuilder("https", host, port).Uri, TokenFile, CaFile, ns);
    }
}
