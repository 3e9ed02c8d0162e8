namespace Tracery.Mesh.Balancing;

/// <summary>
/// Decides when one endpoint is taken out of the balancer after failures, and when it is probed again
/// (Finagle's <c>FailureAccrualFactory</c>). One instance per endpoint.
/// </summary>
public interface IFailureAccrual
{
    bool IsAvailable(DateTimeOffset now);

    void RecordSuccess(DateTimeOffset now);

    void RecordFailure(DateTimeOffset now);

    /// <summary><c>alive</c>, <c>dead</c> or <c>probing</c>, for /client_state.json.</summary>
    string State(DateTimeOffset now);
}
