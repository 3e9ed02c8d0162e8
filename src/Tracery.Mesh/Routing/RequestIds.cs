namespace Tracery.Mesh.Routing;

/// <summary>Values for <c>l5d-reqid</c>: 64-bit random hex, the shape of a Finagle trace id (which is what Linkerd sends).</summary>
public static class RequestIds
{
    public static string Next() => ((ulong)Random.Shared.NextInt64(long.MinValue, long.MaxValue)).ToString("x16");
}
