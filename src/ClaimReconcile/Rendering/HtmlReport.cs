using System.Text;
using ClaimReconcile.Pipeline;

namespace ClaimReconcile.Rendering;

/// <summary>
/// Renders a report as one self-contained HTML page: no scripts, no external assets, inline CSS, readable on a
/// phone. It shows the summary, then conflicts, agreements and single-source groups, each with its claims
/// (values as stated, quotes, sources and speakers), consensus and confidence, then a source-reliability table
/// with bars, then the issues.
/// </summary>
/// <remarks>
/// Stateless and thread-safe; output is culture-invariant with <c>\n</c> line ends and depends only on the
/// report. All text from the input is HTML-encoded, so a quote containing markup renders as text.
/// </remarks>
public static class HtmlReport
{
    internal const string Style = """
        .cr{--conflict:#b3261e;--agree:#1b6e3a;--single:#5f6368;--line:#d0d7de;--soft:#f6f8fa;
          font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2328;max-width:64rem;margin:0 auto;padding:1rem}
        .cr h1{font-size:1.6rem;margin:.2rem 0}.cr h2{font-size:1.3rem;margin:2rem 0 .5rem;border-bottom:1px solid var(--line)}
        .cr h3{font-size:1.05rem;margin:0 0 .3rem}.cr .id,.cr code{font:.85em ui-monospace,SFMono-Regular,Menlo,monospace;color:#57606a}
        .cr .counts{display:flex;flex-wrap:wrap;gap:.5rem;padding:0;list-style:none}
        .cr .counts li{background:var(--soft);border:1px solid var(--line);border-radius:.4rem;padding:.2rem .6rem}
        .cr .counts b{font-size:1.2em}
        .cr .group{border:1px solid var(--line);border-left:.35rem solid var(--single);border-radius:.4rem;padding:.7rem .9rem;margin:.8rem 0}
        .cr .group.conflict{border-left-color:var(--conflict)}.cr .group.agreement{border-left-color:var(--agree)}
        .cr .verdict{display:inline-block;font-size:.75rem;font-weight:600;text-transform:uppercase;letter-spacing:.04em;color:#fff;
          background:var(--single);border-radius:.3rem;padding:0 .4rem;margin-right:.4rem;vertical-align:middle}
        .cr .conflict .verdict{background:var(--conflict)}.cr .agreement .verdict{background:var(--agree)}
        .cr .consensus{margin:.2rem 0}.cr .explanation{margin:.3rem 0 .6rem;font-style:italic}
        .cr table{border-collapse:collapse;width:100%;font-size:.92rem}
        .cr th,.cr td{text-align:left;padding:.3rem .5rem;border-top:1px solid var(--line);vertical-align:top}
        .cr th{background:var(--soft)}.cr td .id{white-space:nowrap}.cr td.num,.cr th.num{text-align:right;font-variant-numeric:tabular-nums}
        .cr tr.contradicted td{background:#fdecea}.cr .status{font-weight:600}.cr tr.contradicted .status{color:var(--conflict)}
        .cr blockquote{margin:.2rem 0 0;padding-left:.5rem;border-left:3px solid var(--line);color:#57606a;font-size:.9em}
        .cr .bar{display:inline-block;width:8rem;max-width:40vw;height:.7rem;background:#eaeef2;border-radius:.35rem;overflow:hidden;vertical-align:middle}
        .cr .bar span{display:block;height:100%;background:#0969da}
        @media (max-width:40rem){.cr{padding:.5rem}.cr table.claims thead{display:none}
          .cr table.claims tr{display:block;border-top:1px solid var(--line);padding:.3rem 0}
          .cr table.claims td{display:block;border:0;padding:.1rem .3rem}
          .cr table.claims td[data-label]::before{content:attr(data-label) ": ";font-weight:600;color:#57606a}
          .cr td.num{text-align:left}}
        """;

    /// <summary>The whole report as an HTML document.</summary>
    /// <param name="report">The report.</param>
    /// <param name="title">The page title; "ClaimReconcile report" when omitted.</param>
    public static string Render(ReconciliationReport report, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        return TextOutput.Render((html, output) => WritePage(html, report, title, output));
    }

    /// <summary>
    /// Writes the same page as <see cref="Render(ReconciliationReport, string?)"/> to <paramref name="output"/>, a part at
    /// a time, so that the page of a large report is never held as one string.
    /// </summary>
    /// <param name="report">The report.</param>
    /// <param name="output">Where the page goes; it is not flushed or closed.</param>
    /// <param name="title">The page title; "ClaimReconcile report" when omitted.</param>
    public static void Write(ReconciliationReport report, TextWriter output, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        TextOutput.Write(output, (html, drainTo) => WritePage(html, report, title, drainTo));
    }

