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
    /// <summary>What the values two sources share weigh: how many, how many of them judged false, and their evidence.</summary>
    internal struct Shared
    {
        public int Count;
        public double False;
        public double Evidence;
    }

    /// <summary>
    /// How many questions each pair of sources answers in common, as the detector counts them (questions with three
    /// voices or more, the first <see cref="TruthDiscoveryOptions.MaxClaimsPerGroupForCopying"/> claims, different
    /// sources and voices). It depends only on who answers what, not on any estimate, so one count serves every look
    /// for copying in a run; only the shared values, whose weight depends on the estimate, are counted each time.
    /// </summary>
    internal sealed class Meetings(PairTable<int> table)
    {
        private readonly ConcurrentBag<PairTable<Shared>> _spare = [];

        public PairTable<int> Table { get; } = table;

        /// <summary>
        /// An empty table for shared values, reused from an earlier look of the run when one is free: with many
        /// sources the tables are large arrays, and allocating new ones for every look makes the garbage collector
        /// sweep the whole heap more often.
        /// </summary>
        public PairTable<Shared> Rent(int sources) => _spare.TryTake(out var table) ? table : new PairTable<Shared>(sources);

        /// <summary>Gives a table back, emptied, for the next look.</summary>
        public void Return(PairTable<Shared> table) => _spare.Add(table.Clear());
    }

    /// <summary>Counts, once per run, how many questions each pair of sources answers in common.</summary>
    public static Meetings Meet(TruthDiscoveryEstimator.GroupState[] groups, int sources, TruthDiscoveryOptions options)
    {
        var limit = options.MaxClaimsPerGroupForCopying;
        return new Meetings(InHalves(groups.Length, () => new PairTable<int>(sources), (from, to, table) =>
        {
            for (var g = from; g < to; g++)
            {
                var group = groups[g];
                var claimSources = group.Sources.AsSpan();
                var voices = group.Voices.AsSpan();
                if (group.Group.Voices < 3)
                {
                    continue;
                }

                var n = Math.Min(claimSources.Length, limit);
                for (var i = 0; i < n; i++)
                {
                    for (var j = i + 1; j < n; j++)
                    {
                        var (a, b) = (claimSources[i], claimSources[j]);
                        if (a != b && voices[i] != voices[j])
                        {
                            table.At(Math.Min(a, b), Math.Max(a, b))++;
                        }
                    }
                }
            }
        }, (mine, theirs) => mine + theirs).Sum);
    }

    public static ImmutableArray<DetectedDependence> Detect(TruthDiscoveryEstimator.GroupState[] groups, double[] reliability, TruthDiscoveryOptions options, Meetings meetings)
    {
        var sources = reliability.Length;
        var differ = Math.Log(1 - options.CopyRate);
        var (shared, spare) = InHalves(groups.Length, () => meetings.Rent(sources), (from, to, table) => Collect(groups, from, to, reliability, options, table), (mine, theirs) =>
        {
            mine.Count += theirs.Count;
            mine.False += theirs.False;
            mine.Evidence += theirs.Evidence;
            return mine;
        });

        var priorOdds = Math.Log(options.CopyPrior / (1 - options.CopyPrior));
        var found = ImmutableArray.CreateBuilder<DetectedDependence>();
        foreach (var (a, b, common) in meetings.Table.Ordered())
        {
            var pair = shared.Get(a, b);
            var logOdds = priorOdds + pair.Evidence + ((common - pair.Count) * differ);
            if (logOdds > 0 && pair.False >= options.MinSharedFalse)
            {
                var probability = 1 / (1 + Math.Exp(-logOdds));
                found.Add(new DetectedDependence(a, b, common, pair.Count, pair.False, probability));
            }
        }

        meetings.Return(shared);
        if (spare is not null)
        {
            meetings.Return(spare);
        }

        return found.ToImmutable();
    }

    /// <summary>
    /// Runs <paramref name="count"/> over the groups: into one table from <paramref name="table"/> when there are few,
    /// else over two fixed halves side by side whose tables are then added together (the second into the first), so
    /// the result is the same on any number of cores. Returns the sum and the second table, if one was used.
    /// </summary>
    private static (PairTable<T> Sum, PairTable<T>? Spare) InHalves<T>(int groups, Func<PairTable<T>> table, Action<int, int, PairTable<T>> count, Func<T, T, T> add)
        where T : struct
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
        return (first.Add(second, add), second);
    }

    /// <summary>
    /// Adds, in order, the evidence of the values shared in groups <paramref name="from"/> to <paramref name="to"/>
    /// (exclusive) to <paramref name="pairs"/>: every identical value two sources state weighs for their dependence
    /// the more it is judged false.
    /// </summary>
    private static void Collect(TruthDiscoveryEstimator.GroupState[] groups, int from, int to, double[] reliability, TruthDiscoveryOptions options, PairTable<Shared> pairs)
    {
        var copy = options.CopyRate;
        var falseValues = options.FalseValues;
        for (var g = from; g < to; g++)
        {
            var group = groups[g];
            var claimSources = group.Sources.AsSpan();
            var voices = group.Voices.AsSpan();
            var valueOf = group.ValueOf.AsSpan();
            var truthOf = group.ClaimProbabilities.AsSpan();
            if (group.Group.Voices < 3)
            {
                // With two voices nobody else says which of them is wrong.
                continue;
            }

            var n = Math.Min(claimSources.Length, options.MaxClaimsPerGroupForCopying);
            for (var i = 0; i < n; i++)
            {
                if (valueOf[i] < 0)
                {
                    continue;
                }

                for (var j = i + 1; j < n; j++)
                {
                    var (a, b) = (claimSources[i], claimSources[j]);
                    if (valueOf[i] != valueOf[j] || a == b || voices[i] == voices[j])
                    {
                        // Differing values only count against dependence (Meetings counts them); declared families and
                        // quoted speakers count once already.
                        continue;
                    }

                    ref var pair = ref pairs.At(Math.Min(a, b), Math.Max(a, b));
                    var p = truthOf[i];
                    var (ra, rb) = (Clamp(reliability[a]), Clamp(reliability[b]));
                    var independent = (p * ra * rb) + ((1 - p) * (1 - ra) * (1 - rb) / falseValues);
                    var mean = (ra + rb) / 2;
                    var copied = (copy * ((p * mean) + ((1 - p) * (1 - mean)))) + ((1 - copy) * independent);
                    pair.Count++;
                    pair.False += 1 - p;
                    pair.Evidence += Math.Log(copied / independent);
                }
            }
        }
    }

    private static double Clamp(double r) => Math.Clamp(r, 0.01, 0.99);

    /// <summary>
    /// One value per pair of sources <c>a &lt; b</c>. Up to a million possible pairs (some 1,400 sources) the values
    /// live in an array indexed by the pair, which is several times faster than hashing millions of pair visits;
    /// beyond, a dictionary holds only the pairs that were touched.
    /// </summary>
    internal sealed class PairTable<T>(int sources)
        where T : struct
    {
        private const long DenseLimit = 1_000_000;
        private readonly bool _dense = (long)sources * (sources - 1) / 2 <= DenseLimit;
        private T[]? _values;
        private bool[]? _touched;
        private readonly Dictionary<long, T> _sparse = [];

        /// <summary>The value of sources <paramref name="a"/> &lt; <paramref name="b"/>, to read or change.</summary>
        public ref T At(int a, int b)
        {
            if (!_dense)
            {
                return ref CollectionsMarshal.GetValueRefOrAddDefault(_sparse, ((long)a * sources) + b, out _);
            }

            _values ??= new T[sources * (sources - 1) / 2];
            _touched ??= new bool[_values.Length];
            var index = Index(a, b);
            _touched[index] = true;
            return ref _values[index];
        }

        /// <summary>Forgets every value; returns this table.</summary>
        public PairTable<T> Clear()
        {
            if (_values is not null && _touched is not null)
            {
                Array.Clear(_values);
                Array.Clear(_touched);
            }

            _sparse.Clear();
            return this;
        }

        /// <summary>The value of sources <paramref name="a"/> &lt; <paramref name="b"/>, or the default when it was never touched.</summary>
        public T Get(int a, int b)
        {
            if (!_dense)
            {
                return _sparse.GetValueOrDefault(((long)a * sources) + b);
            }

            return _values is null ? default : _values[Index(a, b)];
        }

        /// <summary>Adds <paramref name="other"/>'s values to this table's, pair by pair, with <paramref name="add"/>; returns this table.</summary>
        public PairTable<T> Add(PairTable<T> other, Func<T, T, T> add)
        {
            foreach (var (a, b, value) in other.Ordered())
            {
                ref var mine = ref At(a, b);
                mine = add(mine, value);
            }

            return this;
        }

        /// <summary>The pairs that were touched, ordered by <c>a</c>, then <c>b</c>.</summary>
        public IEnumerable<(int A, int B, T Value)> Ordered()
        {
            if (!_dense)
            {
                return _sparse.OrderBy(p => p.Key).Select(p => ((int)(p.Key / sources), (int)(p.Key % sources), p.Value));
            }

            return Dense();
        }

        private IEnumerable<(int A, int B, T Value)> Dense()
        {
            if (_values is null || _touched is null)
            {
                yield break;
            }

            for (var a = 0; a < sources; a++)
            {
                for (var b = a + 1; b < sources; b++)
                {
                    var index = Index(a, b);
                    if (_touched[index])
                    {
                        yield return (a, b, _values[index]);
                    }
                }
            }
        }

        private int Index(int a, int b) => (a * ((2 * sources) - a - 1) / 2) + (b - a - 1);
    }
}
