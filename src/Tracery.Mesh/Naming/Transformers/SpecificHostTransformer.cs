namespace Tracery.Mesh.Naming.Transformers;

/// <summary><c>io.l5d.specificHost</c>: keeps only the addresses whose host is the configured one.</summary>
public sealed class SpecificHostTransformer(string host) : AddressTransformer("io.l5d.specificHost", NamePath.Of("io.l5d.specificHost", host))
{
    protected override IReadOnlyList<Address> Transform(IReadOnlyList<Address> addresses) =>
        addresses.Where(a => string.Equals(a.Host, host, StringComparison.OrdinalIgnoreCase)).ToList();
}
