namespace ClaimReconcile.Estimation;

/// <summary>Settings of the <see cref="TruthDiscoveryEstimator"/>, checked once when the estimator is built.</summary>
/// <remarks>
/// Mutable until passed to an estimator, which copies them; not thread-safe while being changed. The defaults
/// are sensible for news claims and for the public truth-discovery data sets (see docs/accuracy.md).
/// </remarks>
public sealed class TruthDiscoveryOptions
{
    /// <summary>Prior reliability of a source that declares none (0 &lt; p &lt; 1). Default 0.8: sources are mostly right.</summary>
    public double DefaultPrior { get; set; } = 0.8;

    /// <summary>How many claims' worth of weight the prior has against the evidence (≥ 0). Default 2.</summary>
    public double PriorWeight { get; set; } = 2;

    /// <summary>
    /// How many false values a question is assumed to have (≥ 1). A source of reliability <c>r</c> votes with weight
    /// <c>ln(FalseValues · r / (1 − r))</c>, and a value nobody states keeps some probability. Default 10.
    /// </summary>
    public double FalseValues { get; set; } = 10;

    /// <summary>
    /// How much a close but disagreeing value (<see cref="EstimationGroup.Closeness"/>: 4:55 p.m. for 5:00 p.m.) counts
    /// toward a candidate, relative to a value that agrees (0–1). Default 0.1: close values tip a balance without
    /// letting a cloud of near misses outvote an exact answer.
    /// </summary>
    public double SimilarityWeight { get; set; } = 0.1;

    /// <summary>
    /// The iteration stops when no reliability moves by more than this (&gt; 0). Default 1e-9: far below the three
    /// decimals a report shows, so a run settles on the same numbers whether it starts from the priors or, in a
    /// <see cref="ReconciliationSession"/>, from the previous estimate. It costs a few iterations more than a looser
    /// setting.
    /// </summary>
    public double Tolerance { get; set; } = 1e-9;

    /// <summary>The most iterations per round (≥ 1); the estimate is returned as it stands when they run out. Default 30.</summary>
    public int MaxIterations { get; set; } = 30;

    /// <summary>Whether undeclared copying between sources is detected and discounted. Default on.</summary>
    public bool DetectCopying { get; set; } = true;

    /// <summary>
    /// When copying is first looked for. <see langword="true"/>: also before the first estimate, from a vote weighted
    /// by the priors alone (as ACCU does); this catches a copied clique that is the majority on most questions it
    /// answers, before it can raise its own reliability, but can take an independent minority that agrees on the
    /// truth against the vote for copiers. <see langword="false"/>: only after the first estimate.
    /// Default <see langword="null"/>: when the early look finds dependence, both orders run and the one whose final
    /// state explains the claims better under the estimator's own model (higher log-likelihood of all claims given
    /// the reliabilities and the dependence found, with their priors) is kept; no gold data is involved. At most
    /// twice the work of one order (see docs/accuracy.md), and only when the early look finds enough
    /// (<see cref="BothOrdersMinShare"/>).
    /// </summary>
    public bool? DetectCopyingFirst { get; set; }

    /// <summary>
    /// With <see cref="DetectCopyingFirst"/> <see langword="null"/>, how much the early look must find for both orders to
    /// run: the values shared by the pairs it judges dependent, as a share of all claims (≥ 0). Below it, the early look
    /// discounts too few claims to change more than a few questions, and the early order (ACCU's) runs alone, at half
    /// the cost. That is the usual case with many independent sources, where a few pairs share false values by chance:
    /// 0.1 % of the claims at a million claims from 1,000 sources, against 77–225 % on the evaluation data sets, where
    /// copying is real. 0 runs both orders whenever the early look finds anything. Default 0.01.
    /// </summary>
    public double BothOrdersMinShare { get; set; } = 0.01;

    /// <summary>
    /// How often a copier is assumed to copy its original's value (0 &lt; c &lt; 1); every question where two sources
    /// differ weighs <c>ln(1 − c)</c> against their dependence. Default 0.8.
    /// </summary>
    public double CopyRate { get; set; } = 0.8;

    /// <summary>The prior probability that two sources are dependent (0 &lt; α &lt; 1); pairs more likely dependent than not are. Default 0.2.</summary>
    public double CopyPrior { get; set; } = 0.2;

    /// <summary>
    /// Two sources are judged dependent only when the values they share include at least this many judged false
    /// (each counted by its probability of being false; ≥ 0): agreeing on true values alone proves nothing. Default 2.
    /// </summary>
    public double MinSharedFalse { get; set; } = 2;

    /// <summary>Only the first this many claims of a group are compared pairwise by the copy detector (≥ 2). Default 64.</summary>
    public int MaxClaimsPerGroupForCopying { get; set; } = 64;

    internal TruthDiscoveryOptions Clone() => (TruthDiscoveryOptions)MemberwiseClone();

    internal IEnumerable<string> Errors()
    {
        if (!(DefaultPrior > 0 && DefaultPrior < 1))
        {
            yield return $"{nameof(DefaultPrior)} must be between 0 and 1 (exclusive).";
        }

        if (!(PriorWeight >= 0) || double.IsInfinity(PriorWeight))
        {
            yield return $"{nameof(PriorWeight)} must be a finite number ≥ 0.";
        }

        if (!(FalseValues >= 1) || double.IsInfinity(FalseValues))
        {
            yield return $"{nameof(FalseValues)} must be a finite number ≥ 1.";
        }

        if (!(SimilarityWeight >= 0 && SimilarityWeight <= 1))
        {
            yield return $"{nameof(SimilarityWeight)} must be between 0 and 1.";
        }

        if (!(Tolerance > 0))
        {
            yield return $"{nameof(Tolerance)} must be > 0.";
        }

        if (MaxIterations < 1)
        {
            yield return $"{nameof(MaxIterations)} must be ≥ 1.";
        }

        if (!(CopyRate > 0 && CopyRate < 1))
        {
            yield return $"{nameof(CopyRate)} must be between 0 and 1 (exclusive).";
        }

        if (!(CopyPrior > 0 && CopyPrior < 1))
        {
            yield return $"{nameof(CopyPrior)} must be between 0 and 1 (exclusive).";
        }

        if (!(MinSharedFalse >= 0) || double.IsInfinity(MinSharedFalse))
        {
            yield return $"{nameof(MinSharedFalse)} must be a finite number ≥ 0.";
        }

        if (!(BothOrdersMinShare >= 0) || double.IsInfinity(BothOrdersMinShare))
        {
            yield return $"{nameof(BothOrdersMinShare)} must be a finite number ≥ 0.";
        }

        if (MaxClaimsPerGroupForCopying < 2)
        {
            yield return $"{nameof(MaxClaimsPerGroupForCopying)} must be ≥ 2.";
        }
    }
}
