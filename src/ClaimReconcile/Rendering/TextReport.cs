using System.Globalization;
using System.Text;
using ClaimReconcile.Serialization;

namespace ClaimReconcile.Rendering;

/// <summary>
/// Renders a report as plain text for a terminal: summary, then conflicts first, then agreements and single sources
/// (each claim on one aligned line: status, id, value as stated, confidence, quoted speaker), then the sources with a
/// reliability bar in tenths, then the issues.
/// </summary>
/// <remarks>Stateless and thread-safe; output is culture-invariant with <c>\n</c> line ends.</remarks>
public static class TextReport
{
    /// <summary>The report as text.</summary>
    public static string Render(ReconciliationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return TextOutput.Render((text, output) => WriteReport(text, report, output));
    }

    /// <summary>
    /// Writes the same text as <see cref="Render(ReconciliationReport)"/> to <paramref name="output"/>, a part at a time,
    /// so that the text of a large report is never held as one string.
    /// </summary>
    /// <param name="report">The report.</param>
    /// <param name="output">Where the text goes; it is not flushed or closed.</param>
    public static void Write(ReconciliationReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        TextOutput.Write(output, (text, drainTo) => WriteReport(text, report, drainTo));
    }

    private static void WriteReport(StringBuilder text, ReconciliationReport report, TextWriter? output)
    {
        var s = report.Summary;
        Line(text, $"ClaimReconcile report ({report.Estimator})");
        Line(text, $"{ReportWords.Count(s.Claims, "claim")}: {s.GroupedClaims} in {ReportWords.Count(s.Groups, "group")}, {s.RejectedClaims} left out with an issue.");
        Line(text, $"{ReportWords.Count(s.Conflicts, "conflict")}, {ReportWords.Count(s.Agreements, "agreement")}, {s.SingleSource} single-source; {ReportWords.Count(s.Issues, "issue")}.");

        foreach (var (verdict, title) in new[] { (Verdict.Conflict, "CONFLICTS"), (Verdict.Agreement, "AGREEMENTS"), (Verdict.SingleSource, "SINGLE SOURCE") })
        {
            var groups = report.Groups.Where(g => g.Verdict == verdict).ToList();
            if (groups.Count == 0)
            {
                continue;
            }

            Line(text, "");
            Line(text, $"{title} ({groups.Count})");
            foreach (var group in groups)
            {
                WriteGroup(text, group);
                TextOutput.Drain(text, output);
            }
        }

        Line(text, "");
        Line(text, "SOURCES");
        var width = report.Sources.Select(x => x.Id.Length).DefaultIfEmpty(2).Max();
        var claimsWidth = report.Sources.Select(x => x.Claims.ToString(CultureInfo.InvariantCulture).Length).DefaultIfEmpty(1).Max();
        foreach (var source in report.Sources)
        {
            var bar = new string('#', (int)Math.Round(source.Reliability * 10)).PadRight(10, '.');
            var depends = source.DependsOn.IsEmpty ? "" : $" (derived from {string.Join(", ", source.DependsOn)})";
            var claims = source.Claims.ToString(CultureInfo.InvariantCulture).PadLeft(claimsWidth) + (source.Claims == 1 ? " claim " : " claims");
            var name = source.Name is null ? "" : $"  {source.Name}";
            Line(text, $"  {source.Id.PadRight(width)}  {bar} {source.Reliability.ToString("0.00", CultureInfo.InvariantCulture)}  {claims}{name}{depends}");
            foreach (var dependence in source.DetectedDependence)
            {
                Line(text, $"  {"".PadRight(width)}  judged dependent on {dependence.Source} ({dependence.Probability.ToString("0.00", CultureInfo.InvariantCulture)}): {dependence.Reason}");
            }
        }

        if (!report.Issues.IsEmpty)
        {
            Line(text, "");
            Line(text, $"ISSUES ({report.Issues.Length})");
            foreach (var issue in report.Issues)
            {
                Line(text, $"  {issue}");
                TextOutput.Drain(text, output);
            }
        }
    }

    private static void WriteGroup(StringBuilder text, ClaimGroup group)
    {
        var subject = group.SubjectLabel is null ? group.Subject : $"{group.SubjectLabel} [{group.Subject}]";
        var scope = group.Scope is null ? "" : $"  ({group.Scope})";
        var consensus = group.Consensus is null ? "no consensus" : $"consensus {group.Consensus}";
        var confidence = group.Confidence is { } c ? $", confidence {c.ToString("0.00", CultureInfo.InvariantCulture)}" : "";
        Line(text, $"- {subject} / {group.Property}{scope}");
        Line(text, $"    {consensus}{confidence}; {group.IndependentSources} independent source{(group.IndependentSources == 1 ? "" : "s")}");
        var idWidth = group.Claims.Max(x => x.Id.Length);
        var valueWidth = group.Claims.Max(x => x.Claim.Value.ToString().Length + (x.Claim.Negated ? 4 : 0));
        foreach (var claim in group.Claims)
        {
            var value = (claim.Claim.Negated ? "not " : "") + claim.Claim.Value;
            var speaker = claim.Claim.Speaker is null ? "" : $"  (quoting {claim.Claim.Speaker})";
            var probability = claim.Confidence.ToString("0.00", CultureInfo.InvariantCulture);
            var statedAs = claim.Claim.Subject == group.Subject ? "" : $"  (as \"{claim.Claim.Subject}\")";
            Line(text, $"    {ReportJson.StatusName(claim.Status),-14} {claim.Id.PadRight(idWidth)}  {value.PadRight(valueWidth)}  {probability}{statedAs}{speaker}");
        }

        Line(text, $"    {group.Explanation}");
    }


    private static void Line(StringBuilder text, string line) => text.Append(line.TrimEnd()).Append('\n');
}
