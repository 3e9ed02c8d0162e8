namespace Tracery.Mesh.Routing;

using Microsoft.AspNetCore.Http;
using Tracery.Mesh.Naming;

/// <summary>The messages and statuses of Linkerd's error responses (§4.13); each says what failed and where.</summary>
public static class RouterErrors
{
    public static ErrorResponse Unidentified(HttpRequest request, string reason) =>
        new(400, $"Unknown destination: Request(\"{request.Method} {request.Path}{request.QueryString}\", from {request.HttpContext.Connection.RemoteIpAddress}) / {reason}");

    public static ErrorResponse BadDtab(string header, string value, string reason) =>
        new(400, $"Invalid {header} header '{value}': {reason}");

    public static ErrorResponse CallDepthExceeded(int max) =>
        new(400, $"Maximum number of calls ({max}) has been exceeded. Please check for proxy loops.");

    public static ErrorResponse NoRoute(NamePath path, Dtab baseDtab, Dtab localDtab, string detail) =>
        new(502, $"Unable to route request!\n\nservice name: {path}\nresolution: {detail}\ndtab:\n{Lines(baseDtab.ToString() + ";" + localDtab)}\nbase dtab:\n{Lines(baseDtab.ToString())}\noverride dtab:\n{Lines(localDtab.ToString())}");

    public static ErrorResponse NoEndpoints(NamePath path, string clientId) =>
        new(502, $"No hosts are available for {path}, client {clientId}: the address set is empty");

    public static ErrorResponse ConnectionFailed(string endpoint, string clientId, string detail) =>
        new(502, $"Unable to connect to {endpoint} (client {clientId}): {detail}", Retryable: true);

    public static ErrorResponse Timeout(string setting, TimeSpan limit, NamePath path) =>
        new(503, $"Request to {path} timed out: {setting} {limit.TotalMilliseconds:0} exceeded");

    public static ErrorResponse BindingTimeout(NamePath path, TimeSpan limit) =>
        new(503, $"Binding {path} timed out: bindingTimeoutMs {limit.TotalMilliseconds:0} exceeded");

    /// <summary>Finagle's request semaphore refusing a request; retryable, since the request was not processed.</summary>
    public static ErrorResponse ConcurrencyExceeded(string serverLabel, int max) =>
        new(503, $"Max waiters exceeded: server {serverLabel} already has {max} requests in flight (maxConcurrentRequests {max})", Retryable: true);

    public static ErrorResponse TooManyWaiters(string endpoint, string clientId, int maxSize, int maxWaiters) =>
        new(502, $"Too many waiters for a connection to {endpoint} (client {clientId}): hostConnectionPool maxSize {maxSize} and maxWaiters {maxWaiters} are in use");

    public static ErrorResponse Failed(string what, string detail) => new(502, $"{what}: {detail}");

    private static string Lines(string dtab) =>
        string.Join('\n', dtab.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(d => "  " + d));
}
