namespace Tracery.Storage.Sql;

/// <summary>A trace's oldest and newest span (ms, 0 when absent) and stored bytes, as in <c>tracery_traces</c>.</summary>
readonly record struct TraceRange(string LowTraceId, long MinMillis, long MaxMillis, long Bytes);
