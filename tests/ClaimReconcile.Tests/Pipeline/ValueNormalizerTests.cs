using ClaimReconcile.Pipeline;
using NodaTime;

namespace ClaimReconcile.Tests;

public sealed class ValueNormalizerTests
{
    private static readonly LocalDate Dec2 = new(2025, 12, 2);

    [Fact]
    public void Compare_AlmostFiveHoursAndFiveHours_Agree() =>
        Assert.Equal(RelationKind.Agree, Some.Relate(Some.Hours(5, Hedge.Almost), Some.Hours(5)));

    [Fact]
    public void Compare_AlmostFiveHoursAndMoreThanFiveHours_Conflict() =>
        Assert.Equal(RelationKind.Conflict, Some.Relate(Some.Hours(5, Hedge.Almost), Some.Hours(5, Hedge.MoreThan)));

    [Fact]
    public void Compare_AboutThreeHoursAndFiveHours_Conflict() =>
        Assert.Equal(RelationKind.Conflict, Some.Relate(Some.Hours(3, Hedge.About), Some.Hours(5)));

    [Fact]
    public void Compare_FuenfstuendigAndThreeHundredMinutes_Agree() =>
        Assert.Equal(RelationKind.Agree, Some.Relate(DurationValue.Of(Duration.FromHours(5)), NumberValue.Of(300, "min")));

    [Fact]
    public void Compare_FiveHoursAndSevenHours_Conflict() =>
        Assert.Equal(RelationKind.Conflict, Some.Relate(Some.Hours(5), Some.Hours(7)));

    [Fact]
    public void Compare_AtLeastFiveAndAtMostFive_AgreeOnTheClosedPoint() =>
        Assert.Equal(RelationKind.Agree, Some.Relate(NumberValue.Of(5, null, Hedge.AtLeast), NumberValue.Of(5, null, Hedge.AtMost)));

    [Fact]
    public void Compare_LessThanFiveAndAtLeastFive_Conflict() =>
        Assert.Equal(RelationKind.Conflict, Some.Relate(NumberValue.Of(5, null, Hedge.LessThan), NumberValue.Of(5, null, Hedge.AtLeast)));

    [Fact]
    public void Compare_KilometresAndHours_Incomparable() =>
        Assert.Equal(RelationKind.Incomparable, Some.Relate(NumberValue.Of(5, "km"), Some.Hours(5)));

    [Theory]
    [InlineData(5, 1)]
    [InlineData(68, 1)]
    [InlineData(4.5, 0.1)]
    [InlineData(4.25, 0.01)]
    [InlineData(1500, 10)]
    [InlineData(150, 1)]
    [InlineData(50, 1)]
    [InlineData(0, 1)]
    [InlineData(-1500, 10)]
    public void RoundingStep_StatedNumber_IsItsPrecision(double value, double expected) =>
        Assert.Equal(expected, ValueNormalizer.RoundingStep(value), 12);

    [Fact]
    public void Normalize_FiveHours_CoversRoundingStep()
    {
        var form = Assert.IsType<IntervalForm>(Some.Normalizer().Normalize(Some.Hours(5), "duration", Some.Source(), null, negated: false));

        Assert.Equal(Units.Time, form.Dimension);
        Assert.Equal(4.5 * 3_600, form.Low);
        Assert.Equal(5.5 * 3_600, form.High);
    }

    [Fact]
    public void Normalize_AlmostFiveHours_IsOpenAtFive()
    {
        var form = Assert.IsType<IntervalForm>(Some.Normalizer().Normalize(Some.Hours(5, Hedge.Almost), "duration", Some.Source(), null, negated: false));

        Assert.Equal(0.85 * 5 * 3_600, form.Low, 6);
        Assert.Equal(5 * 3_600, form.High);
        Assert.True(form.HighOpen);
    }

    [Fact]
    public void Normalize_NegativeAboutNumber_SwapsFactors()
    {
        var form = Assert.IsType<IntervalForm>(Some.Normalizer().Normalize(NumberValue.Of(-100, null, Hedge.About), "change", null, null, negated: false));

        Assert.Equal(-110, form.Low, 9);
        Assert.Equal(-90, form.High, 9);
    }

    [Fact]
    public void Normalize_NegatedBoolean_FlipsTheKey()
    {
        var form = Some.Normalizer().Normalize(BooleanValue.Of(true), "breakthrough", null, null, negated: true);

        Assert.Equal(new KeyForm("boolean", "false"), form);
    }

    [Fact]
    public void Normalize_Set_FoldsSortsAndDeduplicatesMembers()
    {
        var form = Assert.IsType<SetForm>(Some.Normalizer().Normalize(SetValue.Of(["Knuth", "Dijkstra", "KNUTH "]), "authors", null, null, negated: false));

        Assert.Equal(["dijkstra", "knuth"], form.Members);
    }

    [Fact]
    public void Compare_SetsSharingOneOfThreeMembers_ArePartial()
    {
        var normalizer = Some.Normalizer();
        var a = normalizer.Normalize(SetValue.Of(["a", "b"]), "authors", null, null, negated: false);
        var b = normalizer.Normalize(SetValue.Of(["b", "c"]), "authors", null, null, negated: false);

        var relation = Relation.Compare(a, b);

        Assert.Equal(RelationKind.Partial, relation.Kind);
        Assert.Equal(1.0 / 3, relation.Degree, 12);
    }

