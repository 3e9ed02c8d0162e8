namespace Tracery.Mesh.Classification;

/// <summary>Decides whether an attempt succeeded and whether it may be retried (Linkerd's <c>responseClassifier</c>).</summary>
public interface IResponseClassifier
{
    ResponseClass Classify(string method, AttemptOutcome outcome);
}
