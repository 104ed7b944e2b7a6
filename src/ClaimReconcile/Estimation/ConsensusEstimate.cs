using System.Collections.Immutable;

namespace ClaimReconcile.Estimation;

/// <summary>An estimator's answer for a whole problem.</summary>
/// <remarks>Immutable.</remarks>
/// <param name="Groups">One estimate per group of the problem, in the same order.</param>
/// <param name="SourceReliabilities">One reliability (0–1) per source of the problem, in the same order.</param>
public sealed record ConsensusEstimate(ImmutableArray<GroupEstimate> Groups, ImmutableArray<double> SourceReliabilities)
{
    /// <summary>Pairs of sources judged dependent from their shared values (undeclared copying), ordered by source pair; empty when the estimator does not look.</summary>
    public ImmutableArray<DetectedDependence> Dependencies { get; init; } = [];
}
