namespace Tracery.Cli.Commands;

using System.CommandLine;
using System.CommandLine.Parsing;
using System.Net;
using HelloWorld;

/// <summary>`tracery hello` and `tracery world`: the tutorial's sample apps.</summary>
internal static class SampleCommands
{
    public static Command CreateHello()
    {
        var command = new Command("hello", "The tutorial's hello app: calls world through the mesh in http_proxy and answers \"Hello (POD_IP) \" + world's answer.");
        var common = new CommonOptions(command, 7777);
        var text = command.AddOption(new Option<string>("--text") { Description = "The word to answer with.", DefaultValueFactory = _ => "Hello" });
        var target = command.AddOption(new Option<string>("--target") { Description = "The service to call before answering.", DefaultValueFactory = _ => "world" });
        var proxy = command.AddOption(new Option<Uri?>("--proxy")
        {
            Description = "The mesh to call the target through (default: $http_proxy; absent calls directly).",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("http_proxy") is { Length: > 0 } p ? ProxyAddress.Parse(p) : null,
            CustomParser = result => Parsed(result, ProxyAddress.Parse),
        });
        command.SetAction((parse, ct) => RunAsync("hello", common.Read(parse) with
        {
            Text = parse.GetValue(text)!,
            Target = parse.GetValue(target) is { Length: > 0 } t ? t : null,
            Proxy = parse.GetValue(proxy),
        }, ct));
        return command;
    }

    public static Command CreateWorld()
    {
        var command = new Command("world", "The tutorial's world app: answers \"world (POD_IP)!\".");
        var common = new CommonOptions(command, 7778);
        var text = command.AddOption(new Option<string>("--text")
        {
            Description = "The word to answer with (default: $TARGET_WORLD, else \"world\").",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("TARGET_WORLD") is { Length: > 0 } w ? w : "world",
        });
        command.SetAction((parse, ct) => RunAsync("world", common.Read(parse) with { Text = parse.GetValue(text)! }, ct));
        return command;
    }

    private static async Task<int> RunAsync(string name, SampleOptions options, CancellationToken cancellationToken)
    {
        SampleHost host;
        try
        {
            host = await SampleHost.StartAsync(options, cancellationToken);
        }
        catch (IOException e)
        {
            await Console.Error.WriteLineAsync($"tracery {name}: cannot listen on {options.BindAddress}:{options.Port}: {e.Message}");
            return 1;
        }
        await using (host)
        {
            Console.WriteLine($"{name} listening on {host.Address} (POD_IP {options.PodIp}{(options.Proxy is null ? "" : $", via proxy {options.Proxy}")})");
            await ShutdownSignal.WaitAsync(TimeProvider.System, cancellationToken);
        }
        return 0;
    }

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;


    /// <summary>Runs a parser whose errors are <see cref="ArgumentException"/>s, as a parse error naming the option.</summary>
    private static T? Parsed<T>(ArgumentResult result, Func<string, T> parse)
    {
        var token = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        try
        {
            return parse(token);
        }
        catch (ArgumentException e)
        {
            result.AddError(e.Message);
            return default;
        }
    }

    /// <summary>The options both apps share: where to listen, what POD_IP to show, latency and failure rate.</summary>
    private sealed class CommonOptions
    {
        private readonly Option<IPAddress> address;
        private readonly Option<int> port;
        private readonly Option<string?> podIp;
        private readonly Option<TimeSpan> latency;
        private readonly Option<double> failureRate;

        public CommonOptions(Command command, int defaultPort)
        {
            address = command.AddOption(new Option<IPAddress>("--address")
            {
                Description = "The address to listen on.",
                DefaultValueFactory = _ => IPAddress.Any,
                CustomParser = result => Parsed(result, text => IPAddress.TryParse(text, out var ip) ? ip : throw new ArgumentException($"--address '{text}' is not an IP address")),
            });
            port = command.AddOption(new Option<int>("--port") { Description = "The port to listen on (0 picks a free one).", DefaultValueFactory = _ => defaultPort });
            podIp = command.AddOption(new Option<string?>("--pod-ip") { Description = "The address shown in the answer (default: $POD_IP, else the listen address)." });
            latency = command.AddOption(new Option<TimeSpan>("--latency")
            {
                Description = "Time to wait before answering, as a Go duration (250ms, 1.5s); POST /setLatency?latency=... changes it.",
                DefaultValueFactory = _ => TimeSpan.Zero,
                CustomParser = result => Parsed(result, text => GoDuration.TryParse(text, out var d) ? d : throw new ArgumentException($"--latency '{text}' is not a valid duration (examples: 0, 250ms, 1.5s)")),
            });
            failureRate = command.AddOption(new Option<double>("--failure-rate") { Description = "Fraction of requests (0.0-1.0) answered with 500; POST /setFailureRate?failureRate=... changes it." });
            failureRate.Validators.Add(result =>
            {
                if (result.GetValueOrDefault<double>() is < 0.0 or > 1.0)
                {
                    result.AddError("--failure-rate must be between 0.0 and 1.0");
                }
            });
        }

        public SampleOptions Read(ParseResult parse)
        {
            var bind = parse.GetValue(address)!;
            return new SampleOptions
            {
                Text = "",
                PodIp = parse.GetValue(podIp) ?? NonEmpty(Environment.GetEnvironmentVariable("POD_IP")) ?? (bind.Equals(IPAddress.Any) ? "127.0.0.1" : bind.ToString()),
                BindAddress = bind,
                Port = parse.GetValue(port),
                Latency = parse.GetValue(latency),
                FailureRate = parse.GetValue(failureRate),
            };
        }
    }
}
