using ClaimReconcile.Serialization;

namespace ClaimReconcile.Tests;

/// <summary>Scope from text: claims scoped by time attach to the event whose date and participants fit.</summary>
public sealed class EventScopeTests
{
    private static readonly string[] Events =
    [
        """{"id": "kremlin-talks", "when": "2025-12-02", "participants": ["putin", "witkoff", "kushner"]}""",
        """{"id": "florida-talks", "when": "2025-11-29/2025-11-30", "participants": ["witkoff", "umerov"]}""",
        """{"id": "kyiv-visit", "when": "2025-11-24/2025-11-30", "participants": ["driscoll", "umerov"]}""",
    ];

    private static readonly string[] Sources = [Some.SourceJson("zeit", "\"timeZone\": \"Europe/Berlin\""), Some.SourceJson("tsp", "\"timeZone\": \"Europe/Berlin\"")];

    [Fact]
    public void Attach_DateAndParticipantFit_JoinsTheEventGroup()
    {
        var report = Reconcile(
            Some.ClaimJson("zeit", """{"duration": {"text": "fast fünf Stunden"}}""", "zeit-1", subject: "witkoff", property: "talks-with-putin",
                extra: "\"scope\": {\"when\": {\"text\": \"am Dienstagabend\"}}"),
            Some.ClaimJson("tsp", """{"duration": "PT5H"}""", "tsp-1", subject: "witkoff", property: "talks-with-putin", extra: "\"scope\": {\"event\": \"kremlin-talks\"}"));

        var group = Assert.Single(report.Groups);
        Assert.Equal("event:kremlin-talks", group.Scope);
        Assert.Equal(Verdict.Agreement, group.Verdict);
        Assert.DoesNotContain(report.Issues, i => i.Code == IssueCodes.AmbiguousScope);
    }

    [Fact]
    public void Attach_OtherEvent_IsNeverCompared()
    {
        // "am Wochenende" from Wednesday 3 December is the Florida weekend, not the Kremlin meeting.
        var report = Reconcile(
            Some.ClaimJson("zeit", """{"duration": {"text": "etwa drei Stunden"}}""", "zeit-1", subject: "witkoff", property: "talks",
                extra: "\"scope\": {\"when\": {\"text\": \"am Wochenende\"}}, \"speaker\": \"witkoff\""),
            Some.ClaimJson("tsp", """{"duration": "PT5H"}""", "tsp-1", subject: "witkoff", property: "talks", extra: "\"scope\": {\"event\": \"kremlin-talks\"}"));

        Assert.Equal(["event:florida-talks", "event:kremlin-talks"], report.Groups.Select(g => g.Scope));
        Assert.Equal(0, report.Summary.Conflicts);
    }

    [Fact]
    public void Attach_NoParticipantFits_KeepsTheWindow()
    {
        var report = Reconcile(
            Some.ClaimJson("zeit", """{"duration": "PT5H"}""", "zeit-1", subject: "lavrov", property: "talks", extra: "\"scope\": {\"when\": {\"text\": \"am Dienstag\"}}"));

        Assert.Equal("when:2025-12-02", Assert.Single(report.Groups).Scope);
    }

    [Fact]
    public void Attach_TwoEventsFit_WarnsAmbiguousAndGroupsByWindow()
    {
        // Umerov took part in both the Florida talks and the Kyiv visit, and "letzte Woche" covers both.
        var report = Reconcile(
            Some.ClaimJson("zeit", """{"boolean": true}""", "zeit-1", subject: "umerov", property: "attended", extra: "\"scope\": {\"when\": {\"text\": \"letzte Woche\"}}"));

        var issue = Assert.Single(report.Issues, i => i.Code == IssueCodes.AmbiguousScope);
        Assert.Equal(IssueSeverity.Warning, issue.Severity);
        Assert.Equal("$.claims[0].scope.when", issue.Path);
        Assert.Equal("zeit-1", issue.Claim);
        Assert.Contains("florida-talks, kyiv-visit", issue.Message, StringComparison.Ordinal);
        Assert.Equal("when:2025-11-24/2025-11-30", Assert.Single(report.Groups).Scope);
        Assert.Equal(1, report.Summary.GroupedClaims);
    }

    [Fact]
    public void Attach_IsoWindow_AttachesLikeWords()
    {
        var report = Reconcile(
            Some.ClaimJson("zeit", """{"duration": "PT5H"}""", "zeit-1", subject: "putin", property: "talks", extra: "\"scope\": {\"when\": \"2025-12-02\", \"partOfDay\": \"evening\"}"));

        Assert.Equal("event:kremlin-talks", Assert.Single(report.Groups).Scope);
    }

    [Fact]
    public void Attach_EntityValueAmongParticipants_Fits()
    {
        var report = Reconcile(
            Some.ClaimJson("zeit", """{"entity": "kushner"}""", "zeit-1", subject: "us-delegation", property: "member", extra: "\"scope\": {\"when\": {\"text\": \"2. Dezember\"}}"));

        Assert.Equal("event:kremlin-talks", Assert.Single(report.Groups).Scope);
    }

    private static ReconciliationReport Reconcile(params string[] claims) =>
        Some.Reconciler().Reconcile(ClaimSetJson.Read(Some.Json(Sources, claims, Events)));
}
