using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.InteropServices;
using ClaimReconcile.Pipeline;

namespace ClaimReconcile.Estimation;

/// <summary>
/// Finds sources that copy, after ACCU-COPY (Dong, Berti-Equille, Srivastava, VLDB 2009): independent sources
/// share a value mostly when it is true and rarely share a false one, and they differ now and then; a copier
/// shares its original's values, false ones included, and seldom differs. For each pair of sources that answer
/// the same questions, the evidence is a log-likelihood ratio summed over those questions: a shared value
/// weighs for copying the more it is judged false, a different value weighs against. Only identical values are
/// shared: values that are merely close (4:55 p.m. and 5:00 p.m.) count as different, so similar numbers do not
/// look copied.
/// </summary>
internal static class CopyDetector
{
    /// <summary>
    /// How many shared values <see cref="Collect"/> weighs before it adds them to their pairs. The pair table is too large
    /// for the processor's caches, so nearly every addition waits for memory; weighing first and then adding a batch in a
    /// short loop lets the processor wait for many pairs at once instead of one pair per logarithm. The batch itself
    /// stays in the first-level cache.
    /// </summary>
    private const int Batch = 1024;

    /// <summary>How many agreements (16 bytes each) a chunk of <see cref="Meetings.Agreements"/> holds: 1 MB.</summary>
    private const int AgreementChunk = 65_536;

    /// <summary>
    /// What a <see cref="PairTable{T}"/> holds for each pair of sources: a count, empty until the pair is seen, that the
    /// tables of two halves of the groups add up.
    /// </summary>
    internal interface IPairValue<T>
        where T : struct, IPairValue<T>
    {
        /// <summary>Whether nothing was counted for the pair.</summary>
        bool IsEmpty { get; }

        /// <summary>Adds <paramref name="more"/> to <paramref name="sum"/>, field by field.</summary>
        static abstract void Add(ref T sum, in T more);
    }

    /// <summary>What the values two sources share weigh: how many, how many of them judged false, and their evidence.</summary>
    internal struct Shared : IPairValue<Shared>
    {
        public int Count;
        public double False;
        public double Evidence;

        /// <summary>Every shared value counts one, so a pair with none was never seen.</summary>
        public readonly bool IsEmpty => Count == 0;

        public static void Add(ref Shared sum, in Shared more)
        {
            sum.Count += more.Count;
            sum.False += more.False;
            sum.Evidence += more.Evidence;
        }
    }

    /// <summary>How many questions two sources answer in common (see <see cref="Meetings"/>).</summary>
    internal struct Common : IPairValue<Common>
    {
        public int Questions;

        public readonly bool IsEmpty => Questions == 0;

        public static void Add(ref Common sum, in Common more) => sum.Questions += more.Questions;
    }

    /// <summary>
    /// How many questions each pair of sources answers in common, as the detector counts them (questions with three
    /// voices or more, the first <see cref="TruthDiscoveryOptions.MaxClaimsPerGroupForCopying"/> claims, different
    /// sources and voices), and which of their claims agree. Both depend only on who answers what, not on any estimate,
    /// so one count serves every look for copying in a run; only what the agreements weigh, which depends on the
    /// estimate, is summed each time. At a million claims the agreements take some 25 MB, held until the run ends.
    /// </summary>
    /// <remarks>
    /// Each pair of sources that meets has a slot, and a look sums what its agreements weigh into an array of slots:
    /// no look hashes a pair. With an array of all pairs (<see cref="IsDense"/>) a pair's slot is its place in that
    /// array; otherwise the pairs that meet are numbered once, in order.
    /// </remarks>
    internal sealed class Meetings
    {
        private readonly ConcurrentBag<Shared[]> _spare = [];

