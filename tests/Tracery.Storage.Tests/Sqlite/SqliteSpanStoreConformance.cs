namespace Tracery.Storage.Tests.Sqlite;
using Tracery.Storage.Tests.Conformance;

// The shared conformance suite, run on SQLite: each test gets its own temporary database file, deleted after.

public sealed class SqliteSpanStoreSpanStoreTests : SpanStoreConformance
{
    protected override Task<ISpanStore> CreateStoreAsync(StorageOptions options) => TemporarySqliteStore.CreateAsync(options);
}

public sealed class SqliteSpanStoreTracesTests : TracesConformance
{
    protected override Task<ISpanStore> CreateStoreAsync(StorageOptions options) => TemporarySqliteStore.CreateAsync(options);
}

public sealed class SqliteSpanStoreServiceAndSpanNamesTests : ServiceAndSpanNamesConformance
{
    protected override Task<ISpanStore> CreateStoreAsync(StorageOptions options) => TemporarySqliteStore.CreateAsync(options);
}

public sealed class SqliteSpanStoreAutocompleteTagsTests : AutocompleteTagsConformance
{
    protected override Task<ISpanStore> CreateStoreAsync(StorageOptions options) => TemporarySqliteStore.CreateAsync(options);
}

public sealed class SqliteSpanStoreStrictTraceIdFalseTests : StrictTraceIdFalseConformance
{
    protected override Task<ISpanStore> CreateStoreAsync(StorageOptions options) => TemporarySqliteStore.CreateAsync(options);
}

public sealed class SqliteSpanStoreSearchEnabledFalseTests : SearchEnabledFalseConformance
{
    protected override Task<ISpanStore> CreateStoreAsync(StorageOptions options) => TemporarySqliteStore.CreateAsync(options);
}

public sealed class SqliteSpanStoreDependenciesTests : DependenciesConformance
{
    protected override Task<ISpanStore> CreateStoreAsync(StorageOptions options) => TemporarySqliteStore.CreateAsync(options);
}
