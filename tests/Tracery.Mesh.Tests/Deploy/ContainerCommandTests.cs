namespace Tracery.Mesh.Tests.Deploy;

using System.Text.RegularExpressions;

public sealed partial class ContainerCommandTests
{
    [Fact]
    public void EveryContainerRunsTheTraceryImageOrOneOfTheTutorialsHelpers()
    {
        foreach (var (owner, spec) in ManifestSet.PodSpecs())
        {
            foreach (var container in spec.Containers)
            {
                Assert.True(
                    container.Image == DeployExpectations.TraceryImage || DeployExpectations.TutorialImages.Contains(container.Image),
                    $"{owner}/{container.Name} runs {container.Image}");
            }
        }
    }

    [Fact]
    public void EveryTraceryContainerRunsARealSubcommandWithRealOptions()
    {
        var commandsSource = Directory.GetFiles(Path.Combine(ManifestSet.RepositoryRoot(), "src", "Tracery.Cli", "Commands"), "*.cs")
            .Select(File.ReadAllText).ToList();
        var seen = new HashSet<string>();
        foreach (var (owner, spec) in ManifestSet.PodSpecs())
        {
            foreach (var container in spec.Containers.Where(c => c.Image == DeployExpectations.TraceryImage))
            {
                // The image's ENTRYPOINT is tracery, so args start with the subcommand; a command: would bypass it.
                Assert.True(container.Command is null, $"{owner}/{container.Name} overrides the entrypoint");
                var subcommand = container.Args[0];
                var source = Assert.Single(commandsSource, s => s.Contains($"new Command(\"{subcommand}\"", StringComparison.Ordinal));
                foreach (var option in container.Args.Where(a => a.StartsWith("--", StringComparison.Ordinal)))
                {
                    Assert.True(source.Contains($"\"{option}\"", StringComparison.Ordinal), $"{owner}/{container.Name}: tracery {subcommand} has no option {option}");
                }
                seen.Add(subcommand);
            }
        }
        Assert.Equal(["hello", "mesh", "server", "world"], seen.Order());
    }

    [Fact]
    public void TheDockerfileRunsTheCliAndCopiesEveryProjectItReferences()
    {
        var root = ManifestSet.RepositoryRoot();
        var dockerfile = File.ReadAllText(Path.Combine(root, "Dockerfile"));
        var cli = File.ReadAllText(Path.Combine(root, "src", "Tracery.Cli", "Tracery.Cli.csproj"));

        Assert.Contains("<AssemblyName>tracery</AssemblyName>", cli, StringComparison.Ordinal);
        Assert.Contains("ENTRYPOINT [\"dotnet\", \"/app/tracery.dll\"]", dockerfile, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^USER \$APP_UID$", dockerfile);
        foreach (var project in ReferencedProjects(root, Path.Combine(root, "src", "Tracery.Cli", "Tracery.Cli.csproj")))
        {
            var relative = Path.GetRelativePath(root, project).Replace('\\', '/');
            Assert.True(dockerfile.Contains($"COPY {relative} ", StringComparison.Ordinal), $"the Dockerfile does not restore {relative}");
        }
    }

    private static IEnumerable<string> ReferencedProjects(string root, string project)
    {
        yield return project;
        foreach (Match reference in ProjectReference().Matches(File.ReadAllText(project)))
        {
            var path = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(project)!, reference.Groups[1].Value.Replace('\\', '/')));
            foreach (var nested in ReferencedProjects(root, path))
            {
                yield return nested;
            }
        }
    }

    [GeneratedRegex("<ProjectReference Include=\"([^\"]+)\"")]
    private static partial Regex ProjectReference();
}
