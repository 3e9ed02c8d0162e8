namespace Tracery.Mesh.Balancing;

/// <summary><c>failureAccrual.kind: none</c>: endpoints stay in the balancer whatever happens.</summary>
public sealed class NoFailureAccrual : IFailureAccrual
{
    public static readonly NoFailureAccrual Instance = new();

    public bool IsAvailable(DateTimeOffset now) => true;

    public void RecordSuccess(DateTimeOffset now)
    {
    }

    public void RecordFailure(DateTimeOffset now)
    {
    }

    public string State(DateTimeOffset now) => "alive";
}
