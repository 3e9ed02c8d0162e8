namespace Tracery.Mesh.Identifiers;

using Microsoft.AspNetCore.Http;

/// <summary>A router's list of identifiers: the first that identifies the request wins.</summary>
public sealed class IdentifierChain(IReadOnlyList<IIdentifier> identifiers) : IIdentifier
{
    public Identification Identify(HttpRequest request)
    {
        var errors = new List<string>(identifiers.Count);
        foreach (var identifier in identifiers)
        {
            var identification = identifier.Identify(request);
            if (identification.Path is not null)
            {
                return identification;
            }

            errors.Add(identification.Error ?? "not identified");
        }

        return Identification.Unidentified(string.Join("; ", errors));
    }
}
