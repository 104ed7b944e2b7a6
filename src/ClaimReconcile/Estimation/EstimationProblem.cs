using System.Collections.Immutable;

namespace ClaimReconcile.Estimation;

/// <summary>Everything an estimator needs: the sources with their priors, and the groups.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class EstimationProblem
{
    internal EstimationProblem(ImmutableArray<string> sourceIds, ImmutableArray<double?> priors, ImmutableArray<EstimationGroup> groups)
    {
        SourceIds = sourceIds;
        Priors = priors;
        Groups = groups;
    }

    /// <summary>The source ids, ordered.</summary>
    public ImmutableArray<string> SourceIds { get; }

    /// <summary>Each source's declared prior reliability, if any.</summary>
    public ImmutableArray<double?> Priors { get; }

    /// <summary>The groups.</summary>
    public ImmutableArray<EstimationGroup> Groups { get; }
}
