using System.Collections.Immutable;

namespace ClaimReconcile;

/// <summary>All claims that answer one question — one subject, one property, one scope — and what they say together.</summary>
/// <remarks>Immutable.</remarks>
public sealed partial class ClaimGroup
{
    internal ClaimGroup(string subject, string? subjectLabel, string property, string? scope, Verdict verdict, int independentSources,
        ClaimValue? consensus, double? confidence, ImmutableArray<ClaimAssessment> claims, string explanation)
    {
        Subject = subject;
        SubjectLabel = subjectLabel;
        Property = property;
        Scope = scope;
        Verdict = verdict;
        IndependentSources = independentSources;
        Consensus = consensus;
        Confidence = confidence;
        Claims = claims;
        Explanation = explanation;
    }

    /// <summary>The subject: an entity or event id, or the normalized mention.</summary>
    public string Subject { get; }

    /// <summary>The subject's display name, when it is a declared entity or event with a label.</summary>
    public string? SubjectLabel { get; }

    /// <summary>The property, lower-cased.</summary>
    public string Property { get; }

    /// <summary>The scope (<c>event:…</c>, <c>when:…</c>, <c>asOf:…</c>), or <see langword="null"/> for timeless claims.</summary>
    public string? Scope { get; }

    /// <summary>What the sources say together.</summary>
    public Verdict Verdict { get; }

    /// <summary>How many independent voices speak: sources sharing an upstream, and claims of one speaker, count once.</summary>
    public int IndependentSources { get; }

    /// <summary>The most likely value, or <see langword="null"/> when voices of equal weight disagree.</summary>
    public ClaimValue? Consensus { get; }

    /// <summary>The probability that <see cref="Consensus"/> is right, 0–1.</summary>
    public double? Confidence { get; }

    /// <summary>The claims, ordered by id.</summary>
    public ImmutableArray<ClaimAssessment> Claims { get; }

    /// <summary>One sentence a journalist can read.</summary>
    public string Explanation { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Subject}.{Property}{(Scope is null ? "" : $" [{Scope}]")}: {Verdict}";
}
