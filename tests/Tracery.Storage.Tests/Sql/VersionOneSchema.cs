namespace Tracery.Storage.Tests.Sql;

using System.Data.Common;
using Tracery.Tracing.Codec;
using Tracery.Tracing.Model;

/// <summary>A database as Tracery's schema version 1 left it (six span indexes, no per-trace tables), with spans in it.</summary>
static class VersionOneSchema
{
    public static async Task CreateAsync(DbConnection connection, string blobType, IEnumerable<Span> spans)
    {
        foreach (var sql in (string[])[
            "CREATE TABLE tracery_schema_version (version INTEGER NOT NULL)",
            "INSERT INTO tracery_schema_version (version) VALUES (1)",
            $"""
            CREATE TABLE tracery_spans (trace_low TEXT NOT NULL, trace_id TEXT NOT NULL, span_id TEXT NOT NULL, span_hash BIGINT NOT NULL,
                ts_ms BIGINT NOT NULL, service TEXT, remote_service TEXT, name TEXT, json {blobType} NOT NULL,
                PRIMARY KEY (trace_low, trace_id, span_id, span_hash))
            """,
            "CREATE INDEX tracery_spans_ts ON tracery_spans (ts_ms, trace_low)",
            "CREATE INDEX tracery_spans_service ON tracery_spans (service, ts_ms, trace_low)",
            "CREATE INDEX tracery_spans_name_only ON tracery_spans (name, trace_low)",
            "CREATE TABLE tracery_autocomplete (tag_key TEXT NOT NULL, tag_value TEXT NOT NULL, PRIMARY KEY (tag_key, tag_value))"])
        {
            await ExecuteAsync(connection, sql, []);
        }
        var hash = 0L;
        foreach (var span in spans)
        {
            await ExecuteAsync(connection,
                "INSERT INTO tracery_spans VALUES (@l, @t, @s, @h, @ts, @sv, @r, @n, @j)",
                [("@l", span.TraceId[^16..]), ("@t", span.TraceId), ("@s", span.Id), ("@h", ++hash), ("@ts", span.Timestamp / 1000),
                 ("@sv", span.LocalServiceName), ("@r", span.RemoteServiceName), ("@n", span.Name), ("@j", SpanBytesEncoder.EncodeOne(span, SpanEncoding.JsonV2))]);
        }
    }

    static async Task ExecuteAsync(DbConnection connection, string sql, (string Name, object? Value)[] values)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in values)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }
        await command.ExecuteNonQueryAsync();
    }
}
