using System.Collections.Immutable;
using ClaimReconcile.Estimation;

namespace ClaimReconcile.Tests;

/// <summary>
/// The copy detector's pair tables: the array kept for up to a million pairs of sources that meet often enough, and the
/// slots of a dictionary otherwise, must count the same pairs the same way, down to the last bit of every sum.
/// </summary>
public sealed class CopyDetectorTests
{
    [Fact]
    public void PairTable_DenseAndSparse_HoldTheSameValues()
    {
        const int sources = 60;
        var dense = new CopyDetector.PairTable<CopyDetector.Shared>(sources, dense: true);
        var sparse = new CopyDetector.PairTable<CopyDetector.Shared>(sources, dense: false);
        var (denseHalf, sparseHalf) = (new CopyDetector.PairTable<CopyDetector.Shared>(sources, dense: true), new CopyDetector.PairTable<CopyDetector.Shared>(sources, dense: false));
        Assert.True(dense.IsDense);
        Assert.False(sparse.IsDense);

        var random = new Random(7);
        for (var k = 0; k < 2_000; k++)
        {
            var (a, b) = (random.Next(sources - 1), 0);
            b = random.Next(a + 1, sources);
            var (weight, evidence) = (random.NextDouble(), random.NextDouble() - 0.3);
            CopyDetector.PairTable<CopyDetector.Shared>[] tables = k % 3 == 0 ? [denseHalf, sparseHalf] : [dense, sparse];
            foreach (var table in tables)
            {
                ref var pair = ref table[table.Slot(a, b)];
                pair.Count++;
                pair.False += weight;
                pair.Evidence += evidence;
            }
        }

        Assert.Null(dense.Add(denseHalf));
        var moved = sparse.Add(sparseHalf);

        // Every pair the dictionary touched holds, to the bit, what the array holds for it, and no other pair is set.
        var (array, pairs, values) = (dense.BySlot(), sparse.Pairs(), sparse.BySlot());
        Assert.InRange(pairs.Length, 1_000, (sources * (sources - 1) / 2) - 1);
        Assert.Equal(pairs.Length, array.Count(v => !v.IsEmpty));
        Assert.Equal(
            pairs.Select(p => Bits((p.A, p.B, array[dense.Index(p.A, p.B)]))),
            pairs.Select((p, slot) => Bits((p.A, p.B, values[slot]))));

        // The half's pairs took the slots of the same pairs in the sum.
        var halfPairs = sparseHalf.Pairs();
        Assert.NotNull(moved);
        Assert.Equal(halfPairs, moved.Select(slot => pairs[slot]));
    }

    [Theory]
    [InlineData(1_000, 62_437, false)]
    [InlineData(1_000, 62_438, true)]
    [InlineData(1_000, 4_500_000, true)]
    [InlineData(1_414, 100_000_000, true)]
    [InlineData(1_415, 100_000_000, false)]
    [InlineData(2, 0, false)]
    [InlineData(2, 1, true)]
    public void PairTable_SuitsAnArray_WhenFewPairsStayEmptyAndAMillionFit(int sources, long meetings, bool array)
    {
        // 1,000 sources make 499,500 pairs: an array from one meeting per eight pairs on. 1,415 sources make 1,000,405
        // pairs, more than an array holds; 1,414 make 998,991.
        Assert.Equal(array, CopyDetector.PairTable<CopyDetector.Common>.SuitsAnArray(sources, meetings));

        // A table asked for an array gets one only while the pairs fit.
        Assert.Equal(sources < 1_415, new CopyDetector.PairTable<CopyDetector.Common>(sources, dense: true).IsDense);
    }

