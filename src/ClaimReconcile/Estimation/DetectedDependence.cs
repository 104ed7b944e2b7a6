namespace ClaimReconcile.Estimation;

/// <summary>Two sources the estimator judged dependent (one copies the other, or both copy a third), with the evidence.</summary>
/// <remarks>Immutable. <see cref="Source"/> is the smaller index of the pair.</remarks>
/// <param name="Source">Index into <see cref="EstimationProblem.SourceIds"/>.</param>
/// <param name="Other">Index of the other source.</param>
/// <param name="CommonQuestions">Questions (groups) both answer.</param>
/// <param name="SharedFalse">Identical values they share, each counted by the probability that it is false.</param>
/// <param name="Wrong">Questions where either is judged wrong, each counted by that probability.</param>
public sealed record DetectedDependence(int Source, int Other, int CommonQuestions, double SharedFalse, double Wrong)
{
    /// <summary>Of the questions where either source is wrong, the share where both give the same false value.</summary>
    public double Share => Wrong <= 0 ? 0 : Math.Min(1, SharedFalse / Wrong);
}
