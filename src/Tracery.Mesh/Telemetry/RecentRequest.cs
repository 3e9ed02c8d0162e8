namespace Tracery.Mesh.Telemetry;

/// <summary>
/// One sampled request as the admin <c>/requests</c> page lists it (the <c>io.l5d.recentRequests</c> telemeter).
/// </summary>
/// <param name="Source">The caller's <c>ip:port</c>.</param>
/// <param name="LogicalName">The destination path, e.g. <c>/svc/hello</c>, once identified.</param>
/// <param name="ConcreteName">The bound id, e.g. <c>/#/io.l5d.fs/hello</c>, once bound.</param>
/// <param name="StatusCode">The status sent to the caller, or null when the request ended abnormally.</param>
public sealed record RecentRequest(
    DateTimeOffset Timestamp,
    string TraceId,
    string Router,
    string? Source,
    string Method,
    string Uri,
    string? LogicalName,
    string? ConcreteName,
    int? StatusCode,
    TimeSpan Duration);
