using System.Collections.Immutable;
using System.Runtime.InteropServices;
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

    /// <summary>
    /// Opens a session on a claim set: the report of a full run, which <see cref="ReconciliationSession.Add(IEnumerable{Claim})"/>
    /// and <see cref="ReconciliationSession.Withdraw(IEnumerable{string})"/> then update, redoing only the questions
    /// the changed claims answer and the source reliabilities.
    /// </summary>
    /// <param name="claims">The claims to start from.</param>
    /// <param name="settling">How updates bring the reliabilities up to date: <see cref="SessionSettling.Full"/> (the default)
    /// keeps the report identical to a full run's; <see cref="SessionSettling.Local"/> is far cheaper and drifts slightly.</param>
    public ReconciliationSession Open(ClaimSet claims, SessionSettling settling = SessionSettling.Full)
    {
        ArgumentNullException.ThrowIfNull(claims);
        return new ReconciliationSession(this, claims, settling);
    }

    private ReconciliationReport Run(ClaimSet set, ImmutableArray<ReconciliationIssue> readIssues, int readRejected) =>
        Build(set, readIssues, readRejected, keep: false).Report;

    /// <summary>
    /// A full run; with <paramref name="keep"/>, also what a session needs to update it. <paramref name="stageDone"/>, when
    /// given, is told as each stage ends (the benchmarks' <c>profile --stages</c> times them).
    /// </summary>
    internal (ReconciliationReport Report, RunState? State) Build(ClaimSet set, ImmutableArray<ReconciliationIssue> readIssues, int readRejected, bool keep,
        Action<RunStage>? stageDone = null)
    {
        var issues = new List<ReconciliationIssue>(readIssues);
        var today = _clock.GetCurrentInstant();
        var (validation, resolver, preparation, prepared) = Front(set, issues, today);
        stageDone?.Invoke(RunStage.Front);
        var found = Grouping.Build(prepared);
        stageDone?.Invoke(RunStage.Group);
        var sourceIds = validation.Sources.Keys.Order(StringComparer.Ordinal).ToImmutableArray();
        var sourceIndex = sourceIds.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i, StringComparer.Ordinal);

        // Compare: groups are independent; each group's warning lands in its slot and joins the issues in group order.
        var front = issues.Count - readIssues.Length;
        var groups = new GroupEntry[found.Count];
        Partitioned.For(found.Count, g =>
        {
            var (subject, property, scope, claims) = found[g];
            groups[g] = new GroupEntry(subject, property, scope, claims, Judgement.BuildGroup(claims, sourceIndex, out var warning)) { Warning = warning };
        });
        foreach (var group in groups)
        {
            if (group.Warning is { } warning)
            {
                issues.Add(warning);
            }
        }

        stageDone?.Invoke(RunStage.Compare);
        var problem = new EstimationProblem(sourceIds, Priors(validation, sourceIds), [.. groups.Select(g => g.Problem)]);
        ConsensusEstimate estimate;
        TruthDiscoveryEstimator.Continuation? continuation = null;
        if (keep && _estimator is TruthDiscoveryEstimator truthDiscovery)
        {
            (estimate, continuation) = truthDiscovery.EstimateAndKeep(problem);
        }
        else
        {
            estimate = _estimator.Estimate(problem);
        }

        stageDone?.Invoke(RunStage.Estimate);
        Partitioned.For(groups.Length, g => Judge(groups[g], estimate.Groups[g], resolver, validation.Sources));
        stageDone?.Invoke(RunStage.Judge);

        // Every prepared claim is in exactly one group, whose compare stage already looked its source up.
        var claimCounts = new int[sourceIds.Length];
        foreach (var group in groups)
        {
            foreach (var claim in group.Problem.Claims)
            {
                claimCounts[claim.Source]++;
            }
        }

        var context = new RunState(this, validation, resolver, preparation, readIssues.Length + front, sourceIds, sourceIndex, groups, claimCounts, estimate.Dependencies, continuation);
        var report = Assemble(context, estimate.SourceReliabilities, [.. issues], set.Claims.Length + readRejected, prepared.Count, validation.Rejected + readRejected);
        stageDone?.Invoke(RunStage.Report);
        return (report, keep ? context : null);
    }

    /// <summary>Each source's declared prior, when it is a usable one (strictly between 0 and 1).</summary>
    internal static ImmutableArray<double?> Priors(Validation validation, ImmutableArray<string> sourceIds) =>
        [.. sourceIds.Select(id => validation.Sources[id].Prior is { } p && p > 0 && p < 1 ? p : (double?)null)];

    /// <summary>The judge stage for one group: verdict, statuses and explanation from its estimate.</summary>
    internal static void Judge(GroupEntry group, GroupEstimate estimate, EntityResolver resolver, Dictionary<string, Source> sources)
    {
        var claims = group.Claims;

        // A subject that names no entity or event is shown as written (its first spelling), not as its folded key.
        var shown = resolver.TryResolve(claims[0].Claim.Subject) is null ? group.WrittenSubject : group.Subject;

        group.Estimate = estimate;
        group.Judged = Judgement.Judge(shown, resolver.Label(group.Subject), group.Property, group.Scope, claims, group.Problem, estimate, resolver, sources);
    }

    /// <summary>The report from judged groups, reliabilities and counts.</summary>
    internal static ReconciliationReport Assemble(RunState state, ImmutableArray<double> reliabilities, ImmutableArray<ReconciliationIssue> issues,
        int claims, int grouped, int rejected) => Assemble(state, reliabilities, issues, claims, grouped, rejected, null);

    /// <summary>
    /// The report of <paramref name="state"/>. With <paramref name="previous"/> (the last report of the same groups in
    /// the same order, its dependence unchanged), only the groups at the <c>Changed</c> indexes were judged again: the
    /// report copies the previous one's groups and replaces those, and keeps each source's assessment whose shown
    /// numbers did not move, instead of visiting every group and source.
    /// </summary>
    internal static ReconciliationReport Assemble(RunState state, ImmutableArray<double> reliabilities, ImmutableArray<ReconciliationIssue> issues,
        int claims, int grouped, int rejected, (ReconciliationReport Report, List<int> Changed)? previous)
    {
        var sourceIds = state.SourceIds;
        var detected = previous is null ? DetectedDependence(state.Dependencies, sourceIds) : null;
        var sources = ImmutableArray.CreateBuilder<SourceAssessment>(sourceIds.Length);
        for (var i = 0; i < sourceIds.Length; i++)
        {
            var shown = Judgement.Shown(reliabilities[i]);
            if (previous?.Report.Sources[i] is { } kept && kept.Reliability == shown && kept.Claims == state.ClaimCounts[i])
            {
                sources.Add(kept);
                continue;
            }

            var source = state.Validation.Sources[sourceIds[i]];
            sources.Add(new SourceAssessment(source.Id, source.Name, shown, state.ClaimCounts[i],
                [.. source.DerivedFrom.Distinct().Order(StringComparer.Ordinal)], detected?[i] ?? previous!.Value.Report.Sources[i].DetectedDependence) { Source = source });
        }

        ClaimGroup[] groups;
        var (agreements, conflicts, single) = (0, 0, 0);
        if (previous is { } before)
        {
            groups = before.Report.Groups.AsSpan().ToArray();
            (agreements, conflicts, single) = (before.Report.Summary.Agreements, before.Report.Summary.Conflicts, before.Report.Summary.SingleSource);
            foreach (var g in before.Changed)
            {
                var (was, now) = (groups[g].Verdict, state.Groups[g].Judged!.Verdict);
                agreements += (now == Verdict.Agreement ? 1 : 0) - (was == Verdict.Agreement ? 1 : 0);
                conflicts += (now == Verdict.Conflict ? 1 : 0) - (was == Verdict.Conflict ? 1 : 0);
                single += (now == Verdict.SingleSource ? 1 : 0) - (was == Verdict.SingleSource ? 1 : 0);
                groups[g] = state.Groups[g].Judged!;
            }
        }
        else
        {
            groups = new ClaimGroup[state.Groups.Length];
            for (var g = 0; g < groups.Length; g++)
            {
                var group = state.Groups[g].Judged!;
                groups[g] = group;
                agreements += group.Verdict == Verdict.Agreement ? 1 : 0;
                conflicts += group.Verdict == Verdict.Conflict ? 1 : 0;
                single += group.Verdict == Verdict.SingleSource ? 1 : 0;
            }
        }

        var summary = new ReportSummary(
            Claims: claims,
            Groups: groups.Length,
            Agreements: agreements,
            Conflicts: conflicts,
            SingleSource: single,
            Issues: issues.Length,
            GroupedClaims: grouped,
            RejectedClaims: rejected);
        return new ReconciliationReport(summary, ImmutableCollectionsMarshal.AsImmutableArray(groups), sources.MoveToImmutable(), issues, state.Reconciler._estimator.Name);
    }

    private static ImmutableArray<SourceDependence>[] DetectedDependence(ImmutableArray<DetectedDependence> dependencies, ImmutableArray<string> sourceIds)
    {
        var lists = sourceIds.Select(_ => new List<SourceDependence>()).ToArray();
        foreach (var d in dependencies)
        {
            if (d.Source < 0 || d.Other < 0 || d.Source >= sourceIds.Length || d.Other >= sourceIds.Length || d.Source == d.Other)
            {
                continue;
            }

            var probability = Judgement.Shown(d.Probability);
            var sharedFalse = Math.Round(d.SharedFalse, 1);
            lists[d.Source].Add(new SourceDependence(sourceIds[d.Other], probability, d.CommonQuestions, d.SharedValues, sharedFalse));
            lists[d.Other].Add(new SourceDependence(sourceIds[d.Source], probability, d.CommonQuestions, d.SharedValues, sharedFalse));
        }

        return [.. lists.Select(l => l.OrderBy(d => d.Source, StringComparer.Ordinal).ToImmutableArray())];
    }

    /// <summary>The stages before grouping: validate, resolve names, normalize values and scopes, attach claims to events.</summary>
    private (Validation Validation, EntityResolver Resolver, ClaimPreparation Preparation, List<PreparedClaim> Prepared) Front(ClaimSet set, List<ReconciliationIssue> issues, Instant today)
    {
        var validation = Validation.Run(set);
        issues.AddRange(validation.Issues);

        var preparation = ClaimPreparation.For(validation, _hedges, today);
        var resolver = preparation.Resolver;
        resolver.ReportAmbiguities(set.Claims, validation.Claims, issues);
        var prepared = preparation.PrepareAll(validation.Claims);

        Grouping.AttachToEvents(prepared, validation.Events, resolver, issues);
        return (validation, resolver, preparation, prepared);
    }

    /// <summary>Runs the stages before grouping alone (for the benchmarks): returns how many claims were prepared.</summary>
    internal int Normalize(ClaimSet set) => Front(set, [], _clock.GetCurrentInstant()).Prepared.Count;
}
