using System.Collections.Immutable;
using ClaimReconcile.Pipeline;

namespace ClaimReconcile.Tests;

public sealed class FirstUsesTests
{
    /// <summary>Every id hashes alike: each lookup walks the whole run of taken slots and compares ids.</summary>
    private readonly struct SameHash : FirstUses.IHash
    {
        public static int Of(string id) => 7;
    }

    /// <summary>Ids of equal length hash alike: long runs of taken slots, and ids that collide but differ.</summary>
    private readonly struct LengthHash : FirstUses.IHash
    {
        public static int Of(string id) => id.Length;
    }

    [Fact]
    public void Mark_RepeatsWithinAndAcrossBlocks_OnlyTheFirstUseOfEachIdIsMarked()
    {
        // Claim 3 repeats claim 1 within the first block of 256; claim 600 repeats claim 2 from two blocks back; claim
        // 700 has no id, so it is "zeit#700", which claim 900 names; claim 901 has no id and differs from everything.
        var ids = Enumerable.Range(0, 1_000).Select(i => (string?)$"c{i}").ToArray();
        (ids[3], ids[600], ids[700], ids[900], ids[901]) = ("c1", "c2", null, "zeit#700", null);
        var claims = Claims(ids);
        var firstUse = new bool[claims.Length];

        FirstUses.Mark(claims, firstUse);

        Assert.Equal([3, 600, 900], Enumerable.Range(0, claims.Length).Where(i => !firstUse[i]));
    }

    [Fact]
    public void Mark_IdsWhoseHashesCollide_ComparesTheIdsThemselves()
    {
        // "c1" and "c2" hash alike under either hash but differ; "c1" repeated does not.
        var claims = Claims(["c1", "c2", "c1", "c22", "c2", "c22", null, "zeit#6"]);
        bool[] Marked<THash>()
            where THash : FirstUses.IHash
        {
            var firstUse = new bool[claims.Length];
            FirstUses.Mark<THash>(claims, firstUse, int.MaxValue);
            return firstUse;
        }

        bool[] expected = [true, true, false, true, false, false, true, false];
        Assert.Equal(expected, Marked<SameHash>());
        Assert.Equal(expected, Marked<LengthHash>());
    }

    [Fact]
    public void Mark_ManyIdsWithRepeats_MarksAsTheHashSetBeyondTheTablesLimitDoes()
    {
        // Ids drawn from fewer values than claims, so about two claims in five repeat an earlier id; one in ten has none.
        var random = new Random(20261122);
        var ids = Enumerable.Range(0, 30_000).Select(_ => random.Next(10) == 0 ? null : $"id{random.Next(20_000)}").ToArray();
        var claims = Claims(ids);
        var (table, set) = (new bool[claims.Length], new bool[claims.Length]);

        FirstUses.Mark(claims, table);
        FirstUses.Mark<FirstUses.StringHash>(claims, set, maxClaims: 0);

        Assert.Equal(set, table);
        Assert.InRange(table.Count(first => !first), 5_000, 15_000);
    }

    private static ImmutableArray<Claim> Claims(string?[] ids) =>
        [.. ids.Select(id => Some.Claim("zeit", Some.Hours(5), id: id))];
}
