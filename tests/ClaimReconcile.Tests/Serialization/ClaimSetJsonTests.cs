using System.Text;
using ClaimReconcile.Serialization;
using NodaTime;

namespace ClaimReconcile.Tests;

public sealed class ClaimSetJsonTests
{
    private static readonly string Document = Some.Json(
        [Some.SourceJson("zeit", "\"name\": \"Zeit Online\", \"kind\": \"outlet\", \"timeZone\": \"Europe/Berlin\", \"derivedFrom\": [\"afp\"], \"prior\": 0.8"),
         """{"id": "afp", "kind": "agency", "published": "2025-12-03T07:00:00+01:00"}"""],
        [
            Some.ClaimJson("zeit", """{"duration": "PT5H", "hedge": "almost"}""", "zeit-1", extra: "\"scope\": {\"event\": \"moscow-talks\"}, \"quote\": \"fast fünfstündig\""),
            Some.ClaimJson("afp", """{"number": {"min": 4.5, "max": 5}, "unit": "h"}""", "afp-1", extra: "\"scope\": {\"when\": \"2025-12\"}"),
            Some.ClaimJson("afp", """{"date": "2025-12-02", "partOfDay": "evening", "hedge": "about"}""", "afp-2", property: "date"),
            Some.ClaimJson("afp", """{"instant": "2025-12-02T17:00:00Z"}""", "afp-3", property: "start"),
            Some.ClaimJson("zeit", """{"entity": "Dimitrijew"}""", "zeit-2", property: "envoy", extra: "\"speaker\": \"ushakov\""),
            Some.ClaimJson("zeit", """{"set": ["Witkoff", "Kushner"]}""", "zeit-3", property: "participants"),
            Some.ClaimJson("zeit", """{"boolean": false}""", "zeit-4", property: "breakthrough", extra: "\"negated\": true"),
            Some.ClaimJson("zeit", """{"number": 68, "unit": "year"}""", "zeit-5", subject: "ushakov", property: "age", extra: "\"scope\": {\"asOf\": \"2025-12-03\"}"),
            Some.ClaimJson("zeit", """{"text": "US-Präsident"}""", "zeit-6", subject: "trump", property: "role"),
        ],
        [Some.EventJson("moscow-talks", "2025-12-02")],
        ["""{"id": "dmitriev", "label": "Kirill Dmitriev", "type": "person", "aliases": ["Dimitrijew"]}"""]);

    [Fact]
    public void Read_FullDocument_ReadsEverythingWithoutIssues()
    {
        var read = ClaimSetJson.Read(Document);

        Assert.True(read.Succeeded);
        Assert.Empty(read.Issues);
        Assert.Equal(9, read.ClaimSet.Claims.Length);
        var zeit = read.ClaimSet.Sources[0];
        Assert.Equal("Europe/Berlin", zeit.TimeZone.Id);
        Assert.Equal(SourceKind.Outlet, zeit.Kind);
        Assert.Equal(0.8, zeit.Prior);
        Assert.Equal(new OffsetDateTime(new LocalDateTime(2025, 12, 3, 7, 0), Offset.FromHours(1)), read.ClaimSet.Sources[1].PublishedAt);
        Assert.Equal(DurationValue.Of(Duration.FromHours(5), Hedge.Almost), read.ClaimSet.Claims[0].Value);
        Assert.Equal(TemporalValue.OnPartOfDay(new LocalDate(2025, 12, 2), PartOfDay.Evening, Hedge.About), read.ClaimSet.Claims[2].Value);
        Assert.True(read.ClaimSet.Claims[6].Negated);
    }

