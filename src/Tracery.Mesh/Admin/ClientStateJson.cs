namespace Tracery.Mesh.Admin;

using System.Text.Json;
using Tracery.Mesh.Routing;

/// <summary>
/// <c>/client_state.json</c>: Linkerd's <c>{"&lt;client id&gt;": {"state": "bound", "addresses": [...]}}</c>, plus
/// each endpoint's failure-accrual state and requests in flight, which is what one wants when a host misbehaves.
/// </summary>
public static class ClientStateJson
{
    public static void Write(Stream output, IEnumerable<Router> routers, DateTimeOffset now)
    {
        using var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        writer.WriteStartObject();
        foreach (var client in routers.SelectMany(r => r.Clients.Clients))
        {
            writer.WriteStartObject(client.Name.Id);
            writer.WriteString("state", client.Endpoints.Count > 0 ? "bound" : "neg");
            writer.WriteStartArray("addresses");
            foreach (var endpoint in client.Endpoints)
            {
                writer.WriteStringValue(endpoint.Address.ToString());
            }
            writer.WriteEndArray();
            writer.WriteStartArray("endpoints");
            foreach (var endpoint in client.Endpoints)
            {
                writer.WriteStartObject();
                writer.WriteString("address", endpoint.Address.ToString());
                writer.WriteNumber("weight", endpoint.Weight);
                writer.WriteString("state", endpoint.Accrual.State(now));
                writer.WriteNumber("outstanding", endpoint.Outstanding);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        writer.WriteEndObject();
        writer.Flush();
    }
}
