namespace Tracery.Mesh.Tests.Support;

using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Tracery.Mesh.Tests.Naming;

/// <summary>
/// A private CA made in the test: root -> intermediate -> leaf for <c>dnsName</c> and <c>127.0.0.1</c>
/// (HttpClient checks the name in the request's Host header when it has one). The leaf's certificate, its
/// PKCS#8 key and the intermediate are written as PEM files; the root stays in memory for the client to trust.
/// </summary>
public sealed class TestCertificateChain : IDisposable
{
    private readonly TempDirectory _directory = new();

    public TestCertificateChain(string dnsName)
    {
        var notBefore = DateTimeOffset.UtcNow.AddMinutes(-5);
        var notAfter = DateTimeOffset.UtcNow.AddDays(1);
        using var rootKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var rootRequest = Authority("CN=Tracery Test Root", rootKey);
        Root = rootRequest.CreateSelfSigned(notBefore, notAfter);
        using var intermediateKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var intermediate = Authority("CN=Tracery Test Intermediate", intermediateKey).Create(Root, notBefore, notAfter, Serial(2));
        using var leafKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var leafRequest = new CertificateRequest($"CN={dnsName}", leafKey, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(dnsName);
        names.AddIpAddress(IPAddress.Loopback);
        leafRequest.CertificateExtensions.Add(names.Build());
        leafRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        leafRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        leafRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(leafRequest.PublicKey, false));
        using var leaf = leafRequest.Create(intermediate.CopyWithPrivateKey(intermediateKey), notBefore, notAfter, Serial(3));
        CertPath = Write("leaf.pem", leaf.ExportCertificatePem());
        KeyPath = Write("leaf.pk8", leafKey.ExportPkcs8PrivateKeyPem());
        IntermediatesPath = Write("intermediates.pem", intermediate.ExportCertificatePem());
    }

    /// <summary>The root with its private key; a client trusts only it.</summary>
    public X509Certificate2 Root { get; }

    public string CertPath { get; }

    public string KeyPath { get; }

    public string IntermediatesPath { get; }

    public void Dispose()
    {
        Root.Dispose();
        _directory.Dispose();
    }

    private static CertificateRequest Authority(string subject, ECDsa key)
    {
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request;
    }

    private static byte[] Serial(byte value) => [value, .. RandomNumberGenerator.GetBytes(8)];

    private string Write(string name, string pem)
    {
        _directory.Write(name, pem);
        return Path.Combine(_directory.Path, name);
    }
}
