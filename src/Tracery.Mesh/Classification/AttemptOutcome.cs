namespace Tracery.Mesh.Classification;

/// <summary>Why an attempt produced no response.</summary>
public enum AttemptFailure
{
    None,
    ConnectionFailed,
    Timeout,
    Other,
}

/// <summary>
/// What came back from one forwarding attempt: a status, or a failure. <paramref name="MarkedRetryable"/> is the
/// upstream's <c>l5d-retryable: true</c>; <paramref name="SuccessClass"/> an upstream Linkerd's <c>l5d-success-class</c>.
/// </summary>
public readonly record struct AttemptOutcome(int? Status, AttemptFailure Failure, bool MarkedRetryable = false, double? SuccessClass = null)
{
    public static AttemptOutcome Response(int status, bool markedRetryable = false, double? successClass = null) =>
        new(status, AttemptFailure.None, markedRetryable, successClass);

    public static AttemptOutcome Failed(AttemptFailure failure) => new(null, failure);
}
