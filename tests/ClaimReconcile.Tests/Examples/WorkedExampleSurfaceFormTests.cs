using ClaimReconcile.Serialization;
using ClaimReconcile.Tests.Support;
using NodaTime;

namespace ClaimReconcile.Tests.Examples;

/// <summary>
/// The worked example in the articles' own words (moscow-talks.claimset.json) against its canonical form
/// (moscow-talks.canonical.claimset.json): same groups, same verdicts, same values where the words are as precise.
/// </summary>
public sealed class WorkedExampleSurfaceFormTests
{
    private static readonly Reconciler Reconciler = new(clock: new FakeClock(Instant.FromUtc(2026, 1, 1, 0, 0)));

    /// <summary>
    /// Claims whose words are read differently from the canonical value, and why: the canonical form had to pick a
    /// number that the words do not state.
    /// </summary>
    private static readonly Dictionary<string, string> LessPrecise = new(StringComparer.Ordinal)
    {
        ["bild-23"] = "\"stundenlang\" is several hours (two and more); the canonical form wrote at least PT2H, the same interval",
        ["tagesspiegel-14"] = "\"mehrfach\" is several (two and more); the canonical form wrote at least 2, the same interval",
        ["tagesspiegel-29"] = "\"vor rund drei Wochen\" is the week around 30 November; the canonical form wrote about 30 November",
    };

    private static ReconciliationReport Surface { get; } = Reconciler.Reconcile(ClaimSetJson.Read(File.ReadAllText(TestPaths.WorkedExample)));

    private static ReconciliationReport Canonical { get; } = Reconciler.Reconcile(ClaimSetJson.Read(File.ReadAllText(TestPaths.WorkedExampleCanonical)));

    [Fact]
    public void SurfaceForm_ReadsEveryClaimWithoutIssues()
    {
        Assert.Empty(Surface.Issues);
        Assert.Equal(Canonical.Summary, Surface.Summary);
    }

    [Fact]
    public void SurfaceForm_UsesWordsForTimesDurationsAndQuantities()
    {
        var worded = Surface.Groups.SelectMany(g => g.Claims).Where(c => c.Claim.Value.StatedAs is not null).Select(c => c.Id).ToList();
        Assert.True(worded.Count >= 25, $"{worded.Count} claims in words");
        Assert.Contains("zeit-4", worded);
        Assert.Contains("bild-1", worded);
    }

    [Fact]
    public void SurfaceForm_SameGroupsAndVerdicts()
    {
        Assert.Equal(Describe(Canonical), Describe(Surface));

        static IEnumerable<string> Describe(ReconciliationReport report) =>
            report.Groups.Select(g => $"{g.Subject} {g.Property} {g.Scope}: {g.Verdict} [{string.Join(", ", g.Claims.Select(c => $"{c.Id} {c.Status}"))}]");
    }

    [Fact]
    public void SurfaceForm_SameValuesWhereTheWordsAreAsPrecise()
    {
        var canonical = Canonical.Groups.SelectMany(g => g.Claims).ToDictionary(c => c.Id, c => c.Claim.Value, StringComparer.Ordinal);
        var differing = Surface.Groups.SelectMany(g => g.Claims).Where(c => !c.Claim.Value.Equals(canonical[c.Id])).Select(c => c.Id).Order(StringComparer.Ordinal);

        Assert.Equal(LessPrecise.Keys.Order(StringComparer.Ordinal), differing);
    }

    [Fact]
    public void SurfaceForm_SameConsensusWhereTheWordsAreAsPrecise()
    {
        for (var g = 0; g < Canonical.Groups.Length; g++)
        {
            var (canonical, surface) = (Canonical.Groups[g], Surface.Groups[g]);
            if (!surface.Claims.Any(c => LessPrecise.ContainsKey(c.Id)))
            {
                Assert.Equal(canonical.Consensus, surface.Consensus);
                Assert.Equal(canonical.Confidence, surface.Confidence);
            }
        }
    }

    [Fact]
    public void SurfaceForm_TimeScopeInWords_AttachesToTheKremlinTalks()
    {
        var bild = Surface.Groups.SelectMany(g => g.Claims.Select(c => (Group: g, Claim: c))).Single(p => p.Claim.Id == "bild-23");

        Assert.Equal("am Dienstag", bild.Claim.Claim.Scope!.When!.StatedAs);
        Assert.Equal("event:kremlin-talks-2025-12-02", bild.Group.Scope);
    }
}
