namespace Tracery.Mesh.Telemetry;

/// <summary>The <c>io.l5d.recentRequests</c> telemeter: the last <paramref name="Capacity"/> sampled requests, for the admin <c>/requests</c> page.</summary>
public sealed record RecentRequestsOptions(double SampleRate, int Capacity = 10) : TelemeterOptions(SampleRate);
