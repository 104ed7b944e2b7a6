using System.Collections.Immutable;
using System.Runtime.InteropServices;
using ClaimReconcile.Pipeline;

namespace ClaimReconcile.Estimation;

/// <summary>
/// The default estimator: learns how reliable every source is and the most likely value of every group together,
/// by iterating two steps until the reliabilities settle. Each independent voice votes for the values its claims
/// support, weighted by how reliable its source has proven (<c>ln(n · r / (1 − r))</c> for reliability <c>r</c> and
/// <c>n</c> false values, as in ACCU); partial support (close numbers, overlapping sets) counts in part; the
/// scores become probabilities with a share left for a value nobody stated. A source's reliability is then the
/// average probability of its claims, pulled toward its prior. Sources that share values judged false far more
/// often than independent sources would are judged dependent and count once from then on.
/// </summary>
/// <remarks>
/// Immutable and thread-safe. Deterministic: every sum runs in the problem's order. Each iteration is linear in the
/// number of (candidate, claim) pairs of the groups and in the number of sources; the copy detector looks only at
/// pairs of sources that answer the same question, at most <see cref="TruthDiscoveryOptions.MaxClaimsPerGroupForCopying"/>
/// claims per group. Copying is looked for after the first estimate and, by default, also before it; when that early look
/// finds enough (<see cref="TruthDiscoveryOptions.BothOrdersMinShare"/>), the two orders both run and the one that explains
/// the claims better is kept (<see cref="TruthDiscoveryOptions.DetectCopyingFirst"/>); when it finds a little, the early
/// order runs alone. Each order iterates at most three times (the first estimate,
/// then twice after looking for copying), each time at most
/// <see cref="TruthDiscoveryOptions.MaxIterations"/> iterations.
/// </remarks>
public sealed class TruthDiscoveryEstimator : IConsensusEstimator
{
    private const double Same = 0.999;
    private const int Rounds = 2;

    /// <summary>
    /// The size of the chunks the groups' arrays are slices of (<see cref="Slab{T}"/>), in bytes: above the 85,000 bytes
    /// from which arrays go to the large object heap. The collector never copies those, while chunks on the small object
    /// heap would be copied twice (to generation 1, then 2) since they live until the report is done: at a million claims
    /// building the models measured 85-245 ms of collection pauses (180-340 ms in all) with 64 KB chunks or an array per
    /// group, none (45-95 ms in all) with 128 or 256 KB chunks. Work that needs less takes one chunk of its size.
    /// </summary>
    private const int ChunkBytes = 128 * 1024;
    private readonly TruthDiscoveryOptions _options;

    /// <summary>Creates the estimator.</summary>
    /// <param name="options">Settings; the defaults when omitted.</param>
    /// <exception cref="ArgumentException">An option is invalid (all problems are listed together).</exception>
    public TruthDiscoveryEstimator(TruthDiscoveryOptions? options = null)
    {
        var copy = (options ?? new TruthDiscoveryOptions()).Clone();
        var errors = copy.Errors().ToList();
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid truth-discovery options: " + string.Join(" ", errors), nameof(options));
        }

