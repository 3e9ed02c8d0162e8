namespace Tracery.Mesh.Tests.Naming.Namers;

using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

/// <summary>
/// The slice of the Kubernetes API the k8s namer uses, on a loopback port 0, answering in Kubernetes' JSON shapes:
/// v1 EndpointsList for <c>?fieldSelector=metadata.name=...</c>; with <c>servesSlices</c>, the discovery.k8s.io/v1
/// group and an EndpointSliceList for <c>?labelSelector=kubernetes.io/service-name=...</c> (without it the group is
/// 404, as on a cluster older than 1.21); and a watch stream of the events the test sends. Optionally HTTPS.
/// </summary>
internal sealed class KubernetesApiStub : IAsyncDisposable
{
    private const string ServiceNameLabel = "kubernetes.io/service-name";
    private readonly WebApplication app;
    // One event stream per watched service, so that two watches (say hello's and l5d's) never take each other's
    // events; each buffers until its watch connects.
    private readonly ConcurrentDictionary<string, Channel<string>> events = new();
    private volatile IReadOnlyList<JsonObject> objects;

    private KubernetesApiStub(WebApplication app, IReadOnlyList<JsonObject> objects)
    {
        this.app = app;
        this.objects = objects;
    }

    public int Port { get; private set; }

    /// <summary>What lists answer from: Endpoints or EndpointSlices, of any services.</summary>
    public IReadOnlyList<JsonObject> Objects
    {
        get => objects;
        set => objects = value;
    }

    /// <summary>Sets what the next list answers with a single object (null: nothing exists).</summary>
    public JsonObject? Listed
    {
        set => objects = value is null ? [] : [value];
    }

    /// <summary>Every request: its path and query, and its Authorization header.</summary>
    public ConcurrentQueue<(string Uri, string? Authorization)> Requests { get; } = new();

    public static JsonObject Endpoints(string name, params (string Ip, string PortName, int Port)[] endpoints) =>
        EndpointsOnNodes(name, [.. endpoints.Select(e => (e.Ip, e.PortName, e.Port, (string?)null))]);

