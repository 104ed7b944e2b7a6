using System.Collections.Immutable;

namespace ClaimReconcile.Estimation;

/// <summary>A change to the ordered groups of an estimation: <paramref name="Removed"/> groups from <paramref name="Start"/> give way to <paramref name="Inserted"/>.</summary>
internal readonly record struct GroupSplice(int Start, int Removed, ImmutableArray<EstimationGroup> Inserted)
{
    /// <summary>Whether as many groups come as go, so that the new ones can take the old ones' places.</summary>
    public bool KeepsCount => Removed == Inserted.Length;
}
