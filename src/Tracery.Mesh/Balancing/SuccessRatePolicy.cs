namespace Tracery.Mesh.Balancing;

/// <summary>
/// A success-rate failure accrual: <c>io.l5d.successRate</c> over <see cref="Requests"/> requests, or
/// <c>io.l5d.successRateWindowed</c> over the time <see cref="Window"/> (exactly one of the two is set).
/// </summary>
public sealed record SuccessRatePolicy(double SuccessRate, int? Requests, TimeSpan? Window);
