namespace Tracery.Storage.Sql;

using Tracery.Tracing.Model;

/// <summary>
/// What a search can ask of a trace, as strings kept once per trace in <c>tracery_trace_terms</c>:
/// "s:svc" (a span of svc), "n:svc/name" and "N:name" (a span name, of svc or of any service), "r:svc/remote"
/// and "R:remote" (a remote service). Two different pairs may read alike ("a/b" + "c" and "a" + "b/c");
/// that only widens the candidates, and the matcher decides. The same strings are built in SQL to migrate.
/// </summary>
static class SearchTerms
{
    public static string Service(string service) => "s:" + service;

    public static string SpanName(string? service, string name) => service is null ? "N:" + name : $"n:{service}/{name}";

    public static string RemoteService(string? service, string remote) => service is null ? "R:" + remote : $"r:{service}/{remote}";

    /// <summary>Every term one span gives its trace.</summary>
    public static IEnumerable<string> Of(Span span)
    {
        var service = span.LocalServiceName;
        if (service is not null) yield return Service(service);
        if (span.Name is { } name)
        {
            yield return SpanName(null, name);
            if (service is not null) yield return SpanName(service, name);
        }
        if (span.RemoteServiceName is { } remote)
        {
            yield return RemoteService(null, remote);
            if (service is not null) yield return RemoteService(service, remote);
        }
    }

    /// <summary>The UI's name lists one span adds to: (kind, service, name) with kind s, r or n.</summary>
    public static IEnumerable<(string Kind, string Service, string Name)> Names(Span span)
    {
        if (span.LocalServiceName is not { } service) yield break;
        yield return ("s", service, "");
        if (span.RemoteServiceName is { } remote) yield return ("r", service, remote);
        if (span.Name is { } name) yield return ("n", service, name);
    }

    /// <summary>SELECTs of (term, trace_low) over stored spans, matching <see cref="Of"/>.</summary>
    public static IEnumerable<string> FromSpansSql() =>
    [
        "SELECT 's:' || service, trace_low FROM tracery_spans WHERE service IS NOT NULL",
        "SELECT 'N:' || name, trace_low FROM tracery_spans WHERE name IS NOT NULL",
        "SELECT 'n:' || service || '/' || name, trace_low FROM tracery_spans WHERE service IS NOT NULL AND name IS NOT NULL",
        "SELECT 'R:' || remote_service, trace_low FROM tracery_spans WHERE remote_service IS NOT NULL",
        "SELECT 'r:' || service || '/' || remote_service, trace_low FROM tracery_spans WHERE service IS NOT NULL AND remote_service IS NOT NULL",
    ];

    /// <summary>SELECTs of (kind, service, name) over stored spans, matching <see cref="Names"/>.</summary>
    public static IEnumerable<string> NamesFromSpansSql() =>
    [
        "SELECT 's', service, '' FROM tracery_spans WHERE service IS NOT NULL",
        "SELECT 'r', service, remote_service FROM tracery_spans WHERE service IS NOT NULL AND remote_service IS NOT NULL",
        "SELECT 'n', service, name FROM tracery_spans WHERE service IS NOT NULL AND name IS NOT NULL",
    ];
}
