namespace Tracery.Server.Tests.Ui;

/// <summary>
/// The trace page tests time a render, so they run apart from the other browser tests rather than
/// competing with a second Chromium for the same two cores.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RenderTiming
{
    public const string Name = "Render timing";
}
