using System.Collections.Immutable;

namespace ClaimReconcile.Estimation;

/// <summary>The claims of one group and how far each supports each candidate value.</summary>
/// <remarks>
/// Immutable and thread-safe. Claims that state the same normalized value the same way share one pattern, so the
/// support between claims is stored once per pair of patterns: a group of ten claims with three distinct values
/// keeps a 3 × 3 table, not a 10 × 10 one.
/// </remarks>
public sealed class EstimationGroup
{
    private readonly int[] _pattern;
    private readonly int _patterns;
    private readonly double[] _support;
    private readonly float[]? _closeness;

    /// <summary>A group whose support is given claim by claim (<c>n × n</c>, candidate-major).</summary>
    internal EstimationGroup(ImmutableArray<EstimationClaim> claims, int voices, double[] support, float[]? closeness = null)
        : this(claims, voices, Identity(claims.Length), claims.Length, support, closeness)
    {
    }

    /// <summary>A group whose support is given per pair of patterns (<c>patterns × patterns</c>); <paramref name="pattern"/> maps each claim to its pattern.</summary>
    internal EstimationGroup(ImmutableArray<EstimationClaim> claims, int voices, int[] pattern, int patterns, double[] support, float[]? closeness)
    {
        Claims = claims;
        Voices = voices;
        _pattern = pattern;
        _patterns = patterns;
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
    public double Support(int candidate, int claim) => _support[(_pattern[candidate] * _patterns) + _pattern[claim]];

    /// <summary>
    /// How close the value of claim <paramref name="claim"/> comes to that of candidate <paramref name="candidate"/>
    /// when the two do not agree (0 ≤ x &lt; ½): a claim of 4:55 p.m. is close to 5:00 p.m. without supporting it.
    /// 0 for values that agree, for keys and sets, and for values far apart.
    /// </summary>
    public double Closeness(int candidate, int claim) => _closeness is null ? 0 : _closeness[(_pattern[candidate] * _patterns) + _pattern[claim]];

    private static int[] Identity(int n)
    {
        var pattern = new int[n];
        for (var i = 0; i < n; i++)
        {
            pattern[i] = i;
        }

        return pattern;
    }
}
