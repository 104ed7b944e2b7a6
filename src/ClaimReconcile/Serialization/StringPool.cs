namespace ClaimReconcile.Serialization;

/// <summary>
/// One string per distinct text within one read: source ids, subjects, properties and units repeat across many claims
/// of a large file, and every claim then shares one instance instead of holding its own copy. Looking a text up
/// allocates nothing when it is already pooled. Not thread-safe; one pool per read.
/// </summary>
internal sealed class StringPool
{
    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public StringPool() => _lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The pooled string equal to <paramref name="text"/>, added on first sight.</summary>
    public string Get(ReadOnlySpan<char> text)
    {
        if (!_lookup.TryGetValue(text, out var pooled))
        {
            pooled = text.ToString();
            _strings.Add(pooled, pooled);
        }

        return pooled;
    }
}
