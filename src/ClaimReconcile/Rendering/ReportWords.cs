using System.Globalization;
using ClaimReconcile.Serialization;

namespace ClaimReconcile.Rendering;

/// <summary>The words and numbers every renderer shares, so that text, Markdown and HTML say the same thing.</summary>
internal static class ReportWords
{
    /// <summary>Conflicts first, then agreements, then single sources: the order a reader needs them in.</summary>
    public static IReadOnlyList<(Verdict Verdict, string Title)> Sections { get; } =
        [(Verdict.Conflict, "Conflicts"), (Verdict.Agreement, "Agreements"), (Verdict.SingleSource, "Single source")];

    public static string Probability(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    public static string Percent(double value) => Math.Round(Math.Clamp(value, 0, 1) * 100).ToString("0", CultureInfo.InvariantCulture);

    public static string Count(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count.ToString(CultureInfo.InvariantCulture)} {noun}s";

    public static string Subject(ClaimGroup group) => group.SubjectLabel ?? group.Subject;

    public static string Title(ClaimGroup group) => $"{Subject(group)} — {group.Property}";

    public static string Value(Claim claim) => (claim.Negated ? "not " : "") + claim.Value;

    public static string StatusName(ClaimStatus status) => ReportJson.StatusName(status);

    public static string VerdictName(Verdict verdict) => ReportJson.VerdictName(verdict);

    public static string Summary(ReportSummary s) =>
        $"{Count(s.Claims, "claim")}: {s.GroupedClaims.ToString(CultureInfo.InvariantCulture)} in {Count(s.Groups, "group")}, " +
        $"{s.RejectedClaims.ToString(CultureInfo.InvariantCulture)} left out with an issue. " +
        $"{Count(s.Conflicts, "conflict")}, {Count(s.Agreements, "agreement")}, {s.SingleSource.ToString(CultureInfo.InvariantCulture)} single-source; {Count(s.Issues, "issue")}.";

    public static string Consensus(ClaimGroup group)
    {
        var consensus = group.Consensus is null ? "No consensus" : $"Consensus {group.Consensus}";
        var confidence = group.Confidence is { } c ? $", confidence {Probability(c)}" : "";
        return $"{consensus}{confidence}; {Count(group.IndependentSources, "independent source")}";
    }

    /// <summary>The display names of the report's sources by id (sources without a name are left out).</summary>
    public static Dictionary<string, string> SourceNames(ReconciliationReport? report) =>
        report is null ? [] : report.Sources.Where(s => s.Name is not null).ToDictionary(s => s.Id, s => s.Name!, StringComparer.Ordinal);

    /// <summary>The display name of a source id, or the id itself.</summary>
    public static string SourceName(Dictionary<string, string> names, string id) => names.GetValueOrDefault(id, id);

    /// <summary>Groups in the reading order: by section, then in the report's own order.</summary>
    public static IEnumerable<(string Title, List<ClaimGroup> Groups)> GroupsBySection(ReconciliationReport report) =>
        Sections.Select(s => (s.Title, report.Groups.Where(g => g.Verdict == s.Verdict).ToList())).Where(s => s.Item2.Count > 0);
}
