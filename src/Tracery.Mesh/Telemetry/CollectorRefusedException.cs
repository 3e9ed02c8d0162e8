namespace Tracery.Mesh.Telemetry;

/// <summary>The collector answered but did not take the spans (an error status, Scribe's <c>TRY_LATER</c>).</summary>
public sealed class CollectorRefusedException(string message) : Exception(message);
