using System.Collections.Immutable;
using System.Numerics;

namespace ClaimReconcile.Pipeline;

/// <summary>
/// Marks the claims that are the first to use their id (<see cref="Validation.IdOf"/>): a later claim with the same id is
/// left out. At a million claims this runs on its own thread while the other checks run on the rest, and it waits
/// for memory far more than it computes: a general-purpose hash set of strings visits its bucket, its entry and, to
/// compare, the earlier id for every claim, each a read that misses the processor's caches.
/// </summary>
/// <remarks>
/// So the ids live in one open-addressed table of 8-byte slots, at most half full, each holding an id's 32-bit hash and
/// its claim's position: a claim reads one slot, most often empty, and reads the earlier id only when the hashes match.
/// The claims go in blocks: a block's ids are hashed first, reading the claims in order, and then looked up one after
/// the other; the lookups of a block do not wait for each other's hashing, so the processor has many of them under way
/// at once. Which claims come first depends only on the ids and their order, never on the hashes, which differ from one
/// process to the next.
/// </remarks>
internal static class FirstUses
{
    /// <summary>How many ids are hashed before they are looked up.</summary>
    private const int Block = 256;

    /// <summary>The most claims the table takes: beyond, a hash set of the ids marks them (its slots would not fit in an array).</summary>
    private const int MaxClaims = 1 << 29;

    /// <summary>How an id is hashed: a type, so that tests can make ids collide and the lookups still cost no call.</summary>
    internal interface IHash
    {
        static abstract int Of(string id);
    }

    /// <summary>The string's own hash.</summary>
    internal readonly struct StringHash : IHash
    {
        public static int Of(string id) => id.GetHashCode();
    }

    /// <summary>Sets <paramref name="firstUse"/>[i] for every claim that no earlier claim shares its id with.</summary>
    public static void Mark(ImmutableArray<Claim> claims, Span<bool> firstUse) => Mark<StringHash>(claims, firstUse, MaxClaims);

    /// <summary>
    /// As <see cref="Mark(ImmutableArray{Claim}, Span{bool})"/>, with hash <typeparamref name="THash"/> and the table only
    /// up to <paramref name="maxClaims"/> claims: tests compare the table with the hash set, and make ids collide.
    /// </summary>
    internal static void Mark<THash>(ImmutableArray<Claim> claims, Span<bool> firstUse, int maxClaims)
        where THash : IHash
    {
        var n = claims.Length;
        if (n > maxClaims)
        {
            var ids = new HashSet<string>(n, StringComparer.Ordinal);
            for (var i = 0; i < n; i++)
            {
                firstUse[i] = ids.Add(Validation.IdOf(claims[i], i));
            }

            return;
        }

        var slots = new long[BitOperations.RoundUpToPowerOf2((uint)Math.Max(4, 2 * n))];
        var mask = slots.Length - 1;
        Span<int> hashes = stackalloc int[Block];
        var blockIds = new string[Block];
        for (var start = 0; start < n; start += Block)
        {
            var count = Math.Min(Block, n - start);
            for (var k = 0; k < count; k++)
            {
                var id = Validation.IdOf(claims[start + k], start + k);
                blockIds[k] = id;
                hashes[k] = THash.Of(id);
            }

            for (var k = 0; k < count; k++)
            {
                var i = start + k;
                var hash = hashes[k];
                var slot = hash & mask;
                while (true)
                {
                    // A slot holds the hash above and the position plus one below, so an empty slot is zero.
                    var entry = slots[slot];
                    if (entry == 0)
                    {
                        slots[slot] = ((long)hash << 32) | (uint)(i + 1);
                        firstUse[i] = true;
                        break;
                    }

                    if ((int)(entry >> 32) == hash)
                    {
                        var earlier = (int)(uint)entry - 1;
                        if (string.Equals(Validation.IdOf(claims[earlier], earlier), blockIds[k], StringComparison.Ordinal))
                        {
                            firstUse[i] = false;
                            break;
                        }
                    }

                    slot = (slot + 1) & mask;
                }
            }
        }
    }
}
