namespace Tracery.Mesh.Naming;

/// <summary>
/// A name bound by a namer and its transformers: <paramref name="Id"/> is Linkerd's bound id (for example
/// <c>/%/io.l5d.port/4141/#/io.l5d.fs/hello</c>), the client label and the key of a client's state.
/// <paramref name="Residual"/> is the part of the destination path the namer did not consume.
/// </summary>
public sealed record BoundName(string Id, IAddressSet Addresses, NamePath Residual);
