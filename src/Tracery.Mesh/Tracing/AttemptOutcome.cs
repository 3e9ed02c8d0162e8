namespace Tracery.Mesh.Tracing;

/// <summary>How the response classifier judged one attempt (Linkerd's <c>ClassifiedTracing</c>).</summary>
public enum AttemptOutcome
{
    /// <summary>Recorded as the binary annotation <c>l5d.success</c> = 1.0.</summary>
    Success,

    /// <summary>Recorded as the annotation <c>l5d.retryable</c>.</summary>
    RetryableFailure,

    /// <summary>Recorded as the annotation <c>l5d.failure</c>.</summary>
    Failure,
}
