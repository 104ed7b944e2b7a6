namespace ClaimReconcile.Pipeline;

/// <summary>
/// Sources that share an upstream, directly or through others, form one family and count once. A family is
/// named after its ordinally smallest member.
/// </summary>
internal sealed class SourceFamilies
{
    private readonly Dictionary<string, string> _parent = new(StringComparer.Ordinal);

    public SourceFamilies(IEnumerable<Source> sources)
    {
        foreach (var source in sources)
        {
            Find(source.Id);
            foreach (var upstream in source.DerivedFrom)
            {
                Union(source.Id, upstream);
            }
        }
    }

    public string Root(string id) => Find(id);

    private string Find(string id)
    {
        if (!_parent.TryGetValue(id, out var parent))
        {
            _parent[id] = id;
            return id;
        }

        if (parent == id)
        {
            return id;
        }

        var root = Find(parent);
        _parent[id] = root;
        return root;
    }

    private void Union(string a, string b)
    {
        var (ra, rb) = (Find(a), Find(b));
        if (ra == rb)
        {
            return;
        }

        // The smaller id becomes the root, so names do not depend on input order.
        if (string.CompareOrdinal(ra, rb) < 0)
        {
            _parent[rb] = ra;
        }
        else
        {
            _parent[ra] = rb;
        }
    }
}
