namespace Tracery.Mesh.Telemetry;

/// <summary>
/// The <c>io.l5d.recentRequests</c> telemeter. Its log lives with the admin server; its rate counts toward the
/// sampling decision like any tracing telemeter's, because the log is fed sampled requests.
/// </summary>
public sealed record RecentRequestsOptions(double SampleRate, int Capacity = 10) : TelemeterOptions(SampleRate);
