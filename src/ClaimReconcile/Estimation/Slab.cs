namespace ClaimReconcile.Estimation;

/// <summary>
/// Hands out slices of a few large arrays, one after the other, instead of one small array each. The estimator keeps
/// a dozen small arrays per group for the whole run; a hundred thousand groups made a million small objects that the
/// garbage collector marked and copied from generation to generation. Slices of shared chunks make few large objects,
/// and chunks of 85,000 bytes or more live on the large object heap, whose objects the collector never copies.
/// </summary>
/// <remarks>
/// Not thread-safe: each fixed range of groups fills a slab of its own (<see cref="Pipeline.Partitioned.ForRanges"/>),
/// so where a slice lands does not depend on the schedule. A slice longer than a chunk gets an array of its own.
/// </remarks>
/// <typeparam name="T">The element type.</typeparam>
internal sealed class Slab<T>
{
    private readonly int _chunkLength;
    private T[] _chunk = [];
    private int _used;

    /// <summary>A slab whose chunks hold <paramref name="chunkLength"/> elements; 0 gives every slice an array of its own.</summary>
    public Slab(int chunkLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(chunkLength);
        _chunkLength = chunkLength;
    }

    /// <summary>
    /// A slab for work that needs at most <paramref name="bound"/> elements in all: chunks of
    /// <paramref name="chunkLength"/> elements, or one chunk of the bound when that is less, so small work takes little.
    /// </summary>
    public static Slab<T> AtMost(long bound, int chunkLength) => new((int)Math.Clamp(bound, 0, chunkLength));

    /// <summary>A new slice of <paramref name="length"/> elements, all default.</summary>
    public ArraySegment<T> Take(int length)
    {
        if (length > _chunk.Length - _used)
        {
            if (length > _chunkLength)
            {
                return new ArraySegment<T>(new T[length]);
            }

            // The rest of the full chunk stays unused: slices never span two chunks.
            (_chunk, _used) = (new T[_chunkLength], 0);
        }

        var slice = new ArraySegment<T>(_chunk, _used, length);
        _used += length;
        return slice;
    }
}
