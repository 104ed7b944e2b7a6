using System.Collections.Immutable;

namespace ClaimReconcile;

/// <summary>
/// The outcome of a reconciliation: a verdict for every group of claims, the reliability of every source,
/// and every input problem. Write it as JSON with <see cref="Serialization.ReportJson"/> or as text with
/// <see cref="Rendering.TextReport"/>.
/// </summary>
/// <remarks>Immutable and thread-safe. Groups are ordered by subject, property and scope; sources by id.</remarks>
public sealed partial class ReconciliationReport
{
    internal ReconciliationReport(ReportSummary summary, ImmutableArray<ClaimGroup> groups, ImmutableArray<SourceAssessment> sources,
        ImmutableArray<ReconciliationIssue> issues, string estimator)
    {
        Summary = summary;
        Groups = groups;
        Sources = sources;
        Issues = issues;
        Estimator = estimator;
    }

    /// <summary>The counts.</summary>
    public ReportSummary Summary { get; }

    /// <summary>The groups, one per question.</summary>
    public ImmutableArray<ClaimGroup> Groups { get; }

    /// <summary>The sources with their estimated reliability.</summary>
    public ImmutableArray<SourceAssessment> Sources { get; }

    /// <summary>Every problem found in the input.</summary>
    public ImmutableArray<ReconciliationIssue> Issues { get; }

    /// <summary>The name of the estimator that chose the consensus values (<c>majority-vote</c>).</summary>
    public string Estimator { get; }

    /// <summary>The group for a subject and property (and scope, when several exist), or <see langword="null"/>.</summary>
    public ClaimGroup? FindGroup(string subject, string property, string? scope = null) =>
        Groups.FirstOrDefault(g => string.Equals(g.Subject, subject, StringComparison.OrdinalIgnoreCase)
            && string.Equals(g.Property, property, StringComparison.OrdinalIgnoreCase)
            && (scope is null || g.Scope == scope));

    /// <inheritdoc />
    public override string ToString() =>
        $"{Rendering.ReportWords.Count(Summary.Groups, "group")} ({Rendering.ReportWords.Count(Summary.Agreements, "agreement")}, {Rendering.ReportWords.Count(Summary.Conflicts, "conflict")}, {Summary.SingleSource} single-source) from {Rendering.ReportWords.Count(Summary.Claims, "claim")}; {Rendering.ReportWords.Count(Summary.Issues, "issue")}";
}