    /// <summary>The report as an HTML fragment with its own <c>&lt;style&gt;</c>, to embed in a page or a notebook.</summary>
    public static string RenderFragment(ReconciliationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var html = new StringBuilder();
        html.Append("<style>\n").Append(Style).Append("</style>\n");
        WriteReport(html, report, "ClaimReconcile report");
        return html.ToString();
    }

    /// <summary>One group as an HTML fragment with its own <c>&lt;style&gt;</c>.</summary>
    public static string RenderFragment(ClaimGroup group)
    {
        ArgumentNullException.ThrowIfNull(group);
        var html = new StringBuilder();
        html.Append("<style>\n").Append(Style).Append("</style>\n<div class=\"cr\">\n");
        WriteGroup(html, group, []);
        html.Append("</div>\n");
        return html.ToString();
    }

    /// <summary>A claim set as an HTML table of its claims, to look at input in a notebook.</summary>
    public static string RenderFragment(ClaimSet claims)
    {
        ArgumentNullException.ThrowIfNull(claims);
        var html = new StringBuilder();
        html.Append("<style>\n").Append(Style).Append("</style>\n<div class=\"cr\">\n<p>")
            .Append(Encode(claims.ToString())).Append("</p>\n<table class=\"claims\">\n<thead><tr><th>Claim</th><th>Source</th><th>Subject</th><th>Property</th><th>Value as stated</th><th>Speaker</th><th>Quote</th></tr></thead>\n<tbody>\n");
        for (var i = 0; i < claims.Claims.Length; i++)
        {
            var claim = claims.Claims[i];
            html.Append("<tr>")
                .Append(Cell("Claim", Validation.IdOf(claim, i)))
                .Append(Cell("Source", claim.Source))
                .Append(Cell("Subject", claim.Subject))
                .Append(Cell("Property", claim.Property))
                .Append(Cell("Value", ReportWords.Value(claim)))
                .Append(Cell("Speaker", claim.Speaker ?? ""))
                .Append(Cell("Quote", claim.Quote ?? ""))
                .Append("</tr>\n");
        }

        html.Append("</tbody>\n</table>\n</div>\n");
        return html.ToString();
    }

    private static void WritePage(StringBuilder html, ReconciliationReport report, string? title, TextWriter? output)
    {
        title ??= "ClaimReconcile report";
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(Encode(title)).Append("</title>\n<style>\n").Append(Style).Append("</style>\n</head>\n<body>\n");
        WriteReport(html, report, title, output);
        html.Append("</body>\n</html>\n");
    }

