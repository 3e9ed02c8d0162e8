namespace Tracery.Tracing.Codec;

using Tracery.Tracing.Model;

/// <summary>The pools every decoder shares, one per kind of normalisation applied to the text.</summary>
internal static class TextPools
{
    /// <summary>Service and span names: lower-cased, empty means absent.</summary>
    public static readonly Utf8Pool<string?> Names = new(Endpoint.NormalizeName);

    /// <summary>Tag keys and values, annotation values: kept as they are.</summary>
    public static readonly Utf8Pool<string> Plain = new(static s => s, maxBytes: 48);

    /// <summary>IP texts of either family, classified as Zipkin's parser does.</summary>
    public static readonly Utf8Pool<IpText> Ips = new(IpText.Parse);
}
