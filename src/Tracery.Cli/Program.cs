using System.CommandLine;
using Tracery.Cli.Commands;

var root = new RootCommand("Tracery: a service mesh with distributed tracing built in.");
root.Subcommands.Add(ServerCommand.Create());
root.Subcommands.Add(MeshCommand.Create());
root.Subcommands.Add(DemoCommand.Create());
root.Subcommands.Add(SampleCommands.CreateHello());
root.Subcommands.Add(SampleCommands.CreateWorld());
return await root.Parse(args).InvokeAsync();
