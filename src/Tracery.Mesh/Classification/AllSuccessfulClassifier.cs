namespace Tracery.Mesh.Classification;

/// <summary><c>io.l5d.http.allSuccessful</c>: every response is a success; only attempts with no response fail.</summary>
public sealed class AllSuccessfulClassifier : IResponseClassifier
{
    public static readonly AllSuccessfulClassifier Instance = new();

    public ResponseClass Classify(string method, AttemptOutcome outcome) => outcome.Failure switch
    {
        AttemptFailure.None => ResponseClass.Success,
        AttemptFailure.ConnectionFailed => ResponseClass.RetryableFailure,
        _ => ResponseClass.Failure,
    };
}
