namespace Tracery.Mesh.Tests.Support;

using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Tracery.Mesh.Tests.Naming;

/// <summary>A self-signed certificate for one DNS name, made in the test, and its PEM files (certificate, PKCS#8 key).</summary>
public sealed class TestCertificate : IDisposable
{
    private readonly TempDirectory _directory = new();

    public TestCertificate(string dnsName)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={dnsName}", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(dnsName);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        Certificate = X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12), null);
        CertPath = Path.Combine(_directory.Path, "cert.pem");
        KeyPath = Path.Combine(_directory.Path, "key.pk8");
        File.WriteAllText(CertPath, created.ExportCertificatePem());
        File.WriteAllText(KeyPath, key.ExportPkcs8PrivateKeyPem());
    }

    /// <summary>With its private key, for a Kestrel listener.</summary>
    public X509Certificate2 Certificate { get; }

    public string CertPath { get; }

    public string KeyPath { get; }

    public void Dispose()
    {
        Certificate.Dispose();
        _directory.Dispose();
    }
}
