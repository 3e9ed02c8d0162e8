namespace Tracery.Storage.Sql;

using System.Data;
using System.Data.Common;

/// <summary>Small ADO.NET conveniences shared by the SQL backends (typed parameters so PostgreSQL never guesses).</summary>
static class DbCommands
{
    public static DbCommand Command(this DbConnection connection, DbTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    public static async Task ExecuteAsync(this DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.Command(transaction, sql);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public static void Add(this DbCommand command, string name, string? value) => command.Add(name, DbType.String, value);

    public static void Add(this DbCommand command, string name, long value) => command.Add(name, DbType.Int64, value);

    public static void Add(this DbCommand command, string name, byte[] value) => command.Add(name, DbType.Binary, value);

    static void Add(this DbCommand command, string name, DbType type, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.DbType = type;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }

    /// <summary>"@p0, @p1, …" for an IN list, adding one string parameter per value.</summary>
    public static string AddList(this DbCommand command, string prefix, IReadOnlyList<string> values)
    {
        var names = new string[values.Count];
        for (var i = 0; i < values.Count; i++)
        {
            names[i] = $"@{prefix}{i}";
            command.Add(names[i], values[i]);
        }
        return string.Join(", ", names);
    }
}
