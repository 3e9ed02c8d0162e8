namespace Tracery.Storage.Tests.Memory;

using Tracery.Storage.Memory;
using Tracery.Storage.Tests.Conformance;

// The shared conformance suite, run on the memory store: each class gets a new store per test.

public sealed class MemorySpanStoreSpanStoreTests : SpanStoreConformance
{
    protected override Task<ISpanStore> CreateStoreAsync(StorageOptions options) => Task.FromResult<ISpanStore>(new MemorySpanStore(options));
}

public sealed class MemorySpanStoreTracesTests : TracesConformance
{
    protected override Task<ISpanStore> CreateStoreAsync(StorageOptions options) => Task.FromResult<ISpanStore>(new MemorySpanStore(options));
}

public sealed class MemorySpanStoreServiceAndSpanNamesTests : ServiceAndSpanNamesConformance
{
    protected override Task<ISpanStore> CreateStoreAsync(StorageOptions options) => Task.FromResult<ISpanStore>(new MemorySpanStore(options));
}

public sealed class MemorySpanStoreAutocompleteTagsTests : AutocompleteTagsConformance
{
    protected override Task<ISpanStore> CreateStoreAsync(StorageOptions options) => Task.FromResult<ISpanStore>(new MemorySpanStore(options));
}

public sealed class MemorySpanStoreStrictTraceIdFalseTests : StrictTraceIdFalseConformance
{
    protected override Task<ISpanStore> CreateStoreAsync(StorageOptions options) => Task.FromResult<ISpanStore>(new MemorySpanStore(options));
}

public sealed class MemorySpanStoreSearchEnabledFalseTests : SearchEnabledFalseConformance
{
    protected override Task<ISpanStore> CreateStoreAsync(StorageOptions options) => Task.FromResult<ISpanStore>(new MemorySpanStore(options));
}

public sealed class MemorySpanStoreDependenciesTests : DependenciesConformance
{
    protected override Task<ISpanStore> CreateStoreAsync(StorageOptions options) => Task.FromResult<ISpanStore>(new MemorySpanStore(options));
}
