namespace Tracery.Mesh.Tests.Naming.Namers;

using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

/// <summary>
/// The slice of the Kubernetes API the k8s namer uses, on 127.0.0.1:0, answering in Kubernetes' JSON shapes:
/// an EndpointsList for <c>?fieldSelector=metadata.name=...</c>, and a watch stream of events the test sends.
/// </summary>
internal sealed class KubernetesApiStub : IAsyncDisposable
{
    private readonly WebApplication app;
    private Channel<string> events = Channel.CreateUnbounded<string>();

    private KubernetesApiStub(WebApplication app, JsonObject listed)
    {
        this.app = app;
        Listed = listed;
    }

    public int Port { get; private set; }

    /// <summary>What the next list answers for its service (null: the service does not exist).</summary>
    public JsonObject? Listed { get; set; }

    public static JsonObject Endpoints(string name, params (string Ip, string PortName, int Port)[] endpoints) => new()
    {
        ["kind"] = "Endpoints",
        ["apiVersion"] = "v1",
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = "default", ["resourceVersion"] = "7" },
        ["subsets"] = endpoints.Length == 0 ? new JsonArray() : new JsonArray(endpoints.Select(e => (JsonNode)new JsonObject
        {
            ["addresses"] = new JsonArray(new JsonObject { ["ip"] = e.Ip }),
            ["ports"] = new JsonArray(new JsonObject { ["name"] = e.PortName, ["port"] = e.Port, ["protocol"] = "TCP" }),
        }).ToArray()),
    };

    public static async Task<KubernetesApiStub> StartAsync(JsonObject listed)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var stub = new KubernetesApiStub(app, listed);
        app.MapGet("/api/v1/namespaces/{ns}/endpoints", stub.AnswerAsync);
        await app.StartAsync();
        stub.Port = new Uri(app.Urls.First()).Port;
        return stub;
    }

    public Task SendAsync(string type, JsonObject value) =>
        events.Writer.WriteAsync(new JsonObject { ["type"] = type, ["object"] = value.DeepClone() }.ToJsonString()).AsTask();

    /// <summary>Kubernetes' answer when the watched resourceVersion is too old: an ERROR event with a 410 Status.</summary>
    public Task SendErrorGoneAsync() => events.Writer.WriteAsync(
        """{"type":"ERROR","object":{"kind":"Status","apiVersion":"v1","status":"Failure","message":"too old resource version","reason":"Expired","code":410}}""").AsTask();

    public async ValueTask DisposeAsync()
    {
        events.Writer.TryComplete();
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private async Task AnswerAsync(HttpContext context, string ns)
    {
        var name = context.Request.Query["fieldSelector"].ToString().Replace("metadata.name=", "", StringComparison.Ordinal);
        if (context.Request.Query["watch"] != "true")
        {
            var items = Listed is { } l && l["metadata"]!["name"]!.GetValue<string>() == name ? new JsonArray(l.DeepClone()) : new JsonArray();
            await context.Response.WriteAsJsonAsync(new JsonObject
            {
                ["kind"] = "EndpointsList", ["apiVersion"] = "v1", ["metadata"] = new JsonObject { ["resourceVersion"] = "7" }, ["items"] = items,
            });
            return;
        }

        // One watch at a time reads the events; an ERROR event ends the stream as the API server does.
        context.Response.ContentType = "application/json";
        await context.Response.StartAsync();
        var reader = events.Reader;
        while (await reader.WaitToReadAsync(context.RequestAborted))
        {
            var line = await reader.ReadAsync(context.RequestAborted);
            await context.Response.WriteAsync(line + "\n", context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            if (line.Contains("\"ERROR\"", StringComparison.Ordinal))
            {
                return;
            }
        }
    }
}
