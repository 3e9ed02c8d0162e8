namespace HelloWorld;

using System.Net;

/// <summary>
/// How one sample app starts, like the flags of the tutorial's Go app (<c>-addr -text -target
/// -latency -failure-rate</c>). Immutable: what changes at run time lives in <see cref="SampleBehaviour"/>.
/// </summary>
public sealed record SampleOptions
{
    /// <summary>The word the app answers with (hello's "Hello", world's <c>TARGET_WORLD</c>).</summary>
    public required string Text { get; init; }

    /// <summary>The host to call before answering (hello calls "world"); null calls nobody.</summary>
    public string? Target { get; init; }

    /// <summary>Shown in the answer as <c>(POD_IP)</c>; on Kubernetes it is the pod's address.</summary>
    public required string PodIp { get; init; }

    public IPAddress BindAddress { get; init; } = IPAddress.Any;

    /// <summary>0 lets the operating system pick a free port.</summary>
    public int Port { get; init; }

    /// <summary>The proxy that calls to <see cref="Target"/> go through (the node's mesh on 4140); null calls directly.</summary>
    public Uri? Proxy { get; init; }

    public TimeSpan Latency { get; init; }

    /// <summary>Fraction of requests, 0.0 to 1.0, answered with 500.</summary>
    public double FailureRate { get; init; }

    /// <summary>The hello app of the tutorial: answers "Hello (ip) " and world's answer.</summary>
    public static SampleOptions Hello(string podIp, Uri? proxy) =>
        new() { Text = "Hello", Target = "world", PodIp = podIp, Proxy = proxy, Port = 7777 };

    /// <summary>The world app of the tutorial: answers "world (ip)!".</summary>
    public static SampleOptions World(string podIp, string text = "world") =>
        new() { Text = text, PodIp = podIp, Port = 7778 };
}