        _options = copy;
    }

    /// <summary>The estimator with default settings.</summary>
    public static TruthDiscoveryEstimator Default { get; } = new();

    /// <summary>
    /// Told as each part of a run ends, with the number of steps for <see cref="EstimatePart.Iterate"/> (0 for the other
    /// parts), on the thread that runs the estimate (the benchmarks' <c>profile --stages</c> times them). Session updates
    /// do not tell it.
    /// </summary>
    internal Action<EstimatePart, int>? PartDone { get; init; }

    /// <inheritdoc />
    public string Name => "truth-discovery";

    /// <inheritdoc />
    public ConsensusEstimate Estimate(EstimationProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return EstimateAndKeep(problem).Estimate;
    }

    /// <summary>Estimates, and keeps the final state so that <see cref="Continue"/> can update it when claims change.</summary>
    internal (ConsensusEstimate Estimate, Continuation State) EstimateAndKeep(EstimationProblem problem)
    {
        var sources = problem.SourceIds.Length;
        var priors = new double[sources];
        for (var s = 0; s < sources; s++)
        {
            priors[s] = problem.Priors[s] ?? _options.DefaultPrior;
        }

        var run = Choose(problem, priors);
        var state = new Continuation(run.Chain, priors, run.Dependencies, ByPair(run.Dependencies, sources));
        var estimate = Result(run.Chain, run.Dependencies);
        PartDone?.Invoke(EstimatePart.Result, 0);
        return (estimate, state);
    }

    /// <summary>
    /// Updates a kept state after groups changed: each splice replaces <c>Removed</c> groups from <c>Start</c> (in the
    /// state's current order) with new ones. The reliabilities then iterate from where they were until they settle
    /// again, recomputing only the groups whose sources' weights moved; the dependence found between sources is kept
    /// (a full run looks for copying anew). Returns the groups in the new order, whose estimates are made only when asked
    /// for (an update judges few groups again), with the reliabilities and the dependence.
    /// </summary>
    /// <param name="state">The kept state, brought up to date.</param>
    /// <param name="splices">The groups that changed.</param>
    /// <param name="settle">Whether the reliabilities settle in full; otherwise the update is local (<see cref="Nudge"/>).</param>
    /// <param name="moved">
    /// For a local update: whether a group it updated now shows otherwise than its report does, asked right after the
    /// group's update, while its numbers are at hand, and on the thread that updated it.
    /// </param>
    internal Continued Continue(Continuation state, IReadOnlyList<GroupSplice> splices, bool settle, Func<GroupState, bool> moved)
    {
        // A session settling locally builds what local updates keep when it opens; this builds it should it not have.
        if (!settle && (state.BySource is null || state.Totals is null))
        {
            PrepareLocal(state);
        }

        var (bySource, totals) = settle ? (null, null) : (state.BySource, state.Totals);
        var touched = new SortedSet<int>();
        var inserted = new List<GroupState>();

        // A change that keeps every question's number of groups (the usual one) replaces groups where they lie; any
        // other builds the order anew.
        var groups = splices.All(s => s.KeepsCount) ? null : new List<GroupState>(state.Chain.Groups);
        foreach (var splice in splices.OrderByDescending(s => s.Start))
        {
            for (var g = splice.Start; g < splice.Start + splice.Removed; g++)
            {
                var leaving = state.Chain.Groups[g];
                totals?.Remove(leaving);
                touched.UnionWith(leaving.Sources);
                foreach (var source in leaving.Sources.Distinct())
                {
                    bySource?[source].Remove(leaving);
                }
            }

            var added = new GroupState[splice.Inserted.Length];
            for (var i = 0; i < added.Length; i++)
            {
                // An update inserts few groups: each keeps arrays of its own, so they come and go with it.
                added[i] = new GroupState(new GroupModel(splice.Inserted[i], _options.SimilarityWeight, GroupModel.Storage.Own), new Slab<double>(0));
                touched.UnionWith(added[i].Sources);
                foreach (var source in added[i].Sources.Distinct())
                {
                    bySource?[source].Add(added[i]);
                }

                if (state.ByPair.Count > 0)
                {
                    added[i].Discount(state.ByPair, state.Chain.Reliability, _options.CopyRate, _options.MaxClaimsPerGroupForCopying, new Slab<double>(0));
                }
            }

            if (groups is null)
            {
                added.CopyTo(state.Chain.Groups, splice.Start);
                for (var i = 0; i < added.Length; i++)
                {
                    added[i].Index = splice.Start + i;
                }
            }
            else
            {
                groups.RemoveRange(splice.Start, splice.Removed);
                groups.InsertRange(splice.Start, added);
            }

            inserted.AddRange(added);
        }

        // Set even when replaced in place: the claim table of the old groups no longer holds.
        state.Chain.Groups = groups is null ? state.Chain.Groups : [.. groups];
        for (var g = 0; groups is not null && g < groups.Count; g++)
        {
            groups[g].Index = g;
        }

        if (bySource is null)
        {
            Iterate(state.Chain, state.Priors);
            return new Continued(state.Chain.Groups, [.. state.Chain.Reliability], state.Dependencies, Moved: null);
        }

        var stale = Nudge(state, bySource, totals!, inserted, touched, moved);
        return new Continued(state.Chain.Groups, [.. state.Chain.Reliability], state.Dependencies, stale);
    }

    /// <summary>
    /// Builds what local updates keep, each source's groups and running totals, before the first update, so that the
    /// first costs what later ones do. The two are independent, so they are built side by side.
    /// </summary>
    internal static void PrepareLocal(Continuation state)
    {
        var (groups, sources) = (state.Chain.Groups, state.Priors.Length);
        Parallel.Invoke(
            () => state.BySource ??= Index(groups, sources),
            () => state.Totals ??= new SourceTotals(groups, sources));
    }

    /// <summary>For each source, the groups it speaks in (for local updates).</summary>
    private static List<GroupState>[] Index(GroupState[] groups, int sources)
    {
        // A source is listed once per group, at its first claim there: lastGroup marks the group it was last listed for.
        var index = new List<GroupState>[sources];
        for (var s = 0; s < sources; s++)
        {
            index[s] = [];
        }

        var lastGroup = new int[sources];
        Array.Fill(lastGroup, -1);
        for (var g = 0; g < groups.Length; g++)
        {
            foreach (var source in groups[g].Sources.AsSpan())
            {
                if (lastGroup[source] != g)
                {
                    lastGroup[source] = g;
                    index[source].Add(groups[g]);
                }
            }
        }

        return index;
    }

    /// <summary>
    /// The local update: the new groups' probabilities with the current weights, then one new reliability for each
    /// source whose claims changed (from the running totals of its claims' probabilities), then the groups those
    /// sources speak in again with the new weights. The other sources keep their reliabilities, so the estimate drifts
    /// from the fixed point by about what one step would have moved them. Returns where the groups it computed again lie,
    /// in order, keeping only those <paramref name="moved"/> says moved (no other group's probabilities changed).
    /// </summary>
    private List<int> Nudge(Continuation state, List<GroupState>[] bySource, SourceTotals totals, List<GroupState> inserted, SortedSet<int> touched,
        Func<GroupState, bool> moved)
    {
        var chain = state.Chain;
        var reliability = chain.Reliability;
        var weights = chain.LastWeights ?? [.. reliability.Select(Weight)];
        foreach (var group in inserted)
        {
            group.Update(weights, _options.FalseValues);
            totals.Add(group);
        }

        // Each touched source's new reliability from the running totals of its claims' probabilities.
        var changed = touched.ToArray();
        foreach (var source in changed)
        {
            var (sum, count) = (totals.Sums[source], totals.Claims[source]);
            var weight = count + _options.PriorWeight;
            reliability[source] = weight > 0 ? (sum + (_options.PriorWeight * state.Priors[source])) / weight : state.Priors[source];
        }

        var next = (double[])weights.Clone();
        foreach (var source in changed)
        {
            next[source] = Weight(reliability[source]);
        }

        // Their groups again with the new weights: each group once (marked with this update's number), and each on its
        // own, so in parallel. The list is the session's, kept from one update to the next.
        var visit = ++state.Visits;
        var regroup = state.Regroup;
        regroup.Clear();
        foreach (var source in changed)
        {
            foreach (var group in bySource[source])
            {
                if (group.Visit != visit)
                {
                    group.Visit = visit;
                    regroup.Add(group);
                }
            }
        }

        // Each fixed range of groups notes how its claims' probabilities moved, in a list the session keeps from one update
        // to the next; the totals take the notes in range order, so they do not depend on the schedule. Whether a group
        // moved is asked at once: a million claims' groups do not stay in the cache, and a second visit would read them
        // all from memory again.
        const int RegroupRange = 512;
        var moves = state.Moves;
        var ranges = (regroup.Count + RegroupRange - 1) / RegroupRange;
        while (moves.Count < ranges)
        {
            moves.Add([]);
        }

        var isStale = state.Stale.Length >= regroup.Count ? state.Stale : state.Stale = new bool[regroup.Count + (regroup.Count / 4)];
        Partitioned.ForRanges(regroup.Count, (from, to) =>
        {
            var noted = moves[from / RegroupRange];
            noted.Clear();
            for (var i = from; i < to; i++)
            {
                regroup[i].UpdateNoting(next, _options.FalseValues, noted);
                isStale[i] = moved(regroup[i]);
            }
        }, parallelFrom: RegroupRange, rangeSize: RegroupRange);
        for (var r = 0; r < ranges; r++)
        {
            totals.Apply(moves[r]);
        }

        chain.LastWeights = next;

        // Groups were updated one by one: the claim table no longer matches them, and the next step builds it anew.
        chain.Claims = null;

        // Where the updated groups that moved lie, in order. The new groups are among those updated, as every source of a
        // new group is touched.
        var stale = new List<int>();
        for (var i = 0; i < regroup.Count; i++)
        {
            if (isStale[i])
            {
                stale.Add(regroup[i].Index);
            }
        }

        stale.Sort();
        return stale;
    }

    /// <summary>The state an estimate ended in, kept for <see cref="Continue"/>.</summary>
    internal sealed record Continuation(Chain Chain, double[] Priors, ImmutableArray<DetectedDependence> Dependencies, DependenceMap ByPair)
    {
        /// <summary>For each source, the groups it speaks in: built when a session that settles locally opens (<see cref="PrepareLocal"/>) or by the first local update, kept up to date after.</summary>
        public List<GroupState>[]? BySource { get; set; }

        /// <summary>How many local updates ran: each marks the groups it updates again with its number (<see cref="GroupState.Visit"/>).</summary>
        public int Visits { get; set; }

        /// <summary>The groups a local update updates again, a list kept for the next update.</summary>
        public List<GroupState> Regroup { get; } = [];

        /// <summary>Each source's counted claims and the sum of their probabilities: built with <see cref="BySource"/>, kept up to date after.</summary>
        public SourceTotals? Totals { get; set; }

        /// <summary>How far the claims' probabilities moved in a local update, one list per fixed range of the groups it updates again.</summary>
        public List<List<(int Source, double Change)>> Moves { get; } = [];

        /// <summary>Whether each group a local update updates again moved (in the order of <see cref="Regroup"/>), kept for the next update.</summary>
        public bool[] Stale { get; set; } = [];
    }

    /// <summary>
    /// For local updates: each source's number of counted claims (those of groups with two voices or more) and the sum of
    /// their probabilities, kept up to date as groups come, go and change, so that a changed source's reliability needs
    /// no visit to each of its groups. Sums kept this way round differently from sums taken afresh, in the last digits;
    /// a local update drifts from the fixed point by more than that anyway, and a refresh takes them afresh.
    /// </summary>
    internal sealed class SourceTotals
    {
        /// <summary>The totals of <paramref name="groups"/>, over <paramref name="sources"/> sources, in group order.</summary>
        public SourceTotals(GroupState[] groups, int sources)
        {
            (Sums, Claims) = (new double[sources], new double[sources]);
            foreach (var group in groups)
            {
                Add(group);
            }
        }

        public double[] Sums { get; }

        public double[] Claims { get; }

        /// <summary>Counts a group's claims in, with their current probabilities.</summary>
        public void Add(GroupState group) => Count(group, +1);

        /// <summary>Counts a leaving group's claims out.</summary>
        public void Remove(GroupState group) => Count(group, -1);

        /// <summary>Applies the noted moves of claims' probabilities, in order.</summary>
        public void Apply(List<(int Source, double Change)> moves)
        {
            foreach (var (source, change) in moves)
            {
                Sums[source] += change;
            }
        }

        private void Count(GroupState group, int sign)
        {
            if (!group.Counts)
            {
                return;
            }

            var sources = group.Sources.AsSpan();
            var probabilities = group.ClaimProbabilities.AsSpan();
            for (var c = 0; c < sources.Length; c++)
            {
                Sums[sources[c]] += sign * probabilities[c];
                Claims[sources[c]] += sign;
            }
        }
    }

    /// <summary>
    /// What <see cref="Continue"/> leaves: the groups in their new order (<see cref="GroupState.Result"/> makes a group's
    /// estimate, <see cref="GroupState.Shows"/> compares one without making it), each source's reliability, the
    /// dependence kept, and, after a local update, where the groups whose probabilities were computed again and that
    /// moved lie, in order (<see langword="null"/> when any group may have changed).
    /// </summary>
    internal sealed record Continued(GroupState[] Groups, ImmutableArray<double> SourceReliabilities, ImmutableArray<DetectedDependence> Dependencies, List<int>? Moved);

    /// <summary>The final state of one order of the estimate (the groups' estimates are read only from the order kept).</summary>
    private sealed record RunResult(Chain Chain, ImmutableArray<DetectedDependence> Dependencies);

    /// <summary>
    /// The mutable state of one run: the groups, the reliabilities, and the weights the groups were last updated
    /// with. A group none of whose sources' weights changed since then keeps its probabilities as they are: updating
    /// it again would compute the very same numbers.
    /// </summary>
    internal sealed class Chain(GroupState[] groups, double[] reliability)
    {
        private GroupState[] _groups = groups;

        public GroupState[] Groups
        {
            get => _groups;
            set => (_groups, Claims) = (value, null);
        }

        public double[] Reliability { get; } = reliability;

        public double[]? LastWeights { get; set; }

        /// <summary>The counted claims of <see cref="Groups"/> side by side: built by the first update of these groups, kept current by the next ones.</summary>
        public ClaimTable? Claims { get; set; }

        /// <summary>How many questions each pair of sources answers in common, while the run looks for copying.</summary>
        public CopyDetector.Meetings? Meetings { get; set; }
    }

    /// <summary>
    /// The claims that count toward reliabilities (those of groups with two voices or more), all groups side by side in
    /// group order: each claim's source, and its probability as of its group's last update. A step's sums then stream
    /// through two arrays in the same order as before, instead of visiting every group's own small arrays.
    /// </summary>
    internal sealed class ClaimTable
    {
        private readonly int[] _start;
        private readonly int[] _sources;
        private readonly double[] _probabilities;

        /// <summary>The table of <paramref name="groups"/> as they are now, over <paramref name="sources"/> sources.</summary>
        public ClaimTable(GroupState[] groups, int sources)
        {
            _start = new int[groups.Length];
            var total = 0;
            for (var g = 0; g < groups.Length; g++)
            {
                _start[g] = groups[g].Counts ? total : -1;
                total += groups[g].Counts ? groups[g].Sources.Count : 0;
            }

            _sources = new int[total];
            _probabilities = new double[total];
            Counts = new double[sources];
            for (var g = 0; g < groups.Length; g++)
            {
                if (_start[g] >= 0)
                {
                    groups[g].Sources.AsSpan().CopyTo(_sources.AsSpan(_start[g]));
                    foreach (var source in groups[g].Sources.AsSpan())
                    {
                        Counts[source] += 1;
                    }

                    groups[g].ClaimProbabilities.AsSpan().CopyTo(_probabilities.AsSpan(_start[g]));
                }
            }
        }

        /// <summary>Takes in group <paramref name="g"/>'s probabilities after an update.</summary>
        public void Record(int g, GroupState group)
        {
            if (_start[g] >= 0)
            {
                group.ClaimProbabilities.AsSpan().CopyTo(_probabilities.AsSpan(_start[g]));
            }
        }

        /// <summary>How many counted claims each source has: what a step divides its sums by, the same for every step.</summary>
        public double[] Counts { get; }

        /// <summary>Adds each counted claim's probability to its source's sum, in group order and claim order.</summary>
        public void Accumulate(double[] sums)
        {
            for (var i = 0; i < _sources.Length; i++)
            {
                sums[_sources[i]] += _probabilities[i];
            }
        }
    }

    private GroupModel[] Models(EstimationProblem problem)
    {
        var models = new GroupModel[problem.Groups.Length];
        var similarity = _options.SimilarityWeight;
        Partitioned.ForRanges(models.Length, (from, to) =>
        {
            var (claims, pairs) = (0L, 0L);
            for (var g = from; g < to; g++)
            {
                var n = problem.Groups[g].Claims.Length;
                (claims, pairs) = (claims + n, pairs + ((long)n * n));
            }

            var storage = new GroupModel.Storage(claims, pairs, ChunkBytes);
            for (var g = from; g < to; g++)
            {
                models[g] = new GroupModel(problem.Groups[g], similarity, storage);
            }
        });

        return models;
    }

    private RunResult Choose(EstimationProblem problem, double[] priors)
    {
        // The groups' fixed structure is built once and shared by both orders.
        var models = Models(problem);
        PartDone?.Invoke(EstimatePart.Models, 0);
        if (!_options.DetectCopying || _options.DetectCopyingFirst is not null)
        {
            var only = Start(models, priors);
            var dependencies = _options.DetectCopying && _options.DetectCopyingFirst == true ? LookFirst(only) : [];
            return Finish(only, priors, dependencies, PartDone);
        }

        // Both orders: keep the one whose final state explains the claims better under the estimator's own model.
        var early = Start(models, priors);
        var found = LookFirst(early);
        if (found.IsEmpty || Shared(found) < _options.BothOrdersMinShare * models.Sum(m => (long)m.Sources.Count))
        {
            // Nothing found before the first estimate makes the run the same as the other order; too little found can
            // change only a few questions. Either way the early order runs alone.
            return Finish(early, priors, found, PartDone);
        }

        // The two orders are independent from here: they run side by side, each in parallel over its groups.
        RunResult? before = null, after = null;
        var meetings = early.Meetings;
        Parallel.Invoke(
            () => before = Finish(early, priors, found, partDone: null),
            () =>
            {
                var late = Start(models, priors);
                late.Meetings = meetings;
                after = Finish(late, priors, [], partDone: null);
            });
        var (likelihoodBefore, likelihoodAfter) = (0.0, 0.0);
        Parallel.Invoke(() => likelihoodBefore = LogLikelihood(before!, priors), () => likelihoodAfter = LogLikelihood(after!, priors));
        PartDone?.Invoke(EstimatePart.BothOrders, 0);
        return likelihoodBefore > likelihoodAfter ? before! : after!;
    }

    /// <summary>How many values the pairs in <paramref name="found"/> share, counted once per pair.</summary>
    private static long Shared(ImmutableArray<DetectedDependence> found)
    {
        var shared = 0L;
        foreach (var dependence in found)
        {
            shared += dependence.SharedValues;
        }

        return shared;
    }

    private static Chain Start(GroupModel[] models, double[] priors)
    {
        var groups = new GroupState[models.Length];
        Partitioned.ForRanges(groups.Length, (from, to) =>
        {
            var need = 0L;
            for (var g = from; g < to; g++)
            {
                need += models[g].Candidates.Count + models[g].Sources.Count;
            }

            var slab = Slab<double>.AtMost(need, ChunkBytes / sizeof(double));
            for (var g = from; g < to; g++)
            {
                groups[g] = new GroupState(models[g], slab) { Index = g };
            }
        });

        return new Chain(groups, (double[])priors.Clone());
    }

    /// <summary>
    /// As in ACCU, looks for copying first with the priors alone (a weighted vote), before a copied majority has had a
    /// chance to raise its own reliability, and discounts what it finds.
    /// </summary>
    private ImmutableArray<DetectedDependence> LookFirst(Chain chain)
    {
        Settle(chain);
        PartDone?.Invoke(EstimatePart.Settle, 0);
        var found = Discount(chain, Look(chain, PartDone));
        PartDone?.Invoke(EstimatePart.Look, 0);
        return found;
    }

    /// <summary>
    /// Looks for copying with the current reliabilities, counting who meets whom first if this run has not; tells
    /// <paramref name="partDone"/> of the count. The caller discounts what is found.
    /// </summary>
    private ImmutableArray<DetectedDependence> Look(Chain chain, Action<EstimatePart, int>? partDone)
    {
        if (chain.Meetings is not { } meetings)
        {
            meetings = Meetings(chain);
            partDone?.Invoke(EstimatePart.Meet, 0);
        }

        return CopyDetector.Detect(chain.Groups, chain.Reliability, _options, meetings);
    }

    /// <summary>The first estimate, then up to <see cref="Rounds"/> rounds of looking for copying and estimating again.</summary>
    private RunResult Finish(Chain chain, double[] priors, ImmutableArray<DetectedDependence> dependencies, Action<EstimatePart, int>? partDone)
    {
        // The steps are counted before anyone is told: a call through ?. would not run Iterate with no one to tell.
        var steps = Iterate(chain, priors);
        partDone?.Invoke(EstimatePart.Iterate, steps);
        if (_options.DetectCopying)
        {
            for (var round = 0; round < Rounds; round++)
            {
                var again = Look(chain, partDone);
                if (again.IsEmpty && dependencies.IsEmpty)
                {
                    partDone?.Invoke(EstimatePart.Look, 0);
                    break;
                }

                dependencies = Discount(chain, again);
                partDone?.Invoke(EstimatePart.Look, 0);
                steps = Iterate(chain, priors);
                partDone?.Invoke(EstimatePart.Iterate, steps);
            }
        }

        // The chain may be kept for a session, which never looks for copying again, and whose groups are replaced before
        // it steps again: let go of what only this run's looks and steps need.
        (chain.Meetings, chain.Claims) = (null, null);
        return new RunResult(chain, dependencies);
    }

    /// <summary>Who meets whom, counted by the first look for copying of a run and shared by the chains of both orders.</summary>
    private CopyDetector.Meetings Meetings(Chain chain) =>
        chain.Meetings ??= CopyDetector.Meet(chain.Groups, chain.Reliability.Length, _options);

    private static ConsensusEstimate Result(Chain chain, ImmutableArray<DetectedDependence> dependencies)
    {
        var groups = chain.Groups;
        var estimates = new GroupEstimate[groups.Length];
        Partitioned.For(groups.Length, g => estimates[g] = groups[g].Result());
        return new ConsensusEstimate(ImmutableCollectionsMarshal.AsImmutableArray(estimates), [.. chain.Reliability]) { Dependencies = dependencies };
    }

    private double LogLikelihood(RunResult run, double[] priors) => LogLikelihood(run.Chain.Groups, priors, run.Chain.Reliability, run.Dependencies);

    /// <summary>The log-likelihood of <paramref name="estimate"/>'s reliabilities and dependence for <paramref name="problem"/> (for tests).</summary>
    internal double LogLikelihood(EstimationProblem problem, ConsensusEstimate estimate)
    {
        var priors = problem.Priors.Select(p => p ?? _options.DefaultPrior).ToArray();
        var groups = Start(Models(problem), priors).Groups;
        return LogLikelihood(groups, priors, [.. estimate.SourceReliabilities], estimate.Dependencies);
    }

    /// <summary>
    /// How well a final state explains the claims under the estimator's own model, in nats: the log-probability of
    /// every claim given the reliabilities, the detected dependence and a uniform prior over each question's values
    /// (the value summed out), plus the log-prior of the reliabilities and of the dependence found. No gold data.
    /// </summary>
    internal double LogLikelihood(GroupState[] groups, double[] priors, double[] reliability, ImmutableArray<DetectedDependence> dependencies)
    {
        var sources = reliability.Length;
        var byPair = ByPair(dependencies, sources);
        var logs = new SourceLogs(reliability, _options.FalseValues);
        var perGroup = new double[groups.Length];
        Partitioned.For(groups.Length, g => perGroup[g] = groups[g].LogLikelihood(byPair, reliability, logs, _options.FalseValues, _options.CopyRate, _options.MaxClaimsPerGroupForCopying));
        var total = 0.0;
        foreach (var value in perGroup)
        {
            // Summed in group order, so the total does not depend on the schedule.
            total += value;
        }

        for (var s = 0; s < sources; s++)
        {
            // The prior counts as PriorWeight claims, PriorWeight · prior of them right.
            var r = Math.Clamp(reliability[s], 0.01, 0.99);
            total += _options.PriorWeight * ((priors[s] * Math.Log(r)) + ((1 - priors[s]) * Math.Log(1 - r)));
        }

        // Every pair judged dependent with probability p trades, in expectation, the prior of independence for that of dependence.
        var dependentOdds = Math.Log(_options.CopyPrior / (1 - _options.CopyPrior));
        foreach (var d in dependencies)
        {
            total += d.Probability * dependentOdds;
        }

        return total;
    }

    /// <summary>
    /// For every source of (clamped) reliability <c>r</c>: <c>ln r</c>, the log-probability of an independent claim that is
    /// right, and <c>ln((1 − r) / falseValues)</c>, that of one that names a given false value. Most claims are independent,
    /// so their logs are taken once per source, not once per claim.
    /// </summary>
    internal sealed class SourceLogs
    {
        public SourceLogs(double[] reliability, double falseValues)
        {
            (Right, Wrong) = (new double[reliability.Length], new double[reliability.Length]);
            for (var s = 0; s < reliability.Length; s++)
            {
                var r = Math.Clamp(reliability[s], 0.01, 0.99);
                (Right[s], Wrong[s]) = (Math.Log(r), Math.Log((1 - r) / falseValues));
            }
        }

        public double[] Right { get; }

        public double[] Wrong { get; }
    }

    private ImmutableArray<DetectedDependence> Discount(Chain chain, ImmutableArray<DetectedDependence> found)
    {
        var byPair = ByPair(found, chain.Reliability.Length);
        var groups = chain.Groups;
        Partitioned.ForRanges(groups.Length, (from, to) =>
        {
            // A chunk only once some group here needs discounts; at most one factor per claim.
            var claims = 0L;
            for (var g = from; g < to; g++)
            {
                claims += groups[g].Sources.Count;
            }

            var slab = Slab<double>.AtMost(claims, ChunkBytes / sizeof(double));
            for (var g = from; g < to; g++)
            {
                groups[g].Discount(byPair, chain.Reliability, _options.CopyRate, _options.MaxClaimsPerGroupForCopying, slab);
            }
        });
        return found;
    }

    private static DependenceMap ByPair(ImmutableArray<DetectedDependence> found, int sources)
    {
        var involved = new bool[sources];
        foreach (var d in found)
        {
            involved[d.Source] = involved[d.Other] = true;
        }

        return new DependenceMap(found.ToDictionary(d => ((long)d.Source * sources) + d.Other, d => d.Probability), involved);
    }

    /// <summary>The pairs of sources judged dependent, by key <c>a · sources + b</c> (a &lt; b), and which sources are in any pair.</summary>
    internal sealed record DependenceMap(Dictionary<long, double> ByPair, bool[] Involved)
    {
        public int Count => ByPair.Count;

        /// <summary>The probability that sources <paramref name="a"/> and <paramref name="b"/> (a ≠ b) are dependent, if they were judged so.</summary>
        public bool TryGet(int a, int b, out double probability)
        {
            // Most sources are in no pair: that is cheaper to see than to hash the pair.
            if (!Involved[a] || !Involved[b])
            {
                probability = 0;
                return false;
            }

            return ByPair.TryGetValue(((long)Math.Min(a, b) * Involved.Length) + Math.Max(a, b), out probability);
        }

        /// <summary>Whether at least two of the first <paramref name="n"/> claims come from sources in some dependent pair (else no claim is discounted).</summary>
        public bool Touches(ReadOnlySpan<int> sources, int n)
        {
            var found = 0;
            for (var c = 0; c < n; c++)
            {
                found += Involved[sources[c]] ? 1 : 0;
                if (found >= 2)
                {
                    return true;
                }
            }

            return false;
        }
    }

    private void Settle(Chain chain)
    {
        Update(chain, [.. chain.Reliability.Select(Weight)]);
    }

    private void Update(Chain chain, double[] weights)
    {
        var falseValues = _options.FalseValues;
        var groups = chain.Groups;
        var table = chain.Claims ??= new ClaimTable(groups, weights.Length);
        if (chain.LastWeights is not { } last)
        {
            Partitioned.For(groups.Length, g =>
            {
                groups[g].Update(weights, falseValues);
                table.Record(g, groups[g]);
            });
        }
        else
        {
            var changed = new bool[weights.Length];
            for (var s = 0; s < weights.Length; s++)
            {
                changed[s] = !weights[s].Equals(last[s]);
            }

            Partitioned.For(groups.Length, g =>
            {
                if (groups[g].NeedsUpdate(changed))
                {
                    groups[g].Update(weights, falseValues);
                    table.Record(g, groups[g]);
                }
            });
        }

        chain.LastWeights = (double[])weights.Clone();
    }

    /// <summary>
    /// Iterates the reliabilities to their fixed point, until no reliability moves by more than the tolerance (or the
    /// iterations run out), then settles every group on the final reliabilities. Steps are accelerated as in SQUAREM
    /// (Varadhan and Roland, Scandinavian Journal of Statistics 35, 2008): from two plain steps it extrapolates along
    /// the direction they share, then takes a plain step from there. The fixed point is the plain iteration's; it is
    /// reached in fewer steps, since the reliabilities of sources that share questions move together and each plain
    /// step removes only a share of the remaining distance. Returns how many steps it took.
    /// </summary>
    private int Iterate(Chain chain, double[] priors)
    {
        var reliability = chain.Reliability;
        var sources = reliability.Length;
        var (first, second, jump) = (new double[sources], new double[sources], new double[sources]);
        var evaluations = 0;
        while (evaluations < _options.MaxIterations)
        {
            evaluations++;
            if (Step(chain, priors, reliability, first) < _options.Tolerance || evaluations == _options.MaxIterations)
            {
                first.CopyTo(reliability, 0);
                break;
            }

            evaluations++;
            if (Step(chain, priors, first, second) < _options.Tolerance || evaluations == _options.MaxIterations)
            {
                second.CopyTo(reliability, 0);
                break;
            }

            // r' = r − 2αs + α²v with s = r₁ − r, v = r₂ − 2r₁ + r and α = −|s| / |v|, at most −1 (α = −1 gives r₂).
            var (lengthS, lengthV) = (0.0, 0.0);
            for (var s = 0; s < sources; s++)
            {
                var step = first[s] - reliability[s];
                var bend = second[s] - (2 * first[s]) + reliability[s];
                lengthS += step * step;
                lengthV += bend * bend;
            }

            var alpha = lengthV > 0 ? Math.Min(-1, -Math.Sqrt(lengthS / lengthV)) : -1;
            for (var s = 0; s < sources; s++)
            {
                var step = first[s] - reliability[s];
                var bend = second[s] - (2 * first[s]) + reliability[s];
                jump[s] = Math.Clamp(reliability[s] - (2 * alpha * step) + (alpha * alpha * bend), 0.001, 0.999);
            }

            // A plain step from the extrapolated point keeps the iteration stable.
            evaluations++;
            var change = Step(chain, priors, jump, reliability);
            if (change < _options.Tolerance)
            {
                break;
            }
        }

        Settle(chain);
        return evaluations;
    }

    /// <summary>
    /// One plain step: every group's probabilities from the weights of <paramref name="from"/>, then each source's
    /// reliability (into <paramref name="to"/>) as the average probability of its claims, pulled toward its prior.
    /// Returns how far the reliabilities moved.
    /// </summary>
    private double Step(Chain chain, double[] priors, double[] from, double[] to)
    {
        var sources = from.Length;
        var weights = new double[sources];
        for (var s = 0; s < sources; s++)
        {
            weights[s] = Weight(from[s]);
        }

        var sums = new double[sources];

        // Groups are independent given the weights (the map); the sums run in group order (the reduce), so the
        // result does not depend on how the map was scheduled.
        Update(chain, weights);
        chain.Claims!.Accumulate(sums);
        var counts = chain.Claims.Counts;

        var change = 0.0;
        for (var s = 0; s < sources; s++)
        {
            // No evidence and no prior weight: the prior stands.
            var weight = counts[s] + _options.PriorWeight;
            to[s] = weight > 0 ? (sums[s] + (_options.PriorWeight * priors[s])) / weight : priors[s];
            change = Math.Max(change, Math.Abs(to[s] - from[s]));
        }

        return change;
    }

    private double Weight(double reliability)
    {
        var r = Math.Clamp(reliability, 0.01, 0.99);
        return Math.Log(_options.FalseValues * r / (1 - r));
    }

    /// <summary>One group's fixed structure: its distinct candidate values, voices, and the support of every claim for every candidate.</summary>
    internal sealed class GroupModel
    {
        /// <summary>The model of <paramref name="group"/>, its arrays slices of <paramref name="storage"/>.</summary>
        public GroupModel(EstimationGroup group, double similarity, Storage storage)
        {
            Group = group;
            var claims = group.Claims;
            var n = claims.Length;
            Span<int> candidates = n <= Scratch.StackLimit ? stackalloc int[n] : new int[n];
            var count = 0;
            ValueOf = storage.Ints.Take(n);
            Sources = storage.Ints.Take(n);
            Voices = storage.Ints.Take(n);
            var valueOf = ValueOf.AsSpan();
            var sources = Sources.AsSpan();
            var voices = Voices.AsSpan();
            for (var c = 0; c < n; c++)
            {
                sources[c] = claims[c].Source;
                voices[c] = claims[c].Voice;
                valueOf[c] = -1;
                if (!claims[c].IsCandidate)
                {
                    continue;
                }

                for (var k = 0; k < count; k++)
                {
                    var r = candidates[k];
                    if (group.Support(r, c) >= Same && group.Support(c, r) >= Same && claims[r].Spread.Equals(claims[c].Spread))
                    {
                        valueOf[c] = k;
                        break;
                    }
                }

                if (valueOf[c] < 0)
                {
                    valueOf[c] = count;
                    candidates[count++] = c;
                }
            }

            Candidates = storage.Ints.Take(count);
            candidates[..count].CopyTo(Candidates);
            if (group.Voices == n)
            {
                // Every claim is its own voice (the usual case): the voices are a permutation of the claims.
                var claimOfVoice = storage.Ints.Take(n);
                for (var c = 0; c < n; c++)
                {
                    claimOfVoice[voices[c]] = c;
                }

                ClaimOfVoice = claimOfVoice;
            }

            // The support of every claim for every candidate, looked up once: the iterations only multiply and add.
            Vote = storage.Doubles.Take(count * n);
            Truth = storage.Doubles.Take(count * n);
            var vote = Vote.AsSpan();
            var truth = Truth.AsSpan();
            for (var k = 0; k < count; k++)
            {
                for (var c = 0; c < n; c++)
                {
                    var support = group.Support(candidates[k], c);
                    vote[(k * n) + c] = support + (similarity * group.Closeness(candidates[k], c));

                    // A claim is true when it agrees with the true value; closeness and small overlaps do not make it so.
                    truth[(k * n) + c] = support >= 0.5 ? support : 0;
                }
            }
        }

        public EstimationGroup Group { get; }

        /// <summary>For each claim, the index of its distinct candidate value, or −1 for a claim that cannot be one.</summary>
        public ArraySegment<int> ValueOf { get; }

        /// <summary>The claim that stands for each distinct candidate value.</summary>
        public ArraySegment<int> Candidates { get; }

        public ArraySegment<int> Sources { get; }

        public ArraySegment<int> Voices { get; }

        /// <summary>When every claim is its own voice, the claim of each voice; else <see langword="null"/>.</summary>
        public ArraySegment<int>? ClaimOfVoice { get; }

        /// <summary>Candidate-major: how far each claim votes for each candidate (support plus weighted closeness).</summary>
        public ArraySegment<double> Vote { get; }

        /// <summary>Candidate-major: how far each claim is true if the candidate is (support of ½ or more, else 0).</summary>
        public ArraySegment<double> Truth { get; }

        /// <summary>Where the models of one range of groups keep their arrays (see <see cref="Slab{T}"/>).</summary>
        internal sealed class Storage(Slab<int> ints, Slab<double> doubles)
        {
            /// <summary>
            /// Storage for groups of <paramref name="claims"/> claims in all, with <paramref name="pairs"/> the sum of their
            /// squared sizes, in chunks of <paramref name="chunkBytes"/>. A group of <c>n</c> claims takes at most <c>5n</c>
            /// ints (four arrays of one per claim, one per candidate) and <c>2n²</c> doubles (two tables of one per
            /// candidate and claim).
            /// </summary>
            public Storage(long claims, long pairs, int chunkBytes)
                : this(Slab<int>.AtMost(5 * claims, chunkBytes / sizeof(int)), Slab<double>.AtMost(2 * pairs, chunkBytes / sizeof(double)))
            {
            }

            /// <summary>Storage that gives every array its own (for the groups a session inserts one update at a time).</summary>
            public static Storage Own => new(new Slab<int>(0), new Slab<double>(0));

            public Slab<int> Ints { get; } = ints;

            public Slab<double> Doubles { get; } = doubles;
        }
    }

    /// <summary>One group's current probabilities and discounts, over its <see cref="GroupModel"/>.</summary>
    internal sealed class GroupState
    {
        private readonly GroupModel _model;

        /// <summary>How far each claim's vote counts, while <see cref="_discounted"/>; taken by the first discount (most groups never need one).</summary>
        private ArraySegment<double> _discount;

        /// <summary>The state of <paramref name="model"/>, its probabilities slices of <paramref name="slab"/>.</summary>
        public GroupState(GroupModel model, Slab<double> slab)
        {
            _model = model;
            Probabilities = slab.Take(model.Candidates.Count);
            ClaimProbabilities = slab.Take(model.Sources.Count);
        }

        /// <summary>Whether the probabilities are stale whatever the weights: never computed, or the discounts changed.</summary>
        private bool _fresh = true;

        private GroupEstimate? _result;

        /// <summary>The last estimate <see cref="Shows"/> found to show what the current probabilities would.</summary>
        private GroupEstimate? _shown;

        /// <summary>Whether some claim's vote is discounted for copying.</summary>
        private bool _discounted;

        /// <summary>The number of the last local update that updated this group again (<see cref="Continuation.Visits"/>).</summary>
        public int Visit { get; set; }

        /// <summary>Where the group lies in its chain's <see cref="Chain.Groups"/>: a local update names the groups it updated by it.</summary>
        public int Index { get; set; }

        /// <summary>
        /// Orders the first claims (as many as <paramref name="order"/> holds) from the most reliable source down, ties in
        /// claim order; with <paramref name="only"/>, only the candidate claims of sources it marks. Returns how many it ordered.
        /// </summary>
        private int ByReliability(Span<int> order, double[] reliability, bool[]? only = null)
        {
            var sources = _model.Sources.AsSpan();
            var valueOf = _model.ValueOf.AsSpan();
            var count = 0;
            for (var i = 0; i < order.Length; i++)
            {
                if (only is not null && (!only[sources[i]] || valueOf[i] < 0))
                {
                    continue;
                }

                // Insertion sort: groups are small, and it keeps equal reliabilities in claim order.
                var r = reliability[sources[i]];
                var j = count++;
                while (j > 0 && reliability[sources[order[j - 1]]] < r)
                {
                    order[j] = order[j - 1];
                    j--;
                }

                order[j] = i;
            }

            return count;
        }

        /// <summary>Whether the probabilities must be computed again, given which sources' weights changed.</summary>
        public bool NeedsUpdate(bool[] changedSources)
        {
            if (_fresh)
            {
                return true;
            }

            foreach (var source in _model.Sources.AsSpan())
            {
                if (changedSources[source])
                {
                    return true;
                }
            }

            return false;
        }

        public EstimationGroup Group => _model.Group;

        /// <summary>Each claim's source index.</summary>
        public ArraySegment<int> Sources => _model.Sources;

        /// <summary>Each claim's voice index within the group.</summary>
        public ArraySegment<int> Voices => _model.Voices;

        /// <summary>For each claim, the index of its distinct candidate value, or −1 for a claim that cannot be one.</summary>
        public ArraySegment<int> ValueOf => _model.ValueOf;

        /// <summary>The probability of each distinct candidate value.</summary>
        public ArraySegment<double> Probabilities { get; }

        /// <summary>The probability that each claim is true.</summary>
        public ArraySegment<double> ClaimProbabilities { get; }

        /// <summary>
        /// Discounts claims that repeat the value of a source they were judged dependent on: going from the most
        /// reliable source down, a claim's vote shrinks by <c>1 − copyRate · P(dependent)</c> for every earlier claim
        /// of a dependent source with the very same value (ACCU's discount), so a copied value counts about once. The
        /// first discount takes its factors from <paramref name="slab"/>.
        /// </summary>
        public void Discount(DependenceMap dependence, double[] reliability, double copyRate, int maxClaims, Slab<double> slab)
        {
            var claims = _model.Group.Claims;
            var n = Math.Min(claims.Length, maxClaims);
            var touched = dependence.Touches(_model.Sources.AsSpan(), n);
            Span<double> factors = touched ? (claims.Length <= Scratch.StackLimit ? stackalloc double[claims.Length] : new double[claims.Length]) : default;
            if (!touched || !Factors(dependence, reliability, copyRate, n, factors))
            {
                // Nothing is discounted here, and nothing changes if nothing was.
                if (_discounted)
                {
                    (_discounted, _fresh) = (false, true);
                }

                return;
            }

            if (_discounted && factors.SequenceEqual(_discount.AsSpan()))
            {
                return;
            }

            if (_discount.Array is null)
            {
                _discount = slab.Take(claims.Length);
            }

            factors.CopyTo(_discount.AsSpan());
            (_discounted, _fresh) = (true, true);
        }

        /// <summary>
        /// Writes each claim's discount factor to <paramref name="factors"/> (1 for a claim not discounted); returns whether
        /// any claim is. Most groups with claims of sources in some dependent pair have none that repeat a value between
        /// them, and stay as they were, so the next step need not visit them again.
        /// </summary>
        private bool Factors(DependenceMap dependence, double[] reliability, double copyRate, int n, Span<double> factors)
        {
            var claims = _model.Group.Claims;
            var valueOf = _model.ValueOf.AsSpan();
            factors.Fill(1);
            var any = false;

            // Only candidate claims of sources in some dependent pair can discount or be discounted: the others are left
            // out of the order, which keeps theirs.
            Span<int> order = n <= Scratch.StackLimit ? stackalloc int[n] : new int[n];
            order = order[..ByReliability(order, reliability, dependence.Involved)];
            for (var x = 1; x < order.Length; x++)
            {
                var c = order[x];
                for (var y = 0; y < x; y++)
                {
                    var d = order[y];
                    var (a, b) = (claims[c].Source, claims[d].Source);
                    if (valueOf[d] == valueOf[c] && a != b && claims[c].Voice != claims[d].Voice
                        && dependence.TryGet(a, b, out var probability))
                    {
                        factors[c] *= 1 - (copyRate * probability);
                        any = true;
                    }
                }
            }

            return any;
        }

        /// <summary>
        /// The log-probability of this group's candidate claims, the true value summed out over a uniform prior on
        /// <c>falseValues + 1</c> values. An independent claim is right with its source's reliability <c>r</c> and
        /// otherwise names one of the false values, each <c>(1 − r) / falseValues</c>. Going from the most reliable
        /// source down (as <see cref="Discount"/> does), a claim copies an earlier claim of a source judged dependent
        /// with probability <c>copyRate · P(dependent)</c>, and then repeats that claim's value. Claims of one voice
        /// share one voice's weight.
        /// </summary>
        public double LogLikelihood(DependenceMap dependence, double[] reliability, SourceLogs logsOf, double falseValues, double copyRate, int maxClaims)
        {
            var claims = _model.Group.Claims;
            var sources = _model.Sources.AsSpan();
            var voiceOf = _model.Voices.AsSpan();
            var valueOf = _model.ValueOf.AsSpan();
            var n = claims.Length;
            var limit = Math.Min(n, maxClaims);
            Span<int> order = n <= Scratch.StackLimit ? stackalloc int[n] : new int[n];
            _ = ByReliability(order, reliability);
            var voices = Math.Max(1, _model.Group.Voices);
            Span<int> voiceSize = voices <= Scratch.StackLimit ? stackalloc int[voices] : new int[voices];
            foreach (var c in order)
            {
                voiceSize[voiceOf[c]] += valueOf[c] >= 0 ? 1 : 0;
            }

            // For each candidate claim, the chance that it is independent and the chance that it copied its own value.
            // Only the candidate claims (of the first maxClaims) of sources in some dependent pair can copy or be
            // copied: they alone are ordered for it, in the order of all claims.
            Span<double> keep = n <= Scratch.StackLimit ? stackalloc double[n] : new double[n];
            Span<double> copied = n <= Scratch.StackLimit ? stackalloc double[n] : new double[n];
            keep.Fill(1);
            if (dependence.Touches(sources, limit))
            {
                Span<int> copiers = limit <= Scratch.StackLimit ? stackalloc int[limit] : new int[limit];
                copiers = copiers[..ByReliability(copiers, reliability, dependence.Involved)];
                for (var x = 1; x < copiers.Length; x++)
                {
                    var c = copiers[x];
                    var independent = 1.0;
                    var (same, all) = (0.0, 0.0);
                    for (var y = 0; y < x; y++)
                    {
                        var d = copiers[y];
                        var (a, b) = (claims[c].Source, claims[d].Source);
                        if (a != b && claims[c].Voice != claims[d].Voice && dependence.TryGet(a, b, out var probability))
                        {
                            var m = copyRate * probability;
                            independent *= 1 - m;
                            all += m;
                            same += valueOf[d] == valueOf[c] ? m : 0;
                        }
                    }

                    keep[c] = independent;
                    copied[c] = all > 0 ? (1 - independent) * same / all : 0;
                }
            }

            // A candidate claim's log-probability (its voice's share) takes one of two values, whichever value is true:
            // one if the claim is right, one if it is wrong. Each is computed once, not once per value.
            Span<double> ifRight = n <= Scratch.StackLimit ? stackalloc double[n] : new double[n];
            Span<double> ifWrong = n <= Scratch.StackLimit ? stackalloc double[n] : new double[n];
            for (var c = 0; c < n; c++)
            {
                if (valueOf[c] < 0)
                {
                    continue;
                }

                var source = claims[c].Source;
                var share = voiceSize[voiceOf[c]];
                if (keep[c] == 1 && copied[c] == 0)
                {
                    // An independent claim: 1 · p + 0 is p exactly, so the source's own logs are the claim's.
                    (ifRight[c], ifWrong[c]) = (logsOf.Right[source] / share, logsOf.Wrong[source] / share);
                }
                else
                {
                    var r = Math.Clamp(reliability[source], 0.01, 0.99);
                    ifRight[c] = Math.Log((keep[c] * r) + copied[c]) / share;
                    ifWrong[c] = Math.Log((keep[c] * ((1 - r) / falseValues)) + copied[c]) / share;
                }
            }

            // log P(claims | value k) for every candidate value, and for a value nobody stated (k = −1).
            var values = _model.Candidates.Count;
            Span<double> logs = values < Scratch.StackLimit ? stackalloc double[values + 1] : new double[values + 1];
            for (var k = -1; k < values; k++)
            {
                // A claim is right when it agrees with value k: a support of ½ or more, which is where Truth is not 0.
                var truth = k >= 0 ? _model.Truth.AsSpan(k * n, n) : default;
                var sum = 0.0;
                foreach (var c in order)
                {
                    if (valueOf[c] >= 0)
                    {
                        sum += k >= 0 && truth[c] >= 0.5 ? ifRight[c] : ifWrong[c];
                    }
                }

                logs[k + 1] = sum;
            }

            var unstated = Math.Max(0, falseValues + 1 - values);
            var top = logs[0];
            foreach (var log in logs)
            {
                top = log > top ? log : top;
            }

            var mass = unstated * Math.Exp(logs[0] - top);
            for (var k = 0; k < values; k++)
            {
                mass += Math.Exp(logs[k + 1] - top);
            }

            return top + Math.Log(mass) - Math.Log(Math.Max(falseValues + 1, values));
        }

        public void Update(double[] weights, double falseValues)
        {
            _fresh = false;
            (_result, _shown) = (null, null);
            var n = _model.Sources.Count;
            var values = _model.Candidates.Count;
            var probabilities = Probabilities.AsSpan();

            // The scores, turned into the probabilities below.
            Scores(weights, probabilities);
            var best = double.NegativeInfinity;
            for (var k = 0; k < values; k++)
            {
                best = Math.Max(best, probabilities[k]);
            }

            // Values nobody stated have score 0; there are falseValues + 1 values in all, at least the stated ones.
            var unstated = Math.Max(0, falseValues + 1 - values);
            var top = Math.Max(best, 0);
            var total = unstated * Math.Exp(-top);
            for (var k = 0; k < values; k++)
            {
                probabilities[k] = Math.Exp(probabilities[k] - top);
                total += probabilities[k];
            }

            for (var k = 0; k < values; k++)
            {
                probabilities[k] /= total;
            }

            // Each claim's probability of being true: the sum over the candidates in their order, added candidate by
            // candidate so that the table is read as it lies.
            var claimProbabilities = ClaimProbabilities.AsSpan();
            claimProbabilities.Clear();
            for (var k = 0; k < values; k++)
            {
                var p = probabilities[k];
                var truth = _model.Truth.AsSpan(k * n, n);
                for (var c = 0; c < n; c++)
                {
                    claimProbabilities[c] += p * truth[c];
                }
            }

            for (var c = 0; c < n; c++)
            {
                claimProbabilities[c] = Math.Clamp(claimProbabilities[c], 0, 1);
            }
        }

        /// <summary>Each candidate's score, into <paramref name="scores"/>: the sum, voice by voice in voice order, of the strongest vote of the voice's claims.</summary>
        private void Scores(double[] weights, Span<double> scores)
        {
            var sources = _model.Sources.AsSpan();
            var votes = _model.Vote.AsSpan();
            var discount = _discount.AsSpan();
            var n = sources.Length;
            scores.Clear();
            if (_model.ClaimOfVoice is { } claimOfVoice)
            {
                // One claim per voice (the usual case): a voice's vote is its claim's, the strongest of one. One pass over
                // the voices adds to every candidate's score. Without discounts, multiplying by 1 would change no vote.
                foreach (var c in claimOfVoice.AsSpan())
                {
                    var weight = weights[sources[c]];
                    var factor = _discounted ? discount[c] : 1;
                    for (var k = 0; k < scores.Length; k++)
                    {
                        scores[k] += weight * votes[(k * n) + c] * factor;
                    }
                }

                return;
            }

            var voiceCount = _model.Group.Voices;
            var voiceOf = _model.Voices.AsSpan();
            var voices = Math.Max(1, voiceCount);
            Span<double> voiceBest = voices <= Scratch.StackLimit ? stackalloc double[voices] : new double[voices];
            voiceBest = voiceBest[..voiceCount];
            for (var k = 0; k < scores.Length; k++)
            {
                // Each voice supports a value as strongly as its most convincing claim does.
                voiceBest.Fill(double.NegativeInfinity);
                var support = votes.Slice(k * n, n);
                for (var c = 0; c < n; c++)
                {
                    var vote = weights[sources[c]] * support[c];
                    if (_discounted)
                    {
                        vote *= discount[c];
                    }

                    ref var slot = ref voiceBest[voiceOf[c]];
                    if (vote > slot)
                    {
                        slot = vote;
                    }
                }

                foreach (var vote in voiceBest)
                {
                    scores[k] += vote;
                }
            }
        }

        /// <summary>Whether this group's claims count toward their sources' reliabilities: a question with one voice says nothing about reliability.</summary>
        public bool Counts => _model.Group.Voices >= 2;

        /// <summary>
        /// <see cref="Update"/>, noting in <paramref name="moves"/> how far the probability of each counted claim moved, by
        /// its source (for <see cref="SourceTotals"/>).
        /// </summary>
        public void UpdateNoting(double[] weights, double falseValues, List<(int Source, double Change)> moves)
        {
            if (!Counts)
            {
                // Its claims are not in the totals: nothing to note.
                Update(weights, falseValues);
                return;
            }

            var claimProbabilities = ClaimProbabilities.AsSpan();
            var n = claimProbabilities.Length;
            Span<double> before = n <= Scratch.StackLimit ? stackalloc double[n] : new double[n];
            claimProbabilities.CopyTo(before);
            Update(weights, falseValues);
            var sources = _model.Sources.AsSpan();
            for (var c = 0; c < n; c++)
            {
                if (claimProbabilities[c] != before[c])
                {
                    moves.Add((sources[c], claimProbabilities[c] - before[c]));
                }
            }
        }

        /// <summary>The group's estimate from its current probabilities (kept until they change).</summary>
        public GroupEstimate Result() => _result ??= Estimate();

        /// <summary>
        /// Whether <paramref name="estimate"/> shows what the current probabilities would, each number rounded by
        /// <paramref name="shown"/>: the same winner, confidence and claim probabilities. No estimate is made for it, and
        /// a yes is remembered until the probabilities change.
        /// </summary>
        public bool Shows(GroupEstimate estimate, Func<double, double> shown)
        {
            if (ReferenceEquals(estimate, _result) || ReferenceEquals(estimate, _shown))
            {
                return true;
            }

            var (winner, confidence) = Decide();
            scoped Span<double> claimProbabilities = ClaimProbabilities.AsSpan();
            if (_model.Candidates.Count == 0)
            {
                // A group without candidates shows every claim at ½, as its estimate does.
                var n = claimProbabilities.Length;
                claimProbabilities = n <= Scratch.StackLimit ? stackalloc double[n] : new double[n];
                claimProbabilities.Fill(GroupEstimate.Undecided);
            }

            if (!estimate.ShowsAs(winner, confidence, claimProbabilities, shown))
            {
                return false;
            }

            _shown = estimate;
            return true;
        }

        private GroupEstimate Estimate()
        {
            var (winner, confidence) = Decide();
            return _model.Candidates.Count == 0
                ? GroupEstimate.WithoutCandidates(ClaimProbabilities.Count)
                : new GroupEstimate(winner, confidence, [.. ClaimProbabilities.AsSpan()]);
        }

        /// <summary>The winner and the confidence of the current probabilities; with no candidate value, no winner at ½ (and every claim at ½).</summary>
        private (int? Winner, double Confidence) Decide()
        {
            var group = _model.Group;
            var claims = group.Claims;
            var candidates = _model.Candidates.AsSpan();
            var probabilities = Probabilities.AsSpan();
            if (candidates.Length == 0)
            {
                return (null, GroupEstimate.Undecided);
            }

            var best = 0;
            for (var k = 1; k < candidates.Length; k++)
            {
                var (p, q) = (probabilities[k], probabilities[best]);
                if (p > q + 1e-9 || (Math.Abs(p - q) <= 1e-9 && claims[candidates[k]].Spread < claims[candidates[best]].Spread))
                {
                    // The more probable value wins; equally probable agreeing values: the narrower is the more precise.
                    best = k;
                }
            }

            var winner = candidates[best];
            for (var k = 0; k < candidates.Length; k++)
            {
                if (k != best && Math.Abs(probabilities[k] - probabilities[best]) <= 1e-9 && group.Support(winner, candidates[k]) < 0.5)
                {
                    // Two values that do not agree are equally likely: no winner.
                    return (null, Math.Min(1, probabilities[best]));
                }
            }

            // The probability that the truth agrees with the winner: its own and that of values it agrees with.
            var confidence = 0.0;
            for (var k = 0; k < candidates.Length; k++)
            {
                confidence += probabilities[k] * group.Support(candidates[k], winner);
            }

            return (winner, Math.Clamp(confidence, 0, 1));
        }
    }
}
