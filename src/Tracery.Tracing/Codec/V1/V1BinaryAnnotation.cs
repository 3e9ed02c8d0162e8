namespace Tracery.Tracing.Codec.V1;

using Tracery.Tracing.Model;

/// <summary>
/// A v1 binary annotation as Zipkin keeps it: a tag when <paramref name="StringValue"/> is set, else an address
/// annotation (<c>ca</c>, <c>sa</c>, <c>ma</c>) whose endpoint is the remote side.
/// </summary>
internal sealed record V1BinaryAnnotation(string Key, string? StringValue, Endpoint? Endpoint);
