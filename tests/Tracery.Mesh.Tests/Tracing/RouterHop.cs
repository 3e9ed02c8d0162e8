namespace Tracery.Mesh.Tests.Tracing;

using System.Net;
using Microsoft.AspNetCore.Http;
using Tracery.Mesh.Classification;
using Tracery.Mesh.Tracing;

/// <summary>Drives a tracer through one request the way the router pipeline does: server span, one or more attempts.</summary>
internal static class RouterHop
{
    public static readonly IPEndPoint NodeA = new(IPAddress.Parse("127.0.0.2"), 4140);

    public static DefaultHttpContext Incoming(string path = "/hello", params (string Name, string Value)[] headers)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "GET";
        context.Request.Path = path;
        context.Request.QueryString = new QueryString("?x=1");
        context.Request.Protocol = "HTTP/1.1";
        context.Request.Headers.Host = "hello";
        context.Connection.RemoteIpAddress = IPAddress.Parse("127.0.0.9");
        context.Connection.RemotePort = 50123;
        foreach (var (name, value) in headers)
        {
            context.Request.Headers[name] = value;
        }

        return context;
    }

    public static HttpRequestMessage Outgoing(string path = "/hello") =>
        new(HttpMethod.Get, "http://127.0.0.3:4141" + path + "?x=1") { Headers = { Host = "hello" } };

    /// <summary>One request with one successful attempt; returns the outgoing request that carries the context onward.</summary>
    public static HttpRequestMessage Run(IRouterTracer tracer, HttpContext context, string label = "outgoing", IPEndPoint? server = null)
    {
        var scope = tracer.StartServer(context, label, server ?? NodeA);
        scope.SetDestination("/svc/hello", "/svc=>/#/io.l5d.fs", string.Empty);
        scope.SetBound("/#/io.l5d.fs/hello", string.Empty);
        var outgoing = Outgoing();
        var attempt = tracer.StartClient(scope, "#/io.l5d.fs/hello", "hello", outgoing, new IPEndPoint(IPAddress.Parse("127.0.0.3"), 4141));
        using var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("hi") };
        attempt.RecordResponse(response);
        attempt.RecordOutcome(ResponseClass.Success);
        attempt.Finish();
        scope.Finish(200);
        return outgoing;
    }
}
