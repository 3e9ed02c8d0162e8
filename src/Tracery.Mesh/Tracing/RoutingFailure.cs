namespace Tracery.Mesh.Tracing;

/// <summary>Where routing failed, recorded on the SERVER span as <c>io.buoyant.router.Failure</c>.</summary>
public enum RoutingFailure
{
    /// <summary>The request could not be identified (Linkerd's 400).</summary>
    Identification,

    /// <summary>No client could be had for the destination: no route, no endpoints.</summary>
    ClientAcquisition,

    /// <summary>The client failed: connection refused, timeout.</summary>
    Service,
}
