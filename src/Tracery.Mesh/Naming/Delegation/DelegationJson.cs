namespace Tracery.Mesh.Naming.Delegation;

using System.Text.Json;

/// <summary>
/// Writes a delegation tree in the shape of Linkerd's <c>/delegator.json</c>: every node has <c>type</c>
/// (delegate, alt, union, leaf, transformation, neg, fail, empty, exception), <c>path</c> (<c>~</c> and <c>!</c> for
/// those written in the dtab) and <c>dentry</c> (<c>{"prefix","dst"}</c>, left out for the starting path); then <c>delegate</c>, <c>alt</c>, <c>union</c> (<c>[{weight, tree}]</c>),
/// <c>bound</c> (<c>{addr: {type, addrs: [{ip, port, meta}], meta}, id, path}</c>), <c>name</c> + <c>tree</c>, or <c>message</c>.
/// </summary>
public static class DelegationJson
{
    public static string Serialize(DelegationTree tree, bool indented = false)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented }))
        {
            Write(writer, tree);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>The tree as a JSON node, for handlers that serialise whatever object they are given.</summary>
    public static System.Text.Json.Nodes.JsonNode ToJsonNode(DelegationTree tree) => System.Text.Json.Nodes.JsonNode.Parse(Serialize(tree))!;

    public static void Write(Utf8JsonWriter writer, DelegationTree tree)
    {
        writer.WriteStartObject();
        writer.WriteString("type", TypeOf(tree));
        writer.WriteString("path", PathText(tree));
        if (tree is not DelegationTree.Transformation)
        {
            WriteDentry(writer, tree.Dentry);
        }

        switch (tree)
        {
            case DelegationTree.Delegate d:
                writer.WritePropertyName("delegate");
                Write(writer, d.Tree);
                break;
            case DelegationTree.Alt alt:
                writer.WriteStartArray("alt");
                foreach (var branch in alt.Trees)
                {
                    Write(writer, branch);
                }

                writer.WriteEndArray();
                break;
            case DelegationTree.Union union:
                writer.WriteStartArray("union");
                foreach (var branch in union.Trees)
                {
                    writer.WriteStartObject();
                    writer.WriteNumber("weight", branch.Weight);
                    writer.WritePropertyName("tree");
                    Write(writer, branch.Tree);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                break;
            case DelegationTree.Leaf leaf:
                WriteBound(writer, leaf.Bound);
                break;
            case DelegationTree.Transformation t:
                writer.WriteString("name", t.Kind);
                if (t.Bound is not null)
                {
                    WriteBound(writer, t.Bound);
                }

                writer.WritePropertyName("tree");
                Write(writer, t.Tree);
                break;
            case DelegationTree.Exception e:
                writer.WriteString("message", e.Message);
                break;
        }

        writer.WriteEndObject();
    }

    private static string TypeOf(DelegationTree tree) => tree switch
    {
        DelegationTree.Delegate => "delegate",
        DelegationTree.Alt => "alt",
        DelegationTree.Union => "union",
        DelegationTree.Leaf => "leaf",
        DelegationTree.Transformation => "transformation",
        DelegationTree.Fail => "fail",
        DelegationTree.Empty => "empty",
        DelegationTree.Exception => "exception",
        _ => "neg",
    };

    /// <summary>Linkerd shows a <c>~</c> or <c>!</c> written in the dtab as itself, not as a path.</summary>
    private static string PathText(DelegationTree tree) => tree switch
    {
        DelegationTree.Neg { Path.IsEmpty: true } => "~",
        DelegationTree.Fail f when !f.Path.StartsWith(FailPath) => "!",
        _ => tree.Path.ToString(),
    };

    private static readonly NamePath FailPath = NamePath.Of("$", "fail");

    /// <summary>Linkerd leaves <c>dentry</c> out for the starting path (Jackson's NON_ABSENT).</summary>
    private static void WriteDentry(Utf8JsonWriter writer, Dentry? dentry)
    {
        if (dentry is null)
        {
            return;
        }

        writer.WriteStartObject("dentry");
        writer.WriteString("prefix", dentry.Prefix.ToString());
        writer.WriteString("dst", dentry.Destination.ToString());
        writer.WriteEndObject();
    }

    private static void WriteBound(Utf8JsonWriter writer, BoundName bound)
    {
        writer.WriteStartObject("bound");
        writer.WriteStartObject("addr");
        var addresses = bound.Addresses.Current;
        writer.WriteString("type", "bound");
        writer.WriteStartArray("addrs");
        foreach (var address in addresses)
        {
            writer.WriteStartObject();
            writer.WriteString("ip", address.Host);
            writer.WriteNumber("port", address.Port);
            writer.WriteStartObject("meta");
            if (address.Weight != 1.0)
            {
                writer.WriteNumber("endpoint_addr_weight", address.Weight);
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartObject("meta");
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteString("id", bound.Id);
        writer.WriteString("path", bound.Residual.ToString());
        writer.WriteEndObject();
    }
}
