using ClaimReconcile.Pipeline.Text;
using NodaTime;
using NodaTime.Text;

namespace ClaimReconcile.Tests;

/// <summary>
/// Relative and absolute times in German and English, each read against its own publication date (in
/// Europe/Berlin). 2025-12-03 is a Wednesday, 2025-12-21 a Sunday, 2025-08-07 a Thursday, 2026-01-02 a Friday.
/// </summary>
public sealed class TimeTextTests(ITestOutputHelper output)
{
    /// <summary>Publication date, words, expected reading (as <see cref="TemporalValue.ToString"/> writes it).</summary>
    public static TheoryData<string, string, string> PastCases => new()
    {
        // Weekdays, with and without a part of day: the latest such day on or before publication.
        { "2025-12-03", "am Dienstagabend", "2025-12-02 evening" },
        { "2025-12-03", "on Tuesday evening", "2025-12-02 evening" },
        { "2025-12-03", "am Mittwoch", "2025-12-03" },
        { "2025-12-03", "on Wednesday", "2025-12-03" },
        { "2025-12-03", "am Donnerstag", "2025-11-27" },
        { "2025-12-03", "Dienstagmorgen", "2025-12-02 morning" },
        { "2025-12-03", "am Dienstag Nachmittag", "2025-12-02 afternoon" },
        { "2025-12-03", "am Dienstag Morgen", "2025-12-02 morning" },
        { "2025-12-03", "Tuesday night", "2025-12-02 night" },
        { "2025-12-03", "Tuesday's", "2025-12-02" },
        { "2025-12-03", "early next week", "2025-12-08/2025-12-09" },
        { "2025-12-03", "noch am Dienstagabend", "2025-12-02 evening" },
        { "2025-12-03", "Montagvormittag", "2025-12-01 morning" },
        { "2025-12-03", "am Sonntagmittag", "2025-11-30 midday" },
        { "2025-12-03", "Dienstag, 2. Dezember 2025", "2025-12-02" },
        { "2025-12-03", "later Tuesday afternoon", "2025-12-02 afternoon" },
        { "2025-12-03", "später am Dienstagabend", "2025-12-02 evening" },
        { "2025-12-03", "am Dienstag (Ortszeit)", "2025-12-02" },

        // Tense words in the phrase.
        { "2025-12-03", "am kommenden Donnerstag", "2025-12-04" },
        { "2025-12-03", "next Thursday", "2025-12-04" },
        { "2025-12-03", "am nächsten Mittwoch", "2025-12-10" },
        { "2025-12-03", "am vergangenen Mittwoch", "2025-11-26" },
        { "2025-12-03", "last Wednesday", "2025-11-26" },
        { "2025-12-03", "letzten Dienstag", "2025-12-02" },

        // gestern, heute, morgen.
        { "2025-12-03", "gestern", "2025-12-02" },
        { "2025-12-03", "yesterday", "2025-12-02" },
        { "2025-12-03", "heute", "2025-12-03" },
        { "2025-12-03", "today", "2025-12-03" },
        { "2025-12-03", "morgen", "2025-12-04" },
        { "2025-12-03", "tomorrow", "2025-12-04" },
        { "2025-12-03", "vorgestern", "2025-12-01" },
        { "2025-12-03", "the day before yesterday", "2025-12-01" },
        { "2025-12-03", "übermorgen", "2025-12-05" },
        { "2025-12-03", "the day after tomorrow", "2025-12-05" },
        { "2025-12-03", "gestern Abend", "2025-12-02 evening" },
        { "2025-12-03", "heute Morgen", "2025-12-03 morning" },
        { "2025-12-03", "morgen früh", "2025-12-04 morning" },
        { "2025-12-03", "tonight", "2025-12-03 evening" },
        { "2025-12-03", "last night", "2025-12-02 night" },
        { "2025-12-03", "this morning", "2025-12-03 morning" },
        { "2025-12-03", "yesterday afternoon", "2025-12-02 afternoon" },
        { "2025-12-03", "den gestrigen", "2025-12-02" },

        // The weekend.
        { "2025-12-03", "am Wochenende", "2025-11-29/2025-11-30" },
        { "2025-12-03", "at the weekend", "2025-11-29/2025-11-30" },
        { "2025-12-03", "over the weekend", "2025-11-29/2025-11-30" },
        { "2025-12-03", "am kommenden Wochenende", "2025-12-06/2025-12-07" },
        { "2025-12-03", "next weekend", "2025-12-06/2025-12-07" },
        { "2025-12-03", "letztes Wochenende", "2025-11-29/2025-11-30" },
        { "2025-12-03", "dieses Wochenende", "2025-12-06/2025-12-07" },
        { "2025-12-21", "this weekend", "2025-12-20/2025-12-21" },
        { "2025-12-21", "am Wochenende", "2025-12-20/2025-12-21" },
        { "2025-12-21", "letztes Wochenende", "2025-12-13/2025-12-14" },
        { "2025-11-29", "am Wochenende", "2025-11-29/2025-11-30" },

        // Ago and from now, with hedges and number words.
        { "2025-12-03", "vor drei Wochen", "2025-11-09/2025-11-15" },
        { "2025-12-03", "vor rund drei Wochen", "about 2025-11-09/2025-11-15" },
        { "2025-12-03", "three weeks ago", "2025-11-09/2025-11-15" },
        { "2025-12-03", "about three weeks ago", "about 2025-11-09/2025-11-15" },
        { "2025-12-03", "vor zwei Tagen", "2025-12-01" },
        { "2025-12-03", "two days ago", "2025-12-01" },
        { "2025-12-03", "vor 10 Tagen", "2025-11-23" },
        { "2025-12-03", "vor einer Woche", "2025-11-23/2025-11-29" },
        { "2025-12-03", "a week ago", "2025-11-23/2025-11-29" },
        { "2025-12-03", "vor fast zwei Monaten", "about 2025-09-18/2025-10-18" },
        { "2025-12-03", "vor etwa einem Jahr", "about 2024-06-04/2025-06-03" },
        { "2025-12-03", "vor einigen Tagen", "2025-11-27/2025-12-01" },
        { "2025-12-03", "a few days ago", "2025-11-27/2025-12-01" },
        { "2025-12-03", "in zwei Tagen", "2025-12-05" },
        { "2025-12-03", "in three weeks", "2025-12-21/2025-12-27" },
        { "2025-12-21", "vor rund drei Wochen", "about 2025-11-27/2025-12-03" },
        { "2025-12-21", "vor zwölf Tagen", "2025-12-09" },
        { "2025-12-03", "vor mehr als drei Wochen", "before 2025-11-09/2025-11-15" },
        { "2025-12-03", "vor gut einer Woche", "on or before 2025-11-23/2025-11-29" },
        { "2025-12-03", "more than two days ago", "before 2025-12-01" },
        { "2025-12-03", "vor knapp zwei Wochen", "about 2025-11-16/2025-11-22" },
        { "2025-12-03", "in mehr als zwei Tagen", "after 2025-12-05" },

        // Parts of a month.
        { "2025-12-03", "Ende November", "2025-11-21/2025-11-30" },
        { "2025-12-03", "Anfang Dezember", "2025-12-01/2025-12-10" },
        { "2025-12-03", "Mitte November", "2025-11-11/2025-11-20" },
        { "2025-12-03", "late November", "2025-11-21/2025-11-30" },
        { "2025-12-03", "early December", "2025-12-01/2025-12-10" },
        { "2025-12-03", "mid-November", "2025-11-11/2025-11-20" },
        { "2025-12-03", "at the end of November", "2025-11-21/2025-11-30" },
        { "2025-12-03", "Ende Februar", "2025-02-21/2025-02-28" },
        { "2025-12-03", "Ende Februar 2024", "2024-02-21/2024-02-29" },
        { "2025-12-03", "etwa Mitte November", "about 2025-11-11/2025-11-20" },
        { "2025-12-03", "Anfang der Woche", "2025-12-01/2025-12-02" },
        { "2025-12-03", "Ende der vergangenen Woche", "2025-11-28/2025-11-30" },
        { "2025-12-03", "Ende des Monats", "2025-12-21/2025-12-31" },
        { "2025-12-03", "Anfang nächsten Jahres", "2026-01-01/2026-04-30" },
        { "2025-12-03", "late last year", "2024-09-01/2024-12-31" },
        { "2025-12-03", "Mitte 2024", "2024-05-01/2024-08-31" },

        // Months: the nearest such month not after publication.
        { "2025-12-03", "im August", "2025-08" },
        { "2025-12-03", "in August", "2025-08" },
        { "2025-12-03", "im Januar", "2025-01" },
        { "2025-12-03", "im Dezember", "2025-12" },
        { "2025-12-03", "im kommenden Januar", "2026-01" },
        { "2025-12-03", "next January", "2026-01" },
        { "2025-12-03", "im vergangenen Dezember", "2024-12" },
        { "2025-12-03", "im Juli 2024", "2024-07" },
        { "2025-12-03", "December 2025", "2025-12" },
        { "2025-12-03", "im Jänner", "2025-01" },

        // Weeks, months and years relative to publication.
        { "2025-12-03", "letzte Woche", "2025-11-24/2025-11-30" },
        { "2025-12-03", "last week", "2025-11-24/2025-11-30" },
        { "2025-12-03", "in der vergangenen Woche", "2025-11-24/2025-11-30" },
        { "2025-12-03", "diese Woche", "2025-12-01/2025-12-07" },
        { "2025-12-03", "this week", "2025-12-01/2025-12-07" },
        { "2025-12-03", "nächste Woche", "2025-12-08/2025-12-14" },
        { "2025-12-03", "next week", "2025-12-08/2025-12-14" },
        { "2025-12-03", "letzten Monat", "2025-11" },
        { "2025-12-03", "last month", "2025-11" },
        { "2025-12-03", "nächsten Monat", "2026-01" },
        { "2025-12-03", "letztes Jahr", "2024" },
        { "2025-12-03", "this year", "2025" },
        { "2025-12-03", "in diesem Jahr", "2025" },
        { "2025-12-03", "nächstes Jahr", "2026" },

        // Calendar dates in words and digits.
        { "2025-12-03", "2. Dezember", "2025-12-02" },
        { "2025-12-03", "am 2. Dezember 2025", "2025-12-02" },
        { "2025-12-03", "3 December 2025", "2025-12-03" },
        { "2025-12-03", "December 3, 2025", "2025-12-03" },
        { "2025-12-03", "December 3rd", "2025-12-03" },
        { "2025-12-03", "the 3rd of December", "2025-12-03" },
        { "2025-12-03", "am zweiten Dezember", "2025-12-02" },
        { "2025-12-03", "24. Dezember", "2024-12-24" },
        { "2025-12-03", "2.12.2025", "2025-12-02" },
        { "2025-12-03", "am 2.12.", "2025-12-02" },
        { "2025-12-03", "2025-12-02", "2025-12-02" },
        { "2025-12-03", "2025-12", "2025-12" },
        { "2025-12-03", "2025", "2025" },
        { "2025-12-03", "im Jahr 2025", "2025" },
        { "2025-12-03", "2025-11-29/2025-11-30", "2025-11-29/2025-11-30" },

        // Times of day become instants in the source's zone (Berlin is UTC+1 in December).
        { "2025-12-03", "am Dienstag um 17 Uhr", "2025-12-02T16:00:00Z" },
        { "2025-12-03", "yesterday at 5 pm", "2025-12-02T16:00:00Z" },
        { "2025-12-03", "gestern um 17.30 Uhr", "2025-12-02T16:30:00Z" },
        { "2025-12-03", "on 2 December 2025 at 18:00", "2025-12-02T17:00:00Z" },

        // Before, after, since, until.
        { "2025-12-03", "nach dem 2. Dezember", "after 2025-12-02" },
        { "2025-12-03", "before 3 December 2025", "before 2025-12-03" },
        { "2025-12-03", "seit Anfang Dezember", "on or after 2025-12-01/2025-12-10" },
        { "2025-12-03", "bis Ende November", "on or before 2025-11-21/2025-11-30" },
        { "2025-12-03", "vor Ende November", "before 2025-11-21/2025-11-30" },
        { "2025-12-03", "after Tuesday", "after 2025-12-02" },

        // Other publication dates.
        { "2025-12-21", "am Freitag", "2025-12-19" },
        { "2025-12-21", "am Sonntag", "2025-12-21" },
        { "2025-08-07", "am Mittwochabend", "2025-08-06 evening" },
        { "2025-08-07", "am Mittwoch", "2025-08-06" },
        { "2025-08-07", "in der nächsten Woche", "2025-08-11/2025-08-17" },
        { "2025-08-07", "im August", "2025-08" },
        { "2025-08-07", "Ende Dezember", "2024-12-21/2024-12-31" },
        { "2025-08-07", "am Freitag", "2025-08-01" },
        { "2025-08-07", "this Friday", "2025-08-08" },
        { "2026-01-02", "im Dezember", "2025-12" },
        { "2026-01-02", "letzte Woche", "2025-12-22/2025-12-28" },
        { "2026-01-02", "am Montag", "2025-12-29" },
        { "2026-01-02", "letztes Jahr", "2025" },
        { "2026-01-02", "Ende Dezember", "2025-12-21/2025-12-31" },
    };

