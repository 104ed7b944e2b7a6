using System.Collections.Concurrent;
using ClaimReconcile.Pipeline;

namespace ClaimReconcile.Tests;

public sealed class PartitionedTests
{
    [Fact]
    public void ForRanges_Parallel_FixedRangesOfTheRangeSize()
    {
        var ranges = new ConcurrentBag<(int From, int To)>();

        Partitioned.ForRanges(10_000, (from, to) => ranges.Add((from, to)));

        Assert.Equal([(0, 4096), (4096, 8192), (8192, 10_000)], ranges.Order());
    }

    [Fact]
    public void ForRanges_BelowParallelFrom_SameRangesInOrder()
    {
        var ranges = new List<(int From, int To)>();

        Partitioned.ForRanges(10, (from, to) => ranges.Add((from, to)), parallelFrom: 100, rangeSize: 4);

        Assert.Equal([(0, 4), (4, 8), (8, 10)], ranges);
    }

    [Theory]
    [InlineData(Partitioned.RangeSize)]
    [InlineData(0)]
    public void ForRanges_NoItems_NoRange(int parallelFrom)
    {
        var calls = 0;

        Partitioned.ForRanges(0, (_, _) => calls++, parallelFrom);

        Assert.Equal(0, calls);
    }

    [Fact]
    public void For_EveryIndexOnce()
    {
        var seen = new int[9000];

        Partitioned.For(seen.Length, i => Interlocked.Increment(ref seen[i]));

        Assert.All(seen, count => Assert.Equal(1, count));
    }
}
