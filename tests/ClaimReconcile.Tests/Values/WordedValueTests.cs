using ClaimReconcile.Serialization;
using NodaTime;

namespace ClaimReconcile.Tests;

public sealed class WordedValueTests
{
    [Fact]
    public void Factories_SetKindAndTrimWords()
    {
        Assert.Equal(("date", "am Dienstagabend"), (WordedValue.Date("  am Dienstagabend ").Kind, WordedValue.Date("  am Dienstagabend ").Words));
        Assert.Equal("duration", WordedValue.Duration("stundenlang").Kind);
        var number = WordedValue.Number("rund 300", " Soldaten ", Hedge.AtLeast);
        Assert.Equal(("number", "Soldaten", Hedge.AtLeast), (number.Kind, number.Unit, number.Hedge));
    }

    [Fact]
    public void Equals_IsStructural()
    {
        Assert.Equal(WordedValue.Date("am Mittwoch"), WordedValue.Date("am Mittwoch"));
        Assert.Equal(WordedValue.Date("am Mittwoch").GetHashCode(), WordedValue.Date("am Mittwoch").GetHashCode());
        Assert.NotEqual<ClaimValue>(WordedValue.Date("am Mittwoch"), WordedValue.Duration("am Mittwoch"));
        Assert.NotEqual(WordedValue.Number("drei", "h"), WordedValue.Number("drei"));
    }

    [Fact]
    public void ToString_ShowsWordsAndKind()
    {
        Assert.Equal("“am Dienstagabend” (date in words)", WordedValue.Date("am Dienstagabend").ToString());
        Assert.Equal("almost “fünf” h (number in words)", WordedValue.Number("fünf", "h", Hedge.Almost).ToString());
    }

    [Fact]
    public void ClaimScope_DuringText_KeepsTheWords()
    {
        var scope = ClaimScope.DuringText(" am Wochenende ");
        Assert.Equal("am Wochenende", scope.WhenText);
        Assert.Null(scope.When);
        Assert.Equal("when:“am Wochenende”", scope.ToString());
        Assert.Throws<ArgumentException>(() => ClaimScope.DuringText(""));
    }

    [Fact]
    public void Factories_EmptyWords_Throw()
    {
        Assert.Throws<ArgumentException>(() => WordedValue.Date(" "));
        Assert.Throws<ArgumentOutOfRangeException>(() => WordedValue.Duration("fünf", (Hedge)99));
    }

    [Fact]
    public void StatedAs_IsNotPartOfEquality()
    {
        var read = ClaimSetJson.Read(Some.Json(Some.ClaimJson("zeit", """{"duration": {"text": "fünf Stunden"}}""", "c1")));
        var report = Some.Reconciler().Reconcile(read);

        var value = Assert.Single(report.Groups).Claims[0].Claim.Value;
        Assert.Equal("fünf Stunden", value.StatedAs);
        Assert.Equal(DurationValue.Of(Duration.FromHours(5)), value);
        Assert.Null(DurationValue.Of(Duration.FromHours(5)).StatedAs);
    }

    [Fact]
    public void Builder_WordsInCode_AreReadAgainstTheSource()
    {
        var set = ClaimSet.CreateBuilder()
            .AddSource("zeit", published: new LocalDate(2025, 12, 3), timeZone: "Europe/Berlin")
            .AddClaim("zeit", "talks", "date", WordedValue.Date("am Dienstagabend"), ClaimScope.DuringText("diese Woche"), id: "c1")
            .Build();

        var group = Assert.Single(Some.Reconciler().Reconcile(set).Groups);

        Assert.Equal(TemporalValue.OnPartOfDay(new LocalDate(2025, 12, 2), PartOfDay.Evening), group.Claims[0].Claim.Value);
        Assert.Equal("when:2025-12-01/2025-12-07", group.Scope);
    }

    [Fact]
    public void Read_SeveralHedgeName_IsAccepted()
    {
        var read = ClaimSetJson.Read(Some.Json(Some.ClaimJson("zeit", """{"duration": "PT1H", "hedge": "several"}""", "c1")));

        Assert.Empty(read.Issues);
        Assert.Equal(DurationValue.Of(Duration.FromHours(1), Hedge.Several), read.ClaimSet.Claims[0].Value);
        Assert.Contains("\"hedge\": \"several\"", ClaimSetJson.Write(read.ClaimSet), StringComparison.Ordinal);
    }
}
