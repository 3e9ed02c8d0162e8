namespace Tracery.Mesh.Naming.Addresses;

/// <summary>An address set its owner (a namer) replaces as its source changes; subscribers hear each real change.</summary>
public sealed class LiveAddressSet : IAddressSet
{
    private readonly Lock gate = new();
    private ImmutableSubscribers subscribers = ImmutableSubscribers.Empty;
    private IReadOnlyList<Address> current;

    public LiveAddressSet(IReadOnlyList<Address> initial) => current = initial;

    public IReadOnlyList<Address> Current => Volatile.Read(ref current);

    public IDisposable Subscribe(Action<IReadOnlyList<Address>> onChange)
    {
        lock (gate)
        {
            subscribers = subscribers.Add(onChange);
        }

        return new Subscription(this, onChange);
    }

    /// <summary>Publishes <paramref name="addresses"/>; returns false (and notifies nobody) when nothing changed.</summary>
    public bool Update(IReadOnlyList<Address> addresses)
    {
        ImmutableSubscribers toNotify;
        lock (gate)
        {
            if (current.SequenceEqual(addresses))
            {
                return false;
            }

            Volatile.Write(ref current, addresses);
            toNotify = subscribers;
        }

        foreach (var subscriber in toNotify.Items)
        {
            subscriber(addresses);
        }

        return true;
    }

    private void Unsubscribe(Action<IReadOnlyList<Address>> onChange)
    {
        lock (gate)
        {
            subscribers = subscribers.Remove(onChange);
        }
    }

    private sealed record ImmutableSubscribers(System.Collections.Immutable.ImmutableList<Action<IReadOnlyList<Address>>> Items)
    {
        public static readonly ImmutableSubscribers Empty = new(System.Collections.Immutable.ImmutableList<Action<IReadOnlyList<Address>>>.Empty);

        public ImmutableSubscribers Add(Action<IReadOnlyList<Address>> item) => new(Items.Add(item));

        public ImmutableSubscribers Remove(Action<IReadOnlyList<Address>> item) => new(Items.Remove(item));
    }

    private sealed class Subscription(LiveAddressSet owner, Action<IReadOnlyList<Address>> onChange) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
            {
                owner.Unsubscribe(onChange);
            }
        }
    }
}
