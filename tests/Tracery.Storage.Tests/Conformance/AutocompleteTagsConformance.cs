namespace Tracery.Storage.Tests.Conformance;

using static TestObjects;

/// <summary>Zipkin's ITAutocompleteTags (§4.5), with autocomplete keys = [http.host].</summary>
public abstract class AutocompleteTagsConformance : StoreConformance
{
    protected override StorageOptions Options => new() { AutocompleteKeys = ["http.host"] };

    [Fact]
    public async Task Ignores_When_Key_Not_In_AutocompleteTags()
    {
        await AcceptAsync(NewClientSpan(TestSuffix) with { Tags = Tags(("http.method", "GET")) });

        Assert.DoesNotContain("http.method", await Store.GetAutocompleteKeysAsync());
        Assert.Empty(await Store.GetAutocompleteValuesAsync("http.method"));
    }

    [Fact]
    public async Task GetTagsAndValues()
    {
        var span = NewClientSpan(TestSuffix) with { Tags = Tags(("http.method", "GET"), ("http.host", "host1")) };
        await AcceptAsync(span, span with { Id = Id(77), Tags = Tags(("http.host", "host1"), ("environment", "test")) });

        Assert.Single(await Store.GetAutocompleteKeysAsync(), "http.host");
        Assert.Single(await Store.GetAutocompleteValuesAsync("http.host"), "host1");
    }

    [Fact]
    public async Task GetAutocompleteValues_EmptyKeyIsAnError()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(async () => await Store.GetAutocompleteValuesAsync(""));
        Assert.Equal("key was empty", error.Message);
    }
}
