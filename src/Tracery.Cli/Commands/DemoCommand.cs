namespace Tracery.Cli.Commands;

using System.CommandLine;

/// <summary>`tracery demo`.</summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var command = new Command("demo", "Not built yet.");
        command.SetAction(_ =>
        {
            Console.Error.WriteLine("tracery demo: not built yet");
            return 1;
        });
        return command;
    }
}
