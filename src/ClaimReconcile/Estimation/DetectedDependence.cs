namespace ClaimReconcile.Estimation;

/// <summary>Two sources the estimator judged dependent (one copies the other, or both copy a third), with the evidence.</summary>
/// <remarks>Immutable. <see cref="Source"/> is the smaller index of the pair.</remarks>
/// <param name="Source">Index into <see cref="EstimationProblem.SourceIds"/>.</param>
/// <param name="Other">Index of the other source.</param>
/// <param name="CommonQuestions">Questions (groups) both answer.</param>
/// <param name="SharedValues">Of those, the questions where they give the very same value.</param>
/// <param name="SharedFalse">The shared values, each counted by the probability that it is false.</param>
/// <param name="Probability">The posterior probability that the two are dependent.</param>
public sealed record DetectedDependence(int Source, int Other, int CommonQuestions, int SharedValues, double SharedFalse, double Probability);
