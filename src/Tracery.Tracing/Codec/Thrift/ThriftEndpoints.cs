namespace Tracery.Tracing.Codec.Thrift;

using System.Buffers.Binary;
using global::Thrift.Protocol;
using global::Thrift.Protocol.Entities;
using Tracery.Tracing.Model;

/// <summary>
/// The Thrift <c>Endpoint</c> struct: <c>1: i32 ipv4</c> (big-endian, 0 is absent), <c>2: i16 port</c> (read
/// unsigned), <c>3: string service_name</c>, <c>4: optional binary ipv6</c>.
/// </summary>
internal static class ThriftEndpoints
{
    /// <summary>AnnotationType values Zipkin acts on: BOOL for addresses, STRING for tags.</summary>
    public const int BoolType = 0, StringType = 6;

    public static async Task<Endpoint?> Read(TProtocol protocol)
    {
        int ipv4 = 0, port = 0;
        string? serviceName = null;
        byte[]? ipv6 = null;
        await ThriftV1Reader.ReadStruct(protocol, async field =>
        {
            switch (field.ID, field.Type)
            {
                case (1, TType.I32): ipv4 = await protocol.ReadI32Async(CancellationToken.None); return true;
                case (2, TType.I16): port = (ushort)await protocol.ReadI16Async(CancellationToken.None); return true;
                case (3, TType.String): serviceName = await protocol.ReadStringAsync(CancellationToken.None); return true;
                case (4, TType.String): ipv6 = await protocol.ReadBinaryAsync(CancellationToken.None); return true;
                default: return false;
            }
        });
        string? v4 = ipv4 == 0 ? null : IpAddressText.FromV4Int(ipv4), v6 = null;
        if (ipv6 is { Length: 16 })
        {
            IpAddressText.FromV6Bytes(ipv6, out var mapped, out v6);
            v4 = mapped ?? v4;
        }
        return EndpointCache.Get(Endpoint.NormalizeName(serviceName), v4, v6, port);
    }

    public static async Task Write(TProtocol protocol, Endpoint endpoint)
    {
        await protocol.WriteStructBeginAsync(new TStruct("Endpoint"), CancellationToken.None);
        var ipv4 = 0;
        if (endpoint.Ipv4 is not null)
        {
            var bytes = new byte[4];
            IpAddressText.WriteV4Bytes(endpoint.Ipv4, bytes);
            ipv4 = BinaryPrimitives.ReadInt32BigEndian(bytes);
        }
        await protocol.WriteFieldBeginAsync(new TField("ipv4", TType.I32, 1), CancellationToken.None);
        await protocol.WriteI32Async(ipv4, CancellationToken.None);
        await protocol.WriteFieldBeginAsync(new TField("port", TType.I16, 2), CancellationToken.None);
        await protocol.WriteI16Async(unchecked((short)endpoint.Port), CancellationToken.None);
        await protocol.WriteFieldBeginAsync(new TField("service_name", TType.String, 3), CancellationToken.None);
        await protocol.WriteStringAsync(endpoint.ServiceName ?? "", CancellationToken.None);
        if (endpoint.Ipv6 is not null)
        {
            var bytes = new byte[16];
            IpAddressText.WriteV6Bytes(endpoint.Ipv6, bytes);
            await protocol.WriteFieldBeginAsync(new TField("ipv6", TType.String, 4), CancellationToken.None);
            await protocol.WriteBinaryAsync(bytes, CancellationToken.None);
        }
        await protocol.WriteFieldStopAsync(CancellationToken.None);
        await protocol.WriteStructEndAsync(CancellationToken.None);
    }
}
