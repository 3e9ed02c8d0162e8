namespace Tracery.Mesh.Metrics;

/// <summary>A monotonically increasing count, such as <c>requests</c> or <c>failures</c>.</summary>
public sealed class Counter
{
    private long _value;

    public long Value => Interlocked.Read(ref _value);

    public void Increment() => Interlocked.Increment(ref _value);

    public void Add(long delta) => Interlocked.Add(ref _value, delta);
}
