using System.Text.Json;
using ClaimReconcile.Pipeline.Text;
using ClaimReconcile.Serialization;
using NodaTime;

namespace ClaimReconcile.Tests;

/// <summary>Text forms end to end: read from JSON, resolved against the source, reported with the words kept.</summary>
public sealed class TextFormsTests
{
    private const string Berlin = "\"timeZone\": \"Europe/Berlin\", \"language\": \"de\"";

    [Fact]
    public void Reconcile_DurationsInWords_AgreeAndKeepTheWords()
    {
        var json = Some.Json(
            Some.ClaimJson("zeit", """{"duration": {"text": "fast fünfstündig"}}""", "zeit-1"),
            Some.ClaimJson("tsp", """{"duration": {"text": "stundenlang"}}""", "tsp-1"),
            Some.ClaimJson("bild", """{"duration": "PT5H"}""", "bild-1"));

        var report = Some.Reconciler().Reconcile(ClaimSetJson.Read(json));

        var group = Assert.Single(report.Groups);
        Assert.Equal(Verdict.Agreement, group.Verdict);
        var zeit = group.Claims.Single(c => c.Id == "zeit-1").Claim.Value;
        Assert.Equal(DurationValue.Of(Duration.FromHours(5), Hedge.Almost), zeit);
        Assert.Equal("fast fünfstündig", zeit.StatedAs);
        using var written = JsonDocument.Parse(ReportJson.Write(report));
        var value = written.RootElement.GetProperty("groups")[0].GetProperty("claims").EnumerateArray()
            .Single(c => c.GetProperty("id").GetString() == "zeit-1").GetProperty("value");
        Assert.Equal("PT5H", value.GetProperty("duration").GetString());
        Assert.Equal("almost", value.GetProperty("hedge").GetString());
        Assert.Equal("fast fünfstündig", value.GetProperty("statedAs").GetString());
    }

    [Fact]
    public void Reconcile_DatesInWords_ResolveAgainstEachSourcesPublication()
    {
        // Zeit writes on Wednesday, Tagesspiegel on Thursday: "am Dienstagabend" and "vorgestern Abend" are the same evening.
        var json = Some.Json(
            [Some.SourceJson("zeit", Berlin), """{"id": "tsp", "published": "2025-12-04T18:00:00+01:00", "timeZone": "Europe/Berlin"}"""],
            [
                Some.ClaimJson("zeit", """{"date": {"text": "am Dienstagabend"}}""", "zeit-1", property: "date"),
                Some.ClaimJson("tsp", """{"date": {"text": "vorgestern Abend"}}""", "tsp-1", property: "date"),
            ]);

        var report = Some.Reconciler().Reconcile(ClaimSetJson.Read(json));

        var group = Assert.Single(report.Groups);
        Assert.Equal(Verdict.Agreement, group.Verdict);
        Assert.All(group.Claims, c => Assert.Equal(TemporalValue.OnPartOfDay(new LocalDate(2025, 12, 2), PartOfDay.Evening), c.Claim.Value));
    }

    [Fact]
    public void Reconcile_SamePhraseFromSourcesOfDifferentDays_ReadsEachAgainstItsOwnDay()
    {
        var json = Some.Json(
            [Some.SourceJson("zeit", Berlin), """{"id": "tsp", "published": "2025-12-05", "timeZone": "Europe/Berlin"}"""],
            [
                Some.ClaimJson("zeit", """{"date": {"text": "gestern"}}""", "zeit-1", property: "date"),
                Some.ClaimJson("tsp", """{"date": {"text": "gestern"}}""", "tsp-1", property: "date"),
                Some.ClaimJson("zeit", """{"date": {"text": "gestern"}}""", "zeit-2", property: "date"),
            ]);

        var report = Some.Reconciler().Reconcile(ClaimSetJson.Read(json));

        var read = report.Groups.SelectMany(g => g.Claims).ToDictionary(c => c.Id, c => c.Claim.Value);
        Assert.Equal(TemporalValue.OnDay(new LocalDate(2025, 12, 2)), read["zeit-1"]);
        Assert.Equal(TemporalValue.OnDay(new LocalDate(2025, 12, 2)), read["zeit-2"]);
        Assert.Equal(TemporalValue.OnDay(new LocalDate(2025, 12, 4)), read["tsp-1"]);
        Assert.Equal(Verdict.Conflict, Assert.Single(report.Groups).Verdict);
    }

