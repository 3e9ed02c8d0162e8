namespace Tracery.Mesh.Naming;

/// <summary>One concrete endpoint a bound name resolves to; <paramref name="Weight"/> scales its share of load.</summary>
public readonly record struct Address(string Host, int Port, double Weight = 1.0)
{
    public override string ToString() => $"{Host}:{Port}";
}
