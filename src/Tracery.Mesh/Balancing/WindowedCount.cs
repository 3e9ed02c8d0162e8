namespace Tracery.Mesh.Balancing;

/// <summary>
/// Events in the last window, in five slices (Finagle's <c>WindowedAdder</c>): a slice older than the window is
/// forgotten as time moves on. Not thread-safe; the owner locks.
/// </summary>
public sealed class WindowedCount(TimeSpan window)
{
    private const int Slices = 5;
    private readonly long[] _counts = new long[Slices];
    private readonly long _sliceTicks = Math.Max(1, window.Ticks / Slices);
    private long _currentSlice = long.MinValue;

    public void Add(DateTimeOffset now)
    {
        Advance(now);
        _counts[Index(_currentSlice)]++;
    }

    public long Sum(DateTimeOffset now)
    {
        Advance(now);
        return _counts.Sum();
    }

    public void Reset()
    {
        Array.Clear(_counts);
        _currentSlice = long.MinValue;
    }

    private void Advance(DateTimeOffset now)
    {
        var slice = now.UtcTicks / _sliceTicks;
        if (_currentSlice == long.MinValue || slice - _currentSlice >= Slices)
        {
            Array.Clear(_counts);
        }
        else
        {
            for (var s = _currentSlice + 1; s <= slice; s++)
            {
                _counts[Index(s)] = 0;
            }
        }
        _currentSlice = Math.Max(slice, _currentSlice);
    }

    private static int Index(long slice) => (int)(slice % Slices);
}
