namespace Tracery.Cli.Commands;

using System.CommandLine;

/// <summary>Adds an option to a command and hands it back, so an option is declared and registered in one statement.</summary>
internal static class OptionRegistration
{
    public static T AddOption<T>(this Command command, T option) where T : Option
    {
        command.Options.Add(option);
        return option;
    }
}