    [Fact]
    public void Compare_EveningOfDec2AndDec2_Agree() =>
        Assert.Equal(RelationKind.Agree, Some.Relate(TemporalValue.OnPartOfDay(Dec2, PartOfDay.Evening), TemporalValue.OnDay(Dec2), "date"));

    [Fact]
    public void Compare_EveningOfDec2AndDec3_Conflict() =>
        Assert.Equal(RelationKind.Conflict, Some.Relate(TemporalValue.OnPartOfDay(Dec2, PartOfDay.Evening), TemporalValue.OnDay(Dec2.PlusDays(1)), "date"));

    [Fact]
    public void Compare_MorningAndEveningOfSameDay_Conflict() =>
        Assert.Equal(RelationKind.Conflict, Some.Relate(TemporalValue.OnPartOfDay(Dec2, PartOfDay.Morning), TemporalValue.OnPartOfDay(Dec2, PartOfDay.Evening), "date"));

    [Fact]
    public void Compare_DecemberAndDec2_Agree() =>
        Assert.Equal(RelationKind.Agree, Some.Relate(TemporalValue.InMonth(new YearMonth(2025, 12)), TemporalValue.OnDay(Dec2), "date"));

    [Fact]
    public void Compare_NovemberAndDec2_Conflict() =>
        Assert.Equal(RelationKind.Conflict, Some.Relate(TemporalValue.InMonth(new YearMonth(2025, 11)), TemporalValue.OnDay(Dec2), "date"));

    [Fact]
    public void Compare_AboutNovemberAndDec2_Agree() =>
        Assert.Equal(RelationKind.Agree, Some.Relate(TemporalValue.InMonth(new YearMonth(2025, 11), Hedge.About), TemporalValue.OnDay(Dec2), "date"));

    [Fact]
    public void Compare_AfterDec1AndDec2_AgreeButAfterDec2AndDec2Conflict()
    {
        Assert.Equal(RelationKind.Agree, Some.Relate(TemporalValue.OnDay(Dec2.PlusDays(-1), Hedge.MoreThan), TemporalValue.OnDay(Dec2), "date"));
        Assert.Equal(RelationKind.Conflict, Some.Relate(TemporalValue.OnDay(Dec2, Hedge.MoreThan), TemporalValue.OnDay(Dec2), "date"));
    }

    [Fact]
    public void Compare_InstantInTheEveningAndEveningPart_Agree() =>
        Assert.Equal(RelationKind.Agree, Some.Relate(TemporalValue.AtInstant(Instant.FromUtc(2025, 12, 2, 19, 30)), TemporalValue.OnPartOfDay(Dec2, PartOfDay.Evening), "time"));

    [Fact]
    public void Normalize_DateInBerlin_StartsAtLocalMidnight()
    {
        var berlin = new Source("zeit") { TimeZone = DateTimeZoneProviders.Tzdb["Europe/Berlin"] };

        var form = Assert.IsType<IntervalForm>(Some.Normalizer().Normalize(TemporalValue.OnDay(Dec2), "date", berlin, null, negated: false));

        Assert.Equal(ValueNormalizer.Seconds(Instant.FromUtc(2025, 12, 1, 23, 0)), form.Low);
        Assert.Equal(ValueNormalizer.Seconds(Instant.FromUtc(2025, 12, 2, 23, 0)), form.High);
    }

    [Fact]
    public void Compare_Age68InDecemberAnd68InAugust_AgreeWhenBirthdayFits() =>
        Assert.Equal(RelationKind.Agree, Some.Relate(NumberValue.Of(68, "year"), NumberValue.Of(68, "years"), "age", new LocalDate(2025, 12, 3), new LocalDate(2025, 8, 7)));

    [Fact]
    public void Compare_Age68NowAnd68TwoYearsEarlier_Conflict() =>
        Assert.Equal(RelationKind.Conflict, Some.Relate(NumberValue.Of(68, "year"), NumberValue.Of(68, "year"), "age", new LocalDate(2025, 12, 3), new LocalDate(2023, 12, 3)));

    [Fact]
    public void Compare_Age44And45SameDay_Conflict() =>
        Assert.Equal(RelationKind.Conflict, Some.Relate(NumberValue.Of(44, "Jahre"), NumberValue.Of(45, "Jahre"), "Age", new LocalDate(2025, 12, 3), new LocalDate(2025, 12, 3)));

    [Fact]
    public void Compare_Age68AndAge69AYearLater_Agree() =>
        Assert.Equal(RelationKind.Agree, Some.Relate(NumberValue.Of(68, "year"), NumberValue.Of(69, "year"), "age", new LocalDate(2024, 12, 3), new LocalDate(2025, 12, 3)));

    [Fact]
    public void Normalize_AgeInYears_IsABirthInterval()
    {
        var form = Assert.IsType<IntervalForm>(Some.Normalizer().Normalize(NumberValue.Of(68, "year"), "age", Some.Source(), new LocalDate(2025, 12, 3), negated: false));

        Assert.Equal(ValueNormalizer.BirthDimension, form.Dimension);
        Assert.True(form.LowOpen);
        Assert.False(form.HighOpen);
    }

    [Theory]
    [InlineData(6, true)]
    [InlineData(2, true)]
    [InlineData(1, false)]
    public void Compare_SeveralTimes_IsTwoAndMore(double count, bool agree) =>
        Assert.Equal(agree ? RelationKind.Agree : RelationKind.Conflict, Some.Relate(NumberValue.Of(1, null, Hedge.Several), NumberValue.Of(count), property: "meetings"));
}
