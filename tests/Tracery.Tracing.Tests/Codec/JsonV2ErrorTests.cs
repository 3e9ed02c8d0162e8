namespace Tracery.Tracing.Tests.Codec;

using System.Text;
using Tracery.Tracing.Codec;

/// <summary>Bad input and the exact message the collector answers with (Zipkin's SpanBytesDecoderTest).</summary>
public sealed class JsonV2ErrorTests
{
    [Theory]
    [InlineData("hello", "Malformed reading List<Span> from json")]
    [InlineData("""[{"traceId":"1","id":"2" """, "Malformed reading List<Span> from json")]
    [InlineData("""[{"traceId":"1","id":"2"}] x""", "Malformed reading List<Span> from json")]
    [InlineData("""[1]""", "Malformed reading List<Span> from json")]
    [InlineData("""{"traceId":"1","id":"2"}""", "Expected BEGIN_ARRAY but was BEGIN_OBJECT at path $ reading List<Span> from json")]
    [InlineData("""[{"traceId":"1","id":"2","tags":{"error":true}}]""", "Expected a string but was BOOLEAN at path $[0].tags.error reading List<Span> from json")]
    [InlineData("""[{"traceId":"1","id":"2","tags":{"foo":null}}]""", "No value at $[0].tags.foo reading List<Span> from json")]
    [InlineData("""[{"traceId":"1","id":"2","timestamp":"soon"}]""", "Expected a long but was STRING at path $[0].timestamp reading List<Span> from json")]
    [InlineData("""[{"traceId":"1","id":"2","debug":"yes"}]""", "Expected a boolean but was STRING at path $[0].debug reading List<Span> from json")]
    [InlineData("""[{"traceId":"1","id":"2","annotations":[{"timestamp":1}]}]""", "Incomplete annotation at $[0].annotations[0].timestamp reading List<Span> from json")]
    [InlineData("""[{"traceId":"1","id":"2","annotations":[{"timestamp":1,"value":null}]}]""", "Incomplete annotation at $[0].annotations[0].value reading List<Span> from json")]
    [InlineData("""[{"traceId":null,"id":"2"}]""", "Expected a string but was NULL at path $[0].traceId reading List<Span> from json")]
    [InlineData("""[{"traceId":"1"}]""", "Missing : id reading List<Span> from json")]
    [InlineData("""[{"traceId":"48485A3953BB6124","id":"2"}]""", "48485A3953BB6124 should be lower-hex encoded with no prefix reading List<Span> from json")]
    [InlineData("""[{"traceId":"1","id":"zz"}]""", "zz should be lower-hex encoded with no prefix reading List<Span> from json")]
    [InlineData("""[{"traceId":"0000000000000000","id":"2"}]""", "traceId is all zeros reading List<Span> from json")]
    [InlineData("""[{"traceId":"1","id":"0"}]""", "id is all zeros reading List<Span> from json")]
    [InlineData("""[{"traceId":"1","id":"2","kind":"SERVERS"}]""", "No enum constant zipkin2.Span.Kind.SERVERS reading List<Span> from json")]
    [InlineData("""[{"traceId":"1","id":"2","localEndpoint":{"serviceName":"a","port":65536}}]""", "invalid port 65536 reading List<Span> from json")]
    [InlineData("""[{"traceId":"1","id":"2","localEndpoint":{"port":true}}]""", "Expected a long but was BOOLEAN at path $[0].localEndpoint.port reading List<Span> from json")]
    [InlineData("""[{"traceId":"1","id":"2"},{"traceId":"1","id":"2","name":7}]""", "Expected a string but was NUMBER at path $[1].name reading List<Span> from json")]
    public void BadListsFailWithZipkinsMessage(string json, string message)
    {
        var error = Assert.Throws<SpanDecodeException>(() => SpanBytesDecoder.DecodeList(Encoding.UTF8.GetBytes(json), SpanEncoding.JsonV2));
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void OneSpanPathsHaveNoIndex()
    {
        var json = """{"traceId":"1","id":"2","tags":{"foo":null}}"""u8.ToArray();
        var error = Assert.Throws<SpanDecodeException>(() => SpanBytesDecoder.DecodeOne(json, SpanEncoding.JsonV2));
        Assert.Equal("No value at $.tags.foo reading Span from json", error.Message);
    }

    [Fact]
    public void AFailedListAddsNothing()
    {
        var into = new List<Tracery.Tracing.Model.Span>();
        var json = """[{"traceId":"1","id":"2"},{"traceId":"1","id":"0"}]"""u8.ToArray();
        Assert.Throws<SpanDecodeException>(() => SpanBytesDecoder.DecodeList(json, SpanEncoding.JsonV2, into));
        Assert.Empty(into);
    }
}
