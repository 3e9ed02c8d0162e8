namespace Tracery.Server.Collector;

/// <summary>A request body, raw or gunzipped, is over the collector's limit; answered with 413.</summary>
public sealed class BodyTooLargeException(int limit)
    : Exception($"Request body is larger than the limit of {limit} bytes");
