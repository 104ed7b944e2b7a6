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
    /// estimate, is summed each time. At a million claims the agreements take some 30 MB, held until the run ends.
    /// </summary>
    /// <remarks>
    /// Each pair of sources that meets has a slot, and a look sums what its agreements weigh into an array of slots:
    /// no look hashes a pair. With an array of all pairs (<see cref="IsDense"/>) a pair's slot is its place in that
    /// array; otherwise the pairs that meet are numbered as they are first met.
    /// </remarks>
    internal sealed class Meetings
    {
        private readonly ConcurrentBag<Shared[]> _spare = [];

        public Meetings(PairTable<Common> table, ArraySegment<Agreement>[] agreements)
        {
            Agreements = agreements;
            IsDense = table.IsDense;
            Common = table.BySlot();
            Pairs = table.IsDense ? [] : table.Pairs();
        }

        /// <summary>Whether every pair of sources has a slot, ordered by <c>a</c>, then <c>b</c> (see <see cref="PairTable{T}.BySlot"/>).</summary>
        public bool IsDense { get; }

        /// <summary>Unless <see cref="IsDense"/>, the pairs that meet, by slot, in the order they were first met.</summary>
        public (int A, int B)[] Pairs { get; }

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
        void Count(int from, int to, PairTable<Common> table)
        {
            // Each half lists its agreements in a slab of its own: a few large arrays rather than one per group, and no larger
            // than the meetings can fill (at ten thousand claims a full 1 MB chunk cost the count some 2 ms of its 5).
            var slab = Slab<Agreement>.AtMost(meetings, AgreementChunk);
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

                        var slot = table.Slot(Math.Min(a, b), Math.Max(a, b));
                        table[slot].Questions++;
                        if (valueOf[i] >= 0 && valueOf[i] == valueOf[j])
                        {
                            found.Add(new Agreement(i, a, b, slot));
                        }
                    }
                }

                agreements[g] = slab.Take(found.Count);
                found.CopyTo(agreements[g].Array!, agreements[g].Offset);
            }
        }

        if (groups.Length < 2 * Partitioned.RangeSize)
        {
            var only = new PairTable<Common>(sources, dense, meetings);
            Count(0, groups.Length, only);
            return new Meetings(only, agreements);
        }

        // Two fixed halves side by side, the second then added into the first: the same counts on any number of cores.
        // Without an array, the second half's pairs take their slots in the first's table. The halves' tables grow as they
        // fill: making room ahead was measured only for one table of few claims, where growing cost the most.
        var (first, second) = (new PairTable<Common>(sources, dense), new PairTable<Common>(sources, dense));
        var middle = groups.Length / 2;
        Parallel.Invoke(() => Count(0, middle, first), () => Count(middle, groups.Length, second));
        if (first.Add(second) is { } moved)
        {
            for (var g = middle; g < groups.Length; g++)
            {
                foreach (ref var agreement in agreements[g].AsSpan())
                {
                    agreement = agreement with { Slot = moved[agreement.Slot] };
                }
            }
        }

        return new Meetings(first, agreements);
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
            // The slots follow the order pairs were first met: the dependence found is put in the order of the pairs.
            var pairs = meetings.Pairs;
            for (var slot = 0; slot < pairs.Length; slot++)
            {
                Consider(pairs[slot].A, pairs[slot].B, common[slot].Questions, in shared[slot]);
            }

            found.Sort(static (x, y) => x.Source != y.Source ? x.Source.CompareTo(y.Source) : x.Other.CompareTo(y.Other));
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
    /// One value per pair of sources <c>a &lt; b</c>, each in a slot: in an array of every pair, where a pair's slot is
    /// its place (<see cref="Index"/>), or in a list of the pairs that were touched, numbered as they come, with a
    /// dictionary from pair to slot (<see cref="SuitsAnArray"/> chooses). Both hold the same sums, added in the same
    /// order, so the choice changes the time counting takes, never its result. A pair whose value is empty counts as
    /// untouched. <c>expected</c> is at most how many times pairs will be touched, for the list to make room ahead.
    /// </summary>
    internal sealed class PairTable<T>(int sources, bool dense, long expected = 0)
        where T : struct, IPairValue<T>
    {
        /// <summary>How many pairs an array holds at most.</summary>
        public const long DenseLimit = 1_000_000;

        /// <summary>
        /// How many pairs of sources may go without a meeting per pair of claims that meets, for the pairs still to live
        /// in an array. Every look clears and walks the whole array, a few nanoseconds a pair; a dictionary spends some
        /// tens of nanoseconds on each meeting, once per run.
        /// </summary>
        public const long SparseRatio = 8;

        private readonly long _pairs = PairsOf(sources);
        private readonly Dictionary<long, int> _slots = new(SparseCapacity(sources, dense, expected));
        private readonly List<T> _touched = new(SparseCapacity(sources, dense, expected));
        private T[]? _values;

        /// <summary>Whether every pair has a slot, its place in an array of every pair (<see cref="Index"/>).</summary>
        public bool IsDense { get; } = InArray(sources, dense);

        /// <summary>
        /// Whether an array suits the pairs of <paramref name="sources"/> sources when at most <paramref name="meetings"/>
        /// pairs of claims meet: up to a million pairs (some 1,400 sources), an array is several times faster than hashing
        /// millions of visits, unless most of its pairs would stay empty, as with a few thousand claims among a thousand
        /// sources.
        /// </summary>
        public static bool SuitsAnArray(int sources, long meetings)
        {
            var pairs = PairsOf(sources);
            return pairs <= DenseLimit && meetings * SparseRatio >= pairs;
        }

        /// <summary>At most this many pairs (some 7 MB) are made room for before any is touched (<see cref="SparseCapacity"/>).</summary>
        private const int MaxRoomAhead = 1 << 18;

        /// <summary>
        /// How many pairs a table that lists the touched pairs makes room for at once, when at most <paramref name="expected"/>
        /// visits are to come: as many as there can be, so that its list and dictionary need not grow (at a few thousand
        /// claims, growing them cost the count a quarter of its time), up to <see cref="MaxRoomAhead"/>; none for an array.
        /// </summary>
        private static int SparseCapacity(int sources, bool dense, long expected) =>
            InArray(sources, dense) ? 0 : (int)Math.Min(Math.Min(expected, PairsOf(sources)), MaxRoomAhead);

        /// <summary>Whether a table of <paramref name="sources"/> sources, asked for an array (<paramref name="dense"/>), gets one.</summary>
        private static bool InArray(int sources, bool dense) => dense && PairsOf(sources) <= DenseLimit;

        /// <summary>How many pairs <paramref name="sources"/> sources make.</summary>
        private static long PairsOf(int sources) => (long)sources * (sources - 1) / 2;

        /// <summary>
        /// The value of every slot, by slot: when <see cref="IsDense"/>, the array of every pair itself, ordered by <c>a</c>,
        /// then <c>b</c>: (0, 1), (0, 2) … (0, n − 1), (1, 2) and so on; otherwise a copy of the touched pairs' values.
        /// </summary>
        public T[] BySlot() => IsDense ? _values ??= new T[_pairs] : [.. _touched];

        /// <summary>Unless <see cref="IsDense"/>, the pair of each slot.</summary>
        public (int A, int B)[] Pairs()
        {
            var pairs = new (int A, int B)[_touched.Count];
            foreach (var (key, slot) in _slots)
            {
                pairs[slot] = ((int)(key / sources), (int)(key % sources));
            }

            return pairs;
        }

        /// <summary>The slot of sources <paramref name="a"/> &lt; <paramref name="b"/>, made on first use.</summary>
        public int Slot(int a, int b)
        {
            if (IsDense)
            {
                return Index(a, b);
            }

            ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_slots, Key(a, b), out var exists);
            if (!exists)
            {
                slot = _touched.Count;
                _touched.Add(default);
            }

            return slot;
        }

        /// <summary>The value in a slot, to read or change; valid until the next pair is touched.</summary>
        public ref T this[int slot] => ref IsDense ? ref (_values ??= new T[_pairs])[slot] : ref CollectionsMarshal.AsSpan(_touched)[slot];

        /// <summary>
        /// Adds <paramref name="other"/>'s values to this table's, pair by pair. Returns, unless <see cref="IsDense"/>, the
        /// slot here of each of <paramref name="other"/>'s slots; in an array the slots are the same.
        /// </summary>
        public int[]? Add(PairTable<T> other)
        {
            if (IsDense)
            {
                var mine = _values ??= new T[_pairs];
                var theirs = other._values ??= new T[_pairs];
                for (var index = 0; index < theirs.Length; index++)
                {
                    if (!theirs[index].IsEmpty)
                    {
                        T.Add(ref mine[index], in theirs[index]);
                    }
                }

                return null;
            }

            var moved = new int[other._touched.Count];
            foreach (var (key, theirs) in other._slots)
            {
                var (a, b) = ((int)(key / sources), (int)(key % sources));
                var slot = Slot(a, b);
                T.Add(ref this[slot], in CollectionsMarshal.AsSpan(other._touched)[theirs]);
                moved[theirs] = slot;
            }

            return moved;
        }

        /// <summary>Where the pair of sources <paramref name="a"/> &lt; <paramref name="b"/> lies in an array of every pair.</summary>
        public int Index(int a, int b) => (a * ((2 * sources) - a - 1) / 2) + (b - a - 1);

        private long Key(int a, int b) => ((long)a * sources) + b;
    }
}
