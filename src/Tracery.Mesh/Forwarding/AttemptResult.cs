namespace Tracery.Mesh.Forwarding;

using Tracery.Mesh.Classification;

/// <summary>How one forwarding attempt ended; <paramref name="Detail"/> says why it failed, if it did.</summary>
internal readonly record struct AttemptResult(AttemptOutcome Outcome, ResponseClass Class, bool Discarded, string? Detail);
