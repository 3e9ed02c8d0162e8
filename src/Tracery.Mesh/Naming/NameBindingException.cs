namespace Tracery.Mesh.Naming;

/// <summary>A namer or transformer could not bind a name (not the same as "no such name", which is negative).</summary>
public sealed class NameBindingException(string message) : Exception(message);
