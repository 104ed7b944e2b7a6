using System.Reflection;
using System.Text.RegularExpressions;
using ClaimReconcile.Serialization;

namespace ClaimReconcile.Tests;

public sealed partial class IssueCodesTests
{
    [Fact]
    public void InvalidJson_BrokenSyntax_NamesLineAndPosition() =>
        AssertFatal("{\n  \"format\": \"claimset/1\",\n  \"sources\": [}\n", IssueCodes.InvalidJson, "line 3, position 15");

    [Fact]
    public void UnsupportedFormat_FutureVersion_IsFatalAtFormat() =>
        AssertFatal("""{"format": "claimset/2", "sources": [], "claims": []}""", IssueCodes.UnsupportedFormat, "$.format");

    [Fact]
    public void MissingField_ClaimWithoutProperty_RejectsClaim() =>
        AssertIssue(Some.Json("""{"id": "c1", "source": "zeit", "subject": "talks", "value": {"duration": "PT5H"}}"""),
            IssueCodes.MissingField, "$.claims[0].property", "c1", IssueSeverity.Error);

    [Fact]
    public void InvalidType_NumericSubject_RejectsClaim() =>
        AssertIssue(Some.Json("""{"id": "c1", "source": "zeit", "subject": 5, "property": "duration", "value": {"duration": "PT5H"}}"""),
            IssueCodes.InvalidType, "$.claims[0].subject", "c1", IssueSeverity.Error);

    [Fact]
    public void DuplicateId_SecondClaimWithSameId_RejectsSecond() =>
        AssertIssue(Some.Json(Some.ClaimJson("zeit", """{"duration": "PT5H"}""", "c1"), Some.ClaimJson("tsp", """{"duration": "PT5H"}""", "c1")),
            IssueCodes.DuplicateId, "$.claims[1].id", "c1", IssueSeverity.Error, grouped: 1);

    [Fact]
    public void UnknownSource_UndeclaredSource_RejectsClaim() =>
        AssertIssue(Some.Json(Some.ClaimJson("nyt", """{"duration": "PT5H"}""", "c1")),
            IssueCodes.UnknownSource, "$.claims[0].source", "c1", IssueSeverity.Error);

    [Fact]
    public void UnknownEvent_UndeclaredEventScope_RejectsClaim() =>
        AssertIssue(Some.Json(Some.ClaimJson("zeit", """{"duration": "PT5H"}""", "c1", extra: "\"scope\": {\"event\": \"nope\"}")),
            IssueCodes.UnknownEvent, "$.claims[0].scope.event", "c1", IssueSeverity.Error);

    [Fact]
    public void UnknownUpstream_UndeclaredDerivedFrom_WarnsAtEntry() =>
        AssertIssue(Some.Json([Some.SourceJson("zeit", "\"derivedFrom\": [\"reuters\"]")], [Some.ClaimJson("zeit", """{"duration": "PT5H"}""", "c1")]),
            IssueCodes.UnknownUpstream, "$.sources[0].derivedFrom[0]", null, IssueSeverity.Warning, grouped: 1);

    [Fact]
    public void DerivationCycle_TwoSourcesCopyingEachOther_WarnsAtSmallestId() =>
        AssertIssue(Some.Json(
                [Some.SourceJson("tsp", "\"derivedFrom\": [\"bild\"]"), Some.SourceJson("bild", "\"derivedFrom\": [\"tsp\"]")],
                [Some.ClaimJson("tsp", """{"duration": "PT5H"}""", "c1")]),
            IssueCodes.DerivationCycle, "$.sources[1].derivedFrom", null, IssueSeverity.Warning, grouped: 1);

    [Fact]
    public void InvalidValue_ValueWithoutKind_RejectsClaim() =>
        AssertIssue(Some.Json(Some.ClaimJson("zeit", """{"hedge": "about"}""", "c1")),
            IssueCodes.InvalidValue, "$.claims[0].value", "c1", IssueSeverity.Error);

    [Fact]
    public void InvalidNumber_InvertedRange_RejectsClaim() =>
        AssertIssue(Some.Json(Some.ClaimJson("zeit", """{"number": {"min": 5, "max": 4.5}, "unit": "h"}""", "c1")),
            IssueCodes.InvalidNumber, "$.claims[0].value.number", "c1", IssueSeverity.Error);

