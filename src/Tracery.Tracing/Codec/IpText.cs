namespace Tracery.Tracing.Codec;

using Tracery.Tracing.Model;

/// <summary>The outcome of parsing one IP text: at most one of the two is set.</summary>
internal sealed record IpText(string? Ipv4, string? Ipv6)
{
    public static IpText Parse(string text)
    {
        IpAddressText.Parse(text, out var v4, out var v6);
        return new IpText(v4, v6);
    }
}
