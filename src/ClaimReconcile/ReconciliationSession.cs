using System.Collections.Immutable;
using ClaimReconcile.Estimation;
using ClaimReconcile.Pipeline;

namespace ClaimReconcile;

/// <summary>
/// A reconciliation kept open for changes: add claims as they are found and withdraw the ones retracted, and the
/// report is brought up to date by redoing only the questions the changed claims answer, then letting the source
/// reliabilities settle again from where they were. Open one with <see cref="Reconciler.Open(ClaimSet, SessionSettling)"/>.
/// </summary>
/// <remarks>
/// <para>
/// With <see cref="SessionSettling.Full"/> (the default), the updated report is the one a full run on <see cref="Claims"/> gives, byte for byte once written, as long as
/// the estimate settles on the same fixed point from both starts (it does unless a question sits on a knife's
/// edge between two answers; see <c>docs/performance.md</c>). Source dependence (undeclared copying) found by the
/// opening run is kept; <see cref="Refresh"/> looks for it again with a full run.
/// </para>
/// <para>
/// An update is incremental when every claim has an id, the claim set reads without issues, and the changed claims
/// name no subject, speaker or entity that the other claims do not name too (a new name can change how the other
/// names resolve). Otherwise the session runs in full, and <see cref="LastUpdate"/> says why. Either way the report
/// is the full run's. Sources, entities and events are fixed when the session opens.
/// </para>
/// <para>Not thread-safe: one update at a time. The reports it returns are immutable and can be shared.</para>
/// </remarks>
public sealed class ReconciliationSession
{
    private readonly Reconciler _reconciler;
    private readonly ClaimSet _frame;

    // The current claims in the order they came, withdrawn ones left as null so that a withdrawal costs no shifting.
    private readonly List<Claim?> _claims;
    private readonly Dictionary<string, int> _positions = new(StringComparer.Ordinal);
    private int _count;

    private RunState? _state;

    /// <summary>The warnings of the last incremental update's report, kept while no group with a warning comes or goes.</summary>
    private ImmutableArray<ReconciliationIssue>? _warnings;

    /// <summary>For each group an update compares with the report, whether its shown numbers moved: kept to be filled again.</summary>
    private bool[]? _moved;
    private Indexes? _indexes;

    internal ReconciliationSession(Reconciler reconciler, ClaimSet claims, SessionSettling settling)
    {
        _reconciler = reconciler;
        Settling = settling;
        _frame = new ClaimSet(claims.Sources, [], claims.Entities, claims.Events);
        _claims = [.. claims.Claims];
        Report = Rebuild("the session opened");
    }

    /// <summary>How updates bring the source reliabilities up to date.</summary>
    public SessionSettling Settling { get; }

    /// <summary>The report for the current claims.</summary>
    public ReconciliationReport Report { get; private set; }

    /// <summary>What the last update (or the opening run) did.</summary>
    public SessionUpdate LastUpdate { get; private set; } = SessionUpdate.None;

    /// <summary>The current claims (the opening set's, without the withdrawn ones, then the added ones), with the opening set's sources, entities and events.</summary>
    public ClaimSet Claims => new(_frame.Sources, Current(), _frame.Entities, _frame.Events);

    /// <summary>Adds claims and returns the updated report.</summary>
    public ReconciliationReport Add(params IEnumerable<Claim> claims) => Update(claims, []);

    /// <summary>Withdraws the claims with these ids and returns the updated report. Ids not found are listed in <see cref="LastUpdate"/>.</summary>
    public ReconciliationReport Withdraw(params IEnumerable<string> claimIds) => Update([], claimIds);