    /// <summary>The claim speaks of the future ("soll", "will"): on or after the publication date.</summary>
    public static TheoryData<string, string, string> FutureCases => new()
    {
        { "2025-12-03", "am Donnerstag", "2025-12-04" },
        { "2025-12-03", "am Mittwoch", "2025-12-03" },
        { "2025-12-03", "on Friday", "2025-12-05" },
        { "2025-12-03", "im Januar", "2026-01" },
        { "2025-12-03", "im Dezember", "2025-12" },
        { "2025-12-03", "am Wochenende", "2025-12-06/2025-12-07" },
        { "2025-12-03", "24. Dezember", "2025-12-24" },
        { "2025-12-03", "Anfang Januar", "2026-01-01/2026-01-10" },
        { "2025-12-03", "letzten Dienstag", "2025-12-02" },
    };

    public static int CaseCount => PastCases.Count + FutureCases.Count;

    [Theory]
    [MemberData(nameof(PastCases))]
    public void Read_InThePast_ResolvesAgainstPublication(string published, string words, string expected) =>
        Assert.Equal(expected, Read(published, words, future: false));

    [Theory]
    [MemberData(nameof(FutureCases))]
    public void Read_ClaimSpeaksOfTheFuture_ResolvesOnOrAfterPublication(string published, string words, string expected) =>
        Assert.Equal(expected, Read(published, words, future: true));

