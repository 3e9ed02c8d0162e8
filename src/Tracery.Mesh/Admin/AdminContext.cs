namespace Tracery.Mesh.Admin;

using Tracery.Mesh.Hosting;

/// <summary>What the admin endpoints read: the running host and its options.</summary>
internal sealed record AdminContext(MeshHost Host, MeshOptions Options);
