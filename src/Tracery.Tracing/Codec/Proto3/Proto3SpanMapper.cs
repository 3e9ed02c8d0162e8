namespace Tracery.Tracing.Codec.Proto3;

using System.Buffers.Binary;
using Google.Protobuf;
using Tracery.Tracing.Model;

/// <summary>
/// Maps between the generated proto3 messages and the model. Zero and empty mean absent, as proto3 cannot tell
/// them apart; a tag without a value is <c>""</c> (Zipkin's <c>Proto3ZipkinFields</c>).
/// </summary>
internal static class Proto3SpanMapper
{
    [ThreadStatic] static SpanBuilder? threadBuilder;

    public static Span ToModel(Wire.Span wire)
    {
        var builder = (threadBuilder ??= new SpanBuilder()).Clear();
        if (!wire.TraceId.IsEmpty) builder.TraceId(TraceIdHex(wire.TraceId.Span));
        if (!wire.Id.IsEmpty) builder.Id(IdHex(wire.Id.Span, "id"));
        if (!wire.ParentId.IsEmpty) builder.ParentId(IdHex(wire.ParentId.Span, "parentId"));
        builder.Kind(wire.Kind switch
        {
            Wire.Span.Types.Kind.Client => SpanKind.Client,
            Wire.Span.Types.Kind.Server => SpanKind.Server,
            Wire.Span.Types.Kind.Producer => SpanKind.Producer,
            Wire.Span.Types.Kind.Consumer => SpanKind.Consumer,
            _ => SpanKind.Unspecified,
        });
        builder.Name(wire.Name).Timestamp((long)wire.Timestamp).Duration((long)wire.Duration)
            .NormalizedEndpoints(ToModel(wire.LocalEndpoint), ToModel(wire.RemoteEndpoint))
            .Debug(wire.Debug).Shared(wire.Shared);
        foreach (var annotation in wire.Annotations) builder.AddAnnotation((long)annotation.Timestamp, annotation.Value);
        foreach (var (key, value) in wire.Tags) builder.PutTag(key, value ?? "");
        return builder.Build();
    }

    public static Wire.Span ToWire(Span span)
    {
        var wire = new Wire.Span
        {
            TraceId = UnsafeByteOperations.UnsafeWrap(Convert.FromHexString(span.TraceId)),
            Id = UnsafeByteOperations.UnsafeWrap(Convert.FromHexString(span.Id)),
            Kind = (Wire.Span.Types.Kind)(int)span.Kind,
            Name = span.Name ?? "",
            Timestamp = (ulong)span.Timestamp,
            Duration = (ulong)span.Duration,
            LocalEndpoint = ToWire(span.LocalEndpoint),
            RemoteEndpoint = ToWire(span.RemoteEndpoint),
            Debug = span.Debug,
            Shared = span.Shared,
        };
        if (span.ParentId is not null) wire.ParentId = UnsafeByteOperations.UnsafeWrap(Convert.FromHexString(span.ParentId));
        foreach (var annotation in span.Annotations) wire.Annotations.Add(new Wire.Annotation { Timestamp = (ulong)annotation.Timestamp, Value = annotation.Value });
        foreach (var (key, value) in span.Tags is TagMap ? span.Tags : TagMap.From(span.Tags)) wire.Tags.Add(key, value);
        return wire;
    }

    static Endpoint? ToModel(Wire.Endpoint? wire)
    {
        if (wire is null) return null;
        string? ipv4 = null, ipv6 = null, mapped = null;
        if (wire.Ipv4.Length == 4) ipv4 = IpAddressText.FromV4Bytes(wire.Ipv4.Span);
        if (wire.Ipv6.Length == 16) IpAddressText.FromV6Bytes(wire.Ipv6.Span, out mapped, out ipv6);
        return EndpointCache.Get(Endpoint.NormalizeName(wire.ServiceName), mapped ?? ipv4, ipv6, wire.Port);
    }

    static Wire.Endpoint? ToWire(Endpoint? endpoint)
    {
        if (endpoint is null || endpoint.IsEmpty) return null;
        var wire = new Wire.Endpoint { ServiceName = endpoint.ServiceName ?? "", Port = endpoint.Port };
        if (endpoint.Ipv4 is not null)
        {
            var bytes = new byte[4];
            IpAddressText.WriteV4Bytes(endpoint.Ipv4, bytes);
            wire.Ipv4 = UnsafeByteOperations.UnsafeWrap(bytes);
        }
        if (endpoint.Ipv6 is not null)
        {
            var bytes = new byte[16];
            IpAddressText.WriteV6Bytes(endpoint.Ipv6, bytes);
            wire.Ipv6 = UnsafeByteOperations.UnsafeWrap(bytes);
        }
        return wire;
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
