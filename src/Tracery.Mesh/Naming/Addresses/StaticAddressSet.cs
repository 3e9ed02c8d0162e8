namespace Tracery.Mesh.Naming.Addresses;

/// <summary>Addresses that never change, such as those of <c>/$/inet/host/port</c>.</summary>
public sealed class StaticAddressSet(IReadOnlyList<Address> addresses) : IAddressSet
{
    public static readonly StaticAddressSet None = new([]);

    public IReadOnlyList<Address> Current { get; } = addresses;

    public IDisposable Subscribe(Action<IReadOnlyList<Address>> onChange) => NoSubscription.Instance;

    private sealed class NoSubscription : IDisposable
    {
        public static readonly NoSubscription Instance = new();

        public void Dispose() { }
    }
}