        public Meetings(PairTable<Common> table, ArraySegment<Agreement>[] agreements)
        {
            Agreements = agreements;
            if (table.IsDense)
            {
                IsDense = true;
                Common = table.Values;
                return;
            }

            // The pairs that meet, in order, numbered; then each agreement learns its pair's number.
            var ordered = table.Ordered().ToArray();
            Pairs = [.. ordered.Select(p => (p.A, p.B))];
            Common = [.. ordered.Select(p => p.Value)];
            var slots = new Dictionary<(int, int), int>(ordered.Length);
            for (var slot = 0; slot < ordered.Length; slot++)
            {
                slots.Add((ordered[slot].A, ordered[slot].B), slot);
            }

            foreach (var group in agreements)
            {
                foreach (ref var agreement in group.AsSpan())
                {
                    agreement = agreement with { Slot = slots[(Math.Min(agreement.A, agreement.B), Math.Max(agreement.A, agreement.B))] };
                }
            }
        }

        /// <summary>Whether every pair of sources has a slot, ordered by <c>a</c>, then <c>b</c>, as in <see cref="PairTable{T}.Values"/>.</summary>
        public bool IsDense { get; }

        /// <summary>Unless <see cref="IsDense"/>, the pairs that meet, by slot, ordered by <c>a</c>, then <c>b</c>.</summary>
        public (int A, int B)[] Pairs { get; } = [];

        /// <summary>How many questions each slot's pair answers in common.</summary>
        public Common[] Common { get; }

        /// <summary>
        /// The agreements of each group, in order. Who agrees with whom is as fixed as who meets whom; only what an
        /// agreement weighs changes from one look to the next, so the looks need not compare all claims again.
        /// </summary>
        public ArraySegment<Agreement>[] Agreements { get; }

        /// <summary>
        /// An empty array of slots for shared values, reused from an earlier look of the run when one is free: with many
        /// sources the arrays are large, and allocating new ones for every look makes the garbage collector sweep the
        /// whole heap more often.
        /// </summary>
        public Shared[] Rent() => _spare.TryTake(out var shared) ? shared : new Shared[Common.Length];

        /// <summary>Gives an array back, emptied, for the next look.</summary>
        public void Return(Shared[] shared)
        {
            Array.Clear(shared);
            _spare.Add(shared);
        }
    }

    /// <summary>
    /// Counts, once per run, how many questions each pair of sources answers in common, and lists the agreements: the
    /// pairs of claims on those questions that state the same value.
    /// </summary>
    public static Meetings Meet(TruthDiscoveryEstimator.GroupState[] groups, int sources, TruthDiscoveryOptions options)
    {
        var limit = options.MaxClaimsPerGroupForCopying;
        var agreements = new ArraySegment<Agreement>[groups.Length];

        // At most this many pairs of claims meet: it decides whether the pairs of sources live in an array or a dictionary.
        var meetings = 0L;
        foreach (var group in groups)
        {
            if (group.Group.Voices >= 3)
            {
                long n = Math.Min(group.Sources.Count, limit);
                meetings += n * (n - 1) / 2;
            }
        }

        var dense = PairTable<Common>.SuitsAnArray(sources, meetings);
        var table = InHalves(groups.Length, () => new PairTable<Common>(sources, dense), (from, to, table) =>
        {
            // Each half lists its agreements in a slab of its own: a few large arrays rather than one per group.
            var slab = new Slab<Agreement>(AgreementChunk);
            var found = new List<Agreement>();
            for (var g = from; g < to; g++)
            {
                var group = groups[g];
                var claimSources = group.Sources.AsSpan();
                var voices = group.Voices.AsSpan();
                var valueOf = group.ValueOf.AsSpan();
                if (group.Group.Voices < 3)
                {
                    // With two voices nobody else says which of them is wrong.
                    continue;
                }

                found.Clear();
                var n = Math.Min(claimSources.Length, limit);
                for (var i = 0; i < n; i++)
                {
                    for (var j = i + 1; j < n; j++)
                    {
                        var (a, b) = (claimSources[i], claimSources[j]);
                        if (a == b || voices[i] == voices[j])
                        {
                            // Declared families and quoted speakers count once already.
                            continue;
                        }

                        var (low, high) = (Math.Min(a, b), Math.Max(a, b));
                        table.At(low, high).Questions++;
                        if (valueOf[i] >= 0 && valueOf[i] == valueOf[j])
                        {
                            // In an array a pair's slot is its place; otherwise Meetings numbers the pairs once all are known.
                            found.Add(new Agreement(i, a, b, table.IsDense ? table.Index(low, high) : -1));
                        }
                    }
                }

                agreements[g] = slab.Take(found.Count);
                found.CopyTo(agreements[g].Array!, agreements[g].Offset);
            }
        });
        return new Meetings(table, agreements);
    }

