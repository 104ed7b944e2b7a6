using ClaimReconcile.Pipeline.Names;

namespace ClaimReconcile.Tests.Pipeline.Names;

public sealed class SkeletonDistanceTests
{
    [Theory]
    [InlineData("dmitriov", "dmitriov", 0)]
    [InlineData("dimitriov", "dmitriov", 0.5)]
    [InlineData("hnatov", "gnatov", 0.5)]
    [InlineData("dmitriov", "dmitrov", 1)]
    [InlineData("umerov", "umarov", 1)]
    [InlineData("peskov", "petrov", 2)]
    [InlineData("", "ab", 1.5)]
    [InlineData("ab", "", 1.5)]
    public void Between_TwoSkeletons_WeighsVowelsAndGhCheaply(string a, string b, double expected)
    {
        Assert.Equal(expected, SkeletonDistance.Between(a, b));
        Assert.Equal(expected, SkeletonDistance.Between(b, a));
    }
}
