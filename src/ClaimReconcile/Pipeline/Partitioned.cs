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
    public static void For(int count, Action<int> body, int parallelFrom = RangeSize, int rangeSize = RangeSize, ParallelOptions? options = null)
    {
        if (count < parallelFrom)
        {
            for (var i = 0; i < count; i++)
            {
                body(i);
            }

            return;
        }

        Parallel.ForEach(System.Collections.Concurrent.Partitioner.Create(0, count, rangeSize), options ?? AsManyAsUseful, range =>
        {
            for (var i = range.Item1; i < range.Item2; i++)
            {
                body(i);
            }
        });
    }
}
