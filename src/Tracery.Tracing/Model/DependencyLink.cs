namespace Tracery.Tracing.Model;

/// <summary>An edge of the service graph: <paramref name="Parent"/> called <paramref name="Child"/>.</summary>
public sealed record DependencyLink(string Parent, string Child, long CallCount, long ErrorCount);
