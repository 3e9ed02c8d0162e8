namespace Tracery.Cli.Tests.Commands;

using System.CommandLine;
using Tracery.Cli.Commands;

public sealed class MeshCommandTests : IDisposable
{
    private readonly string _file = Path.GetTempFileName();

    public void Dispose() => File.Delete(_file);

    private async Task<(int Code, string Error)> Run(string config)
    {
        await File.WriteAllTextAsync(_file, config);
        var error = new StringWriter();
        var original = Console.Error;
        Console.SetError(error);
        try
        {
            var code = await MeshCommand.Create().Parse([_file]).InvokeAsync();
            return (code, error.ToString());
        }
        finally
        {
            Console.SetError(original);
        }
    }

    [Fact]
    public async Task UnknownKeyPrintsTheLoadersErrorWithKeyAndLineAndExitsNonZero()
    {
        var (code, error) = await Run("""
            routers:
            - protocol: http
              servers:
              - port: 0
              colour: blue
            """);

        Assert.Equal(2, code);
        Assert.Contains("routers[0].colour", error);
        Assert.Contains("line 5", error);
    }

    [Fact]
    public async Task MissingFileIsAnErrorNamingTheFile()
    {
        var code = await MeshCommand.Create().Parse(["/nonexistent/linkerd.yaml"]).InvokeAsync();

        Assert.Equal(2, code);
    }

    [Fact]
    public void TheConfigArgumentIsRequired() => Assert.NotEmpty(MeshCommand.Create().Parse([]).Errors);
}
