namespace Tracery.Server.Hosting;

using Tracery.Storage;

/// <summary>
/// The one place the server chooses its storage backend, so adding one (SQLite, PostgreSQL) is a
/// case here and an option in the command.
/// </summary>
public static class SpanStoreFactory
{
    public static ISpanStore Create(TraceServerOptions options) =>
        throw new NotImplementedException("memory store pending");
}
