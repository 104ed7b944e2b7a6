using NodaTime;

namespace ClaimReconcile.Tests;

public sealed class HedgeTableTests
{
    [Fact]
    public void Default_About_IsTenPercentEitherSideWithRoundingStep()
    {
        var about = HedgeTable.Default[Hedge.About];
        Assert.Equal(0.9, about.LowerFactor);
        Assert.Equal(1.1, about.UpperFactor);
        Assert.True(about.UsesRoundingStep);
    }

    [Fact]
    public void Default_Almost_IsUpToButExcludingTheValue()
    {
        var almost = HedgeTable.Default[Hedge.Almost];
        Assert.Equal(0.85, almost.LowerFactor);
        Assert.Equal(1, almost.UpperFactor);
        Assert.True(almost.UpperOpen);
        Assert.False(almost.UsesRoundingStep);
    }

    [Fact]
    public void Default_OpenEndedHedges_LeaveOneSideUnbounded()
    {
        Assert.Null(HedgeTable.Default[Hedge.MoreThan].UpperFactor);
        Assert.True(HedgeTable.Default[Hedge.MoreThan].LowerOpen);
        Assert.Null(HedgeTable.Default[Hedge.AtLeast].UpperFactor);
        Assert.False(HedgeTable.Default[Hedge.AtLeast].LowerOpen);
        Assert.Null(HedgeTable.Default[Hedge.AtMost].LowerFactor);
        Assert.Null(HedgeTable.Default[Hedge.LessThan].LowerFactor);
        Assert.True(HedgeTable.Default[Hedge.LessThan].UpperOpen);
    }

    [Fact]
    public void Default_Exact_UsesRoundingStep() =>
        Assert.Equal(HedgeRule.Create(1, false, 1, false, usesRoundingStep: true), HedgeTable.Default[Hedge.Exact]);

    [Fact]
    public void With_OneRule_ReplacesItAndLeavesDefaultUntouched()
    {
        var wide = HedgeRule.Create(0.8, false, 1.25, false, usesRoundingStep: true);

        var table = HedgeTable.Default.With(Hedge.About, wide);

        Assert.Equal(wide, table[Hedge.About]);
        Assert.Equal(HedgeTable.Default[Hedge.Almost], table[Hedge.Almost]);
        Assert.Equal(0.9, HedgeTable.Default[Hedge.About].LowerFactor);
    }

    [Fact]
    public void With_UnknownHedge_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => HedgeTable.Default.With((Hedge)99, HedgeRule.Create(1, false, 1, false)));

    [Theory]
    [InlineData(-0.1, 1.0)]
    [InlineData(double.NaN, 1.0)]
    [InlineData(1.0, double.PositiveInfinity)]
    [InlineData(1.2, 1.1)]
    public void HedgeRuleCreate_BadFactors_Throw(double lower, double upper) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => HedgeRule.Create(lower, false, upper, false));

    [Fact]
    public void Reconcile_DefaultAboutWidth_AboutThreeHoursConflictsWithThreeHoursForty()
    {
        var report = Some.Reconcile(AboutThreeVersusThreeForty());

        Assert.Equal(Verdict.Conflict, Assert.Single(report.Groups).Verdict);
    }

    [Fact]
    public void Reconcile_WiderAboutWidth_AboutThreeHoursAgreesWithThreeHoursForty()
    {
        var hedges = HedgeTable.Default.With(Hedge.About, HedgeRule.Create(0.8, false, 1.25, false, usesRoundingStep: true));

        var report = Some.Reconcile(AboutThreeVersusThreeForty(), hedges);

        Assert.Equal(Verdict.Agreement, Assert.Single(report.Groups).Verdict);
    }

    private static ClaimSet AboutThreeVersusThreeForty() => Some.ClaimSet(
        Some.Claim("zeit", Some.Hours(3, Hedge.About), "zeit-1"),
        Some.Claim("tsp", DurationValue.Of(Duration.FromMinutes(220)), "tsp-1"));
}
