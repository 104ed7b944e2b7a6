using System.Collections.Immutable;
using ClaimReconcile.Estimation;
using ClaimReconcile.Pipeline;
using ClaimReconcile.Serialization;
using NodaTime;

namespace ClaimReconcile;

/// <summary>
/// Reconciles a claim set: validate → normalize → scope → group → compare → estimate → judge → report.
/// </summary>
/// <remarks>
/// Immutable once built and thread-safe: one instance can serve many threads. <see cref="Reconcile(ClaimSet)"/>
/// never throws on bad user data: every claim ends up in exactly one group or in the report's issues. For a
/// claim set whose claims have ids, the result does not depend on the order of the input's arrays (claims
/// without ids are named by their position, and issues point at positions). The <see cref="IClock"/> gives "today" for
/// ages stated by sources without a publication date.
/// </remarks>
public sealed class Reconciler
{
    private readonly HedgeTable _hedges;
    private readonly IConsensusEstimator _estimator;
    private readonly IClock _clock;

    /// <summary>Creates a reconciler.</summary>
    /// <param name="options">Settings; the defaults when omitted.</param>
    /// <param name="clock">The clock that says what "today" is; the system clock when omitted.</param>
    /// <exception cref="ArgumentException">An option is invalid (all problems are listed together).</exception>
    public Reconciler(ReconcilerOptions? options = null, IClock? clock = null)
    {
        options ??= new ReconcilerOptions();
        options.Validate();
        _hedges = options.Hedges;
        _estimator = options.BuildEstimator();
        _clock = clock ?? SystemClock.Instance;
    }

    /// <summary>The estimator in use.</summary>
    public IConsensusEstimator Estimator => _estimator;

    /// <summary>Reconciles a claim set read from JSON or CSV, counting the claims that could not be read.</summary>
    public ReconciliationReport Reconcile(ClaimSetReadResult read)
    {
        ArgumentNullException.ThrowIfNull(read);
        return Run(read.ClaimSet, read.Issues, read.RejectedClaims);
    }

    /// <summary>Reconciles a claim set.</summary>
    public ReconciliationReport Reconcile(ClaimSet claims)
    {
        ArgumentNullException.ThrowIfNull(claims);
        return Run(claims, [], 0);
    }

    private ReconciliationReport Run(ClaimSet set, ImmutableArray<ReconciliationIssue> readIssues, int readRejected)
    {
        var issues = new List<ReconciliationIssue>(readIssues);
        var (validation, resolver, prepared) = Front(set, issues);
        var groups = Grouping.Build(prepared);
        var sourceIds = validation.Sources.Keys.Order(StringComparer.Ordinal).ToImmutableArray();
        var sourceIndex = sourceIds.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i, StringComparer.Ordinal);
        var problemGroups = groups.Select(g => Judgement.BuildGroup(g.Claims, sourceIndex, issues)).ToImmutableArray();
        var problem = new EstimationProblem(sourceIds, [.. sourceIds.Select(id => validation.Sources[id].Prior is { } p && p > 0 && p < 1 ? p : (double?)null)], problemGroups);
        var estimate = _estimator.Estimate(problem);

        var judged = ImmutableArray.CreateBuilder<ClaimGroup>(groups.Count);
        for (var g = 0; g < groups.Count; g++)
        {
            var (subject, property, scope, claims) = groups[g];

            // A subject that names no entity or event is shown as written (its first spelling), not as its folded key.
            var shown = resolver.TryResolve(claims[0].Claim.Subject) is null ? claims.Select(c => c.Claim.Subject).Min(StringComparer.Ordinal)! : subject;
            judged.Add(Judgement.Judge(shown, resolver.Label(subject), property, scope, claims, problemGroups[g], estimate.Groups[g], resolver, validation.Sources));
        }

        var claimCounts = prepared.GroupBy(c => c.Source.Id).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var detected = DetectedDependence(estimate, sourceIds);
        var sources = sourceIds.Select((id, i) => new SourceAssessment(id, validation.Sources[id].Name, Math.Round(estimate.SourceReliabilities[i], 3),
            claimCounts.GetValueOrDefault(id), [.. validation.Sources[id].DerivedFrom.Distinct().Order(StringComparer.Ordinal)], detected[i])
        { Source = validation.Sources[id] }).ToImmutableArray();

        var groupList = judged.MoveToImmutable();
        var summary = new ReportSummary(
            Claims: set.Claims.Length + readRejected,
            Groups: groupList.Length,
            Agreements: groupList.Count(g => g.Verdict == Verdict.Agreement),
            Conflicts: groupList.Count(g => g.Verdict == Verdict.Conflict),
            SingleSource: groupList.Count(g => g.Verdict == Verdict.SingleSource),
            Issues: issues.Count,
            GroupedClaims: prepared.Count,
            RejectedClaims: validation.Rejected + readRejected);
        return new ReconciliationReport(summary, groupList, sources, [.. issues], _estimator.Name);
    }

    /// <summary>The stages before grouping: validate, resolve names, normalize values and scopes, attach claims to events.</summary>
    private (Validation Validation, EntityResolver Resolver, List<PreparedClaim> Prepared) Front(ClaimSet set, List<ReconciliationIssue> issues)
    {
        var validation = Validation.Run(set);
        issues.AddRange(validation.Issues);

        var resolver = new EntityResolver(validation.Entities, validation.Events.Values, EntityResolver.DistinctMentions(validation.Claims));
        resolver.ReportAmbiguities(set.Claims, validation.Claims, issues);
        var normalizer = new ValueNormalizer(_hedges, resolver);
        var families = new SourceFamilies(validation.Sources.Values);
        var prepared = new ClaimPreparation(validation, resolver, normalizer, families, _clock.GetCurrentInstant()).PrepareAll(validation.Claims);

        Grouping.AttachToEvents(prepared, validation.Events, resolver, issues);
        return (validation, resolver, prepared);
    }

    /// <summary>Runs the stages before grouping alone (for the benchmarks): returns how many claims were prepared.</summary>
    internal int Normalize(ClaimSet set) => Front(set, []).Prepared.Count;

    private static ImmutableArray<SourceDependence>[] DetectedDependence(ConsensusEstimate estimate, ImmutableArray<string> sourceIds)
    {
        var lists = sourceIds.Select(_ => new List<SourceDependence>()).ToArray();
        foreach (var d in estimate.Dependencies)
        {
            if (d.Source < 0 || d.Other < 0 || d.Source >= sourceIds.Length || d.Other >= sourceIds.Length || d.Source == d.Other)
            {
                continue;
            }

            var probability = Math.Round(d.Probability, 3);
            var sharedFalse = Math.Round(d.SharedFalse, 1);
            lists[d.Source].Add(new SourceDependence(sourceIds[d.Other], probability, d.CommonQuestions, d.SharedValues, sharedFalse));
            lists[d.Other].Add(new SourceDependence(sourceIds[d.Source], probability, d.CommonQuestions, d.SharedValues, sharedFalse));
        }

        return [.. lists.Select(l => l.OrderBy(d => d.Source, StringComparer.Ordinal).ToImmutableArray())];
    }

    /// <summary>Prepares one claim, as <see cref="Front"/> prepares them all (the explain renderer rebuilds a group's claims with it).</summary>
    internal static PreparedClaim Prepare(Claim claim, string id, Source source, Validation validation, EntityResolver resolver,
        ValueNormalizer normalizer, SourceFamilies families, Instant now) =>
        new ClaimPreparation(validation, resolver, normalizer, families, now).Prepare(claim, id, source);
}
