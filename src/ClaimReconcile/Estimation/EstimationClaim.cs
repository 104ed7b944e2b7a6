namespace ClaimReconcile.Estimation;

/// <summary>One claim as an estimator sees it.</summary>
/// <remarks>A value type with structural equality; the default value is a claim of source 0 and voice 0.</remarks>
/// <param name="Source">Index into <see cref="EstimationProblem.SourceIds"/>.</param>
/// <param name="Voice">Index of the independent voice within its group (speaker, or family of sources sharing an upstream).</param>
/// <param name="IsCandidate">Whether the claim's value can be the consensus (a negated claim only speaks against values).</param>
/// <param name="Spread">How wide the claim's value is in its normalized unit (0 for exact keys, infinity for open-ended hedges): among equally supported values, the narrower is the more precise answer.</param>
public readonly record struct EstimationClaim(int Source, int Voice, bool IsCandidate, double Spread);
