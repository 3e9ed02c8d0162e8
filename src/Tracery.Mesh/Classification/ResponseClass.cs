namespace Tracery.Mesh.Classification;

/// <summary>What a classifier made of one attempt (Finagle's <c>ResponseClass</c>).</summary>
public enum ResponseClass
{
    Success,
    Failure,
    RetryableFailure,
}
