namespace Tracery.Mesh.Classification;

/// <summary>Linkerd's <c>retries.budget</c>: retries may add <see cref="PercentCanRetry"/> of the traffic seen over
/// <see cref="TtlSecs"/>, plus a floor of <see cref="MinRetriesPerSec"/> so quiet services can still retry.</summary>
public sealed record RetryBudgetOptions(double PercentCanRetry = 0.2, int MinRetriesPerSec = 10, int TtlSecs = 10);
