namespace Tracery.Mesh.Tests.Support;

using Tracery.Mesh.Naming;

/// <summary>
/// An interpreter that looks names up in a table: the seam between routing and naming, so router tests do not
/// depend on dtab semantics. Unknown names resolve negative, as an unmatched dtab does.
/// </summary>
public sealed class TableInterpreter : INameInterpreter
{
    private readonly Dictionary<string, NameResolution> _table = new(StringComparer.Ordinal);

    private int _resolutions;

    public Func<Task>? Delay { get; set; }

    public int Resolutions => Volatile.Read(ref _resolutions);

    public TableInterpreter Bind(string path, string id, IAddressSet addresses, string residual = "")
    {
        var name = new BoundName(id, addresses, Names.Path(residual));
        _table[path] = new NameResolution.Bound([new WeightedName(name, 1.0)]);
        return this;
    }

    public TableInterpreter Set(string path, NameResolution resolution)
    {
        _table[path] = resolution;
        return this;
    }

    public async ValueTask<NameResolution> ResolveAsync(NamePath path, Dtab localDtab, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _resolutions);
        if (Delay is not null)
        {
            await Delay().WaitAsync(cancellationToken);
        }
        return _table.TryGetValue(path.ToString(), out var resolution) ? resolution : new NameResolution.Negative($"no entry for {path}");
    }
}
