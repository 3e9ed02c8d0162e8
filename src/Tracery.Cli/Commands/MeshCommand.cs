namespace Tracery.Cli.Commands;

using System.CommandLine;

/// <summary>`tracery mesh`.</summary>
internal static class MeshCommand
{
    public static Command Create()
    {
        var command = new Command("mesh", "Not built yet.");
        command.SetAction(_ =>
        {
            Console.Error.WriteLine("tracery mesh: not built yet");
            return 1;
        });
        return command;
    }
}
