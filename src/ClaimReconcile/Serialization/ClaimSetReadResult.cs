using System.Collections.Immutable;

namespace ClaimReconcile.Serialization;

/// <summary>What reading a claim set gave: the usable part, and every problem with a location.</summary>
/// <remarks>
/// Immutable. When the input cannot be read at all (not JSON, not a claim set), <see cref="Succeeded"/> is
/// <see langword="false"/>, <see cref="ClaimSet"/> is empty and <see cref="Issues"/> holds the one fatal issue
/// with its line and position. Otherwise claims that could not be read are named in <see cref="Issues"/> and
/// counted in <see cref="RejectedClaims"/>; pass the whole result to the reconciler so that they are counted in
/// the report.
/// </remarks>
public sealed class ClaimSetReadResult
{
    internal ClaimSetReadResult(ClaimSet claimSet, ImmutableArray<ReconciliationIssue> issues, int rejectedClaims, bool succeeded)
    {
        ClaimSet = claimSet;
        Issues = issues;
        RejectedClaims = rejectedClaims;
        Succeeded = succeeded;
    }

    /// <summary>Whether the input was a readable claim set (possibly with bad claims in it).</summary>
    public bool Succeeded { get; }

    /// <summary>The claims that could be read.</summary>
    public ClaimSet ClaimSet { get; }

    /// <summary>Problems found while reading, in input order.</summary>
    public ImmutableArray<ReconciliationIssue> Issues { get; }

    /// <summary>How many claims of the input were left out.</summary>
    public int RejectedClaims { get; }

    internal static ClaimSetReadResult Fatal(ReconciliationIssue issue) => new(ClaimSet.Empty, [issue], 0, false);
}
