using ClaimReconcile.Estimation;
using ClaimReconcile.Serialization;

namespace ClaimReconcile;

/// <summary>Settings of a <see cref="Reconciler"/>, checked once when the reconciler is built.</summary>
/// <remarks>Mutable until passed to a reconciler, which copies what it needs; not thread-safe while being changed.</remarks>
public sealed class ReconcilerOptions
{
    /// <summary>How hedges widen values into intervals. Defaults to <see cref="HedgeTable.Default"/>.</summary>
    public HedgeTable Hedges { get; set; } = HedgeTable.Default;

    /// <summary>
    /// How consensus values and reliabilities are estimated. <see langword="null"/> (the default) means a
    /// <see cref="TruthDiscoveryEstimator"/> with the settings of <see cref="TruthDiscovery"/>; set
    /// <see cref="MajorityVoteEstimator.Instance"/> for the plain majority-vote baseline.
    /// </summary>
    public IConsensusEstimator? Estimator { get; set; }

    /// <summary>
    /// Settings of the default estimator: priors (<see cref="TruthDiscoveryOptions.DefaultPrior"/>,
    /// <see cref="TruthDiscoveryOptions.PriorWeight"/>), convergence (<see cref="TruthDiscoveryOptions.Tolerance"/>,
    /// <see cref="TruthDiscoveryOptions.MaxIterations"/>) and copy detection. Ignored when <see cref="Estimator"/> is set.
    /// </summary>
    public TruthDiscoveryOptions TruthDiscovery { get; set; } = new();

    internal IConsensusEstimator BuildEstimator() => Estimator ?? new TruthDiscoveryEstimator(TruthDiscovery);

    /// <summary>
    /// Limits on claim-set input, for <see cref="ClaimSetJson"/>. Defaults to <see cref="ClaimSetReadOptions.Default"/>.
    /// With dependency injection, the configured limits are registered as the <see cref="ClaimSetReadOptions"/> singleton.
    /// </summary>
    public ClaimSetReadOptions Reading { get; set; } = ClaimSetReadOptions.Default;

    internal void Validate()
    {
        var errors = new List<string>();
        if (Reading is null)
        {
            errors.Add($"{nameof(Reading)} must not be null.");
        }
        else
        {
            try
            {
                Reading.Validate();
            }
            catch (ArgumentException e)
            {
                errors.Add(e.Message.Split(" (Parameter", 2)[0]);
            }
        }

        if (Hedges is null)
        {
            errors.Add($"{nameof(Hedges)} must not be null.");
        }

        if (TruthDiscovery is null)
        {
            errors.Add($"{nameof(TruthDiscovery)} must not be null.");
        }
        else if (Estimator is null)
        {
            errors.AddRange(TruthDiscovery.Errors().Select(e => $"{nameof(TruthDiscovery)}.{e}"));
        }

        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid reconciler options: " + string.Join(" ", errors), "options");
        }
    }
}
