namespace Tracery.Mesh.Tracing;

/// <summary>A router's <c>tracePropagator</c> kind.</summary>
public enum TracePropagation
{
    /// <summary><c>io.l5d.default</c>: <c>l5d-ctx-trace</c>, <c>l5d-reqid</c> and <c>l5d-sample</c>; B3 headers pass through untouched.</summary>
    Linkerd,

    /// <summary><c>io.l5d.zipkin</c>: B3, multi-header and single <c>b3</c>; <c>l5d-ctx-trace</c> and <c>l5d-sample</c> are dropped.</summary>
    Zipkin,
}
