namespace Tracery.Mesh.Naming.Namers;

using System.Globalization;
using System.Text.Json;

/// <summary>One Service's ready endpoints, from its v1 Endpoints or merged from its EndpointSlices.</summary>
internal sealed record K8sEndpoints(IReadOnlyList<K8sEndpoint> Entries)
{
    /// <summary>The addresses serving <paramref name="port"/>, a port name (as the tutorial's <c>http</c>) or number.</summary>
    public IReadOnlyList<Address> For(string port) =>
        [.. Entries.Where(e => e.PortName == port || e.Port.ToString(CultureInfo.InvariantCulture) == port)
            .Select(e => new Address(e.Ip, e.Port)).Distinct()];

    /// <summary>The node an address runs on, if the API said.</summary>
    public string? NodeOf(string ip) => Entries.FirstOrDefault(e => e.Ip == ip && e.NodeName is not null).NodeName;

    public static K8sEndpoints Merge(IEnumerable<K8sEndpoints> parts) => new([.. parts.SelectMany(p => p.Entries)]);

    /// <summary>
    /// Reads a v1 <c>Endpoints</c> object: <c>subsets[].addresses[]</c> x <c>subsets[].ports[]</c>. Only
    /// <c>addresses</c> are ready; <c>notReadyAddresses</c> are left out, as Linkerd does.
    /// </summary>
    public static K8sEndpoints ReadEndpoints(JsonElement endpoints)
    {
        var entries = new List<K8sEndpoint>();
        foreach (var subset in Array(endpoints, "subsets"))
        {
            foreach (var address in Array(subset, "addresses"))
            {
                var node = String(address, "nodeName");
                foreach (var port in Array(subset, "ports"))
                {
                    entries.Add(new(address.GetProperty("ip").GetString()!, String(port, "name"), port.GetProperty("port").GetInt32(), node));
                }
            }
        }

        return new K8sEndpoints(entries);
    }

    /// <summary>
    /// Reads a discovery.k8s.io/v1 <c>EndpointSlice</c>: <c>endpoints[].addresses[]</c> x <c>ports[]</c>, keeping
    /// endpoints whose <c>conditions.ready</c> is true or absent (Kubernetes: "nil should be interpreted as ready").
    /// FQDN slices carry no IPs to connect to, so they are skipped.
    /// </summary>
    public static K8sEndpoints ReadSlice(JsonElement slice)
    {
        var entries = new List<K8sEndpoint>();
        if (String(slice, "addressType") == "FQDN")
        {
            return new K8sEndpoints(entries);
        }

        foreach (var endpoint in Array(slice, "endpoints"))
        {
            if (endpoint.TryGetProperty("conditions", out var conditions) && conditions.TryGetProperty("ready", out var ready) && ready.ValueKind == JsonValueKind.False)
            {
                continue;
            }

            var node = String(endpoint, "nodeName");
            foreach (var address in Array(endpoint, "addresses"))
            {
                foreach (var port in Array(slice, "ports"))
                {
                    // A slice port without a number means "all ports"; there is nothing to dial, so it is skipped.
                    if (port.TryGetProperty("port", out var number) && number.ValueKind == JsonValueKind.Number)
                    {
                        entries.Add(new(address.GetString()!, String(port, "name"), number.GetInt32(), node));
                    }
                }
            }
        }

        return new K8sEndpoints(entries);
    }

    private static IEnumerable<JsonElement> Array(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array ? value.EnumerateArray() : [];

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
