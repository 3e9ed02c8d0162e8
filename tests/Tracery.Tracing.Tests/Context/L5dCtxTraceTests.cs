namespace Tracery.Tracing.Tests.Context;

using Tracery.Tracing.Context;

public sealed class L5dCtxTraceTests
{
    // The worked example of reference §3.5 (Linkerd's LinkerdHeaders).
    private const string Example = "W0GFZm1Q9otrIh1byeZJbCFqKupF0I/JAAAAAAAAAAY=";

    [Fact]
    public void DecodesTheWorkedExample()
    {
        Assert.True(L5dCtxTrace.TryDecode(Example, out var context));

        Assert.Equal(0x5b4185666d50f68bUL, context.SpanId);
        Assert.Equal(0x6b221d5bc9e6496cUL, context.ParentId);
        Assert.Equal(0x216a2aea45d08fc9UL, context.TraceId);
        Assert.Equal(0UL, context.TraceIdHigh);
        Assert.True(context.Sampled);
        Assert.False(context.Debug);
        Assert.Equal("216a2aea45d08fc9", context.TraceIdHex);
    }

    [Fact]
    public void EncodesTheWorkedExampleToTheSameText()
    {
        var context = new TraceContext(0, 0x216a2aea45d08fc9, 0x5b4185666d50f68b, 0x6b221d5bc9e6496c, true, false);

        Assert.Equal(Example, L5dCtxTrace.Encode(context));
        Assert.Equal(44, L5dCtxTrace.Encode(context).Length);
    }

    [Fact]
    public void RoundTripsA128BitTraceIdIn40Bytes()
    {
        var context = new TraceContext(0x0102030405060708, 0x216a2aea45d08fc9, 0x5b4185666d50f68b, 0x6b221d5bc9e6496c, false, false);

        var text = L5dCtxTrace.Encode(context);

        Assert.Equal(40, Convert.FromBase64String(text).Length);
        Assert.True(L5dCtxTrace.TryDecode(text, out var decoded));
        Assert.Equal(context, decoded);
        Assert.Equal("0102030405060708216a2aea45d08fc9", decoded.TraceIdHex);
    }

    [Fact]
    public void ARootSpanIsWrittenWithItselfAsParentAndReadBackAsRoot()
    {
        var root = new TraceContext(0, 7, 7, 0, null, false);

        Assert.True(L5dCtxTrace.TryDecode(L5dCtxTrace.Encode(root), out var decoded));

        Assert.Equal(0UL, decoded.ParentId);
        Assert.Null(decoded.Sampled);
    }

    [Theory]
    [InlineData(true, false, 6L)]
    [InlineData(false, false, 2L)]
    [InlineData(null, false, 0L)]
    [InlineData(true, true, 7L)]
    public void WritesFinagleFlags(bool? sampled, bool debug, long flags)
    {
        var bytes = Convert.FromBase64String(L5dCtxTrace.Encode(new TraceContext(0, 1, 2, 3, sampled, debug)));

        Assert.Equal(flags, System.Buffers.Binary.BinaryPrimitives.ReadInt64BigEndian(bytes.AsSpan(24)));
    }

    [Fact]
    public void DebugFlagForcesSampling()
    {
        var debugOnly = new TraceContext(0, 1, 2, 3, null, true);

        Assert.True(L5dCtxTrace.TryDecode(L5dCtxTrace.Encode(debugOnly), out var decoded));

        Assert.True(decoded.Debug);
        Assert.True(decoded.IsSampled);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not base64!")]
    [InlineData("AAAA")]
    [InlineData("W0GFZm1Q9otrIh1byeZJbCFqKupF0I/JAAAAAAAAAA==")]
    [InlineData("W0GFZm1Q9otrIh1byeZJbCFqKupF0I/JAAAAAAAAAAYAAAAAAAAAAAAA")]
    public void RejectsValuesThatAreNotASerializedId(string value)
    {
        Assert.False(L5dCtxTrace.TryDecode(value, out _));
    }
}
