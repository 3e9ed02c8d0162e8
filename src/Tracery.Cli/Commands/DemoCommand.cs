namespace Tracery.Cli.Commands;

using System.CommandLine;
using System.Net;
using Spectre.Console;
using Tracery.Cli.Demo;

/// <summary>`tracery demo`: the Linkerd + Zipkin tutorial on one machine, in one command.</summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var command = new Command("demo", "Run the whole tutorial on this machine: a trace server, two mesh nodes (127.0.0.2 with hello, 127.0.0.3 with world), one traced request.");
        var once = command.AddOption(new Option<bool>("--once") { Description = "Exit after printing the first trace." });
        var traffic = command.AddOption(new Option<int>("--traffic") { Description = "Requests per second to send to hello in the background while running." });
        var showConfig = command.AddOption(new Option<bool>("--show-config") { Description = "Print the mesh config and discovery files the demo writes." });
        var sampleRate = command.AddOption(new Option<double>("--sample-rate") { Description = "The routers' io.l5d.zipkin sampleRate, 0.0 to 1.0.", DefaultValueFactory = _ => 1.0 });
        var propagator = command.AddOption(new Option<string>("--trace-propagator") { Description = "The routers' tracePropagator: io.l5d.default (l5d-ctx-trace) or io.l5d.zipkin (B3).", DefaultValueFactory = _ => "io.l5d.default" });
        propagator.AcceptOnlyFromAmong("io.l5d.default", "io.l5d.zipkin");
        var telemeter = command.AddOption(new Option<string>("--telemeter") { Description = "How the mesh reports spans: io.l5d.zipkin (Scribe, as Linkerd 1) or io.zipkin.http (JSON over HTTP).", DefaultValueFactory = _ => new DemoOptions().Telemeter });
        telemeter.AcceptOnlyFromAmong("io.l5d.zipkin", "io.zipkin.http");
        var portOffset = command.AddOption(new Option<int>("--port-offset") { Description = "Add this to every port, to run beside another demo." });
        var nodeA = command.AddOption(AddressOption("--node-a", "Node A's address (its mesh and hello).", "127.0.0.2"));
        var nodeB = command.AddOption(AddressOption("--node-b", "Node B's address (its mesh and world).", "127.0.0.3"));
        var server = command.AddOption(AddressOption("--server-address", "The trace server's address.", "127.0.0.1"));
        traffic.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 0 or > 1000) r.AddError("--traffic must be from 0 to 1000 requests per second");
        });
        sampleRate.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<double>() is < 0.0 or > 1.0) r.AddError("--sample-rate must be from 0.0 to 1.0");
        });
        portOffset.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < -4000 or > 55000) r.AddError("--port-offset must keep every port from 1 to 65535 (-4000 to 55000)");
        });
        command.SetAction((parse, ct) =>
        {
            var options = new DemoOptions
            {
                Once = parse.GetValue(once),
                Traffic = parse.GetValue(traffic),
                SampleRate = parse.GetValue(sampleRate),
                TracePropagator = parse.GetValue(propagator)!,
                Telemeter = parse.GetValue(telemeter)!,
                Ports = new DemoPorts().Offset(parse.GetValue(portOffset)),
                NodeA = parse.GetValue(nodeA)!,
                NodeB = parse.GetValue(nodeB)!,
                ServerAddress = parse.GetValue(server)!,
            };
            var console = AnsiConsole.Console;
            if (Console.IsOutputRedirected)
            {
                // Piped output has no terminal width; the waterfall's long client names need room rather than wrapping.
                console.Profile.Width = 200;
            }
            return new DemoRun(console, TimeProvider.System).RunAsync(options, parse.GetValue(showConfig), ct);
        });
        return command;
    }

    private static Option<IPAddress> AddressOption(string name, string description, string defaultAddress) => new(name)
    {
        Description = description,
        DefaultValueFactory = _ => IPAddress.Parse(defaultAddress),
        CustomParser = r =>
        {
            var text = r.Tokens.Count > 0 ? r.Tokens[0].Value : "";
            if (IPAddress.TryParse(text, out var ip)) return ip;
            r.AddError($"{name} '{text}' is not an IP address");
            return null;
        },
    };

}
