namespace Tracery.Storage.Tests;

/// <summary>The storage switches: Zipkin's defaults, and a clear error for each bad value.</summary>
public sealed class StorageOptionsTests
{
    [Fact]
    public void Defaults_AreZipkins()
    {
        var options = new StorageOptions();
        Assert.True(options.StrictTraceId);
        Assert.True(options.SearchEnabled);
        Assert.Empty(options.AutocompleteKeys);
        Assert.Equal(500_000, options.MaxSpanCount);
    }

    [Fact]
    public void Validate_RejectsNonPositiveMaxSpanCount() =>
        Assert.Equal("max span count must be positive, was -1",
            Assert.Throws<ArgumentException>(() => new StorageOptions { MaxSpanCount = -1 }.Validate()).Message);

    [Fact]
    public void Validate_RejectsBlankAutocompleteKey() =>
        Assert.Equal("autocomplete keys must not be empty",
            Assert.Throws<ArgumentException>(() => new StorageOptions { AutocompleteKeys = ["http.host", " "] }.Validate()).Message);

    [Theory]
    [InlineData("463ac35c9f6413ad48485a3953bb6124", "48485a3953bb6124")]
    [InlineData("48485a3953bb6124", "48485a3953bb6124")]
    public void TraceIds_LowBits(string traceId, string low) => Assert.Equal(low, TraceIds.LowBits(traceId));

    [Theory]
    [InlineData("abc", "0000000000000abc")]
    [InlineData("00000000000000000000000000000abc", "0000000000000abc")]
    [InlineData("1000000000000000000000000000abc", "01000000000000000000000000000abc")]
    [InlineData(" 48485a3953bb6124 ", "48485a3953bb6124")]
    public void TraceIds_Normalize(string traceId, string normalized) => Assert.Equal(normalized, TraceIds.Normalize(traceId));

    [Fact]
    public void TraceIds_Normalize_RejectsMalformed() =>
        Assert.Throws<ArgumentException>(() => TraceIds.Normalize("not-hex"));
}
