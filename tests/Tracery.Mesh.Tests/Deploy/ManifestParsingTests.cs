namespace Tracery.Mesh.Tests.Deploy;

using k8s;

public sealed class ManifestParsingTests
{
    public static TheoryData<string> Files => [.. ManifestSet.Files];

    [Theory]
    [MemberData(nameof(Files))]
    public void EveryDocumentParsesWithKubernetesClientToATypedObject(string file)
    {
        var objects = ManifestSet.Load(file);

        Assert.NotEmpty(objects);
        Assert.All(objects, o => Assert.IsAssignableFrom<IKubernetesObject>(o));
    }

    [Fact]
    public void OnlyCurrentApiVersionsAreUsed()
    {
        var apiVersions = ManifestSet.All().Cast<IKubernetesObject>().Select(o => $"{o.ApiVersion} {o.Kind}").ToHashSet();

        Assert.Subset(
            new HashSet<string>
            {
                "v1 ConfigMap", "v1 Service", "v1 Pod", "v1 ServiceAccount", "apps/v1 Deployment", "apps/v1 DaemonSet",
                "rbac.authorization.k8s.io/v1 ClusterRole", "rbac.authorization.k8s.io/v1 ClusterRoleBinding",
            },
            apiVersions);
    }

    [Fact]
    public void EveryContainerHasResourceRequestsAndLimits()
    {
        foreach (var (owner, spec) in ManifestSet.PodSpecs())
        {
            foreach (var container in spec.Containers)
            {
                var resources = container.Resources;
                Assert.True(
                    resources?.Requests?.ContainsKey("cpu") == true && resources.Requests.ContainsKey("memory")
                    && resources.Limits?.ContainsKey("cpu") == true && resources.Limits.ContainsKey("memory"),
                    $"{owner}/{container.Name} lacks cpu and memory requests and limits");
            }
        }
    }

    [Fact]
    public void EveryLongRunningTraceryContainerHasAReadinessProbeOnANamedPort()
    {
        foreach (var (owner, spec) in ManifestSet.PodSpecs())
        {
            foreach (var container in spec.Containers.Where(c => c.Image == DeployExpectations.TraceryImage))
            {
                var probe = container.ReadinessProbe;
                Assert.True(probe is not null, $"{owner}/{container.Name} has no readiness probe");
                var port = (probe.HttpGet?.Port ?? probe.TcpSocket?.Port)?.Value;
                Assert.Contains(container.Ports, p => p.Name == port);
            }
        }
    }
}
