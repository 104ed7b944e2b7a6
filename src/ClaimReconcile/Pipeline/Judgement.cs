using System.Runtime.InteropServices;
using ClaimReconcile.Estimation;

namespace ClaimReconcile.Pipeline;

/// <summary>The compare and judge stages: pairwise support within a group, then verdicts, statuses and the explanation.</summary>
internal static class Judgement
{
    /// <summary>Up to this many claims, a group's scratch space lives on the stack and its patterns are found by a linear search.</summary>
    private const int SmallGroup = 16;

    /// <summary>Compares the claims of one group; <paramref name="warning"/> names the first pair whose values cannot be compared.</summary>
    /// <remarks>
    /// Runs once per group, a hundred thousand times for a million claims: it allocates only the arrays the
    /// <see cref="EstimationGroup"/> keeps (plus, for large groups, a lookup and scratch arrays).
    /// </remarks>
    public static EstimationGroup BuildGroup(List<PreparedClaim> claims, Dictionary<string, int> sourceIndex, out ReconciliationIssue? warning)
    {
        var n = claims.Count;

        // Claims with the same form and the same negation relate to every other claim alike: compare each pattern once.
        var pattern = new int[n];
        var representatives = n <= SmallGroup ? stackalloc int[n] : new int[n];
        var patterns = FindPatterns(claims, pattern, representatives);

        var support = new double[patterns * patterns];
        float[]? closeness = null;
        bool[]? incomparable = null;
        for (var i = 0; i < patterns; i++)
        {
            var a = claims[representatives[i]];
            support[(i * patterns) + i] = Support(Relation.Agree, a);

            // Every relation is symmetric (overlap, gap, shared members), so each pair of patterns is compared once for both directions.
            for (var j = i + 1; j < patterns; j++)
            {
                var b = claims[representatives[j]];
                var relation = Relation.Compare(a.Form, b.Form);
                support[(i * patterns) + j] = Support(relation, b);
                support[(j * patterns) + i] = Support(relation, a);
                if (relation.Kind == RelationKind.Incomparable)
                {
                    incomparable ??= new bool[patterns * patterns];
                    incomparable[(i * patterns) + j] = incomparable[(j * patterns) + i] = true;
                }
                else if (relation.Kind == RelationKind.Conflict && a.Form is IntervalForm x && b.Form is IntervalForm y
                    && (!a.Claim.Negated || !b.Claim.Negated) && Closeness(x, y, relation.Gap) is > 0 and var close)
                {
                    // A negated claim is never close to anything: it only speaks against values.
                    closeness ??= new float[patterns * patterns];
                    closeness[(i * patterns) + j] = b.Claim.Negated ? 0 : (float)close;
                    closeness[(j * patterns) + i] = a.Claim.Negated ? 0 : (float)close;
                }
            }
        }

        warning = incomparable is null ? null : Incomparable(claims, pattern, patterns, incomparable);

        var voices = n <= SmallGroup ? stackalloc int[n] : new int[n];
        var voiceCount = NumberVoices(claims, voices);
        var estimationClaims = new EstimationClaim[n];
        for (var c = 0; c < n; c++)
        {
            var claim = claims[c];
            estimationClaims[c] = new EstimationClaim(sourceIndex[claim.Source.Id], voices[c], IsCandidate(claim), claim.Form.Spread);
        }

        // The array is handed over, not copied: nothing else holds it.
        return new EstimationGroup(ImmutableCollectionsMarshal.AsImmutableArray(estimationClaims), voiceCount, pattern, patterns, support, closeness);
    }

    /// <summary>
    /// Gives each claim the number of its pattern (its form and whether its support is inverted), numbered in order of
    /// first appearance, and writes the first claim of each pattern to <paramref name="representatives"/>; returns how many patterns there are.
    /// </summary>
    private static int FindPatterns(List<PreparedClaim> claims, int[] pattern, Span<int> representatives)
    {
        var lookup = claims.Count > SmallGroup ? new Dictionary<(Form, bool), int>() : null;
        var inverted = claims.Count <= SmallGroup ? stackalloc bool[claims.Count] : new bool[claims.Count];
        var patterns = 0;
        for (var c = 0; c < claims.Count; c++)
        {
            var (form, inverts) = (claims[c].Form, Inverts(claims[c]));
            var found = -1;
            if (lookup is not null)
            {
                found = lookup.TryGetValue((form, inverts), out var known) ? known : -1;
            }
            else
            {
                for (var r = 0; r < patterns && found < 0; r++)
                {
                    found = inverted[r] == inverts && SameForm(claims[representatives[r]].Form, form) ? r : -1;
                }
            }

            if (found < 0)
            {
                found = patterns++;
                (representatives[found], inverted[found]) = (c, inverts);
                lookup?.Add((form, inverts), found);
            }

            pattern[c] = found;
        }

        return patterns;
    }

    /// <summary>
    /// Whether two forms are equal (<see cref="Form.Equals(Form)"/>), calling the sealed interval form's equality directly:
    /// intervals are most of the forms compared, and record equality through the base type costs several virtual calls.
    /// </summary>
    private static bool SameForm(Form a, Form b) => ReferenceEquals(a, b) || (a is IntervalForm x && b is IntervalForm y ? x.Equals(y) : a.Equals(b));

