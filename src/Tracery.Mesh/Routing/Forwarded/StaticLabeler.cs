namespace Tracery.Mesh.Routing.Forwarded;

using System.Net;

/// <summary>
/// <c>static</c> (its <c>label</c>) and <c>router</c> (the router's label): a fixed obfuscated identifier,
/// prefixed with <c>_</c> unless it already is.
/// </summary>
public sealed class StaticLabeler(string label) : IForwardedLabeler
{
    private readonly string _label = label.StartsWith('_') ? label : "_" + label;

    public string Label(IPAddress? address, int port, string connectionId) => _label;
}
