namespace Tracery.Server.Tests.Ui;

/// <summary>
/// The browser tests share one trace server and one Chromium, and run one at a time after the other
/// tests: the trace page test times a render, which must not compete with a second browser for two cores.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TraceUiCollection : ICollectionFixture<TraceUiFixture>
{
    public const string Name = "Trace UI";
}
