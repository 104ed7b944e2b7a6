using NodaTime;

namespace ClaimReconcile.Tests;

public sealed class ClaimValueTests
{
    [Fact]
    public void NumberOf_NaN_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => NumberValue.Of(double.NaN));

    [Fact]
    public void NumberOf_Infinity_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ClaimValue.Number(double.PositiveInfinity, "h"));

    [Fact]
    public void NumberRange_Inverted_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => NumberValue.Range(5, 4.5, "h"));

    [Fact]
    public void NumberOf_UnknownHedge_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => NumberValue.Of(5, "h", (Hedge)99));

    [Fact]
    public void DurationOf_Negative_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => DurationValue.Of(Duration.FromMinutes(-1)));

    [Fact]
    public void DurationOf_Zero_IsAllowed() =>
        Assert.Equal("0 s", DurationValue.Of(Duration.Zero).ToString());

    [Fact]
    public void BetweenDays_EndBeforeStart_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => TemporalValue.BetweenDays(new LocalDate(2025, 12, 2), new LocalDate(2025, 12, 1)));

    [Fact]
    public void OnPartOfDay_UnknownPart_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => TemporalValue.OnPartOfDay(new LocalDate(2025, 12, 2), (PartOfDay)42));

    [Fact]
    public void SetOf_NoMembers_Throws() =>
        Assert.Throws<ArgumentException>(() => SetValue.Of([]));

    [Fact]
    public void SetOf_BlankMember_Throws() =>
        Assert.Throws<ArgumentException>(() => SetValue.Of(["Knuth", " "]));

    [Fact]
    public void TextOf_WhiteSpace_Throws() =>
        Assert.Throws<ArgumentException>(() => TextValue.Of("   "));

    [Fact]
    public void EntityOf_Empty_Throws() =>
        Assert.Throws<ArgumentException>(() => EntityValue.Of(""));

    [Fact]
    public void DurationToString_AlmostFiveHours_ReadsAlmost5h() =>
        Assert.Equal("almost 5 h", ClaimValue.Duration(Duration.FromHours(5), Hedge.Almost).ToString());

    [Fact]
    public void DurationToString_HoursMinutesSeconds_ListsEachPart() =>
        Assert.Equal("3 h 40 min 1.5 s", DurationValue.Of(Duration.FromHours(3) + Duration.FromMinutes(40) + Duration.FromMilliseconds(1_500)).ToString());

    [Fact]
    public void DurationToString_AboutMinutesAndSeconds_StartsWithTheMinutes() =>
        Assert.Equal("about 40 min 2 s", DurationValue.Of(Duration.FromMinutes(40) + Duration.FromSeconds(2), Hedge.About).ToString());

    [Fact]
    public void DurationToString_HoursAndSeconds_SkipsTheMinutes() =>
        Assert.Equal("26 h 0.25 s", DurationValue.Of(Duration.FromHours(26) + Duration.FromMilliseconds(250)).ToString());

    [Fact]
    public void DurationToIsoString_FourAndAHalfHours_IsPT4H30M() =>
        Assert.Equal("PT4H30M", DurationValue.Of(Duration.FromMinutes(270)).ToIsoString());

    [Fact]
    public void NumberToString_AboutNinetyMinutes_ReadsAbout90Min() =>
        Assert.Equal("about 90 min", ClaimValue.Number(90, "min", Hedge.About).ToString());

    [Fact]
    public void NumberToString_Range_UsesEnDash() =>
        Assert.Equal("4.5–5 h", NumberValue.Range(4.5, 5, "h").ToString());

    [Fact]
    public void NumberToString_NoUnit_IsTheNumber() =>
        Assert.Equal("more than 1500", NumberValue.Of(1_500, null, Hedge.MoreThan).ToString());

    [Fact]
    public void NumberOf_BlankUnit_IsNoUnit() =>
        Assert.Null(NumberValue.Of(3, "  ").Unit);

    [Fact]
    public void TemporalToString_Evening_ReadsDateAndPart() =>
        Assert.Equal("2025-12-02 evening", TemporalValue.OnPartOfDay(new LocalDate(2025, 12, 2), PartOfDay.Evening).ToString());

    [Fact]
    public void TemporalToString_MonthAfter_ReadsAfterMonth() =>
        Assert.Equal("after 2025-11", TemporalValue.InMonth(new YearMonth(2025, 11), Hedge.MoreThan).ToString());

    [Fact]
    public void TemporalToString_Span_ReadsBothDays() =>
        Assert.Equal("2025-11-29/2025-11-30", TemporalValue.BetweenDays(new LocalDate(2025, 11, 29), new LocalDate(2025, 11, 30)).ToString());

    [Fact]
    public void TemporalToString_Instant_IsExtendedIso() =>
        Assert.Equal("2025-12-02T17:00:00Z", TemporalValue.AtInstant(Instant.FromUtc(2025, 12, 2, 17, 0)).ToString());

    [Fact]
    public void TemporalToString_Year_IsFourDigits() =>
        Assert.Equal("about 2025", TemporalValue.InYear(2025, Hedge.About).ToString());

    [Fact]
    public void BetweenDays_SameDay_IsDayGranularity() =>
        Assert.Equal(TemporalGranularity.Day, TemporalValue.BetweenDays(new LocalDate(2025, 12, 2), new LocalDate(2025, 12, 2)).Granularity);

    [Fact]
    public void BooleanToString_True_IsYes()
    {
        Assert.Equal("yes", ClaimValue.Boolean(true).ToString());
        Assert.Equal("no", ClaimValue.Boolean(false).ToString());
    }

    [Fact]
    public void SetToString_Members_InBracesInOrder() =>
        Assert.Equal("{a, b}", ClaimValue.Set("a", " b ").ToString());

    [Fact]
    public void TextToString_Text_InCurlyQuotes() =>
        Assert.Equal("\u201CUS-Präsident\u201D", ClaimValue.Text(" US-Präsident ").ToString());

    [Fact]
    public void Equals_SameNumberUnitAndHedge_AreEqualWithEqualHashes()
    {
        var a = NumberValue.Of(5, "h", Hedge.About);
        var b = NumberValue.Of(5, "h", Hedge.About);
        Assert.NotSame(a, b);
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
    }

    [Fact]
    public void Equals_FiveHoursAndThreeHundredMinutes_AreNotEqual() =>
        Assert.NotEqual<ClaimValue>(ClaimValue.Number(5, "h"), ClaimValue.Number(300, "min"));

    [Fact]
    public void Equals_DifferentHedge_AreNotEqual() =>
        Assert.NotEqual(DurationValue.Of(Duration.FromHours(5)), DurationValue.Of(Duration.FromHours(5), Hedge.Almost));

    [Fact]
    public void Equals_DurationAndNumberOfSameLength_AreNotEqual() =>
        Assert.False(ClaimValue.Duration(Duration.FromHours(5)).Equals(ClaimValue.Number(5, "h")));

    [Fact]
    public void Equals_SameDates_AreEqualAndPartOfDayMatters()
    {
        var day = new LocalDate(2025, 12, 2);
        Assert.Equal(TemporalValue.OnDay(day), ClaimValue.Date(day));
        Assert.NotEqual(TemporalValue.OnDay(day), TemporalValue.OnPartOfDay(day, PartOfDay.Evening));
    }

    [Fact]
    public void Equals_SetsInDifferentOrder_AreNotEqual()
    {
        Assert.Equal(ClaimValue.Set("a", "b"), ClaimValue.Set("a", "b"));
        Assert.NotEqual(ClaimValue.Set("a", "b"), ClaimValue.Set("b", "a"));
    }

    [Fact]
    public void Equals_TextIsCaseSensitive()
    {
        Assert.Equal(TextValue.Of("Präsident"), TextValue.Of("Präsident"));
        Assert.NotEqual(TextValue.Of("Präsident"), TextValue.Of("präsident"));
    }

    [Fact]
    public void Kind_EachValue_NamesItsContractKind()
    {
        Assert.Equal("number", ClaimValue.Number(1).Kind);
        Assert.Equal("duration", ClaimValue.Duration(Duration.FromHours(1)).Kind);
        Assert.Equal("date", ClaimValue.Date(new LocalDate(2025, 1, 1)).Kind);
        Assert.Equal("entity", ClaimValue.Entity("trump").Kind);
        Assert.Equal("text", ClaimValue.Text("x").Kind);
        Assert.Equal("boolean", ClaimValue.Boolean(true).Kind);
        Assert.Equal("set", ClaimValue.Set("a").Kind);
    }
}