    public static ImmutableArray<DetectedDependence> Detect(TruthDiscoveryEstimator.GroupState[] groups, double[] reliability, TruthDiscoveryOptions options, Meetings meetings)
    {
        var sources = reliability.Length;
        var differ = Math.Log(1 - options.CopyRate);
        var shared = meetings.Rent();
        Shared[]? spare = null;
        if (groups.Length < 2 * Partitioned.RangeSize)
        {
            Collect(groups, meetings.Agreements, 0, groups.Length, reliability, options, shared);
        }
        else
        {
            // Two fixed halves side by side, the second then added into the first: the same sums on any number of cores.
            spare = meetings.Rent();
            var middle = groups.Length / 2;
            Parallel.Invoke(
                () => Collect(groups, meetings.Agreements, 0, middle, reliability, options, shared),
                () => Collect(groups, meetings.Agreements, middle, groups.Length, reliability, options, spare));
            for (var slot = 0; slot < shared.Length; slot++)
            {
                if (!spare[slot].IsEmpty)
                {
                    Shared.Add(ref shared[slot], in spare[slot]);
                }
            }
        }

        var priorOdds = Math.Log(options.CopyPrior / (1 - options.CopyPrior));
        var found = ImmutableArray.CreateBuilder<DetectedDependence>();
        var common = meetings.Common;
        if (meetings.IsDense)
        {
            // The slots are every pair, in order: walk them, keeping count of a and b.
            var slot = 0;
            for (var a = 0; a < sources; a++)
            {
                for (var b = a + 1; b < sources; b++, slot++)
                {
                    if (!common[slot].IsEmpty)
                    {
                        Consider(a, b, common[slot].Questions, in shared[slot]);
                    }
                }
            }
        }
        else
        {
            var pairs = meetings.Pairs;
            for (var slot = 0; slot < pairs.Length; slot++)
            {
                Consider(pairs[slot].A, pairs[slot].B, common[slot].Questions, in shared[slot]);
            }
        }

        meetings.Return(shared);
        if (spare is not null)
        {
            meetings.Return(spare);
        }

        return found.ToImmutable();

        void Consider(int a, int b, int common, in Shared pair)
        {
            var logOdds = priorOdds + pair.Evidence + ((common - pair.Count) * differ);
            if (logOdds > 0 && pair.False >= options.MinSharedFalse)
            {
                var probability = 1 / (1 + Math.Exp(-logOdds));
                found.Add(new DetectedDependence(a, b, common, pair.Count, pair.False, probability));
            }
        }
    }

    /// <summary>
    /// Runs <paramref name="count"/> over the groups: into one table from <paramref name="table"/> when there are few,
    /// else over two fixed halves side by side whose tables are then added together (the second into the first), so
    /// the result is the same on any number of cores.
    /// </summary>
    private static PairTable<T> InHalves<T>(int groups, Func<PairTable<T>> table, Action<int, int, PairTable<T>> count)
        where T : struct, IPairValue<T>
    {
        if (groups < 2 * Partitioned.RangeSize)
        {
            var only = table();
            count(0, groups, only);
            return only;
        }

        var (first, second) = (table(), table());
        var middle = groups / 2;
        Parallel.Invoke(() => count(0, middle, first), () => count(middle, groups, second));
        return first.Add(second);
    }