    [Fact]
    public void WriteThenRead_FullDocument_PreservesClaims()
    {
        var first = ClaimSetJson.Read(Document).ClaimSet;

        var second = ClaimSetJson.Read(ClaimSetJson.Write(first));

        Assert.True(second.Succeeded);
        Assert.Empty(second.Issues);
        Assert.Equal(first.Claims.Length, second.ClaimSet.Claims.Length);
        for (var i = 0; i < first.Claims.Length; i++)
        {
            var (a, b) = (first.Claims[i], second.ClaimSet.Claims[i]);
            Assert.Equal(a.Id, b.Id);
            Assert.Equal(a.Source, b.Source);
            Assert.Equal(a.Subject, b.Subject);
            Assert.Equal(a.Property, b.Property);
            Assert.Equal(a.Value, b.Value);
            Assert.Equal(a.Scope, b.Scope);
            Assert.Equal(a.Speaker, b.Speaker);
            Assert.Equal(a.Quote, b.Quote);
            Assert.Equal(a.Negated, b.Negated);
        }

        Assert.Equal(first.Sources.Select(s => (s.Id, s.Name, s.Kind, s.TimeZone, s.Prior, s.PublishedAt, s.PublishedOn)),
            second.ClaimSet.Sources.Select(s => (s.Id, s.Name, s.Kind, s.TimeZone, s.Prior, s.PublishedAt, s.PublishedOn)));
        Assert.Equal(first.Sources[0].DerivedFrom, second.ClaimSet.Sources[0].DerivedFrom);
        Assert.Equal(first.Entities[0].Aliases, second.ClaimSet.Entities[0].Aliases);
        Assert.Equal(first.Events[0].When, second.ClaimSet.Events[0].When);
    }

    [Fact]
    public void Write_ClaimSet_IsStableAcrossRoundTrips()
    {
        var once = ClaimSetJson.Write(ClaimSetJson.Read(Document).ClaimSet);

        Assert.Equal(once, ClaimSetJson.Write(ClaimSetJson.Read(once).ClaimSet));
        Assert.DoesNotContain("\r", once, StringComparison.Ordinal);
        Assert.Contains("US-Präsident", once, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TruncatedFile_FailsWithLineAndPosition()
    {
        var truncated = Document[..(Document.IndexOf("\"zeit-3\"", StringComparison.Ordinal) + 4)];

        var read = ClaimSetJson.Read(truncated);

        Assert.False(read.Succeeded);
        Assert.Empty(read.ClaimSet.Claims);
        var issue = Assert.Single(read.Issues);
        Assert.Equal(IssueCodes.InvalidJson, issue.Code);
        Assert.Matches(@"^line \d+, position \d+$", issue.Path);
        Assert.Equal(IssueSeverity.Error, issue.Severity);
    }

    [Fact]
    public void Read_SyntaxErrorOnLineThree_NamesLineThree()
    {
        var read = ClaimSetJson.Read("{\n  \"format\": \"claimset/1\",\n  \"sources\": [}\n");

        Assert.Equal("line 3, position 15", Assert.Single(read.Issues).Path);
    }

    [Fact]
    public void Read_ByteOrderMarkAndComments_AreAccepted()
    {
        var json = "\uFEFF// a claim set\n" + Document.Replace("\"claims\": [", "/* the claims */ \"claims\": [ // first\n", StringComparison.Ordinal);

        var read = ClaimSetJson.Read(Encoding.UTF8.GetBytes(json));

        Assert.True(read.Succeeded);
        Assert.Empty(read.Issues);
        Assert.Equal(9, read.ClaimSet.Claims.Length);
    }

    [Fact]
    public void Read_Stream_ReadsLikeText()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(Document));

        Assert.Equal(9, ClaimSetJson.Read(stream).ClaimSet.Claims.Length);
    }

    [Fact]
    public void Read_TrailingComma_IsInvalidJson() =>
        Assert.Equal(IssueCodes.InvalidJson, Assert.Single(ClaimSetJson.Read("""{"sources": [], "claims": [],}""").Issues).Code);

    [Fact]
    public void Read_BadClaim_KeepsTheOthersAndCountsIt()
    {
        var read = ClaimSetJson.Read(Some.Json(
            Some.ClaimJson("zeit", """{"duration": "PT5H"}""", "ok"),
            Some.ClaimJson("zeit", """{"duration": 5}""", "bad")));

        Assert.True(read.Succeeded);
        Assert.Equal("ok", Assert.Single(read.ClaimSet.Claims).Id);
        Assert.Equal(1, read.RejectedClaims);
    }

    [Fact]
    public void Read_UpToHedge_IsAtMost() =>
        Assert.Equal(NumberValue.Of(5, "h", Hedge.AtMost),
            Assert.Single(ClaimSetJson.Read(Some.Json(Some.ClaimJson("zeit", """{"number": 5, "unit": "h", "hedge": "up-to"}"""))).ClaimSet.Claims).Value);
}
