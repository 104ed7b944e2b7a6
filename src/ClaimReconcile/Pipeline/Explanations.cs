using ClaimReconcile.Estimation;
using NodaTime;

namespace ClaimReconcile.Pipeline;

/// <summary>One sentence per group that a journalist can read: who agrees, who contradicts, by how much, and who counts once.</summary>
internal static class Explanations
{
    public static string Explain(Verdict verdict, List<PreparedClaim> claims, EstimationGroup group, GroupEstimate estimate,
        ClaimStatus[] statuses, EntityResolver resolver, Dictionary<string, Source> sources)
    {
        string Who(PreparedClaim c) => c.SpeakerKey is { } speaker
            ? $"{Name(c.Source)} (quoting {resolver.Label(speaker) ?? c.Claim.Speaker})"
            : Name(c.Source);
        string Says(PreparedClaim c) => $"{Who(c)} says{(c.Claim.Negated ? " not" : "")} {Value(c.Claim.Value, resolver)}";

        var dependence = Dependence(claims, resolver);
        switch (verdict)
        {
            case Verdict.SingleSource:
                if (claims.Count == 1)
                {
                    return $"Only {Says(claims[0])}; no independent source confirms or contradicts it.";
                }

                return $"Only one independent voice speaks here: {JoinAnd(claims.Select(Says).Distinct())}{(dependence.Length > 0 ? $" ({dependence})" : "")}.";

            case Verdict.Agreement:
                var value = Value(claims[estimate.Winner!.Value].Claim.Value, resolver);
                return $"{group.Voices} independent sources agree on {value} ({JoinAnd(claims.Select(Who).Distinct())}){(dependence.Length > 0 ? $"; {dependence}" : "")}.";

            default:
                if (estimate.Winner is { } winner)
                {
                    var supporters = Enumerable.Range(0, claims.Count).Where(c => statuses[c] == ClaimStatus.Supported).Select(c => group.Claims[c].Voice).Distinct().Count();
                    var against = Enumerable.Range(0, claims.Count).Where(c => statuses[c] == ClaimStatus.Contradicted)
                        .Select(c => Says(claims[c]) + Gap(claims[winner].Form, claims[c].Form)).ToList();
                    // Without most voices behind it, a value wins only on the reliability its sources have shown elsewhere.
                    var why = supporters * 2 <= group.Voices ? "; its sources have proven more reliable on other questions" : "";
                    return $"{supporters} of {group.Voices} independent sources support {Value(claims[winner].Claim.Value, resolver)}, but {JoinAnd(against)}{why}{(dependence.Length > 0 ? $"; {dependence}" : "")}.";
                }

                return $"{group.Voices} independent sources disagree and none outweighs the others: {JoinAnd(claims.Select(Says))}.";
        }
    }

    public static string Value(ClaimValue value, EntityResolver resolver) => value switch
    {
        EntityValue e => resolver.TryResolve(e.Mention) is { } id ? resolver.Label(id) ?? e.Mention : e.Mention,
        _ => value.ToString(),
    };

    private static string Name(Source source) => source.Name ?? source.Id;

    private static string Dependence(List<PreparedClaim> claims, EntityResolver resolver)
    {
        var notes = new List<string>();
        foreach (var family in claims.Where(c => c.SpeakerKey is null).GroupBy(c => c.Voice).Where(g => g.Select(c => c.Source.Id).Distinct().Count() > 1))
        {
            var members = family.Select(c => Name(c.Source)).Distinct().ToList();
            var upstream = family.SelectMany(c => c.Source.DerivedFrom).GroupBy(u => u).Where(u => u.Count() > 1).Select(u => u.Key).Order(StringComparer.Ordinal).ToList();
            var via = upstream.Count > 0 ? $"share {JoinAnd(upstream)}" : "share an upstream";
            notes.Add($"{JoinAnd(members)} {via} and count once");
        }

        foreach (var speaker in claims.Where(c => c.SpeakerKey is not null).GroupBy(c => c.SpeakerKey!).Where(g => g.Count() > 1))
        {
            notes.Add($"{speaker.Count()} reports quoting {resolver.Label(speaker.Key) ?? speaker.First().Claim.Speaker} count once");
        }

        return string.Join("; ", notes);
    }

    private static string Gap(Form consensus, Form other)
    {
        if (consensus is not IntervalForm a || other is not IntervalForm b || a.Dimension != b.Dimension)
        {
            return "";
        }

        var gap = Math.Max(b.Low - a.High, a.Low - b.High);
        if (!(gap > 0) || double.IsInfinity(gap))
        {
            return "";
        }

        var later = b.Low >= a.High;

        // On the birth axis a later birth is a lower age.
        var direction = a.Dimension == ValueNormalizer.BirthDimension ? (later ? "below" : "above") : (later ? "above" : "below");
        var amount = a.Dimension switch
        {
            // Beyond NodaTime's durations (some 45,000 years), only "hours" numbers get: say it in years.
            Units.Time or ValueNormalizer.InstantDimension => gap < 1e12
                ? DurationValue.Describe(Duration.FromSeconds(Math.Round(gap)))
                : $"{NumberValue.Format(Math.Round(gap / Units.SecondsPerYear))} years",
            // Ages stated on different days can miss each other by days only; "0 years" would read as no gap at all.
            ValueNormalizer.BirthDimension => gap >= Units.SecondsPerYear / 10
                ? $"{NumberValue.Format(Math.Round(gap / Units.SecondsPerYear, 1))} years"
                : DaysApart(gap),
            _ => NumberValue.Format(Math.Round(gap, 6)),
        };
        return $", {amount} {direction} it";
    }

    private static string DaysApart(double seconds)
    {
        var days = Math.Max(1, Math.Round(seconds / 86_400));
        return days == 1 ? "1 day" : $"{NumberValue.Format(days)} days";
    }

    private static string JoinAnd(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count switch
        {
            0 => "",
            1 => list[0],
            _ => string.Join(", ", list.Take(list.Count - 1)) + " and " + list[^1],
        };
    }
}
