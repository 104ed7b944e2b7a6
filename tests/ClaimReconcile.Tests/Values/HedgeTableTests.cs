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

    [Fact]
    public void Default_Several_IsTwoUnitsAndMore()
    {
        var several = HedgeTable.Default[Hedge.Several];
        Assert.Equal(2, several.LowerFactor);
        Assert.Null(several.UpperFactor);
    }

    [Fact]
    public void Default_DateRules_WidenByUnitsOfGranularity()
    {
        Assert.Equal(DateHedgeRule.Create(1, false, 1, false), HedgeTable.Default.ForDates(Hedge.About));
        Assert.Equal(DateHedgeRule.Create(1, false, 0, false), HedgeTable.Default.ForDates(Hedge.Almost));
        Assert.Equal(DateHedgeRule.Create(0, true, null, false), HedgeTable.Default.ForDates(Hedge.MoreThan));
        Assert.Equal(DateHedgeRule.Create(null, false, 0, true), HedgeTable.Default.ForDates(Hedge.LessThan));
        Assert.All(Enum.GetValues<Hedge>(), h => _ = HedgeTable.Default.ForDates(h));
    }

    [Fact]
    public void WithDateRule_ChangesHowDatesCompare()
    {
        // 2 and 4 December: "about 2 December" reaches 3 December by default, 4 December only with two days' width.
        var about = TemporalValue.OnDay(new LocalDate(2025, 12, 2), Hedge.About);
        var later = TemporalValue.OnDay(new LocalDate(2025, 12, 4));
        var wide = HedgeTable.Default.With(Hedge.About, DateHedgeRule.Create(2, false, 2, false));

        Assert.Equal(ClaimReconcile.Pipeline.RelationKind.Conflict, Some.Relate(about, later, property: "date"));
        Assert.Equal(ClaimReconcile.Pipeline.RelationKind.Agree, Some.Relate(about, later, property: "date", hedges: wide));
        Assert.Equal(DateHedgeRule.Create(1, false, 1, false), HedgeTable.Default.ForDates(Hedge.About));
    }

    [Fact]
    public void DateHedgeRule_NegativeUnits_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => DateHedgeRule.Create(-1, false, 0, false));
}
