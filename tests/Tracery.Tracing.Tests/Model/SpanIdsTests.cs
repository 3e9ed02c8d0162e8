namespace Tracery.Tracing.Tests.Model;

using Tracery.Tracing.Model;

public sealed class SpanIdsTests
{
    [Theory]
    [InlineData("a", "000000000000000a")]
    [InlineData("463ac35c9f6413ad", "463ac35c9f6413ad")]
    [InlineData("463ac35c9f6413ad48485a3953bb6124", "463ac35c9f6413ad48485a3953bb6124")]
    [InlineData("0000000000000000463ac35c9f6413ad", "463ac35c9f6413ad")]
    [InlineData("1463ac35c9f6413ad", "000000000000000" + "1463ac35c9f6413ad")]
    public void TraceIdIsPaddedOrCut(string input, string expected) => Assert.Equal(expected, SpanIds.NormalizeTraceId(input));

    [Theory]
    [InlineData("", "traceId is empty")]
    [InlineData("0000000000000000", "traceId is all zeros")]
    [InlineData("48485A3953BB6124", "48485A3953BB6124 should be lower-hex encoded with no prefix")]
    [InlineData("0x48485a3953bb612", "0x48485a3953bb612 should be lower-hex encoded with no prefix")]
    [InlineData("463ac35c9f6413ad48485a3953bb61240", "traceId.length > 32")]
    public void BadTraceIdsFailWithZipkinsMessage(string input, string message) =>
        Assert.Equal(message, Assert.Throws<ArgumentException>(() => SpanIds.NormalizeTraceId(input)).Message);

    [Theory]
    [InlineData("", "id is empty")]
    [InlineData("000", "id is all zeros")]
    [InlineData("463ac35c9f6413ad1", "id.length > 16")]
    [InlineData("g", "g should be lower-hex encoded with no prefix")]
    public void BadIdsFailWithZipkinsMessage(string input, string message) =>
        Assert.Equal(message, Assert.Throws<ArgumentException>(() => SpanIds.NormalizeId(input)).Message);

    [Fact]
    public void AllZeroParentIdMeansNoParent()
    {
        Assert.Null(SpanIds.NormalizeParentId("0000000000000000"));
        Assert.Equal("00000000000000ab", SpanIds.NormalizeParentId("ab"));
    }

    [Fact]
    public void HexFormsOfNumbers()
    {
        Assert.Equal("000000000000000a", SpanIds.ToHex(10));
        Assert.Equal("000000000000000a", SpanIds.ToHex(0, 10));
        Assert.Equal("0000000000000001000000000000000a", SpanIds.ToHex(1, 10));
        Assert.Equal(0xabUL, SpanIds.ParseHex("00000000000000ab"));
    }
}
