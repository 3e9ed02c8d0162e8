namespace Tracery.Tracing.Codec.Json;

/// <summary>
/// Where the reader is, in the <c>$[0].annotations[1].timestamp</c> form Zipkin's messages use. Kept as a few
/// fields and only formatted when an error is reported, so reading good input costs nothing.
/// </summary>
internal struct JsonPath
{
    /// <summary>Index of the span in a list, or -1 when a single span is read.</summary>
    public int SpanIndex;
    public string? Field;
    public int ItemIndex;
    public string? Key;

    public JsonPath(int spanIndex) => (SpanIndex, ItemIndex) = (spanIndex, -1);

    public void Enter(string field) => (Field, ItemIndex, Key) = (field, -1, null);

    public override readonly string ToString()
    {
        var path = SpanIndex < 0 ? "$" : $"$[{SpanIndex}]";
        if (Field is not null) path += "." + Field;
        if (ItemIndex >= 0) path += $"[{ItemIndex}]";
        if (Key is not null) path += "." + Key;
        return path;
    }
}
