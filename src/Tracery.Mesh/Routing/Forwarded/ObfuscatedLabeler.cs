namespace Tracery.Mesh.Routing.Forwarded;

using System.Net;
using System.Security.Cryptography;
using System.Text;

/// <summary>
/// RFC 7239 §6.3 obfuscated identifiers, <c>_</c> and six letters or digits: <c>requestRandom</c> (new for every
/// request) and <c>connectionRandom</c> (one per connection, derived from the connection id with a secret key, so
/// no per-connection state is kept). A wildcard or missing address is <c>unknown</c>, as in Linkerd.
/// </summary>
public sealed class ObfuscatedLabeler(bool perConnection) : IForwardedLabeler
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private const int Length = 6;
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);

    public string Label(IPAddress? address, int port, string connectionId)
    {
        if (address is null || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any))
        {
            return ForwardedHeader.Unknown;
        }
        Span<byte> bytes = stackalloc byte[32];
        if (perConnection)
        {
            HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(connectionId), bytes);
        }
        else
        {
            RandomNumberGenerator.Fill(bytes[..Length]);
        }
        Span<char> label = stackalloc char[Length + 1];
        label[0] = '_';
        for (var i = 0; i < Length; i++)
        {
            label[i + 1] = Alphabet[bytes[i] % Alphabet.Length];
        }
        return new string(label);
    }
}
