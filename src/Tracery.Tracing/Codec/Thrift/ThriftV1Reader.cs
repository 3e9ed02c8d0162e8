namespace Tracery.Tracing.Codec.Thrift;

using global::Thrift;
using global::Thrift.Protocol;
using global::Thrift.Protocol.Entities;
using global::Thrift.Protocol.Utilities;
using global::Thrift.Transport.Client;
using Tracery.Tracing.Codec.V1;
using Tracery.Tracing.Model;

/// <summary>
/// Reads Zipkin's v1 Thrift spans (zipkinCore.thrift, reference §2.6) with ApacheThrift's TBinaryProtocol over a
/// memory transport, then converts them to v2. Unknown fields are skipped. The transport's message size is the
/// input's length, so a garbage length prefix fails at once instead of allocating what it claims.
/// </summary>
internal static class ThriftV1Reader
{
    const string Source = "TBinary";

    /// <summary>A TBinaryProtocol <c>list&lt;Span&gt;</c>: element type, count, then the structs.</summary>
    public static void ReadList(ReadOnlySpan<byte> message, List<Span> into)
    {
        if (message.IsEmpty) return;
        Decode("List<Span>", message, into, static async (protocol, into, length) =>
        {
            var list = await protocol.ReadListBeginAsync(CancellationToken.None);
            if (list.ElementType != TType.Struct) throw new ArgumentException($"Malformed: expected a list of structs, not {list.ElementType}");
            // Each struct takes at least one byte: a count beyond the bytes left is garbage, not a huge list.
            var available = length - 5;
            if (list.Count < 0 || list.Count > available) throw new ArgumentException($"Truncated: length {list.Count} > bytes available {available}");
            var span = new V1Span();
            var converter = new V1SpanConverter();
            for (var i = 0; i < list.Count; i++)
            {
                await ReadSpan(protocol, span);
                converter.Convert(span, into);
            }
            await protocol.ReadListEndAsync(CancellationToken.None);
        });
    }

    /// <summary>One Thrift span struct (Scribe carries one per log entry); may yield two v2 spans.</summary>
    public static void ReadOne(ReadOnlySpan<byte> message, List<Span> into) =>
        Decode("Span", message, into, static async (protocol, into, _) =>
        {
            var span = new V1Span();
            await ReadSpan(protocol, span);
            new V1SpanConverter().Convert(span, into);
        });

    static void Decode(string type, ReadOnlySpan<byte> message, List<Span> into, Func<TProtocol, List<Span>, int, Task> read)
    {
        var before = into.Count;
        try
        {
            var configuration = new TConfiguration { MaxMessageSize = Math.Max(1, message.Length) };
            using var transport = new TMemoryBufferTransport(message.ToArray(), configuration);
            using var protocol = new TBinaryProtocol(transport);
            // The memory transport completes synchronously, so this never blocks a thread.
            read(protocol, into, message.Length).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is TException or ArgumentException or EndOfStreamException or OverflowException)
        {
            into.RemoveRange(before, into.Count - before);
            throw new SpanDecodeException($"{Describe(e)} reading {type} from {Source}", e);
        }
    }

    /// <summary>The transport only fails when a length points past the end of the message.</summary>
    static string Describe(Exception e) => e is global::Thrift.Transport.TTransportException ? "Truncated: " + e.Message : e.Message;

