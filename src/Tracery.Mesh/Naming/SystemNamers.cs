namespace Tracery.Mesh.Naming;

using System.Collections.Concurrent;
using System.Globalization;
using Tracery.Mesh.Naming.Addresses;

/// <summary>
/// The built-in <c>/$/</c> namers: <c>/$/inet/&lt;host&gt;/&lt;port&gt;</c>, <c>/$/io.buoyant.rinet/&lt;port&gt;/&lt;host&gt;</c>,
/// <c>/$/nil</c> (empty) and <c>/$/fail</c>. Host names are kept as given; the forwarder resolves them when it connects.
/// </summary>
internal static class SystemNamers
{
    private static readonly ConcurrentDictionary<string, IAddressSet> InetSets = new(StringComparer.Ordinal);

    /// <summary>The bound tree, or an error message for a <c>/$/</c> path no system namer understands.</summary>
    public static (NameTree<BoundName>? Tree, string? Error) Bind(NamePath path)
    {
        var name = path.Count > 1 ? path.Segments[1] : string.Empty;
        switch (name)
        {
            case "nil":
                return (NameTree<BoundName>.EmptyInstance, null);
            case "fail":
                return (NameTree<BoundName>.FailInstance, null);
            case "inet" when path.Count >= 4:
                return Inet(path, host: path.Segments[2], port: path.Segments[3]);
            case "io.buoyant.rinet" when path.Count >= 4:
                return Inet(path, host: path.Segments[3], port: path.Segments[2]);
            default:
                return (null, $"{path}: no system namer understands this path (known: /$/inet/<host>/<port>, /$/io.buoyant.rinet/<port>/<host>, /$/nil, /$/fail)");
        }
    }

    private static (NameTree<BoundName>? Tree, string? Error) Inet(NamePath path, string host, string port)
    {
        if (!int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number is < 1 or > 65535)
        {
            return (null, $"{path}: '{port}' is not a port number");
        }

        var id = path.Take(4).ToString();
        var addresses = InetSets.GetOrAdd(id, _ => new StaticAddressSet([new Address(host, number)]));
        return (new NameTree<BoundName>.Leaf(new BoundName(id, addresses, path.Drop(4))), null);
    }
}