    [Fact]
    public void Reconcile_PublishedLateUtc_UsesTheLocalDateInTheSourcesZone()
    {
        // 23:30 UTC on Tuesday is already Wednesday in Berlin, so "gestern" is Tuesday.
        var json = Some.Json(
            ["""{"id": "zeit", "published": "2025-12-02T23:30:00Z", "timeZone": "Europe/Berlin"}"""],
            [Some.ClaimJson("zeit", """{"date": {"text": "gestern"}}""", "zeit-1", property: "date")]);

        var claim = Assert.Single(Some.Reconciler().Reconcile(ClaimSetJson.Read(json)).Groups).Claims[0];

        Assert.Equal(TemporalValue.OnDay(new LocalDate(2025, 12, 2)), claim.Claim.Value);
    }

    [Fact]
    public void Reconcile_QuoteSpeaksOfTheFuture_ReadsTheWeekdayAhead()
    {
        var json = Some.Json(
            Some.ClaimJson("bild", """{"date": {"text": "am Donnerstag"}}""", "bild-1", property: "travel", extra: "\"quote\": \"Umerov soll am Donnerstag nach Miami reisen.\""),
            Some.ClaimJson("zeit", """{"date": {"text": "am Donnerstag"}}""", "zeit-1", subject: "other", property: "travel", extra: "\"quote\": \"Umerov reiste am Donnerstag nach Miami.\""));

        var groups = Some.Reconciler().Reconcile(ClaimSetJson.Read(json)).Groups;

        Assert.Equal(TemporalValue.OnDay(new LocalDate(2025, 12, 4)), groups.Single(g => g.Claims[0].Id == "bild-1").Claims[0].Claim.Value);
        Assert.Equal(TemporalValue.OnDay(new LocalDate(2025, 11, 27)), groups.Single(g => g.Claims[0].Id == "zeit-1").Claims[0].Claim.Value);
    }

    [Fact]
    public void Reconcile_UnreadableWords_AreLocatedAndNothingIsLost()
    {
        var json = Some.Json(
            Some.ClaimJson("zeit", """{"date": {"text": "irgendwann neulich"}}""", "zeit-1", property: "date"),
            Some.ClaimJson("tsp", """{"number": {"text": "viele Äpfel und Birnen"}}""", "tsp-1", property: "count"),
            Some.ClaimJson("bild", """{"duration": "PT5H"}""", "bild-1", extra: "\"scope\": {\"when\": {\"text\": \"zu Ostern\"}}"),
            Some.ClaimJson("presse", """{"duration": {"text": "fünf Stunden"}}""", "presse-1"));

        var report = Some.Reconciler().Reconcile(ClaimSetJson.Read(json));

        var unreadable = report.Issues.Where(i => i.Code == IssueCodes.UnreadableText).ToList();
        Assert.Equal(["$.claims[0].value.date.text", "$.claims[1].value.number.text", "$.claims[2].scope.when.text"], unreadable.Select(i => i.Path));
        Assert.Equal(["zeit-1", "tsp-1", "bild-1"], unreadable.Select(i => i.Claim));
        Assert.Contains("irgendwann neulich", unreadable[0].Message, StringComparison.Ordinal);
        Assert.Equal(4, report.Summary.Claims);
        Assert.Equal(1, report.Summary.GroupedClaims);
        Assert.Equal(3, report.Summary.RejectedClaims);
    }

    [Fact]
    public void Reconcile_EnglishSource_ReadsEnglishWords()
    {
        var json = Some.Json(
            [Some.SourceJson("ap", "\"language\": \"en\""), Some.SourceJson("zeit", Berlin)],
            [
                Some.ClaimJson("ap", """{"duration": {"text": "nearly five hours"}}""", "ap-1", extra: "\"scope\": {\"when\": {\"text\": \"on Tuesday evening\"}}"),
                Some.ClaimJson("zeit", """{"duration": {"text": "fast fünf Stunden"}}""", "zeit-1", extra: "\"scope\": {\"when\": {\"text\": \"am Dienstagabend\"}}"),
            ]);

        var group = Assert.Single(Some.Reconciler().Reconcile(ClaimSetJson.Read(json)).Groups);

        Assert.Equal(Verdict.Agreement, group.Verdict);
        Assert.Equal("when:2025-12-02", group.Scope);
    }

