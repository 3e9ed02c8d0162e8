namespace Tracery.Tracing.Codec;

using System.Text;
using Tracery.Tracing.Model;

/// <summary>The pools every decoder shares, one per kind of normalisation applied to the bytes.</summary>
internal static class TextPools
{
    /// <summary>Service and span names: lower-cased, empty means absent.</summary>
    public static readonly Utf8Pool<string?> Names = new(static utf8 => Endpoint.NormalizeName(Encoding.UTF8.GetString(utf8)));

    /// <summary>Tag keys and values, annotation values: kept as they are.</summary>
    public static readonly Utf8Pool<string> Plain = new(static utf8 => Encoding.UTF8.GetString(utf8), maxBytes: 48);

    /// <summary>IP texts of either family, classified as Zipkin's parser does.</summary>
    public static readonly Utf8Pool<IpText> Ips = new(static utf8 => IpText.Parse(Encoding.UTF8.GetString(utf8)));

    /// <summary>4-byte IPv4 addresses (proto3) as dotted quads.</summary>
    public static readonly Utf8Pool<string> Ipv4Bytes = new(static bytes => IpAddressText.FromV4Bytes(bytes));

    /// <summary>16-byte IPv6 addresses (proto3, Thrift), IPv4-mapped ones classified as IPv4.</summary>
    public static readonly Utf8Pool<IpText> Ipv6Bytes = new(static bytes =>
    {
        IpAddressText.FromV6Bytes(bytes, out var v4, out var v6);
        return new IpText(v4, v6);
    });
}
