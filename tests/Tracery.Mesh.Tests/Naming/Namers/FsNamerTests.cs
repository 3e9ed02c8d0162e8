namespace Tracery.Mesh.Tests.Naming.Namers;

using Tracery.Mesh.Naming;
using Tracery.Mesh.Naming.Namers;

public sealed class FsNamerTests : IDisposable
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);
    private readonly TempDirectory dir = new();

    public void Dispose() => dir.Dispose();

    private FsNamer Start(TimeProvider? time = null, bool watch = true) => new(NamePath.Of("io.l5d.fs"), dir.Path, time ?? TimeProvider.System, watch: watch);

    private static async Task<BoundName> Bind(FsNamer namer, string path)
    {
        var tree = await namer.LookupAsync(NamePath.Parse(path));
        return Assert.IsType<NameTree<BoundName>.Leaf>(tree).Value;
    }

    [Fact]
    public void FileFormatSkipsCommentsBlanksAndBadLines()
    {
        var (addresses, problems) = EndpointFile.Parse("# hello\n127.0.0.1 7777\n\n  10.0.0.2\t7778 * 0.5  # half\r\n10.0.0.3 notaport\n10.0.0.4 1 * x\n");
        Assert.Equal([new Address("127.0.0.1", 7777), new Address("10.0.0.2", 7778, 0.5)], addresses);
        Assert.Equal(2, problems.Count);
        Assert.Contains("line 5", problems[0]);
        Assert.Contains("10.0.0.3 notaport", problems[0]);
    }

    [Fact]
    public async Task BindsFilesByNameWithLinkerdIdsAndResidual()
    {
        dir.Write("hello", "127.0.0.1 7777\n127.0.0.1 7778 * 2\n");
        using var namer = Start();

        var bound = await Bind(namer, "/hello/api/v1");
        Assert.Equal("/#/io.l5d.fs/hello", bound.Id);
        Assert.Equal("/api/v1", bound.Residual.ToString());
        Assert.Equal([new Address("127.0.0.1", 7777), new Address("127.0.0.1", 7778, 2)], bound.Addresses.Current);
        Assert.IsType<NameTree<BoundName>.Neg>(await namer.LookupAsync(NamePath.Parse("/world")));
        Assert.IsType<NameTree<BoundName>.Neg>(await namer.LookupAsync(NamePath.Empty));
    }

    [Fact]
    public async Task EditsNewFilesAndDeletionsTakeEffectWithinOneSecond()
    {
        dir.Write("hello", "127.0.0.1 7777\n");
        using var namer = Start();
        var hello = await Bind(namer, "/hello");
        var heard = new List<IReadOnlyList<Address>>();
        using var subscription = hello.Addresses.Subscribe(a => { lock (heard) { heard.Add(a); } });

        dir.Write("hello", "127.0.0.1 7777\n127.0.0.1 7779\n");
        await Poll.UntilAsync(() => hello.Addresses.Current.Count == 2, Second, "edit seen");
        await Poll.UntilAsync(() => { lock (heard) { return heard.Any(a => a.Count == 2); } }, Second, "subscriber told");

        dir.Write("world", "127.0.0.1 7778\n");
        await Poll.UntilAsync(() => namer.LookupAsync(NamePath.Parse("/world")).Result is NameTree<BoundName>.Leaf, Second, "new file seen");

        dir.Delete("hello");
        await Poll.UntilAsync(() => hello.Addresses.Current.Count == 0, Second, "deletion empties bound set");
        Assert.IsType<NameTree<BoundName>.Neg>(await namer.LookupAsync(NamePath.Parse("/hello")));

        dir.Write("hello", "127.0.0.1 7780\n");
        await Poll.UntilAsync(() => hello.Addresses.Current.SequenceEqual([new Address("127.0.0.1", 7780)]), Second, "recreated file reuses the set");
    }

    [Fact]
    public async Task PollingAloneFindsChangesWhenTheWatcherMissesThem()
    {
        var time = new ManualTime();
        dir.Write("hello", "127.0.0.1 7777\n");
        using var namer = Start(time, watch: false);
        var hello = await Bind(namer, "/hello");

        dir.Write("hello", "127.0.0.1 7777\n127.0.0.1 7778\n");
        dir.Write("world", "127.0.0.1 7779\n");
        Assert.Single(hello.Addresses.Current);
        time.Fire();
        Assert.IsType<NameTree<BoundName>.Leaf>(await namer.LookupAsync(NamePath.Parse("/world")));
        Assert.Equal(2, hello.Addresses.Current.Count);
        Assert.Equal(FsNamer.PollInterval, time.Period);
    }

    /// <summary>A time provider whose timer fires only when the test says so.</summary>
    private sealed class ManualTime : TimeProvider
    {
        private TimerCallback? callback;

        public TimeSpan Period { get; private set; }

        public void Fire() => callback?.Invoke(null);

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            this.callback = callback;
            Period = period;
            return new NoTimer();
        }

        private sealed class NoTimer : ITimer
        {
            public bool Change(TimeSpan dueTime, TimeSpan period) => true;

            public void Dispose() { }

            public ValueTask DisposeAsync() => ValueTask.CompletedTask;
        }
    }
}
