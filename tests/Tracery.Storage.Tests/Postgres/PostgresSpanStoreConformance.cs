namespace Tracery.Storage.Tests.Postgres;

using Tracery.Storage.Tests.Conformance;

// The shared conformance suite, run on PostgreSQL: each class gets its own database, each test its own schema in it.

public sealed class PostgresSpanStoreSpanStoreTests(PostgresDatabase database) : SpanStoreConformance, IClassFixture<PostgresDatabase>
{
    protected override Task<ISpanStore> CreateStoreAsync(StorageOptions options) => database.NewSpanStoreAsync(options);
}

public sealed class PostgresSpanStoreTracesTests(PostgresDatabase database) : TracesConformance, IClassFixture<PostgresDatabase>
{
    protected override Task<ISpanStore> CreateStoreAsync(StorageOptions options) => database.NewSpanStoreAsync(options);
}

public sealed class PostgresSpanStoreServiceAndSpanNamesTests(PostgresDatabase database) : ServiceAndSpanNamesConformance, IClassFixture<PostgresDatabase>
{
    protected override Task<ISpanStore> CreateStoreAsync(StorageOptions options) => database.NewSpanStoreAsync(options);
}

public sealed class PostgresSpanStoreAutocompleteTagsTests(PostgresDatabase database) : AutocompleteTagsConformance, IClassFixture<PostgresDatabase>
{
    protected override Task<ISpanStore> CreateStoreAsync(StorageOptions options) => database.NewSpanStoreAsync(options);
}

public sealed class PostgresSpanStoreStrictTraceIdFalseTests(PostgresDatabase database) : StrictTraceIdFalseConformance, IClassFixture<PostgresDatabase>
{
    protected override Task<ISpanStore> CreateStoreAsync(StorageOptions options) => database.NewSpanStoreAsync(options);
}

public sealed class PostgresSpanStoreSearchEnabledFalseTests(PostgresDatabase database) : SearchEnabledFalseConformance, IClassFixture<PostgresDatabase>
{
    protected override Task<ISpanStore> CreateStoreAsync(StorageOptions options) => database.NewSpanStoreAsync(options);
}

public sealed class PostgresSpanStoreDependenciesTests(PostgresDatabase database) : DependenciesConformance, IClassFixture<PostgresDatabase>
{
    protected override Task<ISpanStore> CreateStoreAsync(StorageOptions options) => database.NewSpanStoreAsync(options);
}
