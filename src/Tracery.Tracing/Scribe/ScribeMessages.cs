namespace Tracery.Tracing.Scribe;

using global::Thrift;
using global::Thrift.Protocol;
using global::Thrift.Protocol.Entities;
using global::Thrift.Protocol.Utilities;
using global::Thrift.Transport.Client;

/// <summary>
/// The Scribe service's Thrift messages in TBinaryProtocol (reference §2.7): the <c>Log</c> call and its
/// <c>ResultCode</c> reply. Payloads here are frame contents; <see cref="ScribeFraming"/> adds and strips the
/// length prefix. Transport-agnostic: the server's listener and the mesh's telemeter do their own sockets.
/// </summary>
public static class ScribeMessages
{
    const string Method = "Log";

    /// <summary>Decodes a <c>Log</c> call (strict or old-style binary protocol).</summary>
    public static ScribeLogCall DecodeLogCall(byte[] payload) => Run(payload, "Log call", async protocol =>
    {
        var message = await protocol.ReadMessageBeginAsync(default);
        if (message.Type is not (TMessageType.Call or TMessageType.Oneway)) throw new ScribeProtocolException($"Expected a call, not a {message.Type}");
        if (message.Name != Method) throw new ScribeProtocolException($"Unknown Scribe method '{message.Name}'");
        var entries = new List<ScribeLogEntry>();
        await ReadStruct(protocol, async field =>
        {
            if (field is not { ID: 1, Type: TType.List }) return false;
            var list = await protocol.ReadListBeginAsync(default);
            for (var i = 0; i < list.Count; i++) entries.Add(await ReadEntry(protocol));
            await protocol.ReadListEndAsync(default);
            return true;
        });
        await protocol.ReadMessageEndAsync(default);
        return new ScribeLogCall(message.SeqID, entries);
    });

    /// <summary>Encodes a framed <c>Log</c> call, ready to write to a socket.</summary>
    public static byte[] EncodeLogCall(IEnumerable<ScribeLogEntry> entries, int sequenceId) => Write(async protocol =>
    {
        var list = entries as IReadOnlyCollection<ScribeLogEntry> ?? [.. entries];
        await protocol.WriteMessageBeginAsync(new TMessage(Method, TMessageType.Call, sequenceId), default);
        await protocol.WriteStructBeginAsync(new TStruct("Log_args"), default);
        await protocol.WriteFieldBeginAsync(new TField("messages", TType.List, 1), default);
        await protocol.WriteListBeginAsync(new TList(TType.Struct, list.Count), default);
        foreach (var entry in list)
        {
            await protocol.WriteStructBeginAsync(new TStruct("LogEntry"), default);
            await protocol.WriteFieldBeginAsync(new TField("category", TType.String, 1), default);
            await protocol.WriteStringAsync(entry.Category, default);
            await protocol.WriteFieldBeginAsync(new TField("message", TType.String, 2), default);
            await protocol.WriteStringAsync(entry.Message, default);
            await protocol.WriteFieldStopAsync(default);
        }
        await protocol.WriteFieldStopAsync(default);
        await protocol.WriteMessageEndAsync(default);
    });

    /// <summary>Encodes a framed reply carrying <paramref name="result"/>.</summary>
    public static byte[] EncodeReply(int sequenceId, ScribeResultCode result) => Write(async protocol =>
    {
        await protocol.WriteMessageBeginAsync(new TMessage(Method, TMessageType.Reply, sequenceId), default);
        await protocol.WriteStructBeginAsync(new TStruct("Log_result"), default);
        await protocol.WriteFieldBeginAsync(new TField("success", TType.I32, 0), default);
        await protocol.WriteI32Async((int)result, default);
        await protocol.WriteFieldStopAsync(default);
        await protocol.WriteMessageEndAsync(default);
    });

    /// <summary>Encodes a framed Thrift exception reply: how a Scribe server reports a call it could not decode.</summary>
    public static byte[] EncodeError(int sequenceId, string message) => Write(async protocol =>
    {
        await protocol.WriteMessageBeginAsync(new TMessage(Method, TMessageType.Exception, sequenceId), default);
        await new TApplicationException(TApplicationException.ExceptionType.InternalError, message).WriteAsync(protocol, default);
        await protocol.WriteMessageEndAsync(default);
    });

    /// <summary>Decodes a reply: the result code, or a <see cref="ScribeProtocolException"/> carrying the server's error.</summary>
    public static ScribeResultCode DecodeReply(byte[] payload, out int sequenceId)
    {
        var (code, id) = Run(payload, "Log reply", async protocol =>
        {
            var message = await protocol.ReadMessageBeginAsync(default);
            if (message.Type == TMessageType.Exception)
            {
                var error = await TApplicationException.ReadAsync(protocol, default);
                throw new ScribeProtocolException($"The Scribe server failed the call: {error.Message}");
            }
            if (message.Type != TMessageType.Reply) throw new ScribeProtocolException($"Expected a reply, not a {message.Type}");
            int? result = null;
            await ReadStruct(protocol, async field =>
            {
                if (field is not { ID: 0, Type: TType.I32 }) return false;
                result = await protocol.ReadI32Async(default);
                return true;
            });
            await protocol.ReadMessageEndAsync(default);
            return result is { } value ? ((ScribeResultCode)value, message.SeqID) : throw new ScribeProtocolException("The reply has no result code");
        });
        sequenceId = id;
        return code;
    }

    static async Task<ScribeLogEntry> ReadEntry(TProtocol protocol)
    {
        string? category = null, message = null;
        await ReadStruct(protocol, async field =>
        {
            switch (field.ID, field.Type)
            {
                case (1, TType.String): category = await protocol.ReadStringAsync(default); return true;
                case (2, TType.String): message = await protocol.ReadStringAsync(default); return true;
                default: return false;
            }
        });
        return new ScribeLogEntry(category ?? "", message ?? "");
    }

    static async Task ReadStruct(TProtocol protocol, Func<TField, Task<bool>> readField)
    {
        await protocol.ReadStructBeginAsync(default);
        while (true)
        {
            var field = await protocol.ReadFieldBeginAsync(default);
            if (field.Type == TType.Stop) break;
            if (!await readField(field)) await TProtocolUtil.SkipAsync(protocol, field.Type, default);
            await protocol.ReadFieldEndAsync(default);
        }
        await protocol.ReadStructEndAsync(default);
    }

    static T Run<T>(byte[] payload, string what, Func<TProtocol, Task<T>> read)
    {
        try
        {
            // The message size is the payload's, so a bogus length inside it fails instead of allocating.
            using var transport = new TMemoryBufferTransport(payload, new TConfiguration { MaxMessageSize = Math.Max(1, payload.Length) });
            using var protocol = new TBinaryProtocol(transport, strictRead: false, strictWrite: true);
            return read(protocol).GetAwaiter().GetResult(); // a memory transport completes synchronously
        }
        catch (Exception e) when (e is not ScribeProtocolException)
        {
            throw new ScribeProtocolException($"Malformed Scribe {what}: {e.Message}", e);
        }
    }

    static byte[] Write(Func<TProtocol, Task> write)
    {
        using var transport = new TMemoryBufferTransport(new TConfiguration(), 256);
        using var protocol = new TBinaryProtocol(transport);
        write(protocol).GetAwaiter().GetResult(); // a memory transport completes synchronously
        return ScribeFraming.Frame(transport.GetBuffer());
    }
}
