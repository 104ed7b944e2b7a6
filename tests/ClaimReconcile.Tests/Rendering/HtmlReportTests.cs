using System.Text.RegularExpressions;
using ClaimReconcile.Rendering;
using NodaTime;
using static VerifyXunit.Verifier;

namespace ClaimReconcile.Tests.Rendering;

public sealed partial class HtmlReportTests
{
    [Fact]
    public Task Render_WorkedExample_MatchesSnapshot() => Verify(HtmlReport.Render(WorkedExample.Report));

    [Fact]
    public void Render_QuoteWithScript_IsEncodedAndInert()
    {
        var set = ClaimSet.CreateBuilder()
            .AddSource("a", "<b>Outlet A</b>")
            .AddSource("b")
            .AddClaim("a", "talks", "duration", ClaimValue.Duration(Duration.FromHours(5)), quote: "<script>alert('x')</script> & \"more\"", speaker: "<img src=x onerror=alert(1)>")
            .AddClaim("b", "talks", "duration", ClaimValue.Duration(Duration.FromHours(2)))
            .Build();

        var html = HtmlReport.Render(Some.Reconcile(set));

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>Outlet A", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;more&quot;", html, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;Outlet A&lt;/b&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_WorkedExample_IsSelfContainedAndFitsAPhone()
    {
        var html = HtmlReport.Render(WorkedExample.Report);

        Assert.StartsWith("<!DOCTYPE html>\n<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">", html, StringComparison.Ordinal);
        Assert.Contains("@media (max-width:", html, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"<(script|link|img|iframe)\b", html);
        Assert.DoesNotMatch(@"(src|href)\s*=", html);
        Assert.DoesNotContain("url(", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_WorkedExample_ConflictsFirstAndEveryGroupOnce()
    {
        var report = WorkedExample.Report;
        var html = HtmlReport.Render(report);

        var sections = SectionHeading().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["conflicts", "agreements", "single-source", "sources"], sections);
        Assert.Equal(report.Groups.Length, ArticleOpen().Count(html));
        Assert.Equal(report.Summary.Conflicts, html.Split("<article class=\"group conflict\">").Length - 1);
        Assert.All(report.Groups.SelectMany(g => g.Claims), c => Assert.Contains($"<span class=\"id\">{HtmlReport.Encode(c.Id)}</span>", html, StringComparison.Ordinal));
        Assert.True(html.IndexOf("bild-8", StringComparison.Ordinal) < html.IndexOf("id=\"agreements\"", StringComparison.Ordinal));
    }

    [Fact]
    public void Render_Sources_ShowReliabilityBars()
    {
        var html = HtmlReport.Render(WorkedExample.Report);

        foreach (var source in WorkedExample.Report.Sources)
        {
            var percent = Math.Round(source.Reliability * 100).ToString(System.Globalization.CultureInfo.InvariantCulture);
            Assert.Contains($"aria-label=\"reliability {source.Reliability:0.00}\"><span style=\"width:{percent}%\">", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Render_ShuffledInput_IsByteIdentical()
    {
        var shuffled = new ClaimSet(WorkedExample.Read.ClaimSet.Sources.Reverse(), WorkedExample.Read.ClaimSet.Claims.Reverse(),
            WorkedExample.Read.ClaimSet.Entities.Reverse(), WorkedExample.Read.ClaimSet.Events.Reverse());

        var again = new Reconciler(clock: WorkedExample.Clock).Reconcile(shuffled);

        Assert.Equal(HtmlReport.Render(WorkedExample.Report), HtmlReport.Render(again));
    }

    [Fact]
    public void ToHtml_ReportAndGroup_AreTheRenderersOutput()
    {
        var report = WorkedExample.Report;
        var group = report.FindGroup("trump", "role")!;

        Assert.Equal(HtmlReport.Render(report), report.ToHtml());
        Assert.Equal(HtmlReport.RenderFragment(group), group.ToHtml());
        Assert.Contains("Ex-Präsident", group.ToHtml(), StringComparison.Ordinal);
        Assert.DoesNotContain("<html", group.ToHtml(), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ReportWithIssues_ListsThemEncoded()
    {
        var read = ClaimReconcile.Serialization.ClaimSetCsv.Read("source,subject,property,value,hedge\na,talks,duration,PT5H,\nb,talks,duration,PT-1H,\nc,<b>x</b>,role,Präsident,about\n");
        var report = Some.Reconciler().Reconcile(read);

        var html = HtmlReport.Render(report);

        Assert.Equal(2, report.Summary.RejectedClaims);
        Assert.Contains("<section id=\"issues\">\n<h2>Issues (2)</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<td data-label=\"Where\">line 3, column 4 (value)</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td data-label=\"Claim\">c#4</td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>x</b>", html, StringComparison.Ordinal);
    }

    [GeneratedRegex("<section id=\"([a-z-]+)\">")]
    private static partial Regex SectionHeading();

    [GeneratedRegex("<article class=\"group ")]
    private static partial Regex ArticleOpen();
}
