namespace Tracery.Mesh.Tests.Support;

using Tracery.Mesh.Naming;

public static class Names
{
    /// <summary>A path from <c>/a/b</c> text without depending on the parser.</summary>
    public static NamePath Path(string text) => new([.. text.Split('/', StringSplitOptions.RemoveEmptyEntries)]);
}
