namespace Tracery.Mesh.Naming.Namers;

using System.Globalization;

/// <summary>
/// The <c>io.l5d.fs</c> file format: one endpoint per line, <c>host port</c> or <c>host port * weight</c>;
/// <c>#</c> starts a comment and blank lines are ignored.
/// </summary>
public static class EndpointFile
{
    /// <summary>The endpoints, and a message for each line that is not an endpoint (those lines are skipped).</summary>
    public static (IReadOnlyList<Address> Addresses, IReadOnlyList<string> Problems) Parse(string text)
    {
        var addresses = new List<Address>();
        var problems = new List<string>();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var content = lines[i];
            var comment = content.IndexOf('#');
            if (comment >= 0)
            {
                content = content[..comment];
            }

            var fields = content.Split((char[])[' ', '\t', '\r'], StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length == 0)
            {
                continue;
            }

            if (TryParse(fields, out var address))
            {
                addresses.Add(address);
            }
            else
            {
                problems.Add($"line {i + 1}: '{lines[i].TrimEnd('\r')}' is not 'host port' or 'host port * weight'");
            }
        }

        return (addresses, problems);
    }

    private static bool TryParse(string[] fields, out Address address)
    {
        address = default;
        if (fields.Length is not (2 or 4)
            || !int.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            return false;
        }

        var weight = 1.0;
        if (fields.Length == 4
            && (fields[2] != "*" || !double.TryParse(fields[3], NumberStyles.Float, CultureInfo.InvariantCulture, out weight) || weight < 0 || !double.IsFinite(weight)))
        {
            return false;
        }

        address = new Address(fields[0], port, weight);
        return true;
    }
}
