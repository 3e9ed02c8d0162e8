namespace Tracery.Storage.Sql;

using System.Buffers.Binary;
using System.Security.Cryptography;
using Tracery.Tracing.Codec;
using Tracery.Tracing.Model;

/// <summary>One span as stored: its JSON v2 bytes, the hash that dedupes them, and the indexed columns.</summary>
readonly record struct SpanRow(Span Span, string LowTraceId, byte[] Json, long Hash)
{
    public const string Columns = "trace_low, trace_id, span_id, span_hash, ts_ms, service, remote_service, name, json";

    public static SpanRow From(Span span)
    {
        var json = SpanBytesEncoder.EncodeOne(span, SpanEncoding.JsonV2);
        // The encoder is deterministic (tags sorted), so equal spans have equal bytes and equal hashes.
        return new SpanRow(span, TraceIds.LowBits(span.TraceId), json, BinaryPrimitives.ReadInt64LittleEndian(SHA256.HashData(json)));
    }

    /// <summary>A span without a timestamp counts as time 0, as in the memory store's index.</summary>
    public static long Millis(Span span) => span.Timestamp / 1000;

    public static Span Decode(byte[] json) => SpanBytesDecoder.DecodeOne(json, SpanEncoding.JsonV2);
}
