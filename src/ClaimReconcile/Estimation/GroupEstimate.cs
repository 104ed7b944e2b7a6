using System.Collections.Immutable;

namespace ClaimReconcile.Estimation;

/// <summary>An estimator's answer for one group.</summary>
/// <remarks>Immutable.</remarks>
/// <param name="Winner">Index of the claim whose value is the consensus, or <see langword="null"/> when no value outweighs a conflicting one.</param>
/// <param name="Confidence">Probability that the winner's value is true (for no winner: that of the best value).</param>
/// <param name="ClaimProbabilities">For each claim, the probability that it is true.</param>
public sealed record GroupEstimate(int? Winner, double Confidence, ImmutableArray<double> ClaimProbabilities);
