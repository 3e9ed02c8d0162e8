namespace Tracery.Mesh.Classification;

/// <summary>
/// Linkerd's <c>backoff.kind: jittered</c>: the ceiling doubles from <c>minMs</c> with each attempt up to
/// <c>maxMs</c>, and the delay is drawn uniformly between the minimum and that ceiling, so that many
/// clients backing off together spread out instead of retrying in lockstep.
/// </summary>
public sealed class JitteredBackoff : IBackoff
{
    private readonly TimeSpan _min;
    private readonly TimeSpan _max;
    private readonly Func<double> _random;

    public JitteredBackoff(TimeSpan min, TimeSpan max, Func<double>? random = null)
    {
        if (min < TimeSpan.Zero || max < min)
        {
            throw new ArgumentException($"jittered backoff needs 0 <= minMs <= maxMs, got {min.TotalMilliseconds} and {max.TotalMilliseconds}");
        }
        _min = min;
        _max = max;
        _random = random ?? Random.Shared.NextDouble;
    }

    public TimeSpan Delay(int attempt)
    {
        var ceiling = _min.TotalMilliseconds * Math.Pow(2, Math.Clamp(attempt - 1, 0, 30));
        var high = Math.Min(_max.TotalMilliseconds, Math.Max(ceiling, _min.TotalMilliseconds));
        var ms = _min.TotalMilliseconds + (_random() * (high - _min.TotalMilliseconds));
        return TimeSpan.FromMilliseconds(ms);
    }
}