    [Fact]
    public void InvalidDuration_NotIso_RejectsClaim() =>
        AssertIssue(Some.Json(Some.ClaimJson("zeit", """{"duration": "five hours"}""", "c1")),
            IssueCodes.InvalidDuration, "$.claims[0].value.duration", "c1", IssueSeverity.Error);

    [Fact]
    public void InvalidDate_MonthThirteen_RejectsClaim() =>
        AssertIssue(Some.Json(Some.ClaimJson("zeit", """{"date": "2025-13-01"}""", "c1", property: "date")),
            IssueCodes.InvalidDate, "$.claims[0].value.date", "c1", IssueSeverity.Error);

    [Fact]
    public void InvalidHedge_UnknownName_RejectsClaim() =>
        AssertIssue(Some.Json(Some.ClaimJson("zeit", """{"duration": "PT5H", "hedge": "roughly"}""", "c1")),
            IssueCodes.InvalidHedge, "$.claims[0].value.hedge", "c1", IssueSeverity.Error);

    [Fact]
    public void NotSupportedYet_TextForms_AreReadNow()
    {
        var report = Some.Reconciler().Reconcile(ClaimSetJson.Read(Some.Json(Some.ClaimJson("zeit", """{"duration": {"text": "stundenlang"}}""", "c1"))));
        Assert.DoesNotContain(report.Issues, i => i.Code == IssueCodes.NotSupportedYet);
        Assert.Equal(1, report.Summary.GroupedClaims);
    }

    [Fact]
    public void InvalidPrior_AboveOne_WarnsAndKeepsClaim() =>
        AssertIssue(Some.Json([Some.SourceJson("zeit", "\"prior\": 1.5")], [Some.ClaimJson("zeit", """{"duration": "PT5H"}""", "c1")]),
            IssueCodes.InvalidPrior, "$.sources[0].prior", null, IssueSeverity.Warning, grouped: 1);

    [Fact]
    public void InvalidTimeZone_UnknownId_WarnsAndKeepsClaim() =>
        AssertIssue(Some.Json([Some.SourceJson("zeit", "\"timeZone\": \"Mars/Olympus\"")], [Some.ClaimJson("zeit", """{"duration": "PT5H"}""", "c1")]),
            IssueCodes.InvalidTimeZone, "$.sources[0].timeZone", null, IssueSeverity.Warning, grouped: 1);

    [Fact]
    public void InvalidPublished_NotADate_WarnsAndKeepsClaim() =>
        AssertIssue(Some.Json(["""{"id": "zeit", "published": "gestern"}"""], [Some.ClaimJson("zeit", """{"duration": "PT5H"}""", "c1")]),
            IssueCodes.InvalidPublished, "$.sources[0].published", null, IssueSeverity.Warning, grouped: 1);

    [Fact]
    public void EmptyText_BlankSubject_RejectsClaim() =>
        AssertIssue(Some.Json(Some.ClaimJson("zeit", """{"duration": "PT5H"}""", "c1", subject: "  ")),
            IssueCodes.EmptyText, "$.claims[0].subject", "c1", IssueSeverity.Error);

    [Fact]
    public void InvalidScope_EventAndWhen_RejectsClaim() =>
        AssertIssue(Some.Json(Some.ClaimJson("zeit", """{"duration": "PT5H"}""", "c1", extra: "\"scope\": {\"event\": \"talks\", \"when\": \"2025-12-02\"}")),
            IssueCodes.InvalidScope, "$.claims[0].scope", "c1", IssueSeverity.Error);

    [Fact]
    public void IncomparableValues_KilometresAndHours_WarnsAndKeepsBoth() =>
        AssertIssue(Some.Json(Some.ClaimJson("zeit", """{"number": 5, "unit": "km"}""", "zeit-1"), Some.ClaimJson("tsp", """{"duration": "PT5H"}""", "tsp-1")),
            IssueCodes.IncomparableValues, "$.claims[0]", "zeit-1", IssueSeverity.Warning, grouped: 2);

