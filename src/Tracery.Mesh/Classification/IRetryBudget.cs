namespace Tracery.Mesh.Classification;

/// <summary>Limits retries to a share of requests so that retries cannot multiply an outage (Finagle's <c>RetryBudget</c>).</summary>
public interface IRetryBudget
{
    /// <summary>Counts one request toward the budget.</summary>
    void Deposit();

    /// <summary>Takes one retry from the budget; false when it is spent.</summary>
    bool TryWithdraw();
}
