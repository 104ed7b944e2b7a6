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

    /// <summary>How many agreements (12 bytes each) a chunk of <see cref="Meetings.Agreements"/> holds: 768 KB.</summary>
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
    /// estimate, is summed each time. At a million claims the agreements take some 20 MB, held until the run ends.
    /// </summary>
    internal sealed class Meetings(PairTable<Common> table, ArraySegment<Agreement>[] agreements)
    {
        private readonly ConcurrentBag<PairTable<Shared>> _spare = [];

        public PairTable<Common> Table { get; } = table;

        /// <summary>
        /// The agreements of each group, in order. Who agrees with whom is as fixed as who meets whom; only what an
        /// agreement weighs changes from one look to the next, so the looks need not compare all claims again.
        /// </summary>
        public ArraySegment<Agreement>[] Agreements { get; } = agreements;

        /// <summary>
        /// An empty table for shared values, reused from an earlier look of the run when one is free: with many
        /// sources the tables are large arrays, and allocating new ones for every look makes the garbage collector
        /// sweep the whole heap more often.
        /// </summary>
        public PairTable<Shared> Rent(int sources) => _spare.TryTake(out var table) ? table : new PairTable<Shared>(sources);

        /// <summary>Gives a table back, emptied, for the next look.</summary>
        public void Return(PairTable<Shared> table) => _spare.Add(table.Clear());
    }

    /// <summary>
    /// Counts, once per run, how many questions each pair of sources answers in common, and lists the agreements: the
    /// pairs of claims on those questions that state the same value.
    /// </summary>
    public static Meetings Meet(TruthDiscoveryEstimator.GroupState[] groups, int sources, TruthDiscoveryOptions options)
    {
        var limit = options.MaxClaimsPerGroupForCopying;
        var agreements = new ArraySegment<Agreement>[groups.Length];
        return new Meetings(InHalves(groups.Length, () => new PairTable<Common>(sources), (from, to, table) =>
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

                        table.At(Math.Min(a, b), Math.Max(a, b)).Questions++;
                        if (valueOf[i] >= 0 && valueOf[i] == valueOf[j])
                        {
                            found.Add(new Agreement(i, a, b));
                        }
                    }
                }

                agreements[g] = slab.Take(found.Count);
                found.CopyTo(agreements[g].Array!, agreements[g].Offset);
            }
        }).Sum, agreements);
    }

    public static ImmutableArray<DetectedDependence> Detect(TruthDiscoveryEstimator.GroupState[] groups, double[] reliability, TruthDiscoveryOptions options, Meetings meetings)
    {
        var sources = reliability.Length;
        var differ = Math.Log(1 - options.CopyRate);
        var (shared, spare) = InHalves(groups.Length, () => meetings.Rent(sources), (from, to, table) => Collect(groups, meetings.Agreements, from, to, reliability, options, table));

        var priorOdds = Math.Log(options.CopyPrior / (1 - options.CopyPrior));
        var found = ImmutableArray.CreateBuilder<DetectedDependence>();
        var met = meetings.Table;
        if (met.IsDense)
        {
            // Both tables list the pairs in the same order (by a, then b): walk them side by side.
            var common = met.Values;
            var pairs = shared.Values;
            var index = 0;
            for (var a = 0; a < sources; a++)
            {
                for (var b = a + 1; b < sources; b++, index++)
                {
                    if (!common[index].IsEmpty)
                    {
                        Consider(a, b, common[index].Questions, in pairs[index]);
                    }
                }
            }
        }
        else
        {
            foreach (var (a, b, common) in met.Ordered())
            {
                Consider(a, b, common.Questions, shared.Get(a, b));
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
    /// the result is the same on any number of cores. Returns the sum and the second table, if one was used.
    /// </summary>
    private static (PairTable<T> Sum, PairTable<T>? Spare) InHalves<T>(int groups, Func<PairTable<T>> table, Action<int, int, PairTable<T>> count)
        where T : struct, IPairValue<T>
    {
        if (groups < 2 * Partitioned.RangeSize)
        {
            var only = table();
            count(0, groups, only);
            return (only, null);
        }

        var (first, second) = (table(), table());
        var middle = groups / 2;
        Parallel.Invoke(() => count(0, middle, first), () => count(middle, groups, second));
        return (first.Add(second), second);
    }

    /// <summary>
    /// Adds, in order, the evidence of the agreements of groups <paramref name="from"/> to <paramref name="to"/>
    /// (exclusive) to <paramref name="pairs"/>: every identical value two sources state weighs for their dependence the
    /// more it is judged false. (Differing values only count against dependence, and <see cref="Meetings"/> counts them.)
    /// </summary>
    private static void Collect(TruthDiscoveryEstimator.GroupState[] groups, ArraySegment<Agreement>[] agreements, int from, int to, double[] reliability, TruthDiscoveryOptions options, PairTable<Shared> pairs)
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
            foreach (var (i, a, b) in agreed)
            {
                // Sources a and b in claim order: the products below round the same only in the same order.
                var p = truthOf[i];
                var (ra, rb) = (Clamp(reliability[a]), Clamp(reliability[b]));
                var independent = (p * ra * rb) + ((1 - p) * (1 - ra) * (1 - rb) / falseValues);
                var mean = (ra + rb) / 2;
                var copied = (copy * ((p * mean) + ((1 - p) * (1 - mean)))) + ((1 - copy) * independent);
                batch.Add(new Share(Math.Min(a, b), Math.Max(a, b), 1 - p, Math.Log(copied / independent)));
            }

            if (batch.Count >= Batch)
            {
                Add(batch, pairs);
            }
        }

        Add(batch, pairs);
    }

    /// <summary>Adds the weighed values of <paramref name="batch"/> to their pairs, in order, and empties it.</summary>
    private static void Add(List<Share> batch, PairTable<Shared> pairs)
    {
        foreach (ref readonly var share in CollectionsMarshal.AsSpan(batch))
        {
            ref var pair = ref pairs.At(share.A, share.B);
            pair.Count++;
            pair.False += share.False;
            pair.Evidence += share.Evidence;
        }

        batch.Clear();
    }

    private static double Clamp(double r) => Math.Clamp(r, 0.01, 0.99);

    /// <summary>
    /// Two claims of a group that state the same value, from different sources and voices: claim <see cref="Claim"/>,
    /// by source <see cref="A"/>, and a later claim by source <see cref="B"/>.
    /// </summary>
    internal readonly record struct Agreement(int Claim, int A, int B);

    /// <summary>One value shared by sources <see cref="A"/> &lt; <see cref="B"/>, weighed: how false it is judged, and its evidence.</summary>
    private readonly record struct Share(int A, int B, double False, double Evidence);

    /// <summary>
    /// One value per pair of sources <c>a &lt; b</c>. Up to a million possible pairs (some 1,400 sources) the values
    /// live in an array indexed by the pair, which is several times faster than hashing millions of pair visits;
    /// beyond, a dictionary holds only the pairs that were touched. A pair whose value is empty counts as untouched.
    /// </summary>
    internal sealed class PairTable<T>(int sources, long denseLimit = PairTable<T>.DenseLimit)
        where T : struct, IPairValue<T>
    {
        /// <summary>How many pairs an array holds at most.</summary>
        public const long DenseLimit = 1_000_000;

        private readonly long _pairs = (long)sources * (sources - 1) / 2;
        private readonly Dictionary<long, T> _sparse = [];
        private T[]? _values;

        /// <summary>Whether the values live in an array, <see cref="Values"/>.</summary>
        public bool IsDense => _pairs <= denseLimit;

        /// <summary>
        /// When <see cref="IsDense"/>, the value of every pair, ordered by <c>a</c>, then <c>b</c>: (0, 1), (0, 2) … (0, n − 1),
        /// (1, 2) and so on.
        /// </summary>
        public Span<T> Values => _values ??= new T[IsDense ? _pairs : 0];

        /// <summary>The value of sources <paramref name="a"/> &lt; <paramref name="b"/>, to read or change.</summary>
        public ref T At(int a, int b) => ref IsDense ? ref Values[Index(a, b)] : ref Sparse(a, b);

        /// <summary>Forgets every value; returns this table.</summary>
        public PairTable<T> Clear()
        {
            if (_values is not null)
            {
                Array.Clear(_values);
            }

            _sparse.Clear();
            return this;
        }

        /// <summary>The value of sources <paramref name="a"/> &lt; <paramref name="b"/>, or the default when it was never touched.</summary>
        public T Get(int a, int b) => IsDense ? Values[Index(a, b)] : _sparse.GetValueOrDefault(Key(a, b));

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
            if (!IsDense)
            {
                return _sparse.OrderBy(p => p.Key).Select(p => ((int)(p.Key / sources), (int)(p.Key % sources), p.Value));
            }

            return Dense();
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

        private int Index(int a, int b) => (a * ((2 * sources) - a - 1) / 2) + (b - a - 1);
    }
}
