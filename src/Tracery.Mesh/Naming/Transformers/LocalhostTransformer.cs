namespace Tracery.Mesh.Naming.Transformers;

using System.Net;
using System.Net.NetworkInformation;

/// <summary>
/// <c>io.l5d.localhost</c>: keeps only the addresses on this host, that is on one of its interfaces (loopback
/// included, so every 127.x address counts as local).
/// </summary>
public sealed class LocalhostTransformer : AddressTransformer
{
    private readonly Func<IPAddress, bool> isLocal;

    public LocalhostTransformer() : this(IsOnThisHost) { }

    /// <summary>With a custom notion of "local", for hosts whose interfaces the test cannot choose.</summary>
    public LocalhostTransformer(Func<IPAddress, bool> isLocal) : base("io.l5d.localhost", NamePath.Of("io.l5d.localhost")) => this.isLocal = isLocal;

    protected override IReadOnlyList<Address> Transform(IReadOnlyList<Address> addresses) =>
        addresses.Where(a => a.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(a.Host, out var ip) && isLocal(ip))).ToList();

    private static bool IsOnThisHost(IPAddress ip)
    {
        if (IPAddress.IsLoopback(ip))
        {
            return true;
        }

        try
        {
            return NetworkInterface.GetAllNetworkInterfaces()
                .SelectMany(n => n.GetIPProperties().UnicastAddresses)
                .Any(u => u.Address.Equals(ip));
        }
        catch (NetworkInformationException)
        {
            return false;
        }
    }
}
