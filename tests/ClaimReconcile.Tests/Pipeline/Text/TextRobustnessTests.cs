using ClaimReconcile.Pipeline.Text;
using NodaTime;

namespace ClaimReconcile.Tests;

/// <summary>Words from users are data: every phrase gives a value or a reason, never an exception.</summary>
public sealed class TextRobustnessTests
{
    private static readonly string[] Vocabulary =
    [
        "am", "vor", "in", "nach", "dem", "fast", "rund", "etwa", "mehr", "als", "über", "bis", "zu", "gut", "knapp", "über",
        "Dienstag", "Dienstagabend", "Wochenende", "Ende", "Anfang", "Mitte", "November", "Dezember", "Woche", "Monat", "Jahr",
        "letzte", "nächste", "kommenden", "gestern", "heute", "morgen", "früh", "Abend", "um", "17", "Uhr", "17:30", "pm",
        "drei", "Wochen", "Tagen", "Jahren", "Stunden", "Minuten", "fünfstündig", "stundenlang", "anderthalb", "eine", "halbe",
        "2.", "3rd", "2025", "2.12.", "31.2.2025", "2025-12-02", "9999", "99999999999999999999", "1.500", "4,5", "-", ".", "und",
        "and", "a", "half", "ago", "next", "last", "the", "of", "weekend", "hours", "for", "several", "Dutzend", "Fünftel", "mal",
    ];

    [Fact]
    public void Read_RandomPhrases_GiveAValueOrAReason()
    {
        var random = new Random(20251203);
        var context = new TimeContext(new LocalDate(2025, 12, 3), DateTimeZoneProviders.Tzdb["Europe/Berlin"], "de", false);
        var read = 0;
        for (var n = 0; n < 3_000; n++)
        {
            var words = string.Join(' ', Enumerable.Range(0, random.Next(1, 6)).Select(_ => Vocabulary[random.Next(Vocabulary.Length)]));

            var date = TimeText.Read(words, context, Hedge.Exact, out var dateProblem);
            var duration = QuantityText.ReadDuration(words, "de", Hedge.Exact, out var durationProblem);
            var number = QuantityText.ReadNumber(words, null, "de", Hedge.Exact, out var numberProblem);

            Assert.True(date is null != dateProblem is null, $"date \"{words}\"");
            Assert.True(duration is null != durationProblem is null, $"duration \"{words}\"");
            Assert.True(number is null != numberProblem is null, $"number \"{words}\"");
            read += (date is null ? 0 : 1) + (duration is null ? 0 : 1) + (number is null ? 0 : 1);
        }

        Assert.True(read > 100, $"{read} phrases read");
    }

    [Theory]
    [InlineData("morgen", "9999-12-31")]
    [InlineData("in 100 Jahren", "9990-01-01")]
    [InlineData("nächstes Jahr", "9999-06-01")]
    public void Read_AtTheEdgeOfTheCalendar_GivesAReason(string words, string published)
    {
        var anchor = NodaTime.Text.LocalDatePattern.Iso.Parse(published).Value;
        var value = TimeText.Read(words, new TimeContext(anchor, DateTimeZone.Utc, "de", false), Hedge.Exact, out var problem);

        Assert.Null(value);
        Assert.False(string.IsNullOrWhiteSpace(problem));
    }

    [Theory]
    [InlineData("99999999999999999999 Stunden")]
    [InlineData("tausend tausend Jahre")]
    public void ReadDuration_Huge_GivesAReason(string words)
    {
        Assert.Null(QuantityText.ReadDuration(words, "de", Hedge.Exact, out var problem));
        Assert.False(string.IsNullOrWhiteSpace(problem));
    }
}