    /// <summary>
    /// Adds, in order, the evidence of the agreements of groups <paramref name="from"/> to <paramref name="to"/>
    /// (exclusive) to their pairs' slots in <paramref name="shared"/>: every identical value two sources state weighs for
    /// their dependence the more it is judged false. (Differing values only count against dependence, and
    /// <see cref="Meetings"/> counts them.)
    /// </summary>
    private static void Collect(TruthDiscoveryEstimator.GroupState[] groups, ArraySegment<Agreement>[] agreements, int from, int to, double[] reliability, TruthDiscoveryOptions options, Shared[] shared)
    {
        var copy = options.CopyRate;
        var falseValues = options.FalseValues;
        var batch = new List<Share>(Batch);
        for (var g = from; g < to; g++)
        {
            var agreed = agreements[g].AsSpan();
            if (agreed.IsEmpty)
            {
                continue;
            }

            var truthOf = groups[g].ClaimProbabilities.AsSpan();
            foreach (var (i, a, b, slot) in agreed)
            {
                // Sources a and b in claim order: the products below round the same only in the same order.
                var p = truthOf[i];
                var (ra, rb) = (Clamp(reliability[a]), Clamp(reliability[b]));
                var independent = (p * ra * rb) + ((1 - p) * (1 - ra) * (1 - rb) / falseValues);
                var mean = (ra + rb) / 2;
                var copied = (copy * ((p * mean) + ((1 - p) * (1 - mean)))) + ((1 - copy) * independent);
                batch.Add(new Share(slot, 1 - p, Math.Log(copied / independent)));
            }

            if (batch.Count >= Batch)
            {
                Add(batch, shared);
            }
        }

        Add(batch, shared);
    }

    /// <summary>Adds the weighed values of <paramref name="batch"/> to their slots, in order, and empties it.</summary>
    private static void Add(List<Share> batch, Shared[] shared)
    {
        foreach (ref readonly var share in CollectionsMarshal.AsSpan(batch))
        {
            ref var pair = ref shared[share.Slot];
            pair.Count++;
            pair.False += share.False;
            pair.Evidence += share.Evidence;
        }

        batch.Clear();
    }

    private static double Clamp(double r) => Math.Clamp(r, 0.01, 0.99);

    /// <summary>
    /// Two claims of a group that state the same value, from different sources and voices: claim <see cref="Claim"/>,
    /// by source <see cref="A"/>, and a later claim by source <see cref="B"/>; <see cref="Slot"/> is their pair's in
    /// <see cref="Meetings"/>.
    /// </summary>
    internal readonly record struct Agreement(int Claim, int A, int B, int Slot);

    /// <summary>One value shared by a pair of sources, by its slot, weighed: how false it is judged, and its evidence.</summary>
    private readonly record struct Share(int Slot, double False, double Evidence);

