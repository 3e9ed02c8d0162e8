using System.CommandLine;
using Tracery.Cli.Commands;

var root = new RootCommand("Tracery: a service mesh with distributed tracing built in.");
root.Subcommands.Add(ServerCommand.Create());
root.Subcommands.Add(MeshCommand.Create());
root.Subcommands.Add(DemoCommand.Create());
root.Subcommands.Add(SampleCommands.CreateHello());
root.Subcommands.Add(SampleCommands.CreateWorld());
// On Ctrl-C or SIGTERM, System.CommandLine ends the process 2 s after cancelling a command by default;
// `tracery server` may need longer to store its span backlog (its drain is bounded at 10 s by default).
return await root.Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(30) });
