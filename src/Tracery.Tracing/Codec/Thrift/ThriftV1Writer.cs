namespace Tracery.Tracing.Codec.Thrift;

using global::Thrift;
using global::Thrift.Protocol;
using global::Thrift.Protocol.Entities;
using global::Thrift.Transport.Client;
using Tracery.Tracing.Codec.V1;
using Tracery.Tracing.Model;

/// <summary>
/// Writes v2 spans as Zipkin v1 Thrift structs (what Linkerd 1's Scribe telemeter sends): each span goes through
/// <see cref="V2SpanConverter"/>, then TBinaryProtocol over a memory transport. Optional fields are written only
/// when set, as Zipkin's ThriftCodec does.
/// </summary>
internal static class ThriftV1Writer
{
    public static byte[] WriteList(IEnumerable<Span> spans) => Write(async protocol =>
    {
        var list = spans as IReadOnlyCollection<Span> ?? [.. spans];
        await protocol.WriteListBeginAsync(new TList(TType.Struct, list.Count), CancellationToken.None);
        var v1 = new V1Span();
        foreach (var span in list) await WriteSpan(protocol, span, v1);
        await protocol.WriteListEndAsync(CancellationToken.None);
    });

    public static byte[] WriteOne(Span span) => Write(protocol => WriteSpan(protocol, span, new V1Span()));

    static byte[] Write(Func<TProtocol, Task> write)
    {
        using var transport = new TMemoryBufferTransport(new TConfiguration(), 512);
        using var protocol = new TBinaryProtocol(transport);
        // The memory transport completes synchronously, so this never blocks a thread.
        write(protocol).GetAwaiter().GetResult();
        return transport.GetBuffer();
    }

    static async Task WriteSpan(TProtocol protocol, Span span, V1Span v1)
    {
        V2SpanConverter.Convert(span, v1);
        var ct = CancellationToken.None;
        await protocol.WriteStructBeginAsync(new TStruct("Span"), ct);
        await I64(protocol, "trace_id", 1, (long)v1.TraceId);
        await protocol.WriteFieldBeginAsync(new TField("name", TType.String, 3), ct);
        await protocol.WriteStringAsync(v1.Name ?? "", ct);
        await I64(protocol, "id", 4, (long)v1.Id);
        if (v1.ParentId != 0) await I64(protocol, "parent_id", 5, (long)v1.ParentId);
        if (v1.Annotations.Count > 0)
        {
            await protocol.WriteFieldBeginAsync(new TField("annotations", TType.List, 6), ct);
            await protocol.WriteListBeginAsync(new TList(TType.Struct, v1.Annotations.Count), ct);
            foreach (var a in v1.Annotations) await WriteAnnotation(protocol, a);
        }
        if (v1.BinaryAnnotations.Count > 0)
        {
            await protocol.WriteFieldBeginAsync(new TField("binary_annotations", TType.List, 8), ct);
            await protocol.WriteListBeginAsync(new TList(TType.Struct, v1.BinaryAnnotations.Count), ct);
            foreach (var b in v1.BinaryAnnotations) await WriteBinaryAnnotation(protocol, b);
        }
        if (v1.Debug)
        {
            await protocol.WriteFieldBeginAsync(new TField("debug", TType.Bool, 9), ct);
            await protocol.WriteBoolAsync(true, ct);
        }
        if (v1.Timestamp != 0) await I64(protocol, "timestamp", 10, v1.Timestamp);
        if (v1.Duration != 0) await I64(protocol, "duration", 11, v1.Duration);
        if (v1.TraceIdHigh != 0) await I64(protocol, "trace_id_high", 12, (long)v1.TraceIdHigh);
        await protocol.WriteFieldStopAsync(ct);
        await protocol.WriteStructEndAsync(ct);
    }

    static async Task WriteAnnotation(TProtocol protocol, V1Annotation annotation)
    {
        var ct = CancellationToken.None;
        await protocol.WriteStructBeginAsync(new TStruct("Annotation"), ct);
        await I64(protocol, "timestamp", 1, annotation.Timestamp);
        await protocol.WriteFieldBeginAsync(new TField("value", TType.String, 2), ct);
        await protocol.WriteStringAsync(annotation.Value, ct);
        await Host(protocol, 3, annotation.Endpoint);
        await protocol.WriteFieldStopAsync(ct);
        await protocol.WriteStructEndAsync(ct);
    }

    static async Task WriteBinaryAnnotation(TProtocol protocol, V1BinaryAnnotation annotation)
    {
        var ct = CancellationToken.None;
        var isTag = annotation.StringValue is not null;
        await protocol.WriteStructBeginAsync(new TStruct("BinaryAnnotation"), ct);
        await protocol.WriteFieldBeginAsync(new TField("key", TType.String, 1), ct);
        await protocol.WriteStringAsync(annotation.Key, ct);
        await protocol.WriteFieldBeginAsync(new TField("value", TType.String, 2), ct);
        await protocol.WriteBinaryAsync(isTag ? System.Text.Encoding.UTF8.GetBytes(annotation.StringValue!) : [1], ct);
        await protocol.WriteFieldBeginAsync(new TField("annotation_type", TType.I32, 3), ct);
        await protocol.WriteI32Async(isTag ? ThriftEndpoints.StringType : ThriftEndpoints.BoolType, ct);
        await Host(protocol, 4, annotation.Endpoint);
        await protocol.WriteFieldStopAsync(ct);
        await protocol.WriteStructEndAsync(ct);
    }

    static async Task Host(TProtocol protocol, short id, Endpoint? endpoint)
    {
        if (endpoint is null) return;
        await protocol.WriteFieldBeginAsync(new TField("host", TType.Struct, id), CancellationToken.None);
        await ThriftEndpoints.Write(protocol, endpoint);
    }

    static async Task I64(TProtocol protocol, string name, short id, long value)
    {
        await protocol.WriteFieldBeginAsync(new TField(name, TType.I64, id), CancellationToken.None);
        await protocol.WriteI64Async(value, CancellationToken.None);
    }
}
