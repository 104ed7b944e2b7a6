using System.Collections.Immutable;

namespace ClaimReconcile;

/// <summary>An unordered set of members — an author list, a delegation — each a mention or a value as written.</summary>
/// <remarks>
/// Immutable; equality is structural on the members in the order given. The reconciler compares sets as
/// sets of normalized members and reports partial overlap as such.
/// </remarks>
public sealed class SetValue : ClaimValue
{
    private SetValue(ImmutableArray<string> members) => Members = members;

    /// <inheritdoc />
    public override string Kind => "set";

    /// <summary>The members as written.</summary>
    public ImmutableArray<string> Members { get; }

    /// <summary>A set of members.</summary>
    /// <exception cref="ArgumentException">A member is empty or white space, or there are no members.</exception>
    public static SetValue Of(IEnumerable<string> members)
    {
        ArgumentNullException.ThrowIfNull(members);
        var list = members.Select(m =>
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(m, nameof(members));
            return m.Trim();
        }).ToImmutableArray();
        if (list.IsEmpty)
        {
            throw new ArgumentException("A set needs at least one member.", nameof(members));
        }

        return new SetValue(list);
    }

    /// <inheritdoc />
    public override bool Equals(ClaimValue? other) => other is SetValue s && s.Members.SequenceEqual(Members, StringComparer.Ordinal);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var member in Members)
        {
            hash.Add(member, StringComparer.Ordinal);
        }

        return hash.ToHashCode();
    }

    /// <inheritdoc />
    public override string ToString() => "{" + string.Join(", ", Members) + "}";
}
