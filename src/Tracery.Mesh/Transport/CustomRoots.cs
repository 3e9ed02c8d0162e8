namespace Tracery.Mesh.Transport;

using System.Security.Cryptography.X509Certificates;

/// <summary>Chain checks against the roots a TLS config names (<c>trustCerts</c>, <c>caCertPath</c>), not the system's.</summary>
public static class CustomRoots
{
    /// <summary>Whether <paramref name="certificate"/> chains to one of <paramref name="roots"/>. Revocation is not checked: a mesh's private CA publishes no lists.</summary>
    public static bool Chains(X509Certificate2 certificate, X509Certificate2Collection roots)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(roots);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(certificate);
    }
}