    [Theory]
    [InlineData(1_500, 9_000)]
    [InlineData(1_000, 1_000)]
    public void Estimate_PairsInADictionary_FindsTheSameCopyingAsInAnArray(int sources, int questions)
    {
        // The same claims, once among 40 sources (pairs in an array) and once with more sources that say nothing, whose
        // pairs go in a dictionary: over a million possible pairs (1,500 sources, over 8,192 groups, so each look also
        // adds two halves together), or half a million pairs of which a thousand questions touch few (1,000 sources).
        const int active = 40;
        var groups = Groups(active, questions);
        var meetings = groups.Sum(g => (long)g.Length * (g.Length - 1) / 2);
        Assert.True(CopyDetector.PairTable<CopyDetector.Common>.SuitsAnArray(active, meetings));
        Assert.False(CopyDetector.PairTable<CopyDetector.Common>.SuitsAnArray(sources, meetings));

        var dense = TruthDiscoveryEstimator.Default.Estimate(Problem(active, groups));
        var sparse = TruthDiscoveryEstimator.Default.Estimate(Problem(sources, groups));

        Assert.NotEmpty(dense.Dependencies);
        Assert.Contains(dense.Dependencies, d => (d.Source, d.Other) == (0, 1) && d.SharedFalse >= 2);
        Assert.Contains(dense.Dependencies, d => (d.Source, d.Other) == (30, 31) && d.SharedFalse >= 2);
        Assert.Equal(dense.Dependencies, sparse.Dependencies);
        Assert.Equal(dense.Dependencies.Select(d => BitConverter.DoubleToInt64Bits(d.Probability)), sparse.Dependencies.Select(d => BitConverter.DoubleToInt64Bits(d.Probability)));
        Assert.Equal(dense.SourceReliabilities, sparse.SourceReliabilities.Take(active));
        Assert.Equal(dense.Groups.Select(g => g.Winner), sparse.Groups.Select(g => g.Winner));
        Assert.Equal(dense.Groups.SelectMany(g => g.ClaimProbabilities), sparse.Groups.SelectMany(g => g.ClaimProbabilities));
    }

    private static (int A, int B, int Count, long False, long Evidence) Bits((int A, int B, CopyDetector.Shared Value) pair) =>
        (pair.A, pair.B, pair.Value.Count, BitConverter.DoubleToInt64Bits(pair.Value.False), BitConverter.DoubleToInt64Bits(pair.Value.Evidence));

    /// <summary>
    /// Questions answered by three to eight of <paramref name="sources"/> sources with one of four values; source 31 copies
    /// source 30, and source 1 source 0, wherever both answer, the first pair met before the second. Now and then a source
    /// answers twice, two claims share a voice, or a claim cannot be the consensus, so every rule of who counts as sharing
    /// a value is used.
    /// </summary>
    private static List<(int Source, int Voice, bool IsCandidate, int Value)[]> Groups(int sources, int count)
    {
        var random = new Random(11);
        var groups = new List<(int, int, bool, int)[]>();
        for (var g = 0; g < count; g++)
        {
            var claims = new (int Source, int Voice, bool IsCandidate, int Value)[random.Next(3, 9)];
            var originalValue = (Low: -1, High: -1);
            for (var c = 0; c < claims.Length; c++)
            {
                var source = c < 2 && g % 4 == 0 ? 30 + c : c < 2 && g % 4 == 1 ? c : random.Next(sources);
                var value = random.Next(4);
                if (source is 0 or 30)
                {
                    originalValue = source == 0 ? originalValue with { Low = value } : originalValue with { High = value };
                }
                else if (source == 1 && originalValue.Low >= 0)
                {
                    value = originalValue.Low;
                }
                else if (source == 31 && originalValue.High >= 0)
                {
                    value = originalValue.High;
                }

                var voice = c > 0 && random.Next(20) == 0 ? c - 1 : c;
                claims[c] = (source, voice, random.Next(25) != 0, value);
            }

            groups.Add(claims);
        }

        return groups;
    }

    private static EstimationProblem Problem(int sources, List<(int Source, int Voice, bool IsCandidate, int Value)[]> groups)
    {
        var ids = Enumerable.Range(0, sources).Select(s => $"s{s:D4}").ToImmutableArray();
        var estimationGroups = groups.Select(claims =>
        {
            var n = claims.Length;
            var support = new double[n * n];
            for (var a = 0; a < n; a++)
            {
                for (var b = 0; b < n; b++)
                {
                    support[(a * n) + b] = claims[a].Value == claims[b].Value ? 1 : 0;
                }
            }

            var voices = claims.Select(c => c.Voice).Distinct().Count();
            var renumbered = claims.Select(c => c.Voice).Distinct().Order().Select((voice, i) => (voice, i)).ToDictionary(p => p.voice, p => p.i);
            return new EstimationGroup([.. claims.Select(c => new EstimationClaim(c.Source, renumbered[c.Voice], c.IsCandidate, 0))], voices, support);
        });
        return new EstimationProblem(ids, [.. ids.Select(_ => (double?)null)], [.. estimationGroups]);
    }
}
