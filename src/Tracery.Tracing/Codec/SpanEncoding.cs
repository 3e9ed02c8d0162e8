namespace Tracery.Tracing.Codec;

/// <summary>The wire formats Zipkin collectors accept.</summary>
public enum SpanEncoding
{
    JsonV2,
    JsonV1,
    Proto3,
    ThriftV1,
}
