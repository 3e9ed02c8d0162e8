namespace Tracery.Mesh.Naming.Addresses;

/// <summary>
/// An address set computed from another by a transformer (rewrite ports, keep local ones...). It follows the
/// source for its whole life: transformed names are cached per bound id, so there is one per client, not per request.
/// </summary>
public sealed class DerivedAddressSet : IAddressSet
{
    private readonly LiveAddressSet output;
    private readonly IDisposable sourceSubscription;

    public DerivedAddressSet(IAddressSet source, Func<IReadOnlyList<Address>, IReadOnlyList<Address>> derive)
    {
        output = new LiveAddressSet(derive(source.Current));
        sourceSubscription = source.Subscribe(addresses => output.Update(derive(addresses)));

        // A change between the first read and the subscription would otherwise be missed.
        output.Update(derive(source.Current));
    }

    public IReadOnlyList<Address> Current => output.Current;

    public IDisposable Subscribe(Action<IReadOnlyList<Address>> onChange) => output.Subscribe(onChange);

    /// <summary>Stops following the source.</summary>
    public void Detach() => sourceSubscription.Dispose();
}
