namespace Tracery.Mesh.Naming;

/// <summary>The live addresses of a bound name; namers such as <c>io.l5d.fs</c> change it as files change.</summary>
public interface IAddressSet
{
    /// <summary>The addresses now; empty when the name exists but has no endpoints.</summary>
    IReadOnlyList<Address> Current { get; }

    /// <summary>Calls <paramref name="onChange"/> after each change, until the subscription is disposed.</summary>
    IDisposable Subscribe(Action<IReadOnlyList<Address>> onChange);
}