    [Fact]
    public void Codes_AllConstants_AreUniqueKebabCase()
    {
        var codes = typeof(IssueCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToList();

        var documented = File.ReadAllText(Path.Combine(Support.TestPaths.RepositoryRoot, "docs", "issue-codes.md"));
        Assert.All(codes, code => Assert.Contains($"| `{code}` |", documented, StringComparison.Ordinal));
        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
        Assert.All(codes, code => Assert.Matches(KebabCase(), code));
    }

    // Text forms (issue 3).
    [Fact]
    public void UnreadableText_DurationWords_RejectsClaim() =>
        AssertIssue(Some.Json(Some.ClaimJson("zeit", """{"duration": {"text": "sehr lange"}}""", "c1")),
            IssueCodes.UnreadableText, "$.claims[0].value.duration.text", "c1", IssueSeverity.Error);

    [Fact]
    public void UnreadableText_RelativeScopeWithoutPublication_RejectsClaim() =>
        AssertIssue(Some.Json(["""{"id": "zeit"}"""], ["""{"id": "c1", "source": "zeit", "subject": "talks", "property": "duration", "value": {"duration": "PT5H"}, "scope": {"when": {"text": "am Dienstag"}}}"""]),
            IssueCodes.UnreadableText, "$.claims[0].scope.when.text", "c1", IssueSeverity.Error);

    [Fact]
    public void AmbiguousScope_TimeFitsTwoEvents_WarnsAndKeepsClaim() =>
        AssertIssue(Some.Json(
                [Some.SourceJson("zeit")],
                ["""{"id": "c1", "source": "zeit", "subject": "umerov", "property": "attended", "value": {"boolean": true}, "scope": {"when": "2025-11-24/2025-11-30"}}"""],
                ["""{"id": "florida", "when": "2025-11-29/2025-11-30", "participants": ["umerov"]}""", """{"id": "kyiv", "when": "2025-11-25", "participants": ["umerov"]}"""]),
            IssueCodes.AmbiguousScope, "$.claims[0].scope.when", "c1", IssueSeverity.Warning, grouped: 1);

    [GeneratedRegex("^[a-z]+(-[a-z]+)*$")]
    private static partial Regex KebabCase();

    private static void AssertFatal(string json, string code, string path)
    {
        var read = ClaimSetJson.Read(json);

        Assert.False(read.Succeeded);
        var issue = Assert.Single(read.Issues);
        Assert.Equal(code, issue.Code);
        Assert.Equal(path, issue.Path);
        Assert.Equal(IssueSeverity.Error, issue.Severity);
        Assert.Null(issue.Claim);
        Assert.False(string.IsNullOrWhiteSpace(issue.Message));
    }

    private static void AssertIssue(string json, string code, string path, string? claim, IssueSeverity severity, int grouped = 0)
    {
        var read = ClaimSetJson.Read(json);
        Assert.True(read.Succeeded);
        var report = Some.Reconciler().Reconcile(read);

        var issue = Assert.Single(report.Issues, i => i.Code == code);
        Assert.Equal(path, issue.Path);
        Assert.Equal(severity, issue.Severity);
        Assert.Equal(claim, issue.Claim);
        Assert.False(string.IsNullOrWhiteSpace(issue.Message));
        Assert.Equal(grouped, report.Summary.GroupedClaims);
        Assert.Equal(report.Summary.Claims, report.Summary.GroupedClaims + report.Summary.RejectedClaims);
    }

    // --- Issue 5 (reports, CSV in): codes of the CSV/TSV reader. ---

    [Fact]
    public void InvalidCsv_UnclosedQuote_IsFatalAtTheOpeningQuote()
    {
        var read = ClaimSetCsv.Read("source,subject,property,value,quote\nzeit,talks,duration,PT5H,\"never closed\n");

        Assert.False(read.Succeeded);
        var issue = Assert.Single(read.Issues);
        Assert.Equal(IssueCodes.InvalidCsv, issue.Code);
        Assert.Equal("line 2, column 5", issue.Path);
    }

    [Fact]
    public void UnknownColumn_ExtraHeader_WarnsAndKeepsClaims()
    {
        var read = ClaimSetCsv.Read("source,subject,property,value,colour\nzeit,talks,duration,PT5H,red\n");

        var issue = Assert.Single(read.Issues);
        Assert.Equal(IssueCodes.UnknownColumn, issue.Code);
        Assert.Equal("line 1, column 5", issue.Path);
        Assert.Equal(IssueSeverity.Warning, issue.Severity);
        Assert.Single(read.ClaimSet.Claims);
    }

    [Fact]
    public void ExtraFields_UnquotedComma_RejectsRow()
    {
        var read = ClaimSetCsv.Read("source,subject,property,value\nzeit,talks,duration,PT5H\nbild,talks,role,Ex-Präsident, sagt Bild\n");
        var report = Some.Reconciler().Reconcile(read);

        var issue = Assert.Single(report.Issues);
        Assert.Equal(IssueCodes.ExtraFields, issue.Code);
        Assert.Equal("line 3, column 5", issue.Path);
        Assert.Equal("bild#3", issue.Claim);
        Assert.Equal(2, report.Summary.Claims);
        Assert.Equal(1, report.Summary.RejectedClaims);
    }
    // --- Entity resolution (issue 3, names) ---

    [Fact]
    public void AmbiguousMention_SurnameOfTwoDeclaredPeople_WarnsAndKeepsClaim() =>
        AssertIssue(Some.Json(
                Some.DefaultSourceIds.Select(id => Some.SourceJson(id)),
                [Some.ClaimJson("zeit", """{"text": "Bürgermeister"}""", "c1", subject: "Klitschko", property: "role"),
                 Some.ClaimJson("tsp", """{"text": "Bürgermeister"}""", "c2", subject: "vitali", property: "role")],
                entities: ["""{"id": "vitali", "label": "Vitali Klitschko", "type": "person"}""", """{"id": "wladimir", "label": "Wladimir Klitschko"}"""]),
            IssueCodes.AmbiguousMention, "$.claims[0].subject", "c1", IssueSeverity.Warning, grouped: 2);
    // Issue 6: limits of the reader (ClaimSetReadOptions, docs/limits.md).

    [Fact]
    public void InputTooLarge_OverMaxInputBytes_IsFatalAtRoot()
    {
        var read = ClaimSetJson.Read(Some.Json(Some.ClaimJson("zeit", """{"duration": "PT5H"}""", "c1")), new ClaimSetReadOptions { MaxInputBytes = 100 });

        AssertFatalIssue(read, IssueCodes.InputTooLarge, "$");
    }

    [Fact]
    public void TooManyClaims_OverMaxClaims_IsFatalAtFirstClaimBeyond()
    {
        var json = Some.Json(Some.ClaimJson("zeit", """{"duration": "PT5H"}""", "c1"), Some.ClaimJson("zeit", """{"duration": "PT4H"}""", "c2"));

        AssertFatalIssue(ClaimSetJson.Read(json, new ClaimSetReadOptions { MaxClaims = 1 }), IssueCodes.TooManyClaims, "$.claims[1]");
    }

    [Fact]
    public void StringTooLong_LongQuote_RejectsClaim()
    {
        var json = Some.Json(Some.ClaimJson("zeit", """{"duration": "PT5H"}""", "c1", extra: $"\"quote\": \"{new string('x', 200)}\""));
        var read = ClaimSetJson.Read(json, new ClaimSetReadOptions { MaxStringLength = 100 });

        Assert.True(read.Succeeded);
        var issue = Assert.Single(read.Issues, i => i.Code == IssueCodes.StringTooLong);
        Assert.Equal("$.claims[0].quote", issue.Path);
        Assert.Equal("c1", issue.Claim);
        Assert.Equal(1, read.RejectedClaims);
        Assert.Empty(read.ClaimSet.Claims);
    }

    [Fact]
    public void TooDeep_NestingInsideClaim_IsFatalWithLineAndPosition()
    {
        var json = "{\"sources\": [],\n\"claims\": [{\"x\": " + new string('[', 10) + new string(']', 10) + "}]}";

        AssertFatalIssue(ClaimSetJson.Read(json, new ClaimSetReadOptions { MaxDepth = 8 }), IssueCodes.TooDeep, "line 2, position 23");
    }

    [Fact]
    public void DuplicateField_TwoClaimsArrays_IsFatalAtSecond() =>
        AssertFatal("""{"format": "claimset/1", "sources": [], "claims": [], "claims": []}""", IssueCodes.DuplicateField, "$.claims");

    private static void AssertFatalIssue(ClaimSetReadResult read, string code, string path)
    {
        Assert.False(read.Succeeded);
        var issue = Assert.Single(read.Issues);
        Assert.Equal(code, issue.Code);
        Assert.Equal(path, issue.Path);
        Assert.Equal(IssueSeverity.Error, issue.Severity);
        Assert.False(string.IsNullOrWhiteSpace(issue.Message));
    }
}
