namespace Tracery.Tracing.Scribe;

/// <summary>A decoded <c>Log(list&lt;LogEntry&gt;)</c> call; the reply must carry the same sequence id.</summary>
public sealed record ScribeLogCall(int SequenceId, IReadOnlyList<ScribeLogEntry> Entries);
