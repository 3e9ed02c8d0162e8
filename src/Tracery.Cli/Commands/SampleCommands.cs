namespace Tracery.Cli.Commands;

using System.CommandLine;

/// <summary>`tracery hello` and `tracery world`: the tutorial's sample apps.</summary>
internal static class SampleCommands
{
    public static Command CreateHello() => NotBuilt("hello");

    public static Command CreateWorld() => NotBuilt("world");

    private static Command NotBuilt(string name)
    {
        var command = new Command(name, "Not built yet.");
        command.SetAction(_ =>
        {
            Console.Error.WriteLine($"tracery {name}: not built yet");
            return 1;
        });
        return command;
    }
}