    static async Task ReadSpan(TProtocol protocol, V1Span span)
    {
        span.Clear();
        await protocol.ReadStructBeginAsync(CancellationToken.None);
        while (true)
        {
            var field = await protocol.ReadFieldBeginAsync(CancellationToken.None);
            if (field.Type == TType.Stop) break;
            switch (field.ID, field.Type)
            {
                case (1, TType.I64): span.TraceId = (ulong)await protocol.ReadI64Async(CancellationToken.None); break;
                case (3, TType.String): span.SetName(await protocol.ReadStringAsync(CancellationToken.None)); break;
                case (4, TType.I64): span.Id = (ulong)await protocol.ReadI64Async(CancellationToken.None); break;
                case (5, TType.I64): span.ParentId = (ulong)await protocol.ReadI64Async(CancellationToken.None); break;
                case (6, TType.List): await ReadAnnotations(protocol, span); break;
                case (8, TType.List): await ReadBinaryAnnotations(protocol, span); break;
                case (9, TType.Bool): span.Debug = await protocol.ReadBoolAsync(CancellationToken.None); break;
                case (10, TType.I64): span.Timestamp = await protocol.ReadI64Async(CancellationToken.None); break;
                case (11, TType.I64): span.Duration = await protocol.ReadI64Async(CancellationToken.None); break;
                case (12, TType.I64): span.TraceIdHigh = (ulong)await protocol.ReadI64Async(CancellationToken.None); break;
                default: await TProtocolUtil.SkipAsync(protocol, field.Type, CancellationToken.None); break;
            }
            await protocol.ReadFieldEndAsync(CancellationToken.None);
        }
        await protocol.ReadStructEndAsync(CancellationToken.None);
        span.Validate();
    }

    static async Task ReadAnnotations(TProtocol protocol, V1Span span)
    {
        var list = await protocol.ReadListBeginAsync(CancellationToken.None);
        for (var i = 0; i < list.Count; i++)
        {
            long timestamp = 0;
            string? value = null;
            Endpoint? host = null;
            await ReadStruct(protocol, async field =>
            {
                switch (field.ID, field.Type)
                {
                    case (1, TType.I64): timestamp = await protocol.ReadI64Async(CancellationToken.None); return true;
                    case (2, TType.String): value = await protocol.ReadStringAsync(CancellationToken.None); return true;
                    case (3, TType.Struct): host = await ThriftEndpoints.Read(protocol); return true;
                    default: return false;
                }
            });
            // Zipkin drops annotations without a timestamp (or value): they cannot be placed on a timeline.
            if (timestamp != 0 && value is not null) span.AddAnnotation(timestamp, value, host);
        }
        await protocol.ReadListEndAsync(CancellationToken.None);
    }

    static async Task ReadBinaryAnnotations(TProtocol protocol, V1Span span)
    {
        var list = await protocol.ReadListBeginAsync(CancellationToken.None);
        for (var i = 0; i < list.Count; i++)
        {
            string? key = null;
            byte[]? value = null;
            var type = -1;
            Endpoint? host = null;
            await ReadStruct(protocol, async field =>
            {
                switch (field.ID, field.Type)
                {
                    case (1, TType.String): key = await protocol.ReadStringAsync(CancellationToken.None); return true;
                    case (2, TType.String): value = await protocol.ReadBinaryAsync(CancellationToken.None); return true;
                    case (3, TType.I32): type = await protocol.ReadI32Async(CancellationToken.None); return true;
                    case (4, TType.Struct): host = await ThriftEndpoints.Read(protocol); return true;
                    default: return false;
                }
            });
            if (key is null || value is null) continue;
            if (type == ThriftEndpoints.StringType) span.AddTag(key, System.Text.Encoding.UTF8.GetString(value), host);
            else if (type == ThriftEndpoints.BoolType && value is [1] && key is "ca" or "sa" or "ma") span.AddAddress(key, host);
        }
        await protocol.ReadListEndAsync(CancellationToken.None);
    }

    /// <summary>Reads a struct's fields; <paramref name="readField"/> returns false for fields to skip.</summary>
    internal static async Task ReadStruct(TProtocol protocol, Func<TField, Task<bool>> readField)
    {
        await protocol.ReadStructBeginAsync(CancellationToken.None);
        while (true)
        {
            var field = await protocol.ReadFieldBeginAsync(CancellationToken.None);
            if (field.Type == TType.Stop) break;
            if (!await readField(field)) await TProtocolUtil.SkipAsync(protocol, field.Type, CancellationToken.None);
            await protocol.ReadFieldEndAsync(CancellationToken.None);
        }
        await protocol.ReadStructEndAsync(CancellationToken.None);
    }
}
