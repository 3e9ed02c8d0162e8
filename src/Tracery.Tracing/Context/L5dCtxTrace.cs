namespace Tracery.Tracing.Context;

using System.Buffers.Binary;

/// <summary>
/// The <c>l5d-ctx-trace</c> header: standard base64 (with padding) of Finagle's <c>TraceId.serialize</c>,
/// big-endian <c>spanId | parentId | traceId | flags</c> (32 bytes), followed by the high 64 bits of the trace
/// id when it is a 128-bit id (40 bytes).
/// </summary>
public static class L5dCtxTrace
{
    public const string HeaderName = "l5d-ctx-trace";

    private const int ShortLength = 32;
    private const int LongLength = 40;

    /// <summary>Decodes a header value; false for anything that is not a valid serialized id (Linkerd then starts a new root).</summary>
    public static bool TryDecode(ReadOnlySpan<char> value, out TraceContext context)
    {
        context = default;
        Span<byte> bytes = stackalloc byte[LongLength + 2];
        if (!Convert.TryFromBase64Chars(value, bytes, out var length) || length is not (ShortLength or LongLength))
        {
            return false;
        }

        var spanId = BinaryPrimitives.ReadUInt64BigEndian(bytes);
        var parentId = BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]);
        var traceId = BinaryPrimitives.ReadUInt64BigEndian(bytes[16..]);
        var flags = (TraceFlags)BinaryPrimitives.ReadInt64BigEndian(bytes[24..]);
        var high = length == LongLength ? BinaryPrimitives.ReadUInt64BigEndian(bytes[32..]) : 0;
        context = new TraceContext(high, traceId, spanId, parentId == spanId ? 0 : parentId, flags.Sampled(), flags.HasFlag(TraceFlags.Debug));
        return true;
    }

    /// <summary>Encodes a context; a root span carries its own id as the parent, as Finagle serializes it.</summary>
    public static string Encode(in TraceContext context)
    {
        Span<byte> bytes = stackalloc byte[LongLength];
        var length = context.Is128Bit ? LongLength : ShortLength;
        BinaryPrimitives.WriteUInt64BigEndian(bytes, context.SpanId);
        BinaryPrimitives.WriteUInt64BigEndian(bytes[8..], context.ParentId == 0 ? context.SpanId : context.ParentId);
        BinaryPrimitives.WriteUInt64BigEndian(bytes[16..], context.TraceId);
        BinaryPrimitives.WriteInt64BigEndian(bytes[24..], (long)context.Flags);
        BinaryPrimitives.WriteUInt64BigEndian(bytes[32..], context.TraceIdHigh);
        return Convert.ToBase64String(bytes[..length]);
    }
}
