namespace Tracery.Mesh.Naming.Namers;

using System.Net.Http.Headers;

/// <summary>
/// Sends the service account token as <c>Authorization: Bearer</c>. The file is read on every request: the kubelet
/// rotates projected tokens by swapping the file, and requests here are only lists and watch starts, so a fresh
/// read costs nothing that matters and can never send an expired token.
/// </summary>
internal sealed class K8sBearerToken(string tokenFile, HttpMessageHandler inner) : DelegatingHandler(inner)
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var token = (await File.ReadAllTextAsync(tokenFile, cancellationToken)).Trim();
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await base.SendAsync(request, cancellationToken);
    }
}
