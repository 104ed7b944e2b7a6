using System.Text.Json.Nodes;
using ClaimReconcile.Rendering;
using ClaimReconcile.Serialization;
using ClaimReconcile.Tests.Support;
using NodaTime;
using static VerifyXunit.Verifier;

namespace ClaimReconcile.Tests.Examples;

/// <summary>The worked example of docs/examples: the five seed articles about the talks of 2 December 2025.</summary>
public sealed class WorkedExampleTests
{
    private static readonly Reconciler Reconciler = new(clock: new FakeClock(Instant.FromUtc(2026, 1, 1, 0, 0)));

    private static ReconciliationReport Report(string? json = null) =>
        Reconciler.Reconcile(ClaimSetJson.Read(json ?? File.ReadAllText(TestPaths.WorkedExample)));

    [Fact]
    public Task Reconcile_TextReport_MatchesSnapshot() => Verify(TextReport.Render(Report()));

    [Fact]
    public void ToString_WorkedExample_CountsInWords() =>
        Assert.Equal("98 groups (31 agreements, 1 conflict, 66 single-source) from 160 claims; 0 issues", Report().ToString());

    [Fact]
    public Task Reconcile_JsonReport_MatchesSnapshot() => Verify(ReportJson.Write(Report()));

    [Fact]
    public void Write_Compact_IsTheIndentedJsonOnOneLine()
    {
        var report = Report();
        var indented = ReportJson.Write(report);
        var compact = ReportJson.Write(report, indented: false);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(indented), JsonNode.Parse(compact)));
        Assert.Equal(compact.Length - 1, compact.IndexOf('\n', StringComparison.Ordinal));
        Assert.StartsWith("{\"format\":\"reconciliation/1\",\"estimator\":", compact, StringComparison.Ordinal);
        Assert.True(compact.Length < indented.Length * 0.7, $"compact {compact.Length} chars, indented {indented.Length}");
    }

    [Fact]
    public void Write_CompactToAStream_WritesTheSameBytesAsTheText()
    {
        var report = Report();
        using var stream = new MemoryStream();

        ReportJson.Write(report, stream, indented: false);

        Assert.Equal(ReportJson.Write(report, indented: false), System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    [Fact]
    public void Reconcile_DecemberDurations_Agree()
    {
        var group = Report().FindGroup("kremlin-talks-2025-12-02", "duration");

        Assert.NotNull(group);
        Assert.Equal(Verdict.Agreement, group.Verdict);
        Assert.Equal(["austria-7", "bild-23", "zeit-4"], group.Claims.Select(c => c.Id));
        Assert.All(group.Claims, c => Assert.Equal(ClaimStatus.Supported, c.Status));
        Assert.Equal(ClaimValue.Duration(Duration.FromHours(5), Hedge.Almost), group.Consensus);
    }

    [Fact]
    public void Reconcile_AugustAboutThreeHours_IsItsOwnScopeAndContradictsNothing()
    {
        var report = Report();
        var august = report.FindGroup("moscow-talks-2025-08-06", "duration");

        Assert.NotNull(august);
        Assert.Equal("event:moscow-talks-2025-08-06", august.Scope);
        Assert.Equal(ClaimValue.Duration(Duration.FromHours(3), Hedge.About), Assert.Single(august.Claims).Claim.Value);
        Assert.Equal(Verdict.SingleSource, august.Verdict);
        Assert.DoesNotContain(report.Groups.Where(g => g.Property == "duration").SelectMany(g => g.Claims), c => c.Status == ClaimStatus.Contradicted);
    }

    [Fact]
    public void Reconcile_ExPresident_IsContradicted()
    {
        var group = Report().FindGroup("trump", "role");

        Assert.NotNull(group);
        Assert.Equal(Verdict.Conflict, group.Verdict);
        var bild = Assert.Single(group.Claims, c => c.Claim.Value.Equals(ClaimValue.Text("Ex-Präsident")));
        Assert.Equal(ClaimStatus.Contradicted, bild.Status);
        Assert.All(group.Claims.Where(c => c != bild), c => Assert.Equal(ClaimStatus.Supported, c.Status));
        Assert.Contains("Ex-Präsident", group.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Reconcile_Summary_CountsEveryInputClaim()
    {
        var input = JsonNode.Parse(File.ReadAllText(TestPaths.WorkedExample))!["claims"]!.AsArray().Count;
        var report = Report();

        Assert.True(input >= 40);
        Assert.Equal(input, report.Summary.Claims);
        Assert.Equal(input, report.Groups.Sum(g => g.Claims.Length) + report.Summary.RejectedClaims);
        Assert.Equal(input, report.Groups.SelectMany(g => g.Claims).Select(c => c.Id).Distinct().Count());
    }

    [Fact]
    public void Reconcile_WireCopies_CountOnce()
    {
        var group = Report().FindGroup("trump", "role");

        Assert.NotNull(group);
        Assert.Equal(5, group.Claims.Length);
        Assert.Equal(4, group.IndependentSources);
        Assert.Equal(group.Claims.Single(c => c.Source == "tagesspiegel").Voice, group.Claims.Single(c => c.Source == "austria").Voice);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Reconcile_ShuffledArrays_GiveByteIdenticalJson(int seed)
    {
        var original = File.ReadAllText(TestPaths.WorkedExample);
        var document = JsonNode.Parse(original)!.AsObject();
        var random = new Random(seed);
        foreach (var section in new[] { "sources", "entities", "events", "claims" })
        {
            var items = document[section]!.AsArray().Select(n => n!.DeepClone()).ToArray();
            random.Shuffle(items);
            document[section] = new JsonArray(items);
        }

        var shuffled = document.ToJsonString();

        Assert.NotEqual(original, shuffled);
        Assert.Equal(ReportJson.Write(Report(original)), ReportJson.Write(Report(shuffled)));
    }

    [Fact]
    public void Read_WorkedExample_RoundTripsThroughWrite()
    {
        var first = ClaimSetJson.Read(File.ReadAllText(TestPaths.WorkedExample));
        var written = ClaimSetJson.Write(first.ClaimSet);
        var second = ClaimSetJson.Read(written);

        Assert.Empty(first.Issues);
        Assert.Empty(second.Issues);
        Assert.Equal(written, ClaimSetJson.Write(second.ClaimSet));
        Assert.Equal(ReportJson.Write(Reconciler.Reconcile(first)), ReportJson.Write(Reconciler.Reconcile(second)));
    }
}
