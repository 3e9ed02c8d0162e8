namespace Tracery.Mesh.Tests.Support;

using Tracery.Mesh.Naming;

/// <summary>An address set the test changes by hand, standing in for a namer.</summary>
public sealed class StaticAddressSet(params Address[] addresses) : IAddressSet
{
    private readonly List<Action<IReadOnlyList<Address>>> _subscribers = [];

    public IReadOnlyList<Address> Current { get; private set; } = addresses;

    public void Set(params Address[] addresses)
    {
        Current = addresses;
        foreach (var subscriber in _subscribers.ToArray())
        {
            subscriber(addresses);
        }
    }

    public IDisposable Subscribe(Action<IReadOnlyList<Address>> onChange)
    {
        _subscribers.Add(onChange);
        return new Unsubscriber(() => _subscribers.Remove(onChange));
    }

    private sealed class Unsubscriber(Action dispose) : IDisposable
    {
        public void Dispose() => dispose();
    }
}
