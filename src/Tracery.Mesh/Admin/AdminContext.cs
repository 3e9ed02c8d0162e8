namespace Tracery.Mesh.Admin;

using Tracery.Mesh.Hosting;

/// <summary>What the admin endpoints read: the running host, its options and the recent-requests telemeter.</summary>
internal sealed record AdminContext(MeshHost Host, MeshOptions Options, RecentRequests? Recent);
