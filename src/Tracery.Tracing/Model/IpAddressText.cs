namespace Tracery.Tracing.Model;

using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

/// <summary>
/// Zipkin's single IP parser (<c>Endpoint.parseIp</c>): it decides the family itself, turns IPv4-mapped and
/// IPv4-compatible IPv6 addresses into IPv4, writes IPv6 in the RFC 5952 canonical form and drops anything else.
/// </summary>
internal static class IpAddressText
{
    /// <summary>Classifies <paramref name="text"/>; both outputs are null when it is not an IP address.</summary>
    public static void Parse(string? text, out string? ipv4, out string? ipv6)
    {
        ipv4 = ipv6 = null;
        if (string.IsNullOrEmpty(text)) return;
        if (IsDottedQuad(text))
        {
            // Leading zeros ("52.0.0.04") are written away so the text survives a trip through binary formats.
            ipv4 = text.Contains(".0", StringComparison.Ordinal) || text[0] == '0' ? CanonicalV4(text) : text;
            return;
        }
        if (!text.Contains(':') || !IPAddress.TryParse(text, out var address) || address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return;
        }
        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out _);
        FromV6Bytes(bytes, out ipv4, out ipv6);
    }

    /// <summary>Classifies 16 IPv6 bytes (as carried by proto3 and Thrift).</summary>
    public static void FromV6Bytes(ReadOnlySpan<byte> bytes, out string? ipv4, out string? ipv6)
    {
        ipv4 = ipv6 = null;
        if (bytes.Length != 16) return;
        if (bytes[..10].IndexOfAnyExcept((byte)0) < 0)
        {
            var mapped = bytes[10] == 0xff && bytes[11] == 0xff;
            var compatible = bytes[10] == 0 && bytes[11] == 0 && BinaryPrimitives.ReadUInt32BigEndian(bytes[12..]) > 1;
            if (mapped || compatible)
            {
                ipv4 = FromV4Bytes(bytes[12..]);
                return;
            }
        }
        ipv6 = FormatV6(bytes);
    }

    static string CanonicalV4(string dottedQuad)
    {
        Span<byte> bytes = stackalloc byte[4];
        WriteV4Bytes(dottedQuad, bytes);
        var canonical = FromV4Bytes(bytes);
        return canonical == dottedQuad ? dottedQuad : canonical;
    }

    public static string FromV4Bytes(ReadOnlySpan<byte> b) => $"{b[0]}.{b[1]}.{b[2]}.{b[3]}";

    public static string FromV4Int(int ipv4)
    {
        Span<byte> b = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(b, ipv4);
        return FromV4Bytes(b);
    }

    /// <summary>Writes the 4 address bytes of a dotted quad that <see cref="Parse"/> accepted.</summary>
    public static void WriteV4Bytes(string ipv4, Span<byte> destination)
    {
        var i = 0;
        foreach (var range in ipv4.AsSpan().Split('.'))
        {
            destination[i++] = byte.Parse(ipv4.AsSpan()[range], provider: System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    public static void WriteV6Bytes(string ipv6, Span<byte> destination) => IPAddress.Parse(ipv6).TryWriteBytes(destination, out _);

    static bool IsDottedQuad(string text)
    {
        var parts = 0;
        foreach (var range in text.AsSpan().Split('.'))
        {
            var part = text.AsSpan()[range];
            if (++parts > 4 || part.Length is 0 or > 3 || part.IndexOfAnyExceptInRange('0', '9') >= 0 || int.Parse(part) > 255)
            {
                return false;
            }
        }
        return parts == 4;
    }

    /// <summary>RFC 5952: lower-case hex, no leading zeros, the longest (leftmost) run of 2+ zero groups as "::".</summary>
    static string FormatV6(ReadOnlySpan<byte> bytes)
    {
        Span<ushort> groups = stackalloc ushort[8];
        for (var i = 0; i < 8; i++) groups[i] = BinaryPrimitives.ReadUInt16BigEndian(bytes[(i * 2)..]);
        int bestStart = -1, bestLength = 0;
        for (var i = 0; i < 8;)
        {
            if (groups[i] != 0) { i++; continue; }
            var start = i;
            while (i < 8 && groups[i] == 0) i++;
            if (i - start > bestLength && i - start >= 2) (bestStart, bestLength) = (start, i - start);
        }
        var text = new System.Text.StringBuilder(39);
        for (var i = 0; i < 8; i++)
        {
            if (i == bestStart)
            {
                text.Append("::");
                i += bestLength - 1;
                continue;
            }
            if (i > 0 && text[^1] != ':') text.Append(':');
            text.Append(groups[i].ToString("x", System.Globalization.CultureInfo.InvariantCulture));
        }
        return text.ToString();
    }
}
