namespace Tracery.Mesh.Routing;

using Tracery.Mesh.Naming;

/// <summary>Chooses one name of a weighted union (<c>0.7 * /a &amp; 0.3 * /b</c>) in proportion to the weights.</summary>
public static class WeightedChoice
{
    public static BoundName Pick(IReadOnlyList<WeightedName> names, Func<double>? random = null)
    {
        if (names.Count == 1)
        {
            return names[0].Name;
        }
        var total = names.Sum(n => Math.Max(0, n.Weight));
        var point = (random ?? Random.Shared.NextDouble)() * total;
        foreach (var name in names)
        {
            point -= Math.Max(0, name.Weight);
            if (point < 0)
            {
                return name.Name;
            }
        }
        return names[^1].Name;
    }
}
