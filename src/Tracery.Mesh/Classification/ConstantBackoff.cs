namespace Tracery.Mesh.Classification;

/// <summary>Linkerd's <c>backoff.kind: constant</c> (<c>ms</c>, default 0).</summary>
public sealed class ConstantBackoff(TimeSpan delay) : IBackoff
{
    public static readonly ConstantBackoff Zero = new(TimeSpan.Zero);

    public TimeSpan Delay(int attempt) => delay;
}
