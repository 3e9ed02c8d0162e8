namespace Tracery.Mesh.Naming;

using Microsoft.Extensions.Logging;

/// <summary>What a namer or transformer may need when it is built: time, logging, and the namers (to bind fixed paths).</summary>
public sealed record NamingContext(TimeProvider TimeProvider, ILoggerFactory LoggerFactory, NamerSet Namers);
