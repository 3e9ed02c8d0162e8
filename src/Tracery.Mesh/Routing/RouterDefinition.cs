namespace Tracery.Mesh.Routing;

using Tracery.Mesh.Balancing;
using Tracery.Mesh.Classification;
using Tracery.Mesh.Identifiers;
using Tracery.Mesh.Naming;
using Tracery.Mesh.Tracing;

/// <summary>
/// Everything one router needs at run time, built from its config entry: where it listens, how it names and
/// binds requests, and the client and service policies (looked up per bound id and per destination path,
/// which is how <c>io.l5d.static</c> client and service configs apply).
/// </summary>
public sealed record RouterDefinition(
    string Label,
    IReadOnlyList<ServerDefinition> Servers,
    IIdentifier Identifier,
    INameInterpreter Interpreter,
    Dtab BaseDtab)
{
    public Func<string, ClientPolicy> ClientPolicies { get; init; } = _ => ClientPolicy.Default;

    public Func<NamePath, ServicePolicy> ServicePolicies { get; init; } = _ => ServicePolicy.Default;

    /// <summary>Linkerd's <c>maxCallDepth</c>: more <c>Via</c> entries than this is a loop (400).</summary>
    public int MaxCallDepth { get; init; } = 1000;

    /// <summary>Records the router's SERVER and CLIENT spans and propagates trace context; no-op by default.</summary>
    public IRouterTracer Tracer { get; init; } = NoOpRouterTracer.Instance;

    /// <summary>Linkerd's <c>bindingTimeoutMs</c>.</summary>
    public TimeSpan BindingTimeout { get; init; } = TimeSpan.FromSeconds(10);
}
