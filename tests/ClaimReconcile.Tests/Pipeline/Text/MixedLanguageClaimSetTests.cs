using ClaimReconcile.Serialization;
using NodaTime;

namespace ClaimReconcile.Tests;

/// <summary>
/// A claim set not derived from the worked example: German and English outlets, published on different days,
/// telling two meetings of Witkoff and Putin in their own words.
/// </summary>
public sealed class MixedLanguageClaimSetTests
{
    private const string Json = """
        {
          "format": "claimset/1",
          "sources": [
            {"id": "wire", "published": "2025-12-02T22:00:00Z", "timeZone": "Europe/London", "language": "en"},
            {"id": "spiegel", "published": "2025-12-03", "timeZone": "Europe/Berlin", "language": "de"},
            {"id": "guardian", "published": "2025-12-04T08:00:00Z", "timeZone": "Europe/London", "language": "en"},
            {"id": "euronews", "published": "2025-08-07", "timeZone": "Europe/Berlin", "language": "de"},
            {"id": "times", "published": "2025-08-08", "timeZone": "Europe/London", "language": "en"}
          ],
          "entities": [{"id": "witkoff", "label": "Steve Witkoff"}, {"id": "putin", "label": "Wladimir Putin"}],
          "events": [
            {"id": "kremlin-talks", "when": "2025-12-02", "participants": ["putin", "witkoff", "kushner"]},
            {"id": "august-talks", "when": "2025-08-06", "participants": ["putin", "witkoff"]}
          ],
          "claims": [
            {"id": "wire-1", "source": "wire", "subject": "witkoff", "property": "talks-with-putin",
             "value": {"duration": {"text": "nearly five hours"}}, "scope": {"when": {"text": "on Tuesday"}}},
            {"id": "spiegel-1", "source": "spiegel", "subject": "Steve Witkoff", "property": "talks-with-putin",
             "value": {"duration": {"text": "fast fünfstündig"}}, "scope": {"when": {"text": "am Dienstagabend"}}},
            {"id": "guardian-1", "source": "guardian", "subject": "witkoff", "property": "talks-with-putin",
             "value": {"duration": {"text": "for hours"}}, "scope": {"when": {"text": "two days ago"}}},
            {"id": "euronews-1", "source": "euronews", "subject": "witkoff", "property": "talks-with-putin",
             "value": {"duration": {"text": "etwa drei Stunden"}}, "scope": {"when": {"text": "am Mittwoch"}}},
            {"id": "times-1", "source": "times", "subject": "witkoff", "property": "talks-with-putin",
             "value": {"duration": {"text": "about three hours"}}, "scope": {"when": {"text": "on Wednesday"}}},
            {"id": "guardian-2", "source": "guardian", "subject": "kremlin-talks", "property": "date",
             "value": {"date": {"text": "on Tuesday evening"}}},
            {"id": "spiegel-2", "source": "spiegel", "subject": "kremlin-talks", "property": "date",
             "value": {"date": {"text": "gestern Abend"}}}
          ]
        }
        """;

    private static ReconciliationReport Report { get; } = Some.Reconciler().Reconcile(ClaimSetJson.Read(Json));

    [Fact]
    public void Reconcile_DecemberAccounts_AgreeUnderTheKremlinTalks()
    {
        var group = Assert.Single(Report.Groups, g => g.Scope == "event:kremlin-talks" && g.Property == "talks-with-putin");

        Assert.Equal(Verdict.Agreement, group.Verdict);
        Assert.Equal(["guardian-1", "spiegel-1", "wire-1"], group.Claims.Select(c => c.Id));
        Assert.Equal(DurationValue.Of(Duration.FromHours(5), Hedge.Almost), group.Consensus);
    }

    [Fact]
    public void Reconcile_AugustAccounts_AreTheirOwnMeetingAndAgree()
    {
        var group = Assert.Single(Report.Groups, g => g.Scope == "event:august-talks");

        Assert.Equal(Verdict.Agreement, group.Verdict);
        Assert.Equal(["euronews-1", "times-1"], group.Claims.Select(c => c.Id));
        Assert.Equal(0, Report.Summary.Conflicts);
    }

    [Fact]
    public void Reconcile_TuesdayEveningFromDifferentDays_IsOneEvening()
    {
        var group = Assert.Single(Report.Groups, g => g.Property == "date");

        Assert.Equal(Verdict.Agreement, group.Verdict);
        Assert.All(group.Claims, c => Assert.Equal(TemporalValue.OnPartOfDay(new LocalDate(2025, 12, 2), PartOfDay.Evening), c.Claim.Value));
        Assert.Equal(["on Tuesday evening", "gestern Abend"], group.Claims.Select(c => c.Claim.Value.StatedAs));
    }

    [Fact]
    public void Reconcile_EveryClaimIsReadAndGrouped()
    {
        Assert.Empty(Report.Issues);
        Assert.Equal(7, Report.Summary.GroupedClaims);
        Assert.Equal(3, Report.Summary.Groups);
    }
}
