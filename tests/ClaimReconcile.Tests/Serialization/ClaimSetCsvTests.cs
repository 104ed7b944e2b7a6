using System.Text;
using ClaimReconcile.Serialization;
using ClaimReconcile.Tests.Support;
using NodaTime;

namespace ClaimReconcile.Tests.Serialization;

public sealed class ClaimSetCsvTests
{
    private const string Header = "source,subject,property,value,unit,hedge,when,speaker,quote\n";

    [Fact]
    public void Read_InstantPastTheCalendarsEnd_IsAnInvalidDateNotACrash()
    {
        // Found by CsvFuzzTests: the offset pushes the instant past the end of 9999 in UTC.
        var read = ClaimSetCsv.Read("source,subject,property,value\nzeit,talks,start,9999-12-31T23:59:59-14:00\nzeit,talks,end,2025-12-02T22:00:00+01:00\n");

        var issue = Assert.Single(read.Issues);
        Assert.Equal(IssueCodes.InvalidDate, issue.Code);
        Assert.StartsWith("line 2, column 4", issue.Path, StringComparison.Ordinal);
        Assert.Single(read.ClaimSet.Claims);
        Assert.Equal(1, read.RejectedClaims);
    }

    [Fact]
    public void Read_Example_ReadsEveryRowAndCreatesSources()
    {
        var read = ClaimSetCsv.Read(File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "docs", "examples", "kremlin-talks.csv")));

        Assert.True(read.Succeeded);
        Assert.Empty(read.Issues);
        Assert.Equal(13, read.ClaimSet.Claims.Length);
        Assert.Equal(["austria", "bild", "euronews", "tass", "zeit"], read.ClaimSet.Sources.Select(s => s.Id));
        var zeit = read.ClaimSet.Claims[0];
        Assert.Equal("zeit#2", zeit.Id);
        Assert.Equal(ClaimValue.Duration(Duration.FromHours(5), Hedge.Almost), zeit.Value);
        Assert.Equal(ClaimScope.During(TemporalValue.OnDay(new LocalDate(2025, 12, 2))), zeit.Scope);
        Assert.Equal("Ungemütliche, stundenlange Verhandlungen unter kaltem Licht am Dienstag in Moskau.", read.ClaimSet.Claims[2].Quote);
    }

    [Theory]
    [InlineData("68", "number")]
    [InlineData("-4.5e1", "number")]
    [InlineData("TRUE", "boolean")]
    [InlineData("PT1H30M", "duration")]
    [InlineData("2025-12-02", "date")]
    [InlineData("2025-12", "date")]
    [InlineData("2025-12-01/2025-12-07", "date")]
    [InlineData("2025-12-02T17:00:00+01:00", "date")] // an instant is a temporal value too
    [InlineData("Knuth, Donald E.; Graham, Ronald", "set")]
    [InlineData("2025", "number")]
    [InlineData("US-Präsident", "text")]
    [InlineData("P wie Paula", "text")]
    public void Read_Value_IsTypedByTheDocumentedRule(string value, string kind)
    {
        var read = ClaimSetCsv.Read(Header + $"zeit,s,p,\"{value}\"\n");

        Assert.Empty(read.Issues);
        Assert.Equal(kind, Assert.Single(read.ClaimSet.Claims).Value.Kind);
    }

    [Fact]
    public void Read_DateTimeWithOffset_IsAnInstant()
    {
        var value = Assert.IsType<TemporalValue>(Assert.Single(ClaimSetCsv.Read(Header + "zeit,s,p,2025-12-02T17:00:00+01:00\n").ClaimSet.Claims).Value);

        Assert.Equal(Instant.FromUtc(2025, 12, 2, 16, 0), value.Instant);
    }

    [Fact]
    public void Read_KindColumn_OverridesTheRule()
    {
        var read = ClaimSetCsv.Read("source,subject,property,value,kind\nzeit,s,born,2025,date\nzeit,s,spouse,melania,entity\nzeit,s,code,68,text\n");

        Assert.Empty(read.Issues);
        Assert.Equal(["date", "entity", "text"], read.ClaimSet.Claims.Select(c => c.Value.Kind));
        Assert.Equal(ClaimValue.Entity("melania"), read.ClaimSet.Claims[1].Value);
    }

    [Fact]
    public void Read_NumberWithUnitAndHedge_ReadsBoth()
    {
        var claim = Assert.Single(ClaimSetCsv.Read(Header + "bild,dmitriev,age,50,year,about,,,\n").ClaimSet.Claims);

        Assert.Equal(ClaimValue.Number(50, "year", Hedge.About), claim.Value);
    }

    [Fact]
    public void Read_QuotedFieldsWithSeparatorsQuotesAndNewlines_FollowRfc4180()
    {
        var read = ClaimSetCsv.Read("source,subject,property,value,quote\r\n" +
            "zeit,talks,venue,\"Kreml, Moskau\",\"He said \"\"no\"\",\r\nthen left\"\r\n" +
            "tsp,talks,venue,Kreml,\r\n");

        Assert.Empty(read.Issues);
        Assert.Equal(2, read.ClaimSet.Claims.Length);
        Assert.Equal(ClaimValue.Text("Kreml, Moskau"), read.ClaimSet.Claims[0].Value);
        Assert.Equal("He said \"no\",\r\nthen left", read.ClaimSet.Claims[0].Quote);
        Assert.Equal("tsp#4", read.ClaimSet.Claims[1].Id);
    }

    [Fact]
    public void Read_TabsInHeader_SniffsTsv()
    {
        var read = ClaimSetCsv.Read("source\tsubject\tproperty\tvalue\nzeit\ttalks\tvenue\tKreml, Moskau\n");

        Assert.Empty(read.Issues);
        Assert.Equal(ClaimValue.Text("Kreml, Moskau"), Assert.Single(read.ClaimSet.Claims).Value);
    }

    [Theory]
    [InlineData("claims.tsv", '\t')]
    [InlineData("CLAIMS.TAB", '\t')]
    [InlineData("claims.csv", ',')]
    [InlineData("claims.json", null)]
    public void DelimiterFor_Extension_PicksTheSeparator(string file, char? expected) =>
        Assert.Equal(expected, ClaimSetCsv.DelimiterFor(file));

    [Fact]
    public void Read_BadRows_AreLocatedAndCountedAndNothingIsLost()
    {
        var csv = Header +
            "zeit,talks,duration,PT5H,,almost,,,\n" +      // line 2: fine
            "tsp,talks,duration,five hours,,,,,\n" +       // line 3: text, fine (a text value)
            "bild,talks,duration,PT-1H,,,,,\n" +           // line 4: negative duration
            "bild,talks,age,68,year,roughly,,,\n" +        // line 5: unknown hedge
            ",talks,duration,PT5H,,,,,\n" +                // line 6: no source
            "zeit,talks,when,2025-12-02,,,last week,,\n" + // line 7: bad when
            "zeit,talks,stated,Präsident,,about,,,\n";     // line 8: hedge on text
        var read = ClaimSetCsv.Read(csv);
        var report = Some.Reconciler().Reconcile(read);

        Assert.True(read.Succeeded);
        Assert.Equal(5, read.RejectedClaims);
        Assert.Equal(7, report.Summary.Claims);
        Assert.Equal(report.Summary.Claims, report.Summary.GroupedClaims + report.Summary.RejectedClaims);
        Assert.Contains(read.Issues, i => i is { Code: IssueCodes.InvalidDuration, Path: "line 4, column 4 (value)", Claim: "bild#4" });
        Assert.Contains(read.Issues, i => i is { Code: IssueCodes.InvalidHedge, Path: "line 5, column 6 (hedge)", Claim: "bild#5" });
        Assert.Contains(read.Issues, i => i is { Code: IssueCodes.MissingField, Path: "line 6, column 1 (source)", Claim: "?#6" });
        Assert.Contains(read.Issues, i => i is { Code: IssueCodes.InvalidDate, Path: "line 7, column 7 (when)", Claim: "zeit#7" });
        Assert.Contains(read.Issues, i => i is { Code: IssueCodes.InvalidHedge, Path: "line 8, column 6 (hedge)", Claim: "zeit#8" });
    }

    [Fact]
    public void Read_MissingRequiredColumn_FailsAtTheHeader()
    {
        var read = ClaimSetCsv.Read("source,subject,value\nzeit,talks,PT5H\n");

        Assert.False(read.Succeeded);
        var issue = Assert.Single(read.Issues);
        Assert.Equal(IssueCodes.MissingField, issue.Code);
        Assert.Equal("line 1", issue.Path);
        Assert.Contains("\"property\"", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_Empty_FailsWithInvalidCsv()
    {
        var read = ClaimSetCsv.Read("");

        Assert.False(read.Succeeded);
        Assert.Equal(IssueCodes.InvalidCsv, Assert.Single(read.Issues).Code);
    }

    [Fact]
    public void Read_TextAfterClosingQuote_FailsWhereItHappens()
    {
        var read = ClaimSetCsv.Read("source,subject,property,value\nzeit,talks,venue,\"Kreml\"x\n");

        Assert.False(read.Succeeded);
        Assert.Equal("line 2, column 4", Assert.Single(read.Issues).Path);
    }

    [Fact]
    public void Read_Utf8StreamWithBom_MatchesText()
    {
        var text = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "docs", "examples", "kremlin-talks.csv"));
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray();

        var fromStream = ClaimSetCsv.Read(new MemoryStream(bytes));

        Assert.Equal(ClaimSetJson.Write(ClaimSetCsv.Read(text).ClaimSet), ClaimSetJson.Write(fromStream.ClaimSet));
    }

    [Fact]
    public void Read_SameRowsInAnyOrder_GiveTheSameReport()
    {
        var lines = File.ReadAllLines(Path.Combine(TestPaths.RepositoryRoot, "docs", "examples", "kremlin-talks.csv"));
        var header = lines[0] + ",id\n";
        var rows = lines.Skip(1).Select((row, i) => $"{row},c{i}").ToArray();
        var shuffled = rows.ToArray();
        new Random(7).Shuffle(shuffled);

        var first = Some.Reconciler().Reconcile(ClaimSetCsv.Read(header + string.Join('\n', rows)));
        var second = Some.Reconciler().Reconcile(ClaimSetCsv.Read(header + string.Join('\n', shuffled)));

        Assert.NotEqual(rows, shuffled);
        Assert.Equal(13, first.Summary.GroupedClaims);
        Assert.Equal(ReportJson.Write(first), ReportJson.Write(second));
    }
}
