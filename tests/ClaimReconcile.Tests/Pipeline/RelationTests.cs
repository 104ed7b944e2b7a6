using ClaimReconcile.Pipeline;

namespace ClaimReconcile.Tests;

public sealed class RelationTests
{
    [Fact]
    public void Compare_OverlappingIntervals_Agree() =>
        Assert.Equal(Relation.Agree, Relation.Compare(Interval(1, 3), Interval(2, 4)));

    [Fact]
    public void Compare_DisjointIntervals_ConflictWithGap()
    {
        var relation = Relation.Compare(Interval(1, 2), Interval(5, 6));

        Assert.Equal(RelationKind.Conflict, relation.Kind);
        Assert.Equal(3, relation.Gap);
    }

    [Fact]
    public void Compare_TouchingClosedEnds_Agree() =>
        Assert.Equal(RelationKind.Agree, Relation.Compare(Interval(1, 2), Interval(2, 3)).Kind);

    [Fact]
    public void Compare_TouchingWithOneOpenEnd_Conflict()
    {
        Assert.Equal(RelationKind.Conflict, Relation.Compare(Interval(1, 2, highOpen: true), Interval(2, 3)).Kind);
        Assert.Equal(RelationKind.Conflict, Relation.Compare(Interval(1, 2), Interval(2, 3, lowOpen: true)).Kind);
    }

    [Fact]
    public void Compare_DifferentDimensions_Incomparable() =>
        Assert.Equal(Relation.Incomparable, Relation.Compare(Interval(1, 2), new IntervalForm("count", 1, 2, false, false)));

    [Fact]
    public void Compare_KeysOfDifferentKinds_Incomparable() =>
        Assert.Equal(RelationKind.Incomparable, Relation.Compare(new KeyForm("text", "x"), new KeyForm("entity", "x")).Kind);

    [Fact]
    public void Compare_SameKey_AgreesAndOtherKeyConflicts()
    {
        Assert.Equal(RelationKind.Agree, Relation.Compare(new KeyForm("entity", "trump"), new KeyForm("entity", "trump")).Kind);
        Assert.Equal(RelationKind.Conflict, Relation.Compare(new KeyForm("entity", "trump"), new KeyForm("entity", "putin")).Kind);
    }

    [Fact]
    public void Compare_DisjointSets_Conflict() =>
        Assert.Equal(RelationKind.Conflict, Relation.Compare(new SetForm(["a"]), new SetForm(["b"])).Kind);

    [Fact]
    public void Compare_SameSets_Agree() =>
        Assert.Equal(RelationKind.Agree, Relation.Compare(new SetForm(["a", "b"]), new SetForm(["a", "b"])).Kind);

    [Fact]
    public void Compare_OverlappingSets_PartialByTheShareOfTheirUnion()
    {
        var relation = Relation.Compare(new SetForm(["a", "b", "c"]), new SetForm(["b", "c", "d", "e"]));

        Assert.Equal(RelationKind.Partial, relation.Kind);
        Assert.Equal(2.0 / 5, relation.Degree);
    }

    /// <summary>The compare stage works each pair of distinct values out once and uses the relation both ways.</summary>
    [Theory]
    [InlineData(1, 3, 2, 4, false, false)]
    [InlineData(1, 2, 5, 6, false, false)]
    [InlineData(1, 2, 2, 3, true, false)]
    [InlineData(1, 2, 2, 3, false, true)]
    [InlineData(0, double.PositiveInfinity, -5, -1, false, false)]
    public void Compare_SwappedIntervals_SameRelation(double lowA, double highA, double lowB, double highB, bool highOpenA, bool lowOpenB)
    {
        var (a, b) = (Interval(lowA, highA, highOpen: highOpenA), Interval(lowB, highB, lowOpen: lowOpenB));

        Assert.Equal(Relation.Compare(a, b), Relation.Compare(b, a));
    }

    [Fact]
    public void Compare_SwappedSets_SameRelation()
    {
        var (a, b) = (new SetForm(["a", "b", "c"]), new SetForm(["c", "d"]));

        Assert.Equal(Relation.Compare(a, b), Relation.Compare(b, a));
    }

    private static IntervalForm Interval(double low, double high, bool lowOpen = false, bool highOpen = false) =>
        new("time", low, high, lowOpen, highOpen);

    [Theory]
    [InlineData(5, 6)]
    [InlineData(1500, 1510)]
    public void Relate_AdjacentRoundedNumbers_Conflict(double a, double b) =>
        Assert.Equal(RelationKind.Conflict, Some.Relate(ClaimValue.Number(a, "h"), ClaimValue.Number(b, "h")));

    [Fact]
    public void Relate_RoundedNumberInsideNeighboursStep_Agrees() =>
        Assert.Equal(RelationKind.Agree, Some.Relate(ClaimValue.Number(5, "h"), ClaimValue.Number(5.4, "h")));
}
