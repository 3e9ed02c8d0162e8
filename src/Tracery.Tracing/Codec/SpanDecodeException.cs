namespace Tracery.Tracing.Codec;

/// <summary>Bad input to a decoder; <see cref="Exception.Message"/> is what the collector answers with its 400.</summary>
public sealed class SpanDecodeException(string message, Exception? inner = null) : Exception(message, inner);
