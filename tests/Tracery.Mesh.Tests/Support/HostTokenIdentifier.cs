namespace Tracery.Mesh.Tests.Support;

using Microsoft.AspNetCore.Http;
using Tracery.Mesh.Identifiers;
using Tracery.Mesh.Naming;

/// <summary>A minimal <c>io.l5d.header.token</c> on Host for router tests (the real one belongs to the naming work).</summary>
public sealed class HostTokenIdentifier : IIdentifier
{
    public Identification Identify(HttpRequest request)
    {
        var host = request.Host.Host;
        return string.IsNullOrEmpty(host)
            ? Identification.Unidentified("Host header is absent")
            : Identification.Found(new NamePath(["svc", host]));
    }
}
