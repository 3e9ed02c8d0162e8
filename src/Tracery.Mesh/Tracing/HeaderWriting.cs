namespace Tracery.Mesh.Tracing;

using System.Net.Http.Headers;

/// <summary>Overwrites a header on an outgoing request, whatever the forwarder copied from the incoming one.</summary>
internal static class HeaderWriting
{
    public static void Set(this HttpRequestHeaders headers, string name, string value)
    {
        headers.Remove(name);
        headers.TryAddWithoutValidation(name, value);
    }
}
