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
            }
        }

        var estimationClaims = claims.Select(c => new EstimationClaim(sourceIndex[c.Source.Id], voices[c.Voice], IsCandidate(c), c.Form.Spread)).ToImmutableArray();
        return new EstimationGroup(estimationClaims, voices.Count, support);
    }

    private static bool IsCandidate(PreparedClaim claim) => !claim.Claim.Negated || claim.Claim.Value is BooleanValue;

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
