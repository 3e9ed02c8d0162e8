namespace Tracery.Tracing.Codec.Proto3;

using System.Buffers.Binary;
using Tracery.Tracing.Model;

/// <summary>
/// Reads proto3 spans straight from the wire into the normalising builder: the ingest hot path, so it skips the
/// generated message objects (a dozen allocations per span) and pools repeated names, tags and addresses as the
/// JSON reader does. The generated classes still write proto3 and check this reader in the tests. Field numbers
/// are zipkin.proto's (reference §2.5).
/// </summary>
internal static class Proto3SpanReader
{
    // Tags are (field number << 3) | wire type: 0 varint, 1 fixed64, 2 length-delimited.
    const uint TraceId = (1 << 3) | 2, ParentId = (2 << 3) | 2, Id = (3 << 3) | 2, Kind = 4 << 3, Name = (5 << 3) | 2,
        Timestamp = (6 << 3) | 1, Duration = 7 << 3, LocalEndpoint = (8 << 3) | 2, RemoteEndpoint = (9 << 3) | 2,
        Annotations = (10 << 3) | 2, Tags = (11 << 3) | 2, Debug = 12 << 3, Shared = 13 << 3;

    [ThreadStatic] static SpanBuilder? threadBuilder;

    public static Span Read(ReadOnlySpan<byte> message)
    {
        var builder = (threadBuilder ??= new SpanBuilder()).Clear();
        var cursor = new ProtoCursor(message);
        Endpoint? local = null, remote = null;
        while (cursor.HasMore)
        {
            var tag = cursor.ReadTag();
            switch (tag)
            {
                // Empty bytes are proto3's "absent".
                case TraceId when cursor.ReadLengthDelimited() is { IsEmpty: false } bytes: builder.TraceId(TraceIdHex(bytes)); break;
                case ParentId when cursor.ReadLengthDelimited() is { IsEmpty: false } bytes: builder.ParentId(IdHex(bytes, "parentId")); break;
                case Id when cursor.ReadLengthDelimited() is { IsEmpty: false } bytes: builder.Id(IdHex(bytes, "id")); break;
                case TraceId or ParentId or Id: break;
                case Kind: builder.Kind(cursor.ReadVarint() is >= 1 and <= 4 and var kind ? (SpanKind)kind : SpanKind.Unspecified); break;
                case Name: builder.Name(TextPools.Names.Get(cursor.ReadLengthDelimited())); break;
                case Timestamp: builder.Timestamp((long)cursor.ReadFixed64()); break;
                case Duration: builder.Duration((long)cursor.ReadVarint()); break;
                case LocalEndpoint: local = ReadEndpoint(cursor.ReadLengthDelimited()); break;
                case RemoteEndpoint: remote = ReadEndpoint(cursor.ReadLengthDelimited()); break;
                case Annotations: ReadAnnotation(cursor.ReadLengthDelimited(), builder); break;
                case Tags: ReadTag(cursor.ReadLengthDelimited(), builder); break;
                case Debug: builder.Debug(cursor.ReadVarint() != 0); break;
                case Shared: builder.Shared(cursor.ReadVarint() != 0); break;
                default: cursor.Skip(tag); break;
            }
        }
        return builder.NormalizedEndpoints(local, remote).Build();
    }

    static Endpoint? ReadEndpoint(ReadOnlySpan<byte> message)
    {
        var cursor = new ProtoCursor(message);
        string? serviceName = null, ipv4 = null, ipv6 = null;
        var port = 0;
        while (cursor.HasMore)
        {
            var tag = cursor.ReadTag();
            switch (tag)
            {
                case (1 << 3) | 2: serviceName = TextPools.Names.Get(cursor.ReadLengthDelimited()); break;
                case (2 << 3) | 2:
                    var v4 = cursor.ReadLengthDelimited();
                    if (v4.Length == 4) ipv4 = TextPools.Ipv4Bytes.Get(v4);
                    break;
                case (3 << 3) | 2:
                    var v6 = cursor.ReadLengthDelimited();
                    if (v6.Length == 16)
                    {
                        var ip = TextPools.Ipv6Bytes.Get(v6);
                        (ipv4, ipv6) = (ip.Ipv4 ?? ipv4, ip.Ipv6);
                    }
                    break;
                case 4 << 3: port = (int)cursor.ReadVarint(); break;
                default: cursor.Skip(tag); break;
            }
        }
        return EndpointCache.Get(serviceName, ipv4, ipv6, port);
    }

    static void ReadAnnotation(ReadOnlySpan<byte> message, SpanBuilder builder)
    {
        var cursor = new ProtoCursor(message);
        long timestamp = 0;
        var value = "";
        while (cursor.HasMore)
        {
            var tag = cursor.ReadTag();
            if (tag == ((1 << 3) | 1)) timestamp = (long)cursor.ReadFixed64();
            else if (tag == ((2 << 3) | 2)) value = TextPools.Plain.Get(cursor.ReadLengthDelimited());
            else cursor.Skip(tag);
        }
        builder.AddAnnotation(timestamp, value);
    }

    /// <summary>A map entry; a missing value is "" (Zipkin's Proto3ZipkinFields).</summary>
    static void ReadTag(ReadOnlySpan<byte> message, SpanBuilder builder)
    {
        var cursor = new ProtoCursor(message);
        string key = "", value = "";
        while (cursor.HasMore)
        {
            var tag = cursor.ReadTag();
            if (tag == ((1 << 3) | 2)) key = TextPools.Plain.Get(cursor.ReadLengthDelimited());
            else if (tag == ((2 << 3) | 2)) value = TextPools.Plain.Get(cursor.ReadLengthDelimited());
            else cursor.Skip(tag);
        }
        builder.PutTag(key, value);
    }

    static string TraceIdHex(ReadOnlySpan<byte> bytes) => bytes.Length switch
    {
        8 => SpanIds.ToHex(BinaryPrimitives.ReadUInt64BigEndian(bytes)),
        16 => SpanIds.ToHex(BinaryPrimitives.ReadUInt64BigEndian(bytes), BinaryPrimitives.ReadUInt64BigEndian(bytes[8..])),
        _ => throw new ArgumentException($"Malformed: traceId of {bytes.Length} bytes, expected 8 or 16"),
    };

    static string IdHex(ReadOnlySpan<byte> bytes, string field) => bytes.Length == 8
        ? SpanIds.ToHex(BinaryPrimitives.ReadUInt64BigEndian(bytes))
        : throw new ArgumentException($"Malformed: {field} of {bytes.Length} bytes, expected 8");
}
