namespace Tracery.Cli.Demo;

/// <summary>
/// The ports of the demo. Both nodes use the same router and admin ports on their own addresses, as
/// the pods of a DaemonSet do; the outgoing router's <c>io.l5d.port</c> transformer relies on it.
/// </summary>
internal sealed record DemoPorts
{
    public int Http { get; init; } = 9411;
    public int Scribe { get; init; } = 9410;
    public int Outgoing { get; init; } = 4140;
    public int Incoming { get; init; } = 4141;
    public int Admin { get; init; } = 9990;
    public int Hello { get; init; } = 7777;
    public int World { get; init; } = 7778;

    /// <summary>Every port moved by <paramref name="offset"/>, so a second demo can run beside the first.</summary>
    public DemoPorts Offset(int offset) => new()
    {
        Http = Http + offset,
        Scribe = Scribe + offset,
        Outgoing = Outgoing + offset,
        Incoming = Incoming + offset,
        Admin = Admin + offset,
        Hello = Hello + offset,
        World = World + offset,
    };
}
