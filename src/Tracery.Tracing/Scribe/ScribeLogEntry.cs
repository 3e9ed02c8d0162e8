namespace Tracery.Tracing.Scribe;

/// <summary>
/// One Scribe <c>LogEntry</c>: a category (Zipkin listens to <c>zipkin</c>) and a message, which for Zipkin is one
/// base64-encoded v1 Thrift span.
/// </summary>
public sealed record ScribeLogEntry(string Category, string Message);
