namespace ClaimReconcile.Pipeline;

/// <summary>Runs independent work item by item, in parallel once there is enough of it.</summary>
internal static class Partitioned
{
    /// <summary>Below this many items the work runs on the calling thread; above, in ranges of this size.</summary>
    public const int RangeSize = 4096;

    /// <summary>
    /// Runs <paramref name="body"/> for every index below <paramref name="count"/>. From <see cref="RangeSize"/> items on,
    /// fixed ranges run in parallel; every result must land in its own slot, so the outcome does not depend on the
    /// schedule or on the number of cores.
    /// </summary>
    public static void For(int count, Action<int> body)
    {
        if (count < RangeSize)
        {
            for (var i = 0; i < count; i++)
            {
                body(i);
            }

            return;
        }

        Parallel.ForEach(System.Collections.Concurrent.Partitioner.Create(0, count, RangeSize), range =>
        {
            for (var i = range.Item1; i < range.Item2; i++)
            {
                body(i);
            }
        });
    }
}
