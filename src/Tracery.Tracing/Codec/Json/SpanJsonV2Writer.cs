namespace Tracery.Tracing.Codec.Json;

using System.Text.Encodings.Web;
using System.Text.Json;
using Tracery.Tracing.Model;

/// <summary>
/// Writes spans as Zipkin v2 JSON with Zipkin's field order (<c>V2SpanWriter</c>): absent and zero fields are
/// omitted, <c>debug</c>/<c>shared</c> only when true, tags in key order, non-ASCII text as UTF-8.
/// </summary>
public static class SpanJsonV2Writer
{
    /// <summary>Options that write non-ASCII as UTF-8 as Zipkin does, rather than as \u escapes.</summary>
    public static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };

    static readonly JsonEncodedText TraceId = JsonEncodedText.Encode("traceId");
    static readonly JsonEncodedText ParentId = JsonEncodedText.Encode("parentId");
    static readonly JsonEncodedText Id = JsonEncodedText.Encode("id");
    static readonly JsonEncodedText Kind = JsonEncodedText.Encode("kind");
    static readonly JsonEncodedText Name = JsonEncodedText.Encode("name");
    static readonly JsonEncodedText Timestamp = JsonEncodedText.Encode("timestamp");
    static readonly JsonEncodedText Duration = JsonEncodedText.Encode("duration");
    static readonly JsonEncodedText LocalEndpoint = JsonEncodedText.Encode("localEndpoint");
    static readonly JsonEncodedText RemoteEndpoint = JsonEncodedText.Encode("remoteEndpoint");
    static readonly JsonEncodedText Annotations = JsonEncodedText.Encode("annotations");
    static readonly JsonEncodedText Value = JsonEncodedText.Encode("value");
    static readonly JsonEncodedText Tags = JsonEncodedText.Encode("tags");
    static readonly JsonEncodedText Debug = JsonEncodedText.Encode("debug");
    static readonly JsonEncodedText Shared = JsonEncodedText.Encode("shared");
    static readonly JsonEncodedText ServiceName = JsonEncodedText.Encode("serviceName");
    static readonly JsonEncodedText Ipv4 = JsonEncodedText.Encode("ipv4");
    static readonly JsonEncodedText Ipv6 = JsonEncodedText.Encode("ipv6");
    static readonly JsonEncodedText Port = JsonEncodedText.Encode("port");
    static readonly JsonEncodedText[] Kinds =
        [default, JsonEncodedText.Encode("CLIENT"), JsonEncodedText.Encode("SERVER"), JsonEncodedText.Encode("PRODUCER"), JsonEncodedText.Encode("CONSUMER")];

    public static void Write(Utf8JsonWriter writer, Span span)
    {
        writer.WriteStartObject();
        writer.WriteString(TraceId, span.TraceId);
        if (span.ParentId is not null) writer.WriteString(ParentId, span.ParentId);
        writer.WriteString(Id, span.Id);
        if (span.Kind != SpanKind.Unspecified) writer.WriteString(Kind, Kinds[(int)span.Kind]);
        if (span.Name is not null) writer.WriteString(Name, span.Name);
        if (span.Timestamp > 0) writer.WriteNumber(Timestamp, span.Timestamp);
        if (span.Duration > 0) writer.WriteNumber(Duration, span.Duration);
        if (span.LocalEndpoint is { IsEmpty: false } local) WriteEndpoint(writer, LocalEndpoint, local);
        if (span.RemoteEndpoint is { IsEmpty: false } remote) WriteEndpoint(writer, RemoteEndpoint, remote);
        if (span.Annotations.Count > 0) WriteAnnotations(writer, span.Annotations);
        if (span.Tags.Count > 0) WriteTags(writer, span.Tags);
        if (span.Debug) writer.WriteBoolean(Debug, true);
        if (span.Shared) writer.WriteBoolean(Shared, true);
        writer.WriteEndObject();
    }

    /// <summary>An endpoint as a JSON object (for the query API's service graph and the span writer).</summary>
    public static void WriteEndpoint(Utf8JsonWriter writer, Endpoint endpoint)
    {
        writer.WriteStartObject();
        if (endpoint.ServiceName is not null) writer.WriteString(ServiceName, endpoint.ServiceName);
        if (endpoint.Ipv4 is not null) writer.WriteString(Ipv4, endpoint.Ipv4);
        if (endpoint.Ipv6 is not null) writer.WriteString(Ipv6, endpoint.Ipv6);
        if (endpoint.Port > 0) writer.WriteNumber(Port, endpoint.Port);
        writer.WriteEndObject();
    }

    static void WriteEndpoint(Utf8JsonWriter writer, JsonEncodedText name, Endpoint endpoint)
    {
        writer.WritePropertyName(name);
        WriteEndpoint(writer, endpoint);
    }

    static void WriteAnnotations(Utf8JsonWriter writer, IReadOnlyList<Annotation> annotations)
    {
        writer.WriteStartArray(Annotations);
        for (var i = 0; i < annotations.Count; i++)
        {
            writer.WriteStartObject();
            writer.WriteNumber(Timestamp, annotations[i].Timestamp);
            writer.WriteString(Value, annotations[i].Value);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }

    static void WriteTags(Utf8JsonWriter writer, IReadOnlyDictionary<string, string> tags)
    {
        writer.WriteStartObject(Tags);
        if (tags is TagMap sorted)
        {
            for (var i = 0; i < sorted.Count; i++) writer.WriteString(sorted.KeyAt(i), sorted.ValueAt(i));
        }
        else
        {
            foreach (var (key, value) in tags.OrderBy(t => t.Key, StringComparer.Ordinal)) writer.WriteString(key, value);
        }
        writer.WriteEndObject();
    }
}
