using ClaimReconcile.Pipeline;
using ClaimReconcile.Pipeline.Text;

namespace ClaimReconcile.Tests;

public sealed class QuantityTextTests(ITestOutputHelper output)
{
    /// <summary>Words, language, expected reading (as <see cref="DurationValue.ToString"/> writes it).</summary>
    public static TheoryData<string, string?, string> Durations => new()
    {
        { "fast fünf Stunden", "de", "almost 5 h" },
        { "fünfstündig", "de", "5 h" },
        { "fast fünfstündigen", "de", "almost 5 h" },
        { "die fast fünfstündigen", "de", "almost 5 h" },
        { "knapp drei Stunden", "de", "almost 3 h" },
        { "anderthalb Stunden", "de", "1 h 30 min" },
        { "eineinhalb Stunden", "de", "1 h 30 min" },
        { "zweieinhalb Stunden", "de", "2 h 30 min" },
        { "eine halbe Stunde", "de", "30 min" },
        { "half an hour", "en", "30 min" },
        { "mehr als zwei Stunden", "de", "more than 2 h" },
        { "über zwei Stunden", "de", "more than 2 h" },
        { "stundenlang", "de", "several × 1 h" },
        { "stundenlange", "de", "several × 1 h" },
        { "mehrstündig", "de", "several × 1 h" },
        { "mehrstündigen", "de", "several × 1 h" },
        { "mehrere Stunden", "de", "several × 1 h" },
        { "for hours", "en", "several × 1 h" },
        { "hours-long", "en", "several × 1 h" },
        { "several hours", "en", "several × 1 h" },
        { "tagelang", "de", "several × 24 h" },
        { "nearly five hours", "en", "almost 5 h" },
        { "about 90 minutes", "en", "about 1 h 30 min" },
        { "rund 90 Minuten", "de", "about 1 h 30 min" },
        { "gut zwei Stunden", "de", "at least 2 h" },
        { "a good two hours", "en", "at least 2 h" },
        { "zwei Stunden und 30 Minuten", "de", "2 h 30 min" },
        { "2 hours 30 minutes", "en", "2 h 30 min" },
        { "an hour and a half", "en", "1 h 30 min" },
        { "90-minütig", "de", "1 h 30 min" },
        { "5-stündigen", "de", "5 h" },
        { "anderthalbstündig", "de", "1 h 30 min" },
        { "eine Viertelstunde", "de", "15 min" },
        { "zwanzig Minuten", "de", "20 min" },
        { "fünfundzwanzig Minuten", "de", "25 min" },
        { "twenty-five minutes", "en", "25 min" },
        { "bis zu drei Stunden", "de", "at most 3 h" },
        { "up to three hours", "en", "at most 3 h" },
        { "mindestens zwei Tage", "de", "at least 48 h" },
        { "less than an hour", "en", "less than 1 h" },
        { "weniger als eine Stunde", "de", "less than 1 h" },
        { "zwei Stunden oder mehr", "de", "at least 2 h" },
        { "two hours or so", "en", "about 2 h" },
        { "5h", null, "5 h" },
        { "dreitägig", "de", "72 h" },
        { "zweiwöchige", "de", "336 h" },
        { "etwa drei Stunden", "de", "about 3 h" },
        { "fünf Stunden lang", "de", "5 h" },
        { "a little over an hour", "en", "more than 1 h" },
        { "just over two hours", "en", "more than 2 h" },
        { "etwas mehr als eine Stunde", "de", "more than 1 h" },
    };

