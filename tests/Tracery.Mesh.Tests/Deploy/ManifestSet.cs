namespace Tracery.Mesh.Tests.Deploy;

using k8s;
using k8s.Models;

/// <summary>The manifests in deploy/k8s as KubernetesClient reads them (copied into the test output by the csproj).</summary>
internal static class ManifestSet
{
    public static readonly string[] Files = ["trace-server.yml", "tracery-mesh.yml", "hello-world.yml", "node-name-test.yml"];

    public static string PathOf(string file) => Path.Combine(AppContext.BaseDirectory, "Deploy", "k8s", file);

    public static IReadOnlyList<object> Load(string file) => KubernetesYaml.LoadAllFromString(File.ReadAllText(PathOf(file)));

    public static IReadOnlyList<object> All() => [.. Files.SelectMany(Load)];

    public static T Single<T>(string name) where T : IMetadata<V1ObjectMeta> =>
        Assert.Single(All().OfType<T>(), o => o.Metadata.Name == name);

    /// <summary>Every pod template (and bare pod) with the name of what owns it.</summary>
    public static IEnumerable<(string Owner, V1PodSpec Spec)> PodSpecs() => All().Select(o => o switch
    {
        V1Deployment d => (d.Metadata.Name, d.Spec.Template.Spec),
        V1DaemonSet d => (d.Metadata.Name, d.Spec.Template.Spec),
        V1Pod p => (p.Metadata.Name, p.Spec),
        _ => (null!, null!),
    }).Where(p => p.Item2 is not null);

    /// <summary>Walks up from the test output to the directory holding Tracery.slnx.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Tracery.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new DirectoryNotFoundException($"no Tracery.slnx above {AppContext.BaseDirectory}");
    }
}
