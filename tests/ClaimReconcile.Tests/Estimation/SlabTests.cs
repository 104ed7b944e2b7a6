using ClaimReconcile.Estimation;

namespace ClaimReconcile.Tests;

public sealed class SlabTests
{
    [Fact]
    public void Take_SlicesThatFit_FollowEachOtherInOneChunk()
    {
        var slab = new Slab<double>(10);

        var first = slab.Take(3);
        var second = slab.Take(4);

        Assert.Same(first.Array, second.Array);
        Assert.Equal((0, 3), (first.Offset, first.Count));
        Assert.Equal((3, 4), (second.Offset, second.Count));
        Assert.Equal(10, first.Array!.Length);
    }

    [Fact]
    public void Take_SliceThatDoesNotFit_StartsANewChunk()
    {
        var slab = new Slab<int>(10);

        var first = slab.Take(6);
        var second = slab.Take(6);

        Assert.NotSame(first.Array, second.Array);
        Assert.Equal((0, 6, 10), (second.Offset, second.Count, second.Array!.Length));
    }

    [Fact]
    public void Take_SliceLongerThanAChunk_GetsAnArrayOfItsOwn_AndTheChunkGoesOn()
    {
        var slab = new Slab<int>(4);
        var before = slab.Take(1);

        var longer = slab.Take(9);
        var after = slab.Take(2);

        Assert.Equal((0, 9, 9), (longer.Offset, longer.Count, longer.Array!.Length));
        Assert.Same(before.Array, after.Array);
        Assert.Equal(1, after.Offset);
    }

    [Fact]
    public void Take_ZeroChunk_GivesEverySliceItsOwnArray()
    {
        var slab = new Slab<double>(0);

        var first = slab.Take(3);
        var second = slab.Take(3);
        var empty = slab.Take(0);

        Assert.NotSame(first.Array, second.Array);
        Assert.Equal((3, 3), (first.Array!.Length, second.Array!.Length));
        Assert.Equal(0, empty.Count);
    }

    [Fact]
    public void Take_Slices_DoNotOverlap()
    {
        var slab = new Slab<int>(8);
        var first = slab.Take(4);
        var second = slab.Take(4);

        first.AsSpan().Fill(1);
        second.AsSpan().Fill(2);

        Assert.Equal([1, 1, 1, 1], first.ToArray());
        Assert.Equal([2, 2, 2, 2], second.ToArray());
    }

    [Theory]
    [InlineData(5, 100, 5)]
    [InlineData(1000, 100, 100)]
    [InlineData(0, 100, 0)]
    public void AtMost_ChunkIsTheSmallerOfBoundAndChunkLength(long bound, int chunkLength, int expected)
    {
        var slab = Slab<int>.AtMost(bound, chunkLength);

        var slice = slab.Take(Math.Min(expected, 1));

        Assert.Equal(expected, slice.Array!.Length);
    }
}