    /// <summary>
    /// One value per pair of sources <c>a &lt; b</c>, in an array indexed by the pair or in a dictionary of the pairs that
    /// were touched (<see cref="SuitsAnArray"/> chooses). Both hold the same sums, added in the same order, so the choice
    /// changes the time a look takes, never its result. A pair whose value is empty counts as untouched.
    /// </summary>
    internal sealed class PairTable<T>(int sources, bool dense)
        where T : struct, IPairValue<T>
    {
        /// <summary>How many pairs an array holds at most.</summary>
        public const long DenseLimit = 1_000_000;

        /// <summary>
        /// How many pairs of sources may go without a meeting per pair of claims that meets, for the pairs still to live
        /// in an array. Every look clears and walks the whole array, a few nanoseconds a pair; a dictionary spends some
        /// tens of nanoseconds on each meeting and then sorts the pairs it touched.
        /// </summary>
        public const long SparseRatio = 8;

        private readonly long _pairs = (long)sources * (sources - 1) / 2;
        private readonly Dictionary<long, T> _sparse = [];
        private T[]? _values;

        /// <summary>Whether the values live in an array, <see cref="Values"/>.</summary>
        public bool IsDense { get; } = dense && (long)sources * (sources - 1) / 2 <= DenseLimit;

        /// <summary>
        /// Whether an array suits the pairs of <paramref name="sources"/> sources when at most <paramref name="meetings"/>
        /// pairs of claims meet: up to a million pairs (some 1,400 sources), an array is several times faster than hashing
        /// millions of visits, unless most of its pairs would stay empty, as with a few thousand claims among a thousand
        /// sources.
        /// </summary>
        public static bool SuitsAnArray(int sources, long meetings)
        {
            var pairs = (long)sources * (sources - 1) / 2;
            return pairs <= DenseLimit && meetings * SparseRatio >= pairs;
        }

        /// <summary>
        /// When <see cref="IsDense"/>, the value of every pair, ordered by <c>a</c>, then <c>b</c>: (0, 1), (0, 2) … (0, n − 1),
        /// (1, 2) and so on.
        /// </summary>
        public T[] Values => _values ??= new T[IsDense ? _pairs : 0];

        /// <summary>The value of sources <paramref name="a"/> &lt; <paramref name="b"/>, to read or change.</summary>
        public ref T At(int a, int b) => ref IsDense ? ref Values[Index(a, b)] : ref Sparse(a, b);

        /// <summary>Adds <paramref name="other"/>'s values to this table's, pair by pair; returns this table.</summary>
        public PairTable<T> Add(PairTable<T> other)
        {
            if (IsDense)
            {
                var mine = Values;
                var theirs = other.Values;
                for (var index = 0; index < theirs.Length; index++)
                {
                    if (!theirs[index].IsEmpty)
                    {
                        T.Add(ref mine[index], in theirs[index]);
                    }
                }
            }
            else
            {
                foreach (var (key, value) in other._sparse)
                {
                    T.Add(ref CollectionsMarshal.GetValueRefOrAddDefault(_sparse, key, out _), in value);
                }
            }

            return this;
        }

        /// <summary>The pairs that were touched, ordered by <c>a</c>, then <c>b</c>.</summary>
        public IEnumerable<(int A, int B, T Value)> Ordered()
        {
            return IsDense ? Dense() : Sparse();
        }

        private IEnumerable<(int A, int B, T Value)> Sparse()
        {
            // The keys order the pairs as the array does: a sort of plain numbers, with the values carried along.
            var keys = new long[_sparse.Count];
            var values = new T[keys.Length];
            _sparse.Keys.CopyTo(keys, 0);
            _sparse.Values.CopyTo(values, 0);
            Array.Sort(keys, values);
            for (var i = 0; i < keys.Length; i++)
            {
                yield return ((int)(keys[i] / sources), (int)(keys[i] % sources), values[i]);
            }
        }

        private IEnumerable<(int A, int B, T Value)> Dense()
        {
            var index = 0;
            for (var a = 0; a < sources; a++)
            {
                for (var b = a + 1; b < sources; b++, index++)
                {
                    var value = _values is null ? default : _values[index];
                    if (!value.IsEmpty)
                    {
                        yield return (a, b, value);
                    }
                }
            }
        }

        private ref T Sparse(int a, int b) => ref CollectionsMarshal.GetValueRefOrAddDefault(_sparse, Key(a, b), out _);

        private long Key(int a, int b) => ((long)a * sources) + b;

        /// <summary>Where the pair of sources <paramref name="a"/> &lt; <paramref name="b"/> lies in <see cref="Values"/>.</summary>
        public int Index(int a, int b) => (a * ((2 * sources) - a - 1) / 2) + (b - a - 1);
    }
}
