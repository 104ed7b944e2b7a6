using System.Collections.Immutable;
using ClaimReconcile.Estimation;

namespace ClaimReconcile.Pipeline;

/// <summary>The compare and judge stages: pairwise support within a group, then verdicts, statuses and the explanation.</summary>
internal static class Judgement
{
    public static EstimationGroup BuildGroup(List<PreparedClaim> claims, Dictionary<string, int> sourceIndex, List<ReconciliationIssue> issues)
    {
        var n = claims.Count;
        var voices = claims.Select(c => c.Voice).Distinct().Order(StringComparer.Ordinal).Select((v, i) => (v, i)).ToDictionary(p => p.v, p => p.i, StringComparer.Ordinal);
        var support = new double[n * n];
        float[]? closeness = null;
        var reported = false;
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var relation = i == j ? Relation.Agree : Relation.Compare(claims[i].Form, claims[j].Form);
                if (relation.Kind == RelationKind.Incomparable && !reported)
                {
                    reported = true;
                    issues.Add(new(IssueCodes.IncomparableValues, claims[j].Claim.Location ?? claims[j].Id,
                        $"{claims[i].Id} says {claims[i].Claim.Value} and {claims[j].Id} says {claims[j].Claim.Value} about {claims[i].SubjectKey}.{claims[i].PropertyKey}: values of different kinds or units cannot be compared, so they count as disagreeing.",
                        claims[j].Id, IssueSeverity.Warning));
                }

                support[(i * n) + j] = Support(relation, claims[j]);
                if (relation.Kind == RelationKind.Conflict && !claims[j].Claim.Negated && claims[i].Form is IntervalForm a && claims[j].Form is IntervalForm b
                    && Closeness(a, b, relation.Gap) is > 0 and var close)
                {
                    closeness ??= new float[n * n];
                    closeness[(i * n) + j] = (float)close;
                }
            }
        }

        var estimationClaims = claims.Select(c => new EstimationClaim(sourceIndex[c.Source.Id], voices[c.Voice], IsCandidate(c), c.Form.Spread)).ToImmutableArray();
        return new EstimationGroup(estimationClaims, voices.Count, support, closeness);
    }

    private static bool IsCandidate(PreparedClaim claim) => !claim.Claim.Negated || claim.Claim.Value is BooleanValue;

    /// <summary>The closeness of two values that touch without agreeing: below ½, so closeness never reads as support.</summary>
    public const double MaxCloseSupport = 0.45;

    /// <summary>How close two points in time must be to support each other noticeably: the scale of the decay (5 minutes).</summary>
    public const double TimeScaleSeconds = 300;

    /// <summary>The same for magnitudes, relative to the larger of the two values (5 %).</summary>
    public const double RelativeScale = 0.05;

    private static double Support(Relation relation, PreparedClaim claim)
    {
        var degree = relation.Kind switch
        {
            RelationKind.Agree => 1,
            RelationKind.Partial => relation.Degree,
            _ => 0,
        };

        // A negated claim ("it was not five hours") supports exactly the values it does not overlap.
        return claim.Claim.Negated && claim.Claim.Value is not BooleanValue && relation.Kind != RelationKind.Incomparable ? 1 - degree : degree;
    }

    /// <summary>
    /// Closeness of disjoint intervals, decaying with the square of their gap: a claim of 4:55 p.m. supports 5:00 p.m.
    /// with 0.45 · e^(−300 s / 300 s) ≈ 0.17. Points in time (and births) decay over <see cref="TimeScaleSeconds"/>
    /// or the width of the wider value, whichever is larger; magnitudes over <see cref="RelativeScale"/> of the larger value.
    /// </summary>
    private static double Closeness(IntervalForm a, IntervalForm b, double gap)
    {
        if (!double.IsFinite(gap))
        {
            return 0;
        }

        var width = Math.Max(Finite(a.High - a.Low), Finite(b.High - b.Low));
        var scale = a.Dimension is ValueNormalizer.InstantDimension or ValueNormalizer.BirthDimension
            ? Math.Max(TimeScaleSeconds, width)
            : RelativeScale * Math.Max(Magnitude(a), Magnitude(b));
        return scale > 0 ? MaxCloseSupport * Math.Exp(-(gap / scale) * (gap / scale)) : 0;
    }

    private static double Finite(double x) => double.IsFinite(x) ? x : 0;

    private static double Magnitude(IntervalForm x) => Math.Max(Finite(Math.Abs(x.Low)), Finite(Math.Abs(x.High)));

    public static ClaimGroup Judge(string subject, string? label, string property, string? scope, List<PreparedClaim> claims,
        EstimationGroup group, GroupEstimate estimate, EntityResolver resolver, Dictionary<string, Source> sources)
    {
        var n = claims.Count;
        var statuses = new ClaimStatus[n];
        Verdict verdict;
        if (group.Voices < 2)
        {
            verdict = Verdict.SingleSource;
        }
        else if (estimate.Winner is { } winner)
        {
            for (var c = 0; c < n; c++)
            {
                statuses[c] = group.Support(winner, c) >= 0.5 ? ClaimStatus.Supported : ClaimStatus.Contradicted;
            }

            verdict = statuses.All(s => s == ClaimStatus.Supported) ? Verdict.Agreement : Verdict.Conflict;
        }
        else
        {
            for (var c = 0; c < n; c++)
            {
                var contradicted = Enumerable.Range(0, n).Any(d => group.Claims[d].Voice != group.Claims[c].Voice
                    && ((group.Claims[d].IsCandidate && group.Support(d, c) < 0.5) || (group.Claims[c].IsCandidate && group.Support(c, d) < 0.5)));
                statuses[c] = contradicted ? ClaimStatus.Contradicted : ClaimStatus.Supported;
            }

            verdict = Verdict.Conflict;
        }

        var assessments = claims.Select((c, i) => new ClaimAssessment(c.Claim, c.Id, statuses[i], Math.Round(estimate.ClaimProbabilities[i], 3), c.Voice)).ToImmutableArray();
        var consensus = estimate.Winner is { } w ? claims[w].Claim.Value : null;
        var explanation = Explanations.Explain(verdict, claims, group, estimate, statuses, resolver, sources);
        return new ClaimGroup(subject, label, property, scope, verdict, group.Voices, consensus,
            consensus is null && verdict != Verdict.SingleSource ? null : Math.Round(estimate.Confidence, 3), assessments, explanation);
    }
}
