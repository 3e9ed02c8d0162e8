namespace Tracery.Cli.Demo;

/// <summary>A part of the demo could not start; the message names the part and where it tried to listen.</summary>
internal sealed class DemoStartException(DemoListener listener, Exception inner)
    : Exception($"cannot start the {listener}: {Reason(inner)}", inner)
{
    public DemoListener Listener { get; } = listener;

    private static string Reason(Exception e) =>
        e is IOException { InnerException: { } cause } ? Reason(cause)
        : e.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase) ? "address already in use"
        : e.Message;
}
