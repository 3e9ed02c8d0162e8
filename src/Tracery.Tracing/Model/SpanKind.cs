namespace Tracery.Tracing.Model;

/// <summary>The role of a span in an RPC or messaging exchange; <see cref="Unspecified"/> is Zipkin's absent kind.</summary>
public enum SpanKind
{
    Unspecified = 0,
    Client,
    Server,
    Producer,
    Consumer,
}
