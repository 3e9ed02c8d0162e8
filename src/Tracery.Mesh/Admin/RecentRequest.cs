namespace Tracery.Mesh.Admin;

/// <summary>One line of the <c>io.l5d.recentRequests</c> table.</summary>
public sealed record RecentRequest(
    DateTimeOffset Timestamp,
    string Router,
    string Method,
    string Uri,
    string? Service,
    string? Client,
    int? Status,
    double LatencyMs);
