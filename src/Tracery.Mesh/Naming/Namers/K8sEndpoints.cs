namespace Tracery.Mesh.Naming.Namers;

using System.Text.Json;

/// <summary>One Service's v1 Endpoints as the namer needs them: each ready address with each named port.</summary>
internal sealed record K8sEndpoints(IReadOnlyList<(string Ip, string? PortName, int Port)> Entries)
{
    /// <summary>The addresses serving <paramref name="port"/>, a port name (as the tutorial's <c>http</c>) or number.</summary>
    public IReadOnlyList<Address> For(string port) =>
        [.. Entries.Where(e => e.PortName == port || e.Port.ToString(System.Globalization.CultureInfo.InvariantCulture) == port)
            .Select(e => new Address(e.Ip, e.Port)).Distinct()];

    /// <summary>Reads a Kubernetes <c>Endpoints</c> object (<c>subsets[].addresses[].ip</c> x <c>subsets[].ports[]</c>).</summary>
    public static K8sEndpoints Read(JsonElement endpoints)
    {
        var entries = new List<(string, string?, int)>();
        if (endpoints.TryGetProperty("subsets", out var subsets) && subsets.ValueKind == JsonValueKind.Array)
        {
            foreach (var subset in subsets.EnumerateArray())
            {
                if (!subset.TryGetProperty("addresses", out var addresses) || !subset.TryGetProperty("ports", out var ports))
                {
                    continue;
                }

                foreach (var address in addresses.EnumerateArray())
                {
                    foreach (var port in ports.EnumerateArray())
                    {
                        var name = port.TryGetProperty("name", out var n) ? n.GetString() : null;
                        entries.Add((address.GetProperty("ip").GetString()!, name, port.GetProperty("port").GetInt32()));
                    }
                }
            }
        }

        return new K8sEndpoints(entries);
    }
}
