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
    private struct Pair
    {
        public int Shared;
        public double SharedFalse;
        public double Evidence;
    }

    public static ImmutableArray<DetectedDependence> Detect(TruthDiscoveryEstimator.GroupState[] groups, double[] reliability, TruthDiscoveryOptions options)
    {
        var sources = reliability.Length;
        var differ = Math.Log(1 - options.CopyRate);
        PairTable pairs;
        if (groups.Length < 2 * Partitioned.RangeSize)
        {
            pairs = new PairTable(sources);
            Collect(groups, 0, groups.Length, reliability, options, pairs);
        }
        else
        {
            // Two fixed halves of the groups side by side, then added together: the same result on any number of cores.
            var (first, second) = (new PairTable(sources), new PairTable(sources));
            var middle = groups.Length / 2;
            Parallel.Invoke(
                () => Collect(groups, 0, middle, reliability, options, first),
                () => Collect(groups, middle, groups.Length, reliability, options, second));
            pairs = first.Add(second);
        }

        var priorOdds = Math.Log(options.CopyPrior / (1 - options.CopyPrior));
        var found = ImmutableArray.CreateBuilder<DetectedDependence>();
        foreach (var (key, common, pair) in pairs.Ordered())
        {
            var logOdds = priorOdds + pair.Evidence + ((common - pair.Shared) * differ);
            if (logOdds > 0 && pair.SharedFalse >= options.MinSharedFalse)
            {
                var probability = 1 / (1 + Math.Exp(-logOdds));
                found.Add(new DetectedDependence((int)(key / sources), (int)(key % sources), common, pair.Shared, pair.SharedFalse, probability));
            }
        }

        return found.ToImmutable();
    }

    /// <summary>Adds the evidence of groups <paramref name="from"/> to <paramref name="to"/> (exclusive), in order, to <paramref name="pairs"/>.</summary>
    private static void Collect(TruthDiscoveryEstimator.GroupState[] groups, int from, int to, double[] reliability, TruthDiscoveryOptions options, PairTable pairs)
    {
        var truthOf = new double[options.MaxClaimsPerGroupForCopying];
        var copy = options.CopyRate;
        var falseValues = options.FalseValues;
        for (var g = from; g < to; g++)
        {
            var group = groups[g];
            var (claimSources, voices, valueOf) = (group.Sources, group.Voices, group.ValueOf);
            if (group.Group.Voices < 3)
            {
                // With two voices nobody else says which of them is wrong.
                continue;
            }

            var n = Math.Min(claimSources.Length, options.MaxClaimsPerGroupForCopying);
            for (var c = 0; c < n; c++)
            {
                truthOf[c] = group.ClaimProbabilities[c];
            }

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

                    // Most pairs of claims differ: they only count (their evidence is added at the end, `differ` each).
                    var (low, high) = a < b ? (a, b) : (b, a);
                    pairs.Common(low, high)++;
                    if (valueOf[i] < 0 || valueOf[i] != valueOf[j])
                    {
                        continue;
                    }

                    ref var pair = ref pairs.Shared(low, high);
                    var p = truthOf[i];
                    var (ra, rb) = (Clamp(reliability[a]), Clamp(reliability[b]));
                    var independent = (p * ra * rb) + ((1 - p) * (1 - ra) * (1 - rb) / falseValues);
                    var mean = (ra + rb) / 2;
                    var copied = (copy * ((p * mean) + ((1 - p) * (1 - mean)))) + ((1 - copy) * independent);
                    pair.Shared++;
                    pair.SharedFalse += 1 - p;
                    pair.Evidence += Math.Log(copied / independent);
                }
            }
        }
    }

    private static double Clamp(double r) => Math.Clamp(r, 0.01, 0.99);

    /// <summary>
    /// The evidence of every pair of sources: how many questions they answer in common (one counter each, touched on
    /// every visit) and what their shared values weigh (touched only when they share one). Up to a million possible
    /// pairs (some 1,400 sources) both are arrays indexed by the pair, which is several times faster than hashing
    /// millions of pair visits; beyond, dictionaries hold only the pairs that meet.
    /// </summary>
    private sealed class PairTable(int sources)
    {
        private const long DenseLimit = 1_000_000;
        private readonly bool _dense = (long)sources * (sources - 1) / 2 <= DenseLimit;
        private int[]? _commonDense;
        private Pair[]? _sharedDense;
        private readonly Dictionary<long, int> _common = [];
        private readonly Dictionary<long, Pair> _shared = [];

        /// <summary>The number of questions sources <paramref name="a"/> &lt; <paramref name="b"/> answer in common.</summary>
        public ref int Common(int a, int b)
        {
            if (!_dense)
            {
                return ref CollectionsMarshal.GetValueRefOrAddDefault(_common, ((long)a * sources) + b, out _);
            }

            _commonDense ??= new int[sources * (sources - 1) / 2];
            return ref _commonDense[Index(a, b)];
        }

        /// <summary>What the values sources <paramref name="a"/> &lt; <paramref name="b"/> share weigh.</summary>
        public ref Pair Shared(int a, int b)
        {
            if (!_dense)
            {
                return ref CollectionsMarshal.GetValueRefOrAddDefault(_shared, ((long)a * sources) + b, out _);
            }

            _sharedDense ??= new Pair[sources * (sources - 1) / 2];
            return ref _sharedDense[Index(a, b)];
        }

        /// <summary>Adds <paramref name="other"/>'s evidence to this table's, pair by pair; returns this table.</summary>
        public PairTable Add(PairTable other)
        {
            foreach (var (key, common, pair) in other.Ordered())
            {
                var (a, b) = ((int)(key / sources), (int)(key % sources));
                Common(a, b) += common;
                if (pair.Shared > 0 || pair.Evidence != 0)
                {
                    ref var mine = ref Shared(a, b);
                    mine.Shared += pair.Shared;
                    mine.SharedFalse += pair.SharedFalse;
                    mine.Evidence += pair.Evidence;
                }
            }

            return this;
        }

        /// <summary>The pairs that met on some question, by key <c>a · sources + b</c>, ascending.</summary>
        public IEnumerable<(long Key, int Common, Pair Pair)> Ordered()
        {
            if (!_dense)
            {
                return _common.OrderBy(p => p.Key).Select(p => (p.Key, p.Value, _shared.GetValueOrDefault(p.Key)));
            }

            return Dense();
        }

        private IEnumerable<(long Key, int Common, Pair Pair)> Dense()
        {
            if (_commonDense is null)
            {
                yield break;
            }

            for (var a = 0; a < sources; a++)
            {
                for (var b = a + 1; b < sources; b++)
                {
                    var index = Index(a, b);
                    if (_commonDense[index] > 0)
                    {
                        yield return (((long)a * sources) + b, _commonDense[index], _sharedDense is null ? default : _sharedDense[index]);
                    }
                }
            }
        }

        private int Index(int a, int b) => (a * ((2 * sources) - a - 1) / 2) + (b - a - 1);
    }
}
