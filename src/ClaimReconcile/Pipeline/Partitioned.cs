namespace ClaimReconcile.Pipeline;

/// <summary>Runs independent work item by item, in parallel once there is enough of it.</summary>
internal static class Partitioned
{
    /// <summary>The default size of the ranges of items that run in parallel, and the default count from which they do.</summary>
    public const int RangeSize = 4096;

    /// <summary>
    /// At most one thread per core: on a busy machine more threads than cores only wait for each other (the front
    /// stages measured slower than on one thread without this limit; the estimator's loops measured slower with it).
    /// </summary>
    public static readonly ParallelOptions OnePerCore = new() { MaxDegreeOfParallelism = Environment.ProcessorCount };

    /// <summary>No limit: the thread pool decides.</summary>
    private static readonly ParallelOptions AsManyAsUseful = new();

    /// <summary>
    /// Runs <paramref name="body"/> for every index below <paramref name="count"/>. From <paramref name="parallelFrom"/>
    /// items on, fixed ranges of <paramref name="rangeSize"/> run in parallel; every result must land in its own slot, so
    /// the outcome does not depend on the schedule or on the number of cores. <paramref name="options"/> can limit the threads.
    /// </summary>
    public static void For(int count, Action<int> body, int parallelFrom = RangeSize, int rangeSize = RangeSize, ParallelOptions? options = null) =>
        ForRanges(count, (from, to) =>
        {
            for (var i = from; i < to; i++)
            {
                body(i);
            }
        }, parallelFrom, rangeSize, options);

    /// <summary>
    /// Runs <paramref name="body"/> for each fixed range <c>[from, to)</c> of <paramref name="rangeSize"/> indexes below
    /// <paramref name="count"/> (the last one shorter), the ranges in parallel from <paramref name="parallelFrom"/> items
    /// on. The ranges are the same however many cores run them, so state a range keeps for its items (such as the arrays
    /// they are given slices of) is laid out the same way on every run.
    /// </summary>
    public static void ForRanges(int count, Action<int, int> body, int parallelFrom = RangeSize, int rangeSize = RangeSize, ParallelOptions? options = null)
    {
        // No items: no range (the partitioner refuses an empty one).
        if (count < parallelFrom || count == 0)
        {
            for (var from = 0; from < count; from += rangeSize)
            {
                body(from, Math.Min(count, from + rangeSize));
            }

            return;
        }

        Parallel.ForEach(System.Collections.Concurrent.Partitioner.Create(0, count, rangeSize), options ?? AsManyAsUseful, range => body(range.Item1, range.Item2));
    }
}
