namespace Tracery.Tracing.Context;

using System.Globalization;

/// <summary>The <c>l5d-sample</c> request header: a sample rate that overrides the router's decision for one request.</summary>
public static class L5dSample
{
    public const string HeaderName = "l5d-sample";

    /// <summary>Parses a float and clamps it to [0, 1], as Linkerd does; false for text that is not a number.</summary>
    public static bool TryParse(ReadOnlySpan<char> value, out double rate)
    {
        if (!double.TryParse(value.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out rate) || double.IsNaN(rate))
        {
            rate = 0;
            return false;
        }

        rate = Math.Clamp(rate, 0.0, 1.0);
        return true;
    }
}
