namespace Tracery.Tracing.Tests.Codec;

using Tracery.Tracing.Model;

/// <summary>Spans modelled on Zipkin's TestObjects: a client span with every field, and a local span.</summary>
internal static class TestSpans
{
    public static readonly Endpoint Frontend = new("frontend", "172.17.0.13", null, 0);
    public static readonly Endpoint Backend = new("backend", "192.168.99.101", null, 9000);

    public static readonly Span Client = new SpanBuilder()
        .TraceId("7180c278b62e8f6a216a2aea45d08fc9").ParentId("6b221d5bc9e6496c").Id("5b4185666d50f68b")
        .Name("get").Kind(SpanKind.Client).LocalEndpoint(Frontend).RemoteEndpoint(Backend)
        .Timestamp(1472470996199000).Duration(207000)
        .AddAnnotation(1472470996238000, "foo").AddAnnotation(1472470996403000, "bar")
        .PutTag("clnt/finagle.version", "6.45.0").PutTag("http.path", "/api")
        .Build();

    public static readonly Span Local = new SpanBuilder()
        .TraceId("7180c278b62e8f6a216a2aea45d08fc9").Id("8b221d5bc9e6496c").Name("encode")
        .LocalEndpoint(Frontend).Timestamp(1472470996199000).Duration(207000).Debug(true)
        .Build();

    public static readonly Span Utf8 = new SpanBuilder()
        .TraceId("1").Id("2").Name("\"téstï\"\n\t\\ 中文").LocalEndpoint(new Endpoint("fe", null, "2001:db8::c001", 443))
        .PutTag("中文", "\u2028 \u0001 ☃").Kind(SpanKind.Server).Shared(true)
        .Build();

    public static readonly Span[] All = [Client, Local, Utf8];
}
