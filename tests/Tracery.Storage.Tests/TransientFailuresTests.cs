namespace Tracery.Storage.Tests;

using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Npgsql;

/// <summary>Which store failures the collector retries (the database is away for now) and which it drops (bad data).</summary>
public sealed class TransientFailuresTests
{
    public static TheoryData<Exception, bool> Failures() => new()
    {
        { new SocketException((int)SocketError.ConnectionRefused), true },
        { new NpgsqlException("Failed to connect", new SocketException((int)SocketError.ConnectionRefused)), true },
        { new PostgresException("the database system is starting up", "FATAL", "FATAL", "57P03"), true },
        { new PostgresException("connection failure", "FATAL", "FATAL", "08006"), true },
        { new PostgresException("invalid input syntax", "ERROR", "ERROR", "22P02"), false },
        { new SqliteException("database is locked", 5), true },
        { new SqliteException("disk I/O error", 10, 266), true },
        { new SqliteException("UNIQUE constraint failed", 19), false },
        { new InvalidOperationException("wrapped", new TimeoutException()), true },
        { new AggregateException(new ArgumentException("bad"), new IOException("reset")), true },
        { new ArgumentException("span named poison"), false },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void TellsPassingFailuresFromBadData(Exception failure, bool transient) =>
        Assert.Equal(transient, TransientFailures.IsTransient(failure));
}