    /// <summary>Withdraws, then adds, in one update (a corrected claim can keep its id), and returns the updated report.</summary>
    public ReconciliationReport Update(IEnumerable<Claim> add, IEnumerable<string> withdraw)
    {
        ArgumentNullException.ThrowIfNull(add);
        ArgumentNullException.ThrowIfNull(withdraw);
        var added = add.ToList();
        var withdrawn = new List<(string Id, Claim Claim)>();
        var notFound = new List<string>();
        foreach (var id in withdraw.Distinct(StringComparer.Ordinal))
        {
            if (id is not null && _positions.TryGetValue(id, out var position) && _claims[position] is { } claim)
            {
                withdrawn.Add((id, claim));
            }
            else if (id is not null)
            {
                notFound.Add(id);
            }
        }

        if (added.Any(c => c is null))
        {
            throw new ArgumentException("A claim to add is null.", nameof(add));
        }

        if (added.Count == 0 && withdrawn.Count == 0)
        {
            LastUpdate = new SessionUpdate(true, null, 0, 0, 0, 0, [.. notFound]);
            return Report;
        }

        var why = _state is null || _indexes is null ? "the claims did not allow incremental updates" : Obstacle(added, withdrawn);
        foreach (var (id, _) in withdrawn)
        {
            _claims[_positions[id]] = null;
            _positions.Remove(id);
            _count--;
        }

        foreach (var claim in added)
        {
            if (claim.Id is { } id)
            {
                _positions.TryAdd(id, _claims.Count);
            }

            _claims.Add(claim);
            _count++;
        }

        Report = why is null ? Incremental(added, withdrawn, notFound) : Rebuild(why, added.Count, withdrawn.Count, notFound);
        return Report;
    }

    /// <summary>Runs the current claims in full (looking for copying anew) and returns the report.</summary>
    public ReconciliationReport Refresh()
    {
        Report = Rebuild("a refresh was asked for");
        return Report;
    }

    private IEnumerable<Claim> Current()
    {
        foreach (var claim in _claims)
        {
            if (claim is not null)
            {
                yield return claim;
            }
        }
    }

    /// <summary>Why this change cannot be applied incrementally, or <see langword="null"/> when it can.</summary>
    private string? Obstacle(List<Claim> added, List<(string Id, Claim Claim)> withdrawn)
    {
        var leaving = withdrawn.Select(w => w.Id).ToHashSet(StringComparer.Ordinal);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var claim in added)
        {
            if (claim.Id is not { } id)
            {
                return "an added claim has no id";
            }

            if (!ids.Add(id) || (_positions.ContainsKey(id) && !leaving.Contains(id)))
            {
                return $"the id \"{id}\" is already used";
            }
        }

