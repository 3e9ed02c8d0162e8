namespace Tracery.Tracing.Codec.V1;

using Tracery.Tracing.Model;

/// <summary>A v1 annotation: unlike v2, each event names the endpoint that logged it.</summary>
internal sealed record V1Annotation(long Timestamp, string Value, Endpoint? Endpoint);
