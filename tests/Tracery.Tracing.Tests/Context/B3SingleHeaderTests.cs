namespace Tracery.Tracing.Tests.Context;

using Tracery.Tracing.Context;

public sealed class B3SingleHeaderTests
{
    [Fact]
    public void ParsesAllFourFields()
    {
        Assert.True(B3SingleHeader.TryParse("80f198ee56343ba864fe8b2a57d3eff7-e457b5a2e4d86bd1-1-05e3ac9a4f6e3b90", out var context));

        Assert.Equal("80f198ee56343ba864fe8b2a57d3eff7", context.TraceIdHex);
        Assert.Equal(0xe457b5a2e4d86bd1UL, context.SpanId);
        Assert.Equal(0x05e3ac9a4f6e3b90UL, context.ParentId);
        Assert.True(context.Sampled);
        Assert.True(context.HasIds);
    }

    [Fact]
    public void ParsesIdsWithoutSamplingOrParent()
    {
        Assert.True(B3SingleHeader.TryParse("64fe8b2a57d3eff7-e457b5a2e4d86bd1", out var context));

        Assert.Equal(0x64fe8b2a57d3eff7UL, context.TraceId);
        Assert.Null(context.Sampled);
        Assert.Equal(0UL, context.ParentId);
    }

    [Theory]
    [InlineData("0", false, false)]
    [InlineData("1", true, false)]
    [InlineData("d", true, true)]
    public void ParsesASamplingStateAlone(string value, bool sampled, bool debug)
    {
        Assert.True(B3SingleHeader.TryParse(value, out var context));

        Assert.False(context.HasIds);
        Assert.Equal(sampled, context.Sampled);
        Assert.Equal(debug, context.Debug);
    }

    [Theory]
    [InlineData("")]
    [InlineData("x")]
    [InlineData("64fe8b2a57d3eff7")]
    [InlineData("64fe8b2a57d3eff7-")]
    [InlineData("64fe8b2a57d3eff7-e457b5a2e4d86bd")]
    [InlineData("64fe8b2a57d3eff-e457b5a2e4d86bd1")]
    [InlineData("zzfe8b2a57d3eff7-e457b5a2e4d86bd1")]
    [InlineData("64fe8b2a57d3eff7-e457b5a2e4d86bd1-2")]
    [InlineData("64fe8b2a57d3eff7-e457b5a2e4d86bd1-1-05e3ac9a")]
    [InlineData("64fe8b2a57d3eff7-e457b5a2e4d86bd1-1-05e3ac9a4f6e3b90-extra")]
    public void RejectsMalformedValues(string value)
    {
        Assert.False(B3SingleHeader.TryParse(value, out _));
    }

    [Fact]
    public void FormatsWhatItParses()
    {
        const string text = "80f198ee56343ba864fe8b2a57d3eff7-e457b5a2e4d86bd1-d-05e3ac9a4f6e3b90";

        Assert.True(B3SingleHeader.TryParse(text, out var context));

        Assert.Equal(text, B3SingleHeader.Format(context));
    }
}
