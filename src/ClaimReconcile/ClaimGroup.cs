using System.Collections.Immutable;
using System.Runtime.InteropServices;
using ClaimReconcile.Pipeline;

namespace ClaimReconcile;

/// <summary>All claims that answer one question — one subject, one property, one scope — and what they say together.</summary>
/// <remarks>
/// Immutable, and safe to read from several threads. The <see cref="Claims"/> are made on first use: a run of a million
/// claims need not make a million assessment objects for a caller who reads only verdicts, or writes the report.
/// </remarks>
public sealed partial class ClaimGroup
{
    /// <summary>The group's claims as prepared, in id order: what each assessment's claim, id and voice come from.</summary>
    private readonly List<PreparedClaim> _prepared;

    /// <summary>Each claim's status, for a conflict; <see langword="null"/> when the verdict gives every claim the same one.</summary>
    private readonly byte[]? _statuses;

    /// <summary>Each claim's probability as the estimator gave it (rounded when shown).</summary>
    private readonly ImmutableArray<double> _probabilities;

    /// <summary>The assessments, once made; the default array until then.</summary>
    private ImmutableArray<ClaimAssessment> _claims;

    internal ClaimGroup(string subject, string? subjectLabel, string property, string? scope, Verdict verdict, int independentSources,
        ClaimValue? consensus, double? confidence, List<PreparedClaim> claims, ReadOnlySpan<ClaimStatus> statuses,
        ImmutableArray<double> probabilities, string explanation)
    {
        Subject = subject;
        SubjectLabel = subjectLabel;
        Property = property;
        Scope = scope;
        Verdict = verdict;
        IndependentSources = independentSources;
        Consensus = consensus;
        Confidence = confidence;
        Explanation = explanation;
        (_prepared, _probabilities) = (claims, probabilities);
        if (verdict == Verdict.Conflict)
        {
            _statuses = new byte[statuses.Length];
            for (var c = 0; c < statuses.Length; c++)
            {
                _statuses[c] = (byte)statuses[c];
            }
        }
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
    /// <remarks>Made on first use and kept: every later call, from any thread, returns the same array.</remarks>
    public ImmutableArray<ClaimAssessment> Claims
    {
        get
        {
            var claims = _claims;
            return claims.IsDefault ? Assess() : claims;
        }
    }

    /// <summary>One sentence a journalist can read.</summary>
    public string Explanation { get; }

    /// <summary>How many claims the group holds, without making their assessments.</summary>
    internal int ClaimCount => _prepared.Count;

    /// <summary>The claim at <paramref name="c"/> (in id order) as <see cref="Claims"/> assesses it, without making the assessment.</summary>
    internal AssessedClaim ClaimAt(int c)
    {
        var claim = _prepared[c];
        return new(claim.Claim, claim.Id, StatusOf(c), Judgement.Shown(_probabilities[c]), claim.Voice);
    }

    private ClaimStatus StatusOf(int c) => _statuses is { } statuses
        ? (ClaimStatus)statuses[c]
        : Verdict == Verdict.Agreement ? ClaimStatus.Supported : ClaimStatus.Uncorroborated;

    /// <summary>Makes the assessments; when two threads race, both return the one array that was kept first.</summary>
    private ImmutableArray<ClaimAssessment> Assess()
    {
        var made = new ClaimAssessment[_prepared.Count];
        for (var c = 0; c < made.Length; c++)
        {
            var (claim, id, status, confidence, voice) = ClaimAt(c);
            made[c] = new ClaimAssessment(claim, id, status, confidence, voice);
        }

        ImmutableInterlocked.InterlockedInitialize(ref _claims, ImmutableCollectionsMarshal.AsImmutableArray(made));
        return _claims;
    }

    /// <inheritdoc />
    public override string ToString() => $"{Subject}.{Property}{(Scope is null ? "" : $" [{Scope}]")}: {Verdict}";
}
