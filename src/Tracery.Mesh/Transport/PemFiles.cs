namespace Tracery.Mesh.Transport;

using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

/// <summary>Reads the PEM files a TLS config names; a missing or unreadable file is an error naming the key and the file.</summary>
public static class PemFiles
{
    /// <summary>A certificate with its PKCS#8 private key, e.g. <c>clientAuth</c> or a server's <c>certPath</c> and <c>keyPath</c>.</summary>
    public static X509Certificate2 CertificateWithKey(string certPath, string keyPath, string keyPathName)
    {
        try
        {
            using var ephemeral = X509Certificate2.CreateFromPemFile(certPath, keyPath);
            // An ephemeral key cannot be used by SslStream on every platform; a PKCS#12 round trip gives it a home.
            return X509CertificateLoader.LoadPkcs12(ephemeral.Export(X509ContentType.Pkcs12), null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException or ArgumentException)
        {
            throw new ArgumentException($"{keyPathName}: cannot read the certificate '{certPath}' with its key '{keyPath}': {e.Message}", e);
        }
    }

    /// <summary>Every certificate in the files (each may hold several), e.g. <c>trustCerts</c>.</summary>
    public static X509Certificate2Collection Certificates(IEnumerable<string> paths, string keyPathName)
    {
        var collection = new X509Certificate2Collection();
        foreach (var path in paths)
        {
            try
            {
                var before = collection.Count;
                collection.ImportFromPemFile(path);
                if (collection.Count == before)
                {
                    throw new CryptographicException("the file holds no PEM certificate");
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException)
            {
                throw new ArgumentException($"{keyPathName}: cannot read certificates from '{path}': {e.Message}", e);
            }
        }
        return collection;
    }

    /// <summary>Linkerd's protocol names (<c>TLSv1.2</c>, <c>TLSv1.3</c>); none means the system's defaults.</summary>
    public static SslProtocols Protocols(IReadOnlyList<string> names, string keyPathName)
    {
        var protocols = SslProtocols.None;
        foreach (var name in names)
        {
            protocols |= name switch
            {
                "TLSv1.2" => SslProtocols.Tls12,
                "TLSv1.3" => SslProtocols.Tls13,
                _ => throw new ArgumentException($"{keyPathName}: unsupported TLS protocol '{name}' (supported: TLSv1.2, TLSv1.3)"),
            };
        }
        return protocols;
    }
}
