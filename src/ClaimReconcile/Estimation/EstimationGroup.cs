using System.Collections.Immutable;

namespace ClaimReconcile.Estimation;

/// <summary>The claims of one group and how far each supports each candidate value.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class EstimationGroup
{
    private readonly double[] _support;
    private readonly float[]? _closeness;

    internal EstimationGroup(ImmutableArray<EstimationClaim> claims, int voices, double[] support, float[]? closeness = null)
    {
        Claims = claims;
        Voices = voices;
        _support = support;
        _closeness = closeness;
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

    /// <summary>
    /// How close the value of claim <paramref name="claim"/> comes to that of candidate <paramref name="candidate"/>
    /// when the two do not agree (0 ≤ x &lt; ½): a claim of 4:55 p.m. is close to 5:00 p.m. without supporting it.
    /// 0 for values that agree, for keys and sets, and for values far apart.
    /// </summary>
    public double Closeness(int candidate, int claim) => _closeness is null ? 0 : _closeness[(candidate * Claims.Length) + claim];
}