    private static void WriteReport(StringBuilder html, ReconciliationReport report, string title, TextWriter? output = null)
    {
        var s = report.Summary;
        html.Append("<main class=\"cr\">\n<header>\n<h1>").Append(Encode(title)).Append("</h1>\n<p>")
            .Append(Encode(ReportWords.Summary(s))).Append(" Estimator: <code>").Append(Encode(report.Estimator)).Append("</code>.</p>\n")
            .Append("<ul class=\"counts\">")
            .Append(Count(s.Claims, "claim")).Append(Count(s.Groups, "group")).Append(Count(s.Conflicts, "conflict"))
            .Append(Count(s.Agreements, "agreement")).Append(Count(s.SingleSource, "single-source", plural: false)).Append(Count(s.Issues, "issue"))
            .Append("</ul>\n</header>\n");

        var names = ReportWords.SourceNames(report);
        foreach (var (title2, groups) in ReportWords.GroupsBySection(report))
        {
            var id = title2.ToLowerInvariant().Replace(' ', '-');
            html.Append("<section id=\"").Append(id).Append("\">\n<h2>").Append(Encode(title2)).Append(" (").Append(groups.Count).Append(")</h2>\n");
            foreach (var group in groups)
            {
                WriteGroup(html, group, names);
                TextOutput.Drain(html, output);
            }

            html.Append("</section>\n");
        }

        html.Append("<section id=\"sources\">\n<h2>Sources</h2>\n<table class=\"sources\">\n<thead><tr><th>Source</th><th>Reliability</th><th class=\"num\">Claims</th><th>Derived from</th></tr></thead>\n<tbody>\n");
        foreach (var source in report.Sources)
        {
            var name = source.Name is null ? "" : Encode(source.Name) + " ";
            html.Append("<tr><td>").Append(name).Append("<span class=\"id\">").Append(Encode(source.Id)).Append("</span></td>")
                .Append("<td><span class=\"bar\" role=\"img\" aria-label=\"reliability ").Append(ReportWords.Probability(source.Reliability))
                .Append("\"><span style=\"width:").Append(ReportWords.Percent(source.Reliability)).Append("%\"></span></span> ")
                .Append(ReportWords.Probability(source.Reliability)).Append("</td>")
                .Append("<td class=\"num\">").Append(source.Claims).Append("</td>")
                .Append("<td>").Append(Encode(string.Join(", ", source.DependsOn))).Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n</section>\n");

        if (!report.Issues.IsEmpty)
        {
            html.Append("<section id=\"issues\">\n<h2>Issues (").Append(report.Issues.Length).Append(")</h2>\n<table class=\"claims\">\n<thead><tr><th>Severity</th><th>Code</th><th>Where</th><th>Claim</th><th>Message</th></tr></thead>\n<tbody>\n");
            foreach (var issue in report.Issues)
            {
                html.Append("<tr>")
                    .Append(Cell("Severity", issue.Severity == IssueSeverity.Error ? "error" : "warning"))
                    .Append(Cell("Code", issue.Code))
                    .Append(Cell("Where", issue.Path))
                    .Append(Cell("Claim", issue.Claim ?? ""))
                    .Append(Cell("Message", issue.Message))
                    .Append("</tr>\n");
                TextOutput.Drain(html, output);
            }

            html.Append("</tbody>\n</table>\n</section>\n");
        }

        html.Append("</main>\n");
    }

    private static void WriteGroup(StringBuilder html, ClaimGroup group, Dictionary<string, string> names)
    {
        var verdict = ReportWords.VerdictName(group.Verdict);
        html.Append("<article class=\"group ").Append(verdict).Append("\">\n<h3><span class=\"verdict\">").Append(verdict).Append("</span>")
            .Append(Encode(ReportWords.Subject(group))).Append(" <span class=\"id\">").Append(Encode(group.Subject)).Append("</span> · ")
            .Append(Encode(group.Property));
        if (group.Scope is not null)
        {
            html.Append(" <span class=\"id\">(").Append(Encode(group.Scope)).Append(")</span>");
        }

        html.Append("</h3>\n<p class=\"consensus\">").Append(Encode(ReportWords.Consensus(group))).Append("</p>\n")
            .Append("<p class=\"explanation\">").Append(Encode(group.Explanation)).Append("</p>\n")
            .Append("<table class=\"claims\">\n<thead><tr><th>Status</th><th>Claim</th><th>Value as stated</th><th>Source</th><th>Speaker</th><th class=\"num\">Confidence</th></tr></thead>\n<tbody>\n");
        foreach (var claim in group.Claims)
        {
            var status = ReportWords.StatusName(claim.Status);
            html.Append("<tr class=\"").Append(status).Append("\">")
                .Append("<td class=\"status\" data-label=\"Status\">").Append(status).Append("</td>")
                .Append("<td data-label=\"Claim\"><span class=\"id\">").Append(Encode(claim.Id)).Append("</span></td>")
                .Append("<td data-label=\"Value\">").Append(Encode(ReportWords.Value(claim.Claim)));
            if (claim.Claim.Quote is { } quote)
            {
                html.Append("<blockquote>").Append(Encode(quote)).Append("</blockquote>");
            }

            html.Append("</td>")
                .Append(Cell("Source", ReportWords.SourceName(names, claim.Source)))
                .Append(Cell("Speaker", claim.Claim.Speaker ?? "—"))
                .Append("<td class=\"num\" data-label=\"Confidence\">").Append(ReportWords.Probability(claim.Confidence)).Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n</article>\n");
    }

    private static string Count(int count, string noun, bool plural = true) => $"<li><b>{count}</b> {noun}{(plural && count != 1 ? "s" : "")}</li>";

    private static string Cell(string label, string text) => $"<td data-label=\"{label}\">{Encode(text)}</td>";

    /// <summary>Encodes text for HTML element content and attribute values: <c>&amp; &lt; &gt; " '</c>.</summary>
    internal static string Encode(string text)
    {
        if (text.AsSpan().IndexOfAny("&<>\"'") < 0)
        {
            return text;
        }

        var encoded = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            encoded.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => c.ToString(),
            });
        }

        return encoded.ToString();
    }
}
