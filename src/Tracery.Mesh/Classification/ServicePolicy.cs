namespace Tracery.Mesh.Classification;

/// <summary>
/// The runtime form of a router's <c>service</c> block for one destination path: how responses are classified,
/// the overall deadline including retries, and the retry budget and backoff. Null <see cref="TotalTimeout"/>
/// means no deadline.
/// </summary>
public sealed record ServicePolicy(
    IResponseClassifier Classifier,
    TimeSpan? TotalTimeout,
    RetryBudgetOptions RetryBudget,
    IBackoff RetryBackoff)
{
    public static readonly ServicePolicy Default = new(Http5xxClassifier.NonRetryable, null, new RetryBudgetOptions(), ConstantBackoff.Zero);
}