        var mentions = _indexes!.Mentions;
        var delta = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (_, claim) in withdrawn)
        {
            EntityResolver.CountMentions(delta, claim, -1);
        }

        foreach (var claim in added)
        {
            EntityResolver.CountMentions(delta, claim, +1);
        }

        foreach (var (mention, change) in delta)
        {
            var before = mentions.GetValueOrDefault(mention);
            if ((before == 0) != (before + change == 0))
            {
                return $"\"{mention}\" is {(before == 0 ? "named by no other claim" : "no longer named by any claim")}, which can change how names resolve";
            }
        }

        return null;
    }

    private ReconciliationReport Incremental(List<Claim> added, List<(string Id, Claim Claim)> withdrawn, List<string> notFound)
    {
        var state = _state!;
        var indexes = _indexes!;

        // Read the new claims as a full run would: validation, names, values, scope. Anything to report: run in full.
        var issues = new List<ReconciliationIssue>();
        ImmutableArray<Claim> adding = [.. added];
        var validation = Validation.Run(adding, state.Validation);
        issues.AddRange(validation.Issues);
        state.Resolver.ReportAmbiguities(adding, validation.Claims, issues);
        var prepared = state.Preparation.PrepareAll(validation.Claims);
        Grouping.AttachToEvents(prepared, state.Validation.Events, state.Resolver, issues);
        if (issues.Count > 0)
        {
            return Rebuild($"an added claim has an issue ({issues[0].Code})", added.Count, withdrawn.Count, notFound);
        }

        // Each withdrawn claim is found in the question it answers, keyed as when it came, by its id (ids are unique
        // while updates are incremental).
        var gone = new List<PreparedClaim>(withdrawn.Count);
        foreach (var (id, raw) in withdrawn)
        {
            var at = indexes.Questions.TryGetValue(state.Preparation.QuestionOf(raw), out var list) ? list.FindIndex(c => c.Id == id) : -1;
            if (at < 0)
            {
                // Not expected: a claim keys as it did when it came. Should it not, the full run is the safe answer.
                return Rebuild("a withdrawn claim was not found where it was grouped", added.Count, withdrawn.Count, notFound);
            }

            gone.Add(list![at]);
        }

        // The questions the change touches, each regrouped from its claims.
        var touched = new SortedSet<(string Subject, string Property)>(QuestionOrder.Instance);
        foreach (var claim in gone)
        {
            indexes.Questions[(claim.SubjectKey, claim.PropertyKey)].Remove(claim);
            state.ClaimCounts[state.SourceIndex[claim.Source.Id]]--;
            touched.Add((claim.SubjectKey, claim.PropertyKey));
        }

        foreach (var claim in prepared)
        {
            if (!indexes.Questions.TryGetValue((claim.SubjectKey, claim.PropertyKey), out var list))
            {
                indexes.Questions[(claim.SubjectKey, claim.PropertyKey)] = list = [];
            }

            list.Add(claim);
            state.ClaimCounts[state.SourceIndex[claim.Source.Id]]++;
            touched.Add((claim.SubjectKey, claim.PropertyKey));
        }

        foreach (var (_, claim) in withdrawn)
        {
            indexes.Count(claim, -1);
        }

        foreach (var claim in added)
        {
            indexes.Count(claim, +1);
        }

        var splices = new List<GroupSplice>();
        var replaced = new List<GroupEntry[]>();
        var recompared = 0;
        var warned = false;
        foreach (var question in touched)
        {
            var (start, end) = Range(state.Groups, question);
            var inserted = new List<GroupEntry>();
            if (indexes.Questions.TryGetValue(question, out var claims) && claims.Count > 0)
            {
                foreach (var (subject, property, scope, members) in Grouping.Build(claims))
                {
                    inserted.Add(new GroupEntry(subject, property, scope, members, Judgement.BuildGroup(members, state.SourceIndex, out var warning)) { Warning = warning });
                }
            }
            else
            {
                indexes.Questions.Remove(question);
            }

            recompared += inserted.Count;
            warned |= inserted.Exists(e => e.Warning is not null);
            foreach (var leaving in state.Groups.AsSpan(start, end - start))
            {
                warned |= leaving.Warning is not null;
            }

            splices.Add(new GroupSplice(start, end - start, [.. inserted.Select(e => e.Problem)]));
            replaced.Add([.. inserted]);
        }

        var order = state.Groups;
        var dependencies = state.Dependencies;
        state.Groups = Splice(state.Groups, splices, replaced);

        // The reliabilities settle again; then only groups whose reported numbers moved are judged again. The
        // truth-discovery estimator continues from its kept state and makes an estimate only for those; another estimator
        // estimates again in full.
        ImmutableArray<double> reliabilities;
        Func<int, GroupEstimate> estimateOf;
        Func<int, GroupEstimate, bool> shows;
        List<int>? stale = null;
        if (state.Estimation is { } kept && _reconciler.Estimator is TruthDiscoveryEstimator truthDiscovery)
        {
            // A local update asks whether each group it updated moved right after updating it (see below).
            var continued = truthDiscovery.Continue(kept, splices, settle: Settling == SessionSettling.Full,
                moved: group => JudgeAgain(state.Groups[group.Index], group));
            (reliabilities, state.Dependencies, stale) = (continued.SourceReliabilities, continued.Dependencies, continued.Moved);
            estimateOf = g => continued.Groups[g].Result();
            shows = (g, before) => continued.Groups[g].Shows(before, Judgement.Shown);
        }
        else
        {
            var estimate = _reconciler.Estimator.Estimate(new EstimationProblem(state.SourceIds, Reconciler.Priors(state.Validation, state.SourceIds), [.. state.Groups.Select(g => g.Problem)]));
            (reliabilities, state.Dependencies) = (estimate.SourceReliabilities, estimate.Dependencies);
            estimateOf = g => estimate.Groups[g];
            shows = (g, before) => ReferenceEquals(before, estimate.Groups[g]) || SameAsReported(before, estimate.Groups[g]);
        }

        // A group keeps the estimate it was judged with while the new one shows the same, so it is compared with what
        // the report shows; the stale ones are listed in order. A local update compared the groups it updated, and no
        // other can have moved; otherwise every group is compared here, in parallel, each on its own.
        if (stale is null)
        {
            var count = state.Groups.Length;
            var moved = _moved is { } last && last.Length >= count ? last : _moved = new bool[count];
            Partitioned.For(count, g => moved[g] = state.Groups[g].Estimate is not { } before || !shows(g, before));
            stale = [];
            for (var g = 0; g < count; g++)
            {
                if (moved[g])
                {
                    stale.Add(g);
                }
            }
        }

        Partitioned.For(stale.Count, i => Reconciler.Judge(state.Groups[stale[i]], estimateOf(stale[i]), state.Resolver, state.Validation.Sources));
        LastUpdate = new SessionUpdate(true, null, added.Count, withdrawn.Count, recompared, stale.Count, [.. notFound]);
        // The only issues of a session that updates incrementally are the compare stage's, one per group at most, in
        // group order: the same as before unless a group that left or came has one.
        if (warned || _warnings is null)
        {
            _warnings = state.Groups.Where(g => g.Warning is not null).Select(g => g.Warning!).ToImmutableArray();
        }

        // Groups still where the last report has them, judged by the same dependence: that report, with the groups judged
        // again replaced, is this one.
        var same = ReferenceEquals(order, state.Groups) && state.Dependencies == dependencies;
        return Reconciler.Assemble(state, reliabilities, _warnings.Value, _count, _count, 0, same ? (Report, stale) : null);
    }

    /// <summary>
    /// For tests: how many groups the truth-discovery estimator's current state would show otherwise than the report
    /// does. None, unless an update failed to judge again a group it moved (a local update looks only at the groups it
    /// updated).
    /// </summary>
    internal int GroupsShownStale() => _state?.Estimation is { } kept
        ? Enumerable.Range(0, _state.Groups.Length).Count(g => JudgeAgain(_state.Groups[g], kept.Chain.Groups[g]))
        : 0;

    /// <summary>Whether a group must be judged again: it has no estimate yet, or the estimator's state of it shows other numbers than the report does.</summary>
    private static bool JudgeAgain(GroupEntry group, TruthDiscoveryEstimator.GroupState state) =>
        group.Estimate is not { } before || !state.Shows(before, Judgement.Shown);

    /// <summary>For tests: whether the estimator already keeps what local updates need (each source's groups and running totals).</summary>
    internal bool KeepsLocalLookups => _state?.Estimation is { BySource: not null, Totals: not null };

    /// <summary>
    /// For tests: how far the running totals a local update keeps for each source are from totals taken afresh from every
    /// group (the largest difference of a sum of probabilities), or infinity when a count of claims differs; 0 when no
    /// totals are kept.
    /// </summary>
    internal double TotalsDrift()
    {
        if (_state?.Estimation is not { Totals: { } kept } estimation)
        {
            return 0;
        }

        var fresh = new TruthDiscoveryEstimator.SourceTotals(estimation.Chain.Groups, kept.Sums.Length);
        var drift = 0.0;
        for (var s = 0; s < kept.Sums.Length; s++)
        {
            drift = kept.Claims[s] != fresh.Claims[s] ? double.PositiveInfinity : Math.Max(drift, Math.Abs(kept.Sums[s] - fresh.Sums[s]));
        }

        return drift;
    }

    /// <summary>
    /// The current report assembled anew from every group and source, for tests: an update that keeps the groups in
    /// place patches the last report instead, and the two must not differ.
    /// </summary>
    /// <remarks>The reliabilities are the report's, already rounded: rounding them again to three decimals keeps them.</remarks>
    internal ReconciliationReport AssembleInFull() =>
        Reconciler.Assemble(_state!, [.. Report.Sources.Select(s => s.Reliability)], Report.Issues, Report.Summary.Claims, Report.Summary.GroupedClaims, Report.Summary.RejectedClaims);

    /// <summary>
    /// The groups after <paramref name="splices"/>, each splice's groups replaced by its <paramref name="replaced"/>
    /// ones: where they lie when every question keeps its number of groups (the usual change), else in a new array.
    /// </summary>
    private static GroupEntry[] Splice(GroupEntry[] groups, List<GroupSplice> splices, List<GroupEntry[]> replaced)
    {
        if (splices.TrueForAll(s => s.KeepsCount))
        {
            for (var i = 0; i < splices.Count; i++)
            {
                replaced[i].CopyTo(groups, splices[i].Start);
            }

            return groups;
        }

        var entries = new List<GroupEntry>(groups.Length + 4);
        var next = 0;
        for (var i = 0; i < splices.Count; i++)
        {
            entries.AddRange(groups.AsSpan(next, splices[i].Start - next));
            entries.AddRange(replaced[i]);
            next = splices[i].Start + splices[i].Removed;
        }

        entries.AddRange(groups.AsSpan(next));
        return [.. entries];
    }

    /// <summary>Whether two estimates of a group show the same in a report: the same winner, and the same rounded confidence and claim probabilities.</summary>
    private static bool SameAsReported(GroupEstimate a, GroupEstimate b) =>
        a.ShowsAs(b.Winner, b.Confidence, b.ClaimProbabilities.AsSpan(), Judgement.Shown);

    /// <summary>The groups of one question: they are contiguous, since groups are ordered by subject, property, then scope.</summary>
    private static (int Start, int End) Range(GroupEntry[] groups, (string Subject, string Property) question)
    {
        var (low, high) = (0, groups.Length);
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (QuestionOrder.Instance.Compare((groups[middle].Subject, groups[middle].Property), question) < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        var end = low;
        while (end < groups.Length && groups[end].Subject == question.Subject && groups[end].Property == question.Property)
        {
            end++;
        }

        return (low, end);
    }

    private ReconciliationReport Rebuild(string why, int added = 0, int withdrawn = 0, List<string>? notFound = null)
    {
        var (report, state) = _reconciler.Build(Claims, [], 0, keep: true);
        var compacted = Current().ToList();
        _claims.Clear();
        _claims.AddRange(compacted);
        _count = _claims.Count;

        // Incremental updates need every claim to have an id and nothing to report before the compare stage: those
        // issues name positions, which an update would shift.
        var clean = state!.EarlyIssues == 0 && _claims.TrueForAll(c => c!.Id is not null);
        _state = clean ? state : null;
        _warnings = null;

        // The positions (a dictionary of a million entries at a million claims), the lookups an update needs and, settling
        // locally, what the estimator keeps for local updates are independent of one another, so they are built side by side.
        Indexes? indexes = null;
        Parallel.Invoke(
            Position,
            () => indexes = clean ? new Indexes(state, _claims!) : null,
            () =>
            {
                if (clean && Settling == SessionSettling.Local && state.Estimation is { } kept)
                {
                    TruthDiscoveryEstimator.PrepareLocal(kept);
                }
            });
        _indexes = indexes;
        LastUpdate = new SessionUpdate(false, clean ? why : $"{why}; later updates run in full because {(state.EarlyIssues == 0 ? "a claim has no id" : "the claims have issues")}",
            added, withdrawn, report.Groups.Length, report.Groups.Length, [.. notFound ?? []]);
        return report;
    }

    /// <summary>Where each current claim with an id lies in <see cref="_claims"/> (the first, should ids repeat).</summary>
    private void Position()
    {
        _positions.Clear();
        _positions.EnsureCapacity(_claims.Count);
        for (var i = 0; i < _claims.Count; i++)
        {
            if (_claims[i]!.Id is { } id)
            {
                _positions.TryAdd(id, i);
            }
        }
    }

    /// <summary>Lookups a session keeps beside the run's state.</summary>
    private sealed class Indexes
    {
        public Indexes(RunState state, List<Claim?> claims)
        {
            Questions = new(state.Groups.Length);
            Parallel.Invoke(
                () =>
                {
                    foreach (var group in state.Groups)
                    {
                        foreach (var claim in group.Claims)
                        {
                            if (!Questions.TryGetValue((claim.SubjectKey, claim.PropertyKey), out var list))
                            {
                                Questions[(claim.SubjectKey, claim.PropertyKey)] = list = [];
                            }

                            list.Add(claim);
                        }
                    }
                },
                () => CountAll(claims));
        }

        public Dictionary<(string, string), List<PreparedClaim>> Questions { get; }

        /// <summary>How many claims name each mention (subject, speaker, entity values, set members).</summary>
        public Dictionary<string, int> Mentions { get; } = new(StringComparer.Ordinal);

        public void Count(Claim claim, int change) => EntityResolver.CountMentions(Mentions, claim, change);

        /// <summary>Counts the mentions of all <paramref name="claims"/>; a run of claims about one subject costs one lookup for it.</summary>
        private void CountAll(List<Claim?> claims)
        {
            var (subject, run) = ((string?)null, 0);
            foreach (var claim in claims)
            {
                if (string.Equals(claim!.Subject, subject, StringComparison.Ordinal))
                {
                    run++;
                }
                else
                {
                    if (subject is not null)
                    {
                        EntityResolver.CountMention(Mentions, subject, run);
                    }

                    (subject, run) = (claim.Subject, 1);
                }

                EntityResolver.CountMentions(Mentions, claim, +1, subject: false);
            }

            if (subject is not null)
            {
                EntityResolver.CountMention(Mentions, subject, run);
            }
        }
    }

    /// <summary>Questions in report order: ordinal by subject key, then property key.</summary>
    private sealed class QuestionOrder : IComparer<(string Subject, string Property)>
    {
        public static QuestionOrder Instance { get; } = new();

        public int Compare((string Subject, string Property) x, (string Subject, string Property) y)
        {
            var c = string.CompareOrdinal(x.Subject, y.Subject);
            return c != 0 ? c : string.CompareOrdinal(x.Property, y.Property);
        }
    }
}

