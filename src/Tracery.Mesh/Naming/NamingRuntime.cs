namespace Tracery.Mesh.Naming;

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Tracery.Mesh.Config;
using Tracery.Mesh.Config.Routing;
using Tracery.Mesh.Naming.Delegation;

/// <summary>
/// The running namers of a mesh config and one interpreter per router. It owns the namers (their watchers and
/// timers), so dispose it when the proxy stops.
/// </summary>
public sealed class NamingRuntime : IDisposable
{
    private readonly NamingContext context;
    private readonly NamingKinds kinds;
    private readonly ConfigPositions positions;
    // Transformers that hold resources (the daemonset transformer's own Kubernetes watches) stop with the namers.
    private readonly List<IDisposable> owned = [];

    private NamingRuntime(NamerSet namers, NamingContext context, NamingKinds kinds, ConfigPositions positions)
    {
        this.positions = positions;
        Namers = namers;
        this.context = context;
        this.kinds = kinds;
    }

    public NamerSet Namers { get; }

    /// <summary>Starts the config's namers. Throws <see cref="MeshConfigException"/> for a kind with no runtime yet.</summary>
    public static NamingRuntime Start(MeshConfig config, TimeProvider? timeProvider = null, ILoggerFactory? loggerFactory = null, NamingKinds? kinds = null)
    {
        kinds ??= NamingKinds.CreateDefault();
        var namers = new List<INamer>();
        var placeholder = new NamerSet([]);
        var early = new NamingContext(timeProvider ?? TimeProvider.System, loggerFactory ?? NullLoggerFactory.Instance, placeholder);
        for (var i = 0; i < config.Namers.Length; i++)
        {
            namers.Add(Build(() => kinds.CreateNamer(config.Namers[i], early), $"namers[{i}]", config.Positions));
        }

        var set = new NamerSet(namers);
        return new NamingRuntime(set, early with { Namers = set }, kinds, config.Positions);
    }

    /// <summary>The router's <c>default</c> interpreter: its dtab, the namers and its transformers.</summary>
    public DefaultInterpreter CreateInterpreter(RouterConfig router, int routerIndex = 0)
    {
        var transformers = router.Interpreter.Transformers
            .Select((t, i) => Build(() => kinds.CreateTransformer(t, context), $"routers[{routerIndex}].interpreter.transformers[{i}]", positions))
            .ToList();
        lock (owned)
        {
            owned.AddRange(transformers.OfType<IDisposable>());
        }

        return new DefaultInterpreter(router.Dtab, new Delegator(Namers, transformers));
    }

    public void Dispose()
    {
        foreach (var namer in Namers.Namers.OfType<IDisposable>())
        {
            namer.Dispose();
        }

        lock (owned)
        {
            owned.ForEach(o => o.Dispose());
            owned.Clear();
        }
    }

    /// <summary>Builds one entry; a refusal becomes a config error on the key it concerns (the argument's name, else <c>kind</c>).</summary>
    private static T Build<T>(Func<T> create, string entryPath, ConfigPositions positions)
    {
        try
        {
            return create();
        }
        catch (ArgumentException e)
        {
            var message = e.ParamName is null ? e.Message : e.Message.Replace($" (Parameter '{e.ParamName}')", string.Empty, StringComparison.Ordinal);
            throw positions.Error($"{entryPath}.{e.ParamName ?? "kind"}", message);
        }
        catch (NotSupportedException e)
        {
            throw positions.Error($"{entryPath}.kind", e.Message);
        }
    }
}
