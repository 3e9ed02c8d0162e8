namespace Tracery.Mesh.Naming.Transformers;

/// <summary><c>io.l5d.port</c>: every address keeps its host and gets one port, for example the incoming router's 4141.</summary>
public sealed class PortTransformer(int port) : AddressTransformer("io.l5d.port", NamePath.Of("io.l5d.port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)))
{
    protected override IReadOnlyList<Address> Transform(IReadOnlyList<Address> addresses) =>
        addresses.Select(a => a with { Port = port }).Distinct().ToList();
}