/// <summary>How a <see cref="ReconciliationSession"/> brings the source reliabilities up to date after a change.</summary>
public enum SessionSettling
{
    /// <summary>
    /// Iterate every reliability to the fixed point again, starting from where they were, as a full run does: the
    /// report is the one a full run gives. The iteration touches every group a few times.
    /// </summary>
    Full,

    /// <summary>
    /// Give each source whose claims changed its new reliability, and judge again the groups those sources speak in;
    /// every other reliability stays as it was. Many times cheaper than <see cref="Full"/>, but the estimate drifts a
    /// little from the fixed point with each update (a report number can differ from a full run's in its last digits)
    /// until <see cref="ReconciliationSession.Refresh"/>. For the truth-discovery estimator; other estimators
    /// estimate again in full.
    /// </summary>
    Local,
}

/// <summary>What a session's last update did.</summary>
/// <param name="Incremental">Whether only the changed questions were redone (else the session ran in full).</param>
/// <param name="FullRunReason">Why the session ran in full, when it did.</param>
/// <param name="ClaimsAdded">Claims added.</param>
/// <param name="ClaimsWithdrawn">Claims withdrawn.</param>
/// <param name="GroupsCompared">Groups whose claims were compared again.</param>
/// <param name="GroupsJudged">Groups judged again (new groups and those whose reported numbers moved).</param>
/// <param name="NotFound">Ids asked to be withdrawn that no current claim has.</param>
public sealed record SessionUpdate(bool Incremental, string? FullRunReason, int ClaimsAdded, int ClaimsWithdrawn, int GroupsCompared, int GroupsJudged,
    ImmutableArray<string> NotFound)
{
    internal static SessionUpdate None { get; } = new(false, null, 0, 0, 0, 0, []);
}
