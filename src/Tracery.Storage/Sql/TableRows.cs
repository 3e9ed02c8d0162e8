namespace Tracery.Storage.Sql;

/// <summary>
/// Rows for one small table: "INSERT INTO t (a, b)", the conflict clause, and the values (strings or
/// longs, in column order). Each dialect turns them into its own statements.
/// </summary>
sealed record TableRows(string InsertInto, string OnConflict, IReadOnlyList<object[]> Rows);
