namespace Tracery.Server.Tests.Collector;

using System.Net.Http.Headers;
using Tracery.Server.Tests.Hosting;
using Tracery.Tracing.Codec;

/// <summary>Every real trace in tests/fixtures/zipkin-lens, posted and read back equal after normalisation.</summary>
public sealed class FixtureRoundTripTests
{
    private static readonly string Directory = Path.Combine(AppContext.BaseDirectory, "Fixtures", "zipkin-lens");

    public static TheoryData<string> Names()
    {
        var names = new TheoryData<string>();
        foreach (var file in System.IO.Directory.GetFiles(Directory, "*.json").Order(StringComparer.Ordinal))
        {
            names.Add(Path.GetFileName(file));
        }
        return names;
    }

    [Theory]
    [MemberData(nameof(Names))]
    public async Task FixtureIsReadBackEqual(string name)
    {
        var bytes = await File.ReadAllBytesAsync(Path.Combine(Directory, name));
        var expected = SpanBytesDecoder.DecodeList(bytes, SpanEncoding.JsonV2);
        await using var server = await TestServers.StartAsync();
        using var client = server.Client();
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        using var response = await client.PostAsync("/api/v2/spans", content);

        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        foreach (var trace in expected.GroupBy(s => s.TraceId))
        {
            await SampleSpans.StoredAsync(client, trace.Key);
            var stored = SpanBytesDecoder.DecodeList(await client.GetByteArrayAsync($"/api/v2/trace/{trace.Key}"), SpanEncoding.JsonV2);
            Assert.Equal(trace.ToHashSet(), stored.ToHashSet());
        }
    }
}
