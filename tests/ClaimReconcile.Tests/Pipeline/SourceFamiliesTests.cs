using ClaimReconcile.Pipeline;

namespace ClaimReconcile.Tests;

public sealed class SourceFamiliesTests
{
    [Fact]
    public void Root_SourcesSharingUpstream_HaveOneRoot()
    {
        var families = new SourceFamilies([Some.Source("zeit", "wire"), Some.Source("presse", "wire"), Some.Source("wire")]);

        Assert.Equal(families.Root("zeit"), families.Root("presse"));
        Assert.Equal(families.Root("wire"), families.Root("zeit"));
    }

    [Fact]
    public void Root_Family_IsOrdinalSmallestId()
    {
        var families = new SourceFamilies([Some.Source("zeit", "wire"), Some.Source("presse", "wire")]);

        Assert.Equal("presse", families.Root("zeit"));
    }

    [Fact]
    public void Root_Family_ComparesOrdinallyNotAlphabetically()
    {
        // Ordinal: 'Z' (0x5A) sorts before 'a' (0x61).
        var families = new SourceFamilies([Some.Source("afp"), Some.Source("Zeit", "afp")]);

        Assert.Equal("Zeit", families.Root("afp"));
    }

    [Fact]
    public void Root_Family_DoesNotDependOnInputOrder()
    {
        var forward = new SourceFamilies([Some.Source("c", "x"), Some.Source("b", "y"), Some.Source("a", "x", "y")]);
        var backward = new SourceFamilies([Some.Source("a", "y", "x"), Some.Source("b", "y"), Some.Source("c", "x")]);

        Assert.All(new[] { "a", "b", "c", "x", "y" }, id => Assert.Equal("a", forward.Root(id)));
        Assert.All(new[] { "a", "b", "c", "x", "y" }, id => Assert.Equal("a", backward.Root(id)));
    }

    [Fact]
    public void Root_IndependentSources_AreTheirOwnRoots()
    {
        var families = new SourceFamilies([Some.Source("zeit"), Some.Source("tsp")]);

        Assert.Equal("zeit", families.Root("zeit"));
        Assert.Equal("tsp", families.Root("tsp"));
    }

    [Fact]
    public void Root_Cycle_IsOneFamily()
    {
        var families = new SourceFamilies([Some.Source("b", "a"), Some.Source("a", "b")]);

        Assert.Equal("a", families.Root("b"));
    }
}
