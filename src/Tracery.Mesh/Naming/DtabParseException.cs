namespace Tracery.Mesh.Naming;

/// <summary>Dtab text that does not parse; the message points at the offending position.</summary>
public sealed class DtabParseException(string message) : FormatException(message);