    /// <summary>
    /// Numbers each claim's voice by the ordinal order of the voices' keys (equal keys, equal numbers); returns how many
    /// voices speak.
    /// </summary>
    private static int NumberVoices(List<PreparedClaim> claims, Span<int> voices)
    {
        // Claims come ordered by id, and ids usually begin with the source, so the voices mostly come in order already:
        // then one pass numbers them, and only otherwise are they sorted.
        if (claims.Count == 0)
        {
            return 0;
        }

        voices[0] = 0;
        var count = 1;
        for (var c = 1; c < claims.Count; c++)
        {
            var order = string.CompareOrdinal(claims[c].Voice, claims[c - 1].Voice);
            if (order < 0)
            {
                return NumberUnorderedVoices(claims, voices);
            }

            voices[c] = order == 0 ? voices[c - 1] : count++;
        }

        return count;
    }

    private static int NumberUnorderedVoices(List<PreparedClaim> claims, Span<int> voices)
    {
        var keys = new string[claims.Count];
        var order = new int[claims.Count];
        for (var c = 0; c < claims.Count; c++)
        {
            (keys[c], order[c]) = (claims[c].Voice, c);
        }

        Array.Sort(keys, order, StringComparer.Ordinal);
        var voice = 0;
        for (var k = 0; k < keys.Length; k++)
        {
            voice += k > 0 && !string.Equals(keys[k], keys[k - 1], StringComparison.Ordinal) ? 1 : 0;
            voices[order[k]] = voice;
        }

        return voice + 1;
    }

    /// <summary>The warning naming the first pair of claims (in claim order) whose values cannot be compared: one per group.</summary>
    private static ReconciliationIssue? Incomparable(List<PreparedClaim> claims, int[] pattern, int patterns, bool[] incomparable)
    {
        for (var i = 0; i < claims.Count; i++)
        {
            for (var j = 0; j < claims.Count; j++)
            {
                if (i != j && incomparable[(pattern[i] * patterns) + pattern[j]])
                {
                    return new(IssueCodes.IncomparableValues, claims[j].Claim.Location ?? claims[j].Id,
                        $"{claims[i].Id} says {claims[i].Claim.Value} and {claims[j].Id} says {claims[j].Claim.Value} about {claims[i].SubjectKey}.{claims[i].PropertyKey}: values of different kinds or units cannot be compared, so they count as disagreeing.",
                        claims[j].Id, IssueSeverity.Warning);
                }
            }
        }

        return null;
    }

    /// <summary>Whether a claim's support is inverted: a negated claim (other than a boolean) supports what it does not overlap.</summary>
    private static bool Inverts(PreparedClaim claim) => claim.Claim.Negated && claim.Claim.Value is not BooleanValue;

    /// <summary>A probability or reliability as a report shows it: to three decimals.</summary>
    public static double Shown(double value) => Math.Round(value, 3);

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

        // The assessments are made from these probabilities on first use, long after an estimator that gave too few or too
        // many would have returned: its mistake is reported here.
        if (estimate.ClaimProbabilities.IsDefault || estimate.ClaimProbabilities.Length != n)
        {
            throw new InvalidOperationException(
                $"The estimator gave {(estimate.ClaimProbabilities.IsDefault ? 0 : estimate.ClaimProbabilities.Length)} claim probabilities for the group {subject}.{property} of {n} claims; it must give one per claim, in the group's order.");
        }

        // Statuses are worked out on the stack unless the group is very large; the group keeps them only for a conflict.
        var statuses = n <= 256 ? stackalloc ClaimStatus[n] : new ClaimStatus[n];
        Verdict verdict;
        if (group.Voices < 2)
        {
            verdict = Verdict.SingleSource;
        }
        else if (estimate.Winner is { } winner)
        {
            var all = true;
            for (var c = 0; c < n; c++)
            {
                statuses[c] = group.Support(winner, c) >= 0.5 ? ClaimStatus.Supported : ClaimStatus.Contradicted;
                all &= statuses[c] == ClaimStatus.Supported;
            }

            verdict = all ? Verdict.Agreement : Verdict.Conflict;
        }
        else
        {
            for (var c = 0; c < n; c++)
            {
                statuses[c] = IsContradicted(group, c) ? ClaimStatus.Contradicted : ClaimStatus.Supported;
            }

            verdict = Verdict.Conflict;
        }

        var consensus = estimate.Winner is { } w ? claims[w].Claim.Value : null;
        var explanation = Explanations.Explain(verdict, claims, group, estimate, statuses, resolver, sources);
        return new ClaimGroup(subject, label, property, scope, verdict, group.Voices, consensus,
            consensus is null && verdict != Verdict.SingleSource ? null : Shown(estimate.Confidence), claims, statuses, estimate.ClaimProbabilities, explanation);
    }

    /// <summary>
    /// Without a consensus, a claim is contradicted when another voice's value speaks against it, or its value against
    /// another voice's: one pass over the other claims, so a group costs n² support lookups and no allocation.
    /// </summary>
    private static bool IsContradicted(EstimationGroup group, int c)
    {
        var claim = group.Claims[c];
        for (var d = 0; d < group.Claims.Length; d++)
        {
            var other = group.Claims[d];
            if (other.Voice != claim.Voice
                && ((other.IsCandidate && group.Support(d, c) < 0.5) || (claim.IsCandidate && group.Support(c, d) < 0.5)))
            {
                return true;
            }
        }

        return false;
    }
}
