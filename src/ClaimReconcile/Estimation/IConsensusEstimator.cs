namespace ClaimReconcile.Estimation;

/// <summary>
/// Chooses the most likely value of every group and estimates how reliable every source is. The reconciler
/// does everything else (normalizing, scoping, grouping, comparing, judging); an estimator sees only the
/// structure of the problem: which claims agree with which, from which source and independent voice.
/// </summary>
/// <remarks>
/// Implementations must be deterministic (the same problem gives the same estimate, whatever the order of
/// groups) and thread-safe, since one reconciler may be used from many threads.
/// </remarks>
public interface IConsensusEstimator
{
    /// <summary>A short, stable name shown in reports (<c>majority-vote</c>).</summary>
    string Name { get; }

    /// <summary>Estimates consensus values and source reliabilities for a whole problem at once.</summary>
    ConsensusEstimate Estimate(EstimationProblem problem);
}