    [Fact]
    public void Write_TextForms_RoundTripAsWords()
    {
        var json = Some.Json(
            Some.ClaimJson("zeit", """{"number": {"text": "rund 300"}, "unit": "Soldaten", "hedge": "at-least"}""", "zeit-1", property: "count",
                extra: "\"scope\": {\"when\": {\"text\": \"am Dienstagabend\"}}"),
            Some.ClaimJson("zeit", """{"date": {"text": "Ende November"}}""", "zeit-2", property: "date"));

        var first = ClaimSetJson.Read(json).ClaimSet;
        var written = ClaimSetJson.Write(first);
        var second = ClaimSetJson.Read(written).ClaimSet;

        Assert.Equal(WordedValue.Number("rund 300", "Soldaten", Hedge.AtLeast), second.Claims[0].Value);
        Assert.Equal(ClaimScope.DuringText("am Dienstagabend"), second.Claims[0].Scope);
        Assert.Equal(WordedValue.Date("Ende November"), second.Claims[1].Value);
        Assert.Equal(written, ClaimSetJson.Write(second));
    }

    [Theory]
    [InlineData("""{"when": "2025-12-02", "partOfDay": "evening"}""")]
    [InlineData("""{"when": "2025-12-02T17:00:00Z"}""")]
    [InlineData("""{"when": "2025-12-02", "hedge": "about"}""")]
    public void Write_WhenScopeWithInstantOrPartOfDay_ReadsBackIdentically(string scope)
    {
        var first = ClaimSetJson.Read(Some.Json(Some.ClaimJson("zeit", """{"duration": "PT5H"}""", "zeit-1", extra: $"\"scope\": {scope}")));
        Assert.Empty(first.Issues);

        var second = ClaimSetJson.Read(ClaimSetJson.Write(first.ClaimSet));

        Assert.Empty(second.Issues);
        Assert.Equal(first.ClaimSet.Claims[0].Scope, second.ClaimSet.Claims[0].Scope);
        Assert.Equal(first.ClaimSet.Claims[0].Scope!.When!.Granularity, second.ClaimSet.Claims[0].Scope!.When!.Granularity);
    }

    [Fact]
    public void Write_ScopeBuiltInCode_RoundTrips()
    {
        var scopes = new[]
        {
            ClaimScope.During(TemporalValue.OnPartOfDay(new LocalDate(2025, 12, 2), PartOfDay.Evening)),
            ClaimScope.During(TemporalValue.AtInstant(Instant.FromUtc(2025, 12, 2, 17, 0))),
        };
        var builder = ClaimSet.CreateBuilder().AddSource("zeit");
        foreach (var (scope, i) in scopes.Select((s, i) => (s, i)))
        {
            builder.AddClaim("zeit", "talks", "duration", Some.Hours(5), scope, id: $"c{i}");
        }

        var read = ClaimSetJson.Read(ClaimSetJson.Write(builder.Build()));

        Assert.Empty(read.Issues);
        Assert.Equal(scopes, read.ClaimSet.Claims.Select(c => c.Scope));
    }

    [Fact]
    public void Read_EventWhenInAbsoluteWords_IsRead()
    {
        var json = Some.Json([Some.SourceJson("zeit")], [Some.ClaimJson("zeit", """{"duration": "PT5H"}""", "c1")],
            ["""{"id": "talks", "when": {"text": "2. Dezember 2025"}}""", """{"id": "later", "when": {"text": "am Dienstag"}}"""]);

        var read = ClaimSetJson.Read(json);

        Assert.Equal(TemporalValue.OnDay(new LocalDate(2025, 12, 2)), read.ClaimSet.Events[0].When);
        Assert.Null(read.ClaimSet.Events[1].When);
        var issue = Assert.Single(read.Issues);
        Assert.Equal((IssueCodes.UnreadableText, "$.events[1].when.text", IssueSeverity.Warning), (issue.Code, issue.Path, issue.Severity));
    }

    [Fact]
    public void Resolve_ClaimWithoutWords_IsReturnedAsIs()
    {
        var claim = Some.Claim("zeit", Some.Hours(5));
        Assert.Same(claim, TextForms.Resolve(claim, Some.Source(), "$.claims[0]", "c", []));
    }

    [Theory]
    [InlineData("Nach Angaben ukrainischer Beamter soll Umerov am Donnerstag nach Miami reisen.", true)]
    [InlineData("Umerow werde sich am Mittwoch treffen.", true)]
    [InlineData("Witkoff will meet Putin on Tuesday.", true)]
    [InlineData("Am Mittwoch telefonierte Witkoff mit Umerov.", false)]
    [InlineData(null, false)]
    public void SpeaksOfFuture_Quote_FindsFutureAndModalVerbs(string? quote, bool expected) =>
        Assert.Equal(expected, TextForms.SpeaksOfFuture(quote));
}
