namespace Tracery.Cli.Commands;

using System.CommandLine;

/// <summary>`tracery server`.</summary>
internal static class ServerCommand
{
    public static Command Create()
    {
        var command = new Command("server", "Not built yet.");
        command.SetAction(_ =>
        {
            Console.Error.WriteLine("tracery server: not built yet");
            return 1;
        });
        return command;
    }
}
