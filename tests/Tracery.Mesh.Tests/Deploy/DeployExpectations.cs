namespace Tracery.Mesh.Tests.Deploy;

/// <summary>What the manifests promise the docs and the Dockerfile: the image name, the sidecars they may use.</summary>
internal static class DeployExpectations
{
    /// <summary>The one image `docker build -t tracery .` makes; `:latest` with IfNotPresent runs a kind/minikube-loaded image.</summary>
    public const string TraceryImage = "tracery:latest";

    /// <summary>The tutorial's own helper images: the kubectl proxy sidecar and the DNS check pod.</summary>
    public static readonly string[] TutorialImages = ["buoyantio/kubectl:v1.14.3", "tutum/dnsutils:latest"];
}
