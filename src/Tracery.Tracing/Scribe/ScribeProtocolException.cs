namespace Tracery.Tracing.Scribe;

/// <summary>Bytes that are not a Scribe call or reply; the message says what was wrong, for logs and metrics.</summary>
public sealed class ScribeProtocolException(string message, Exception? inner = null) : Exception(message, inner);
