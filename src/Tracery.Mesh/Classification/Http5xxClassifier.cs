namespace Tracery.Mesh.Classification;

/// <summary>
/// The <c>io.l5d.http.*5XX</c> family: 5xx responses and failures are failures, retryable when the request
/// method is in <paramref name="retryableMethods"/> (empty for <c>nonRetryable5XX</c>). Two rules hold for
/// every member, as in Linkerd: an upstream's <c>l5d-retryable: true</c> makes a failure retryable, and a
/// connection that never opened is always retryable because the upstream saw nothing (Finagle's requeue).
/// </summary>
public sealed class Http5xxClassifier(IReadOnlySet<string> retryableMethods) : IResponseClassifier
{
    public static readonly Http5xxClassifier NonRetryable = new(new HashSet<string>());

    public static readonly Http5xxClassifier RetryableRead = new(Methods("GET", "HEAD", "OPTIONS", "TRACE"));

    public static readonly Http5xxClassifier RetryableIdempotent = new(Methods("GET", "HEAD", "OPTIONS", "TRACE", "PUT", "DELETE"));

    public static readonly Http5xxClassifier RetryableAll = new(Methods("GET", "HEAD", "OPTIONS", "TRACE", "PUT", "DELETE", "POST", "PATCH"));

    public ResponseClass Classify(string method, AttemptOutcome outcome)
    {
        var failed = outcome switch
        {
            { Failure: not AttemptFailure.None } => true,
            { SuccessClass: double fraction } => fraction <= 0,
            { Status: int status } => status >= 500,
            _ => true,
        };
        if (!failed)
        {
            return ResponseClass.Success;
        }
        var retryable = outcome.MarkedRetryable
            || outcome.Failure == AttemptFailure.ConnectionFailed
            || (outcome.SuccessClass is null && retryableMethods.Contains(method));
        return retryable ? ResponseClass.RetryableFailure : ResponseClass.Failure;
    }

    private static HashSet<string> Methods(params string[] methods) => new(methods, StringComparer.OrdinalIgnoreCase);
}
