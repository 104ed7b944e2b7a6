using System.Collections.Immutable;

namespace ClaimReconcile.Estimation;

/// <summary>An estimator's answer for one group.</summary>
/// <remarks>Immutable.</remarks>
/// <param name="Winner">Index of the claim whose value is the consensus, or <see langword="null"/> when no value outweighs a conflicting one.</param>
/// <param name="Confidence">Probability that the winner's value is true (for no winner: that of the best value).</param>
/// <param name="ClaimProbabilities">For each claim, the probability that it is true.</param>
public sealed record GroupEstimate(int? Winner, double Confidence, ImmutableArray<double> ClaimProbabilities)
{
    /// <summary>
    /// The confidence, and every claim's probability, of a group without a candidate value (all its claims deny values
    /// or give none to weigh): nothing speaks for or against any value, so every estimator says ½.
    /// </summary>
    internal const double Undecided = 0.5;

    /// <summary>The estimate of a group of <paramref name="claims"/> claims without a candidate value: no winner, and <see cref="Undecided"/> throughout.</summary>
    internal static GroupEstimate WithoutCandidates(int claims) => new(null, Undecided, [.. Enumerable.Repeat(Undecided, claims)]);

    /// <summary>
    /// Whether this estimate shows the same as one with <paramref name="winner"/>, <paramref name="confidence"/> and
    /// <paramref name="claimProbabilities"/>, each number rounded by <paramref name="shown"/> as a report rounds it.
    /// </summary>
    internal bool ShowsAs(int? winner, double confidence, ReadOnlySpan<double> claimProbabilities, Func<double, double> shown)
    {
        if (Winner != winner || shown(Confidence) != shown(confidence) || ClaimProbabilities.Length != claimProbabilities.Length)
        {
            return false;
        }

        for (var c = 0; c < claimProbabilities.Length; c++)
        {
            if (shown(ClaimProbabilities[c]) != shown(claimProbabilities[c]))
            {
                return false;
            }
        }

        return true;
    }
}