    [Fact]
    public void Cases_AtLeastOneHundred()
    {
        output.WriteLine($"{CaseCount} dated cases: {PastCases.Count} read as past, {FutureCases.Count} as future");
        Assert.True(CaseCount >= 100, $"{CaseCount} cases");
    }

    [Theory]
    [InlineData("3 December 2025", "2025-12-03")]
    [InlineData("Ende November 2025", "2025-11-21/2025-11-30")]
    [InlineData("2. Dezember 2025 abends", "2025-12-02 evening")]
    public void Read_AbsoluteWithoutPublicationDate_Resolves(string words, string expected)
    {
        var value = TimeText.Read(words, new TimeContext(null, DateTimeZone.Utc, null, false), Hedge.Exact, out var problem);
        Assert.Null(problem);
        Assert.Equal(expected, value!.ToString());
    }

    [Theory]
    [InlineData("am Dienstag")]
    [InlineData("gestern")]
    [InlineData("im August")]
    [InlineData("vor drei Wochen")]
    [InlineData("am Wochenende")]
    public void Read_RelativeWithoutPublicationDate_SaysItNeedsOne(string words)
    {
        var value = TimeText.Read(words, new TimeContext(null, DateTimeZone.Utc, "de", false), Hedge.Exact, out var problem);
        Assert.Null(value);
        Assert.Contains("publication date", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("irgendwann")]
    [InlineData("am Blautag")]
    [InlineData("vor drei Äpfeln")]
    [InlineData("abends")]
    [InlineData("31. Februar 2025")]
    [InlineData("Mittwoch, 2. Dezember 2025")]
    [InlineData("im August um 17 Uhr")]
    public void Read_Unreadable_ReturnsNullWithAReason(string words)
    {
        var value = TimeText.Read(words, Context("2025-12-03", future: false), Hedge.Exact, out var problem);
        Assert.Null(value);
        Assert.False(string.IsNullOrWhiteSpace(problem));
    }

    [Fact]
    public void Read_KeepsTheWordsAsStated()
    {
        var value = TimeText.Read("am Dienstagabend", Context("2025-12-03", future: false), Hedge.Exact, out _);
        Assert.Equal("am Dienstagabend", value!.StatedAs);
    }

    [Fact]
    public void Read_GivenHedge_ReplacesTheWordsHedge() =>
        Assert.Equal(Hedge.AtLeast, TimeText.Read("etwa am 2. Dezember 2025", Context("2025-12-03", false), Hedge.AtLeast, out _)!.Hedge);

    private static TimeContext Context(string published, bool future) =>
        new(LocalDatePattern.Iso.Parse(published).Value, DateTimeZoneProviders.Tzdb["Europe/Berlin"], null, future);

    private static string Read(string published, string words, bool future)
    {
        var value = TimeText.Read(words, Context(published, future), Hedge.Exact, out var problem);
        return value?.ToString() ?? $"unreadable: {problem}";
    }
}
