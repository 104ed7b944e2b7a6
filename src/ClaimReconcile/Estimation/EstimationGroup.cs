using System.Collections.Immutable;

namespace ClaimReconcile.Estimation;

/// <summary>The claims of one group and how far each supports each candidate value.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class EstimationGroup
{
    private readonly double[] _support;

    internal EstimationGroup(ImmutableArray<EstimationClaim> claims, int voices, double[] support)
    {
        Claims = claims;
        Voices = voices;
        _support = support;
    }

    /// <summary>The claims, in a fixed order.</summary>
    public ImmutableArray<EstimationClaim> Claims { get; }

    /// <summary>How many independent voices speak in this group.</summary>
    public int Voices { get; }

    /// <summary>
    /// How far claim <paramref name="claim"/> supports the value of candidate claim <paramref name="candidate"/>
    /// being true: 1 when their values agree (their intervals overlap, their keys match), 0 when they
    /// conflict, in between for partial overlap (sets); a negated claim supports the values it does not overlap.
    /// </summary>
    public double Support(int candidate, int claim) => _support[(candidate * Claims.Length) + claim];
}
