namespace Tracery.Bench.Mesh;

using System.Diagnostics;

/// <summary>Starts the two proxies compared: a Tracery router with tracing at sample rate 1.0, and nginx.</summary>
internal static class ProxiesUnderTest
{
    /// <summary>Starts a router: <paramref name="command"/> is `dotnet tracery.dll mesh` (JIT) or the native `tracery-mesh`.</summary>
    public static async Task<(ProxyProcess Process, int RouterPort)> StartTraceryAsync(
        string[] command, int upstreamPort, double sampleRate, IReadOnlyDictionary<string, string> environment)
    {
        var directory = Directory.CreateTempSubdirectory("tracery-bench-mesh-").FullName;
        var routerPort = ProxyProcess.FreePort();
        var adminPort = ProxyProcess.FreePort();
        var config = Path.Combine(directory, "linkerd.yaml");
        await File.WriteAllTextAsync(config, BenchRouterConfig.Yaml(upstreamPort, sampleRate, routerPort, adminPort));
        var start = new ProcessStartInfo(command[0], [.. command[1..], config]);
        start.Environment["DOTNET_gcServer"] = "0";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
        var process = await ProxyProcess.StartAsync(start, directory, routerPort);
        process.AdminPort = adminPort;
        return (process, routerPort);
    }

    public static string[] JitCommand(string traceryDll) => ["dotnet", traceryDll, "mesh"];

    public static string[] NativeCommand(string traceryMesh) => [Path.GetFullPath(traceryMesh)];

    public static async Task<(ProxyProcess Process, int Port)> StartNginxAsync(int upstreamPort)
    {
        var directory = Directory.CreateTempSubdirectory("tracery-bench-nginx-").FullName;
        var port = ProxyProcess.FreePort();
        var config = Path.Combine(directory, "nginx.conf");
        await File.WriteAllTextAsync(config, $$"""
            worker_processes auto;
            pid {{directory}}/nginx.pid;
            error_log {{directory}}/error.log warn;
            events { worker_connections 4096; }
            http {
              access_log off;
              client_body_temp_path {{directory}}/body;
              proxy_temp_path {{directory}}/proxy;
              fastcgi_temp_path {{directory}}/fastcgi;
              uwsgi_temp_path {{directory}}/uwsgi;
              scgi_temp_path {{directory}}/scgi;
              upstream bench { server 127.0.0.1:{{upstreamPort}}; keepalive 64; }
              server {
                listen 127.0.0.1:{{port}};
                location / {
                  proxy_pass http://bench;
                  proxy_http_version 1.1;
                  proxy_set_header Connection "";
                }
              }
            }
            """);
        var start = new ProcessStartInfo("nginx", ["-p", directory, "-c", config, "-g", "daemon off;"]);
        return (await ProxyProcess.StartAsync(start, directory, port), port);
    }
}
