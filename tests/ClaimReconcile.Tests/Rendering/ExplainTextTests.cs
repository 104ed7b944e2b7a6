using ClaimReconcile.Rendering;

namespace ClaimReconcile.Tests.Rendering;

public sealed class ExplainTextTests
{
    [Fact]
    public void Render_DecemberDuration_ShowsEveryClaimsIntervalRelationVoiceAndReliability()
    {
        var report = WorkedExample.Report;
        var group = report.FindGroup("kremlin-talks-2025-12-02", "duration")!;

        var text = ExplainText.Render(report, group, WorkedExample.Read.ClaimSet, clock: WorkedExample.Clock);

        Assert.Contains("consensus   almost 5 h  = [4.25 h, 5 h) (time)", text, StringComparison.Ordinal);
        var zeit = group.Claims.Single(c => c.Id == "zeit-4");
        Assert.Contains($"zeit-4  supported, confidence {zeit.Confidence.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)}", text, StringComparison.Ordinal);
        Assert.Contains("  normalized   [4.5 h, 5.5 h) (time)", text, StringComparison.Ordinal);
        Assert.Contains("  counts as    source:afp", text, StringComparison.Ordinal);
        Assert.Contains("  vs consensus agrees (the intervals overlap)", text, StringComparison.Ordinal);
        var reliability = report.Sources.Single(s => s.Id == "bild").Reliability;
        Assert.Contains($"  source       Bild [bild], reliability {reliability:0.00}", text, StringComparison.Ordinal);
        Assert.EndsWith(group.Explanation + "\n", text, StringComparison.Ordinal);
        Assert.All(group.Claims, c => Assert.Contains($"\n{c.Id}  ", text, StringComparison.Ordinal));
    }

    [Fact]
    public void Render_PersonNamedInFullAndBySurname_ReadsTheNamesAsTheReportDid()
    {
        // No entity is declared: the report matches "Uschakow" to "Juri Uschakow" from the names the claims mention,
        // and the explanation must read them the same way.
        var set = ClaimSet.CreateBuilder()
            .AddSource("zeit").AddSource("tsp").AddSource("bild")
            .AddClaim("zeit", "talks", "spokesman", ClaimValue.Entity("Juri Uschakow"), id: "z")
            .AddClaim("tsp", "talks", "spokesman", ClaimValue.Entity("Juri Uschakow"), id: "t")
            .AddClaim("bild", "talks", "spokesman", ClaimValue.Entity("Uschakow"), id: "b")
            .Build();
        var report = Some.Reconcile(set);
        var group = report.Groups.Single();
        Assert.Equal(Verdict.Agreement, group.Verdict);

        var text = ExplainText.Render(report, group, set, clock: Some.Clock);

        Assert.DoesNotContain("conflicts", text, StringComparison.Ordinal);
        Assert.Equal(3, text.Split("  vs consensus agrees (the same reading)").Length - 1);
    }

    [Fact]
    public void Render_Conflict_SaysHowFarApart()
    {
        var set = Some.ClaimSet(Some.Claim("zeit", Some.Hours(5), "z"), Some.Claim("tsp", Some.Hours(5), "t"), Some.Claim("bild", Some.Hours(2), "b"));
        var report = Some.Reconcile(set);

        var text = ExplainText.Render(report, report.Groups.Single(), set, clock: Some.Clock);

        Assert.Contains("b  contradicted", text, StringComparison.Ordinal);
        Assert.Contains("  vs consensus conflicts, 2 h apart", text, StringComparison.Ordinal);
    }
}
