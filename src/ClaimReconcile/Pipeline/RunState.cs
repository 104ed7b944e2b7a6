using System.Collections.Immutable;
using ClaimReconcile.Estimation;

namespace ClaimReconcile.Pipeline;

/// <summary>One group through the stages: its question and scope, its claims, how they compare, its estimate and its verdict.</summary>
internal sealed class GroupEntry(string subject, string property, string? scope, List<PreparedClaim> claims, EstimationGroup problem)
{
    public string Subject { get; } = subject;

    public string Property { get; } = property;

    public string? Scope { get; } = scope;

    public List<PreparedClaim> Claims { get; } = claims;

    /// <summary>
    /// The subject as the claims write it (the ordinally first spelling), shown when it names no entity or event. Found
    /// when the group is made, right after its claims were compared, while they are still in the processor's cache.
    /// </summary>
    public string WrittenSubject { get; } = FirstSpelling(claims);

    public EstimationGroup Problem { get; } = problem;

    public GroupEstimate? Estimate { get; set; }

    public ClaimGroup? Judged { get; set; }

    /// <summary>The warning the compare stage gave for this group (values that cannot be compared), if any.</summary>
    public ReconciliationIssue? Warning { get; init; }

    private static string FirstSpelling(List<PreparedClaim> claims)
    {
        string? first = null;
        foreach (var claim in claims)
        {
            first = first is null || string.CompareOrdinal(claim.Claim.Subject, first) < 0 ? claim.Claim.Subject : first;
        }

        return first ?? "";
    }
}

/// <summary>What a full run computed, kept by a <see cref="ReconciliationSession"/> to update its report.</summary>
internal sealed class RunState(Reconciler reconciler, Validation validation, EntityResolver resolver, ClaimPreparation preparation, int earlyIssues, ImmutableArray<string> sourceIds,
    Dictionary<string, int> sourceIndex, GroupEntry[] groups, int[] claimCounts, ImmutableArray<DetectedDependence> dependencies,
    TruthDiscoveryEstimator.Continuation? estimation)
{
    public Reconciler Reconciler { get; } = reconciler;

    public Validation Validation { get; } = validation;

    public EntityResolver Resolver { get; } = resolver;

    /// <summary>How the run prepared its claims (with its "today" and its caches), to prepare added claims alike.</summary>
    public ClaimPreparation Preparation { get; } = preparation;

    /// <summary>How many issues came before the compare stage (reading, validation, names, scope): they name positions, which an update would shift.</summary>
    public int EarlyIssues { get; } = earlyIssues;

    public ImmutableArray<string> SourceIds { get; } = sourceIds;

    public Dictionary<string, int> SourceIndex { get; } = sourceIndex;

    /// <summary>The groups in report order.</summary>
    public GroupEntry[] Groups { get; set; } = groups;

    /// <summary>How many grouped claims each source has, by source index.</summary>
    public int[] ClaimCounts { get; } = claimCounts;

    public ImmutableArray<DetectedDependence> Dependencies { get; set; } = dependencies;

    /// <summary>The truth-discovery estimator's final state; <see langword="null"/> for other estimators, which estimate again in full.</summary>
    public TruthDiscoveryEstimator.Continuation? Estimation { get; } = estimation;
}