    /// <summary>A v1 Endpoints with one subset per address; <c>nodeName</c> set where given.</summary>
    public static JsonObject EndpointsOnNodes(string name, params (string Ip, string PortName, int Port, string? Node)[] endpoints) => new()
    {
        ["kind"] = "Endpoints",
        ["apiVersion"] = "v1",
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = "default", ["resourceVersion"] = "7" },
        ["subsets"] = new JsonArray([.. endpoints.Select(e => (JsonNode)new JsonObject
        {
            ["addresses"] = new JsonArray(Address(e.Ip, e.Node)),
            ["ports"] = new JsonArray(new JsonObject { ["name"] = e.PortName, ["port"] = e.Port, ["protocol"] = "TCP" }),
        })]),
    };

    /// <summary>A discovery.k8s.io/v1 EndpointSlice of <paramref name="service"/>, as the EndpointSlice controller writes it.</summary>
    public static JsonObject Slice(string name, string service, (string Name, int Port)[] ports, params (string Ip, bool? Ready, string? Node)[] endpoints) => new()
    {
        ["kind"] = "EndpointSlice",
        ["apiVersion"] = "discovery.k8s.io/v1",
        ["metadata"] = new JsonObject
        {
            ["name"] = name,
            ["namespace"] = "default",
            ["resourceVersion"] = "11",
            ["labels"] = new JsonObject { [ServiceNameLabel] = service, ["endpointslice.kubernetes.io/managed-by"] = "endpointslice-controller.k8s.io" },
        },
        ["addressType"] = "IPv4",
        ["endpoints"] = new JsonArray([.. endpoints.Select(e => (JsonNode)new JsonObject
        {
            ["addresses"] = new JsonArray(e.Ip),
            ["conditions"] = e.Ready is { } ready ? new JsonObject { ["ready"] = ready, ["serving"] = ready, ["terminating"] = false } : new JsonObject(),
            ["nodeName"] = e.Node,
            ["targetRef"] = new JsonObject { ["kind"] = "Pod", ["namespace"] = "default", ["name"] = $"{service}-{e.Ip.Replace('.', '-')}" },
        })]),
        ["ports"] = new JsonArray([.. ports.Select(p => (JsonNode)new JsonObject { ["name"] = p.Name, ["port"] = p.Port, ["protocol"] = "TCP" })]),
    };

    public static Task<KubernetesApiStub> StartAsync(JsonObject listed) => StartAsync([listed]);

    public static async Task<KubernetesApiStub> StartAsync(IReadOnlyList<JsonObject> objects, bool servesSlices = false, X509Certificate2? https = null, IPAddress? ip = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(k => k.Listen(ip ?? IPAddress.Loopback, 0, listen =>
        {
            if (https is not null)
            {
                listen.UseHttps(https);
            }
        }));
        var app = builder.Build();
        var stub = new KubernetesApiStub(app, objects);
        app.Use((context, next) =>
        {
            stub.Requests.Enqueue((context.Request.Path + context.Request.QueryString, context.Request.Headers.Authorization.FirstOrDefault()));
            return next(context);
        });
        app.MapGet("/api/v1/namespaces/{ns}/endpoints", context => stub.AnswerAsync(context, "EndpointsList", "fieldSelector", "metadata.name=", o => o["metadata"]!["name"]));
        if (servesSlices)
        {
            app.MapGet("/apis/discovery.k8s.io/v1", () => Results.Text(
                """{"kind":"APIResourceList","apiVersion":"v1","groupVersion":"discovery.k8s.io/v1","resources":[{"name":"endpointslices","singularName":"endpointslice","namespaced":true,"kind":"EndpointSlice","verbs":["create","delete","deletecollection","get","list","patch","update","watch"]}]}""",
                "application/json"));
            app.MapGet("/apis/discovery.k8s.io/v1/namespaces/{ns}/endpointslices", context => stub.AnswerAsync(
                context, "EndpointSliceList", "labelSelector", ServiceNameLabel + "=", o => o["metadata"]!["labels"]?[ServiceNameLabel]));
        }

        await app.StartAsync();
        stub.Port = new Uri(app.Urls.First()).Port;
        return stub;
    }

    /// <summary>Sends a watch event to the watch of the object's service (its name, or its slice's service label).</summary>
    public Task SendAsync(string type, JsonObject value) =>
        EventsOf(ServiceOf(value)).Writer.WriteAsync(new JsonObject { ["type"] = type, ["object"] = value.DeepClone() }.ToJsonString()).AsTask();

    /// <summary>
    /// Kubernetes' answer when the watched resourceVersion is too old: an ERROR event with a 410 Status, to the watch
    /// of every listed service.
    /// </summary>
    public async Task SendErrorGoneAsync()
    {
        const string Gone = """{"type":"ERROR","object":{"kind":"Status","apiVersion":"v1","status":"Failure","message":"too old resource version","reason":"Expired","code":410}}""";
        foreach (var service in objects.Select(ServiceOf).Concat(events.Keys).Distinct())
        {
            await EventsOf(service).Writer.WriteAsync(Gone);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var stream in events.Values)
        {
            stream.Writer.TryComplete();
        }
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private static string ServiceOf(JsonObject value) =>
        (value["metadata"]!["labels"]?[ServiceNameLabel] ?? value["metadata"]!["name"])!.GetValue<string>();

    private Channel<string> EventsOf(string service) => events.GetOrAdd(service, _ => Channel.CreateUnbounded<string>());

    private static JsonObject Address(string ip, string? node)
    {
        var address = new JsonObject { ["ip"] = ip };
        if (node is not null)
        {
            address["nodeName"] = node;
        }

        return address;
    }

    /// <summary>A list of the objects the selector picks, or (with <c>watch=true</c>) the event stream.</summary>
    private async Task AnswerAsync(HttpContext context, string listKind, string selector, string key, Func<JsonObject, JsonNode?> selected)
    {
        var wanted = context.Request.Query[selector].ToString().Replace(key, "", StringComparison.Ordinal);
        if (context.Request.Query["watch"] != "true")
        {
            var items = objects.Where(o => selected(o)?.GetValue<string>() == wanted).Select(o => (JsonNode)o.DeepClone());
            await context.Response.WriteAsJsonAsync(new JsonObject
            {
                ["kind"] = listKind, ["apiVersion"] = listKind == "EndpointsList" ? "v1" : "discovery.k8s.io/v1", ["metadata"] = new JsonObject { ["resourceVersion"] = "7" }, ["items"] = new JsonArray([.. items]),
            });
            return;
        }

        // The watch reads its service's events; an ERROR event ends the stream as the API server does.
        context.Response.ContentType = "application/json";
        await context.Response.StartAsync();
        await context.Response.Body.FlushAsync(); // headers now, as the API server sends them, before any event
        var reader = EventsOf(wanted).Reader;
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
