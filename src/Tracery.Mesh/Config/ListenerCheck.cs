namespace Tracery.Mesh.Config;

using System.Net;

/// <summary>
/// Rejects what Linkerd's <c>Linker</c> rejects before binding anything: two routers with one label, and two
/// listeners (servers or the admin server) on one address. A wildcard address clashes with every address on its port.
/// </summary>
internal static class ListenerCheck
{
    public static void Check(MeshConfig config, IReadOnlyList<ConfigSection> routerSections)
    {
        var labels = new Dictionary<string, int>(StringComparer.Ordinal);
        var listeners = new List<(string Ip, int Port, string Owner)> { (config.Admin.Ip, config.Admin.Port, "the admin server") };
        for (var r = 0; r < config.Routers.Length; r++)
        {
            var router = config.Routers[r];
            if (labels.TryGetValue(router.Label, out var first))
            {
                throw routerSections[r].Invalid("label", $"router label '{router.Label}' is already used by routers[{first}]; labels must be unique");
            }

            labels[router.Label] = r;
            var serverSections = routerSections[r].Sections("servers");
            for (var s = 0; s < router.Servers.Length; s++)
            {
                var server = router.Servers[s];
                var owner = $"routers[{r}].servers[{s}]";
                var clash = listeners.FirstOrDefault(l => l.Port == server.Port && server.Port != 0 && Overlap(l.Ip, server.Ip));
                if (clash.Owner is not null)
                {
                    throw serverSections[s].Invalid("port", $"{server.Ip}:{server.Port} is already used by {clash.Owner}");
                }

                listeners.Add((server.Ip, server.Port, $"{owner} (router '{router.Label}')"));
            }
        }
    }

    private static bool Overlap(string a, string b) => a == b || IsWildcard(a) || IsWildcard(b);

    private static bool IsWildcard(string ip) => IPAddress.TryParse(ip, out var address) && (address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any));
}
