namespace Tracery.Mesh.Naming.Namers;

using System.Text.Json;

/// <summary>
/// The body of <c>/namer_state/io.l5d.k8s.json</c>: the API used, the resource watched, and per watched Service its
/// endpoints, the addresses of each port looked up, and its watch state (see <see cref="K8sWatchState"/>).
/// </summary>
internal static class K8sNamerStateJson
{
    public static void Write(Utf8JsonWriter json, NamePath prefix, K8sApi api, IEnumerable<K8sWatchedService> services)
    {
        json.WriteStartObject();
        json.WriteString("kind", "io.l5d.k8s");
        json.WriteString("prefix", prefix.ToString());
        json.WriteString("api", api.Endpoint.ToString());
        json.WriteString("podNamespace", api.Endpoint.Namespace);
        json.WriteString("resource", api.Resource?.Name);
        json.WriteStartObject("services");
        foreach (var service in services.OrderBy(s => (s.Namespace, s.Service)))
        {
            json.WriteStartObject($"{service.Namespace}/{service.Service}");
            json.WriteBoolean("exists", service.Current is not null);
            json.WriteStartArray("endpoints");
            foreach (var e in service.Current?.Entries ?? [])
            {
                json.WriteStartObject();
                json.WriteString("ip", e.Ip);
                json.WriteString("portName", e.PortName);
                json.WriteNumber("port", e.Port);
                json.WriteString("nodeName", e.NodeName);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartObject("addresses");
            foreach (var (port, set) in service.Ports.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                json.WriteStartArray(port);
                foreach (var address in set.Current)
                {
                    json.WriteStringValue(address.ToString());
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
            json.WriteStartObject("watch");
            service.Watch.State.Write(json);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }
}