    /// <summary>Words, unit given beside them, language, expected reading (as <see cref="NumberValue.ToString"/> writes it).</summary>
    public static TheoryData<string, string?, string?, string> Numbers => new()
    {
        { "rund 300", null, "de", "about 300" },
        { "fünfundzwanzig", null, "de", "25" },
        { "dreißig", null, "de", "30" },
        { "hundert", null, "de", "100" },
        { "einhundertzwanzig", null, "de", "120" },
        { "zweitausend", null, "de", "2000" },
        { "a dozen", null, "en", "12" },
        { "a hundred", null, "en", "100" },
        { "twenty-one", null, "en", "21" },
        { "eins", null, "de", "1" },
        { "zwölf", null, "de", "12" },
        { "ein Fünftel", null, "de", "0.2" },
        { "a fifth", null, "en", "0.2" },
        { "three quarters", null, "en", "0.75" },
        { "das sechste", null, "de", "6" },
        { "sixth", null, "en", "6" },
        { "mehrfach", null, "de", "several × 1" },
        { "several times", null, "en", "several × 1" },
        { "Dutzende", null, "de", "several × 12" },
        { "hundreds", null, "en", "several × 100" },
        { "mehr als zwei Dutzend", null, "de", "more than 24" },
        { "knapp 1.500", null, "de", "almost 1500" },
        { "1,500", null, "en", "1500" },
        { "4,5", null, "de", "4.5" },
        { "zweimal", null, "de", "2" },
        { "fast vier Jahre", null, "de", "almost 4 year" },
        { "dreijährigen", null, "de", "3 year" },
        { "anderthalb", null, "de", "1.5" },
        { "eineinhalb", null, "de", "1.5" },
        { "two and a half", null, "en", "2.5" },
        { "rund 300", "Soldaten", "de", "about 300 Soldaten" },
        { "achtundzwanzig", "point", "de", "28 point" },
        { "neunzig Minuten", null, "de", "90 min" },
    };

    [Fact]
    public void Cases_CoverDurationsAndNumbers()
    {
        output.WriteLine($"{Durations.Count} durations and {Numbers.Count} numbers in words");
        Assert.True(Durations.Count >= 30 && Numbers.Count >= 30, $"{Durations.Count} durations, {Numbers.Count} numbers");
    }

    [Theory]
    [MemberData(nameof(Durations))]
    public void ReadDuration_Words_GivesHedgedLength(string words, string? language, string expected)
    {
        var value = QuantityText.ReadDuration(words, language, Hedge.Exact, out var problem);
        Assert.Equal(expected, value?.ToString() ?? $"unreadable: {problem}");
        Assert.Equal(words, value!.StatedAs);
    }

    [Theory]
    [MemberData(nameof(Numbers))]
    public void ReadNumber_Words_GivesHedgedNumber(string words, string? unit, string? language, string expected)
    {
        var value = QuantityText.ReadNumber(words, unit, language, Hedge.Exact, out var problem);
        Assert.Equal(expected, value?.ToString() ?? $"unreadable: {problem}");
    }

    [Fact]
    public void ReadNumber_TwoThirds_IsTheFraction()
    {
        var value = QuantityText.ReadNumber("zwei Drittel", null, "de", Hedge.Exact, out _);
        Assert.Equal(2.0 / 3, value!.Min, 12);
    }

    [Theory]
    [InlineData("sehr lange")]
    [InlineData("fünf")]
    [InlineData("fünf Äpfel")]
    [InlineData("lang")]
    [InlineData("")]
    public void ReadDuration_Unreadable_ReturnsNullWithAReason(string words)
    {
        Assert.Null(QuantityText.ReadDuration(words, "de", Hedge.Exact, out var problem));
        Assert.False(string.IsNullOrWhiteSpace(problem));
    }

    [Theory]
    [InlineData("irgendwas")]
    [InlineData("viele Äpfel und Birnen")]
    [InlineData("drei vier")]
    public void ReadNumber_Unreadable_ReturnsNullWithAReason(string words)
    {
        Assert.Null(QuantityText.ReadNumber(words, null, "de", Hedge.Exact, out var problem));
        Assert.False(string.IsNullOrWhiteSpace(problem));
    }

    [Fact]
    public void ReadDuration_GivenHedge_ReplacesTheWordsHedge() =>
        Assert.Equal(Hedge.AtMost, QuantityText.ReadDuration("fast fünf Stunden", "de", Hedge.AtMost, out _)!.Hedge);

    [Fact]
    public void ReadDuration_Several_WidthComesFromTheHedgeTable()
    {
        // "stundenlang" against "fast fünf Stunden": the table's several rule (two units and more) makes them agree.
        var several = QuantityText.ReadDuration("stundenlang", "de", Hedge.Exact, out _)!;
        Assert.Equal(RelationKind.Agree, Some.Relate(several, Some.Hours(5, Hedge.Almost)));
        Assert.Equal(RelationKind.Conflict, Some.Relate(several, Some.Hours(1)));

        var strict = HedgeTable.Default.With(Hedge.Several, HedgeRule.Create(6, false, null, false));
        Assert.Equal(RelationKind.Conflict, Some.Relate(several, Some.Hours(5, Hedge.Almost), hedges: strict));
    }
}
