using ClaimReconcile.Rendering;
using static VerifyXunit.Verifier;

namespace ClaimReconcile.Tests.Rendering;

public sealed class MarkdownReportTests
{
    [Fact]
    public Task Render_WorkedExample_MatchesSnapshot() => Verify(MarkdownReport.Render(WorkedExample.Report));

    [Fact]
    public void Render_WorkedExample_ConflictsBeforeAgreementsBeforeSingleSource()
    {
        var md = MarkdownReport.Render(WorkedExample.Report);

        var conflicts = md.IndexOf("\n## Conflicts (1)\n", StringComparison.Ordinal);
        var agreements = md.IndexOf("\n## Agreements (", StringComparison.Ordinal);
        var single = md.IndexOf("\n## Single source (", StringComparison.Ordinal);
        Assert.True(conflicts > 0 && conflicts < agreements && agreements < single);
        Assert.Contains("| **contradicted** | `bild-8` | “Ex-Präsident” | Bild |", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_PipesAndMarkupInText_DoNotBreakTheTable()
    {
        var set = ClaimSet.CreateBuilder()
            .AddSource("a").AddSource("b")
            .AddClaim("a", "talks", "venue", ClaimValue.Text("Hall | A *main*"), quote: "line one\nline two <b>")
            .AddClaim("b", "talks", "venue", ClaimValue.Text("Hall B"))
            .Build();

        var md = MarkdownReport.Render(Some.Reconcile(set));

        var row = md.Split('\n').Single(l => l.StartsWith("| ", StringComparison.Ordinal) && l.Contains("Hall \\| A", StringComparison.Ordinal));
        Assert.Contains("“Hall \\| A \\*main\\*”", row, StringComparison.Ordinal);
        Assert.Contains("line one line two \\<b\\>", row, StringComparison.Ordinal);
        Assert.Equal(8, System.Text.RegularExpressions.Regex.Count(row, @"(?<!\\)\|"));
    }

    [Fact]
    public void Render_ShuffledInput_MarkdownAndClaimReviewAreByteIdentical()
    {
        var set = WorkedExample.Read.ClaimSet;
        var claims = set.Claims.ToArray();
        new Random(3).Shuffle(claims);
        var again = new Reconciler(clock: WorkedExample.Clock).Reconcile(new ClaimSet(set.Sources.Reverse(), claims, set.Entities.Reverse(), set.Events.Reverse()));

        Assert.Equal(MarkdownReport.Render(WorkedExample.Report), MarkdownReport.Render(again));
        Assert.Equal(ClaimReviewJson.Write(WorkedExample.Report, clock: WorkedExample.Clock), ClaimReviewJson.Write(again, clock: WorkedExample.Clock));
    }

    [Fact]
    public void ToMarkdown_ReportAndGroup_AreTheRenderersOutput()
    {
        var group = WorkedExample.Report.FindGroup("trump", "role")!;

        Assert.Equal(MarkdownReport.Render(WorkedExample.Report), WorkedExample.Report.ToMarkdown());
        Assert.Equal(MarkdownReport.Render(group), group.ToMarkdown());
        Assert.StartsWith("### Donald Trump — role\n", group.ToMarkdown(), StringComparison.Ordinal);
    }
}
