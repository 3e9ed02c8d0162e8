namespace Tracery.Mesh.Balancing;

using System.Collections.Concurrent;
using Tracery.Mesh.Naming;

/// <summary>
/// A router's clients by bound id, created on first use. Keying by id (not by the bound name object) keeps one
/// client, and so one set of endpoint states, per destination however often the name is re-bound.
/// </summary>
public sealed class ClientCache(Func<string, ClientPolicy> policies, TimeProvider time) : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<MeshClient>> _clients = new(StringComparer.Ordinal);

    public IEnumerable<MeshClient> Clients => _clients.Values.Where(c => c.IsValueCreated).Select(c => c.Value);

    public MeshClient Get(BoundName name) =>
        _clients.GetOrAdd(name.Id, id => new Lazy<MeshClient>(() => new MeshClient(name, policies(id), time))).Value;

    public void Dispose()
    {
        foreach (var client in Clients)
        {
            client.Dispose();
        }
    }
}
