namespace Tracery.Storage.Tests.Dependencies;

using Tracery.Tracing.Model;

/// <summary>The compact span factory of Zipkin's DependencyLinkerTest; short ids are padded as its builder pads them.</summary>
static class LinkerSpans
{
    public static string Hex(string id) => id.PadLeft(16, '0');

    public static Span Span(string traceId, string? parentId, string id, SpanKind kind, string? local, string? remote, bool isError) => new()
    {
        TraceId = Hex(traceId),
        ParentId = parentId is null ? null : Hex(parentId),
        Id = Hex(id),
        Kind = kind,
        LocalEndpoint = local is null ? null : new Endpoint(local, null, null, 0),
        RemoteEndpoint = remote is null ? null : new Endpoint(remote, null, null, 0),
        Tags = isError ? new SortedDictionary<string, string>(StringComparer.Ordinal) { ["error"] = "" } : new SortedDictionary<string, string>(),
    };

    public static DependencyLink Link(string parent, string child, long calls, long errors = 0) => new(parent, child, calls, errors);
}
