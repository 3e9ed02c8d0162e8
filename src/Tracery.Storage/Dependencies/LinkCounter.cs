namespace Tracery.Storage.Dependencies;

using Tracery.Tracing.Model;

/// <summary>Call and error counts per (parent, child), remembering the order links were first seen.</summary>
sealed class LinkCounter
{
    readonly Dictionary<(string Parent, string Child), int> _index = [];
    readonly List<(string Parent, string Child, long Calls, long Errors)> _links = [];

    public void Add(string parent, string child, long calls, long errors)
    {
        if (_index.TryGetValue((parent, child), out var i))
        {
            var link = _links[i];
            _links[i] = link with { Calls = link.Calls + calls, Errors = link.Errors + errors };
            return;
        }
        _index[(parent, child)] = _links.Count;
        _links.Add((parent, child, calls, errors));
    }

    public IReadOnlyList<DependencyLink> Links() => _links.Select(l => new DependencyLink(l.Parent, l.Child, l.Calls, l.Errors)).ToList();
}
