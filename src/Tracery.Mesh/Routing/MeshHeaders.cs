namespace Tracery.Mesh.Routing;

/// <summary>The Linkerd headers the router reads and writes (§4.12).</summary>
public static class MeshHeaders
{
    public const string Err = "l5d-err";
    public const string Retryable = "l5d-retryable";
    public const string SuccessClass = "l5d-success-class";
    public const string DstService = "l5d-dst-service";
    public const string DstClient = "l5d-dst-client";
    public const string DstResidual = "l5d-dst-residual";
    public const string RequestId = "l5d-reqid";
    public const string Dtab = "l5d-dtab";
    public const string CtxDtab = "l5d-ctx-dtab";
}
