namespace Tracery.Storage;

using System.Data.Common;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;

/// <summary>
/// Tells a store failure worth retrying (the database is unreachable, busy or out of room for now) from
/// one that will fail the same way again (the data or the statement is wrong). The collector keeps
/// and retries spans after the first kind and drops them after the second.
/// </summary>
public static class TransientFailures
{
    // SQLite result codes (the low byte of extended codes) that describe the moment, not the data:
    // BUSY, LOCKED, NOMEM, IOERR, FULL (the disk may be freed), CANTOPEN, PROTOCOL.
    private static readonly HashSet<int> TransientSqliteCodes = [5, 6, 7, 10, 13, 14, 15];

    public static bool IsTransient(Exception error)
    {
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case AggregateException aggregate when aggregate.InnerExceptions.Any(IsTransient):
                case SqliteException sqlite when TransientSqliteCodes.Contains(sqlite.SqliteErrorCode & 0xFF):
                // Npgsql sets IsTransient for network failures, timeouts and the SQL states of a server
                // starting, stopping or out of resources (classes 08, 53, 57P0x), and for deadlocks.
                case DbException { IsTransient: true }:
                case SocketException or TimeoutException or IOException:
                    return true;
            }
        }
        return false;
    }
}
