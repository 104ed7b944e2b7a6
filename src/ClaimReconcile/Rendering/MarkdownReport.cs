using System.Text;

namespace ClaimReconcile.Rendering;

/// <summary>
/// Renders a report as GitHub-flavoured Markdown: a summary, then conflicts, agreements and single-source groups,
/// each with a table of its claims, then a table of sources with reliability bars, then the issues.
/// </summary>
/// <remarks>Stateless and thread-safe; output is culture-invariant with <c>\n</c> line ends. Text from the claims is escaped so it cannot break a table or start markup.</remarks>
public static class MarkdownReport
{
    /// <summary>The whole report as a Markdown document.</summary>
    public static string Render(ReconciliationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return TextOutput.Render((md, output) => WriteDocument(md, report, output));
    }

    /// <summary>
    /// Writes the same document as <see cref="Render(ReconciliationReport)"/> to <paramref name="output"/>, a part at a
    /// time, so that the document of a large report is never held as one string.
    /// </summary>
    /// <param name="report">The report.</param>
    /// <param name="output">Where the document goes; it is not flushed or closed.</param>
    public static void Write(ReconciliationReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        TextOutput.Write(output, (md, drainTo) => WriteDocument(md, report, drainTo));
    }

    private static void WriteDocument(StringBuilder md, ReconciliationReport report, TextWriter? output)
    {
        Line(md, "# ClaimReconcile report");
        Line(md, "");
        Line(md, Escape(ReportWords.Summary(report.Summary)) + $" Estimator: `{report.Estimator}`.");
        var names = ReportWords.SourceNames(report);
        foreach (var (title, groups) in ReportWords.GroupsBySection(report))
        {
            Line(md, "");
            Line(md, $"## {title} ({groups.Count})");
            foreach (var group in groups)
            {
                Line(md, "");
                WriteGroup(md, group, names, "###");
                TextOutput.Drain(md, output);
            }
        }

        Line(md, "");
        Line(md, "## Sources");
        Line(md, "");
        Line(md, "| Source | Name | Reliability | | Claims | Derived from |");
        Line(md, "|---|---|---|--:|--:|---|");
        foreach (var source in report.Sources)
        {
            var tenths = (int)Math.Round(Math.Clamp(source.Reliability, 0, 1) * 10);
            Line(md, $"| `{Code(source.Id)}` | {Escape(source.Name ?? "")} | {new string('█', tenths)}{new string('░', 10 - tenths)} | {ReportWords.Probability(source.Reliability)} | {source.Claims} | {Escape(string.Join(", ", source.DependsOn))} |");
        }

        if (!report.Issues.IsEmpty)
        {
            Line(md, "");
            Line(md, $"## Issues ({report.Issues.Length})");
            Line(md, "");
            Line(md, "| Severity | Code | Where | Claim | Message |");
            Line(md, "|---|---|---|---|---|");
            foreach (var issue in report.Issues)
            {
                Line(md, $"| {(issue.Severity == IssueSeverity.Error ? "error" : "warning")} | `{Code(issue.Code)}` | `{Code(issue.Path)}` | {Escape(issue.Claim ?? "")} | {Escape(issue.Message)} |");
                TextOutput.Drain(md, output);
            }
        }
    }

    /// <summary>One group as a Markdown section: heading, consensus, explanation and a table of its claims.</summary>
    public static string Render(ClaimGroup group)
    {
        ArgumentNullException.ThrowIfNull(group);
        var md = new StringBuilder();
        WriteGroup(md, group, [], "###");
        return md.ToString();
    }

    private static void WriteGroup(StringBuilder md, ClaimGroup group, Dictionary<string, string> names, string heading)
    {
        var scope = group.Scope is null ? "" : $" ({Escape(group.Scope)})";
        Line(md, $"{heading} {Escape(ReportWords.Title(group))}{scope}");
        Line(md, "");
        Line(md, $"**{ReportWords.VerdictName(group.Verdict)}** · {Escape(ReportWords.Consensus(group))} · subject `{Code(group.Subject)}`");
        Line(md, "");
        Line(md, "| Status | Claim | Value as stated | Source | Speaker | Confidence | Quote |");
        Line(md, "|---|---|---|---|---|--:|---|");
        foreach (var claim in group.Claims)
        {
            var status = claim.Status == ClaimStatus.Contradicted ? "**contradicted**" : ReportWords.StatusName(claim.Status);
            Line(md, $"| {status} | `{Code(claim.Id)}` | {Escape(ReportWords.Value(claim.Claim))} | {Escape(ReportWords.SourceName(names, claim.Source))} | {Escape(claim.Claim.Speaker ?? "")} | {ReportWords.Probability(claim.Confidence)} | {Escape(claim.Claim.Quote ?? "")} |");
        }

        Line(md, "");
        Line(md, "> " + Escape(group.Explanation));
    }

    /// <summary>Escapes text for a Markdown table cell or paragraph: markup characters get a backslash, line breaks become spaces.</summary>
    internal static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            switch (c)
            {
                case '\\' or '`' or '*' or '_' or '[' or ']' or '|' or '#' or '<' or '>' or '~':
                    escaped.Append('\\').Append(c);
                    break;
                case '\r' or '\n':
                    escaped.Append(' ');
                    break;
                default:
                    escaped.Append(c);
                    break;
            }
        }

        return escaped.ToString();
    }

    /// <summary>Text for inside a code span: backticks and pipes cannot be escaped there, so they are replaced.</summary>
    private static string Code(string text) => text.Replace('`', '\'').Replace("|", "¦", StringComparison.Ordinal).ReplaceLineEndings(" ");

    private static void Line(StringBuilder md, string line) => md.Append(line.TrimEnd()).Append('\n');
}
