using System.Buffers;
using System.Text;
using ClaimReconcile.Estimation;
using NodaTime;

namespace ClaimReconcile.Pipeline;

/// <summary>One sentence per group that a journalist can read: who agrees, who contradicts, by how much, and who counts once.</summary>
/// <remarks>
/// Runs once per group, so a million claims mean a hundred thousand sentences: each is written into one
/// <see cref="StringBuilder"/>, claim by claim, without intermediate lists or joined strings, and the builder is
/// reused by the next group on the same thread. Thread-safe: no state is shared between threads.
/// </remarks>
internal static class Explanations
{
    /// <summary>A builder longer than this is not kept for reuse: one huge group should not hold its memory for good.</summary>
    private const int KeptCapacity = 4096;

    /// <summary>Up to this many claims, a repeated text is found by looking back over the texts before it.</summary>
    private const int SmallGroup = 16;

    [ThreadStatic]
    private static StringBuilder? t_text;

    public static string Explain(Verdict verdict, List<PreparedClaim> claims, EstimationGroup group, GroupEstimate estimate,
        ReadOnlySpan<ClaimStatus> statuses, EntityResolver resolver, Dictionary<string, Source> sources)
    {
        // Taken, not borrowed: should anything below ever explain another group, it gets a builder of its own.
        var text = t_text ?? new StringBuilder(256);
        t_text = null;
        Write(text, verdict, claims, group, estimate, statuses, resolver);
        var explanation = text.ToString();
        if (text.Capacity <= KeptCapacity)
        {
            t_text = text.Clear();
        }

        return explanation;
    }

    private static void Write(StringBuilder text, Verdict verdict, List<PreparedClaim> claims, EstimationGroup group, GroupEstimate estimate,
        ReadOnlySpan<ClaimStatus> statuses, EntityResolver resolver)
    {
        switch (verdict)
        {
            case Verdict.SingleSource:
                if (claims.Count == 1)
                {
                    text.Append("Only ");
                    AppendSays(text, claims[0], resolver);
                    text.Append("; no independent source confirms or contradicts it.");
                    break;
                }

                text.Append("Only one independent voice speaks here: ");
                AppendJoinAndDistinct(text, claims, resolver, static (c, resolver) => Says(c, resolver));
                if (CountsOnce(claims, group))
                {
                    text.Append(" (").Append(Dependence(claims, resolver)).Append(')');
                }

                text.Append('.');
                break;

            case Verdict.Agreement:
                text.Append(group.Voices).Append(" independent sources agree on ");
                AppendValue(text, claims[estimate.Winner!.Value].Claim.Value, resolver).Append(" (");
                AppendJoinAndDistinct(text, claims, resolver, static (c, resolver) => Who(c, resolver));
                text.Append(')');
                AppendDependence(text, claims, group, resolver);
                text.Append('.');
                break;

            default:
                if (estimate.Winner is { } winner)
                {
                    var supporters = SupportingVoices(group, statuses);
                    var against = 0;
                    foreach (var status in statuses)
                    {
                        against += status == ClaimStatus.Contradicted ? 1 : 0;
                    }

                    var consensus = claims[winner];
                    text.Append(supporters).Append(" of ").Append(group.Voices).Append(" independent sources support ");
                    AppendValue(text, consensus.Claim.Value, resolver).Append(", but ");
                    for (int c = 0, written = 0; c < claims.Count; c++)
                    {
                        if (statuses[c] == ClaimStatus.Contradicted)
                        {
                            text.Append(Separator(written++, against));
                            AppendSays(text, claims[c], resolver);
                            AppendGap(text, consensus.Form, claims[c].Form);
                        }
                    }

                    // Without most voices behind it, a value wins only on the reliability its sources have shown elsewhere.
                    if (supporters * 2 <= group.Voices)
                    {
                        text.Append("; its sources have proven more reliable on other questions");
                    }

                    AppendDependence(text, claims, group, resolver);
                    text.Append('.');
                    break;
                }

                text.Append(group.Voices).Append(" independent sources disagree and none outweighs the others: ");
                for (var c = 0; c < claims.Count; c++)
                {
                    text.Append(Separator(c, claims.Count));
                    AppendSays(text, claims[c], resolver);
                }

                text.Append('.');
                break;
        }
    }

    public static string Value(ClaimValue value, EntityResolver resolver) => value switch
    {
        EntityValue e => resolver.TryResolve(e.Mention) is { } id ? resolver.Label(id) ?? e.Mention : e.Mention,
        _ => value.ToString(),
    };

    /// <summary>Appends <see cref="Value"/>, writing the value into the text rather than into a string of its own where it can.</summary>
    private static StringBuilder AppendValue(StringBuilder text, ClaimValue value, EntityResolver resolver)
    {
        if (value is EntityValue)
        {
            return text.Append(Value(value, resolver));
        }

        value.AppendTo(text);
        return text;
    }

    private static string Name(Source source) => source.Name ?? source.Id;

    /// <summary>Who speaks: the source, and the speaker it quotes (a new string only for a quote).</summary>
    private static string Who(PreparedClaim claim, EntityResolver resolver) => claim.SpeakerKey is { } speaker
        ? $"{Name(claim.Source)} (quoting {resolver.Label(speaker) ?? claim.Claim.Speaker})"
        : Name(claim.Source);

    private static string Says(PreparedClaim claim, EntityResolver resolver)
    {
        var text = new StringBuilder();
        AppendSays(text, claim, resolver);
        return text.ToString();
    }

    private static void AppendSays(StringBuilder text, PreparedClaim claim, EntityResolver resolver)
    {
        text.Append(Who(claim, resolver)).Append(claim.Claim.Negated ? " says not " : " says ");
        AppendValue(text, claim.Claim.Value, resolver);
    }

    /// <summary>How many voices the supported claims speak with.</summary>
    private static int SupportingVoices(EstimationGroup group, ReadOnlySpan<ClaimStatus> statuses)
    {
        // A group's voices are few: keep the marks on the stack unless there are very many.
        var seen = group.Voices <= 256 ? stackalloc bool[group.Voices] : new bool[group.Voices];
        var count = 0;
        for (var c = 0; c < statuses.Length; c++)
        {
            if (statuses[c] == ClaimStatus.Supported && !seen[group.Claims[c].Voice])
            {
                seen[group.Claims[c].Voice] = true;
                count++;
            }
        }

        return count;
    }

    /// <summary>
    /// Appends each claim's text once, in claim order, as "a, b and c" (two sources can bear one name, so texts are
    /// compared, not sources).
    /// </summary>
    /// <remarks>
    /// Runs for most groups: the texts are gathered in a pooled array, and a small group finds repeats by looking back
    /// rather than with a set, so a group leaves no lists or sets behind.
    /// </remarks>
    private static void AppendJoinAndDistinct(StringBuilder text, List<PreparedClaim> claims, EntityResolver resolver,
        Func<PreparedClaim, EntityResolver, string> describe)
    {
        var items = ArrayPool<string>.Shared.Rent(claims.Count);
        var seen = claims.Count > SmallGroup ? new HashSet<string>(claims.Count, StringComparer.Ordinal) : null;
        var count = 0;
        foreach (var claim in claims)
        {
            var item = describe(claim, resolver);
            if (seen?.Add(item) ?? Array.IndexOf(items, item, 0, count) < 0)
            {
                items[count++] = item;
            }
        }

        for (var i = 0; i < count; i++)
        {
            text.Append(Separator(i, count)).Append(items[i]);
        }

        // Cleared, so the pool holds on to no texts.
        ArrayPool<string>.Shared.Return(items, clearArray: true);
    }

    /// <summary>Appends "; " and the note on who counts once, when there is one.</summary>
    private static void AppendDependence(StringBuilder text, List<PreparedClaim> claims, EstimationGroup group, EntityResolver resolver)
    {
        if (CountsOnce(claims, group))
        {
            text.Append("; ").Append(Dependence(claims, resolver));
        }
    }

    /// <summary>
    /// Whether a note on dependence is due: some voice speaks through two sources (a family sharing an upstream) or one
    /// speaker is quoted twice. Most groups have as many voices as claims and need no look at all.
    /// </summary>
    private static bool CountsOnce(List<PreparedClaim> claims, EstimationGroup group)
    {
        if (group.Voices == claims.Count)
        {
            return false;
        }

        // As in SupportingVoices: a group's voices are few, so the marks live on the stack unless there are very many.
        var firstSource = group.Voices <= 256 ? stackalloc int[group.Voices] : new int[group.Voices];
        firstSource.Fill(-1);
        for (var c = 0; c < claims.Count; c++)
        {
            var (voice, source) = (group.Claims[c].Voice, group.Claims[c].Source);
            if (firstSource[voice] < 0)
            {
                firstSource[voice] = source;
            }
            else if (claims[c].SpeakerKey is not null || firstSource[voice] != source)
            {
                return true;
            }
        }

        return false;
    }

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

    /// <summary>Appends how far a contradicting value lies from the consensus (", 2 h above it"), when both are on one axis and apart.</summary>
    private static void AppendGap(StringBuilder text, Form consensus, Form other)
    {
        if (consensus is not IntervalForm a || other is not IntervalForm b || a.Dimension != b.Dimension)
        {
            return;
        }

        var gap = Math.Max(b.Low - a.High, a.Low - b.High);
        if (!(gap > 0) || double.IsInfinity(gap))
        {
            return;
        }

        var later = b.Low >= a.High;

        // On the birth axis a later birth is a lower age.
        var direction = a.Dimension == ValueNormalizer.BirthDimension ? (later ? "below" : "above") : (later ? "above" : "below");
        text.Append(", ");
        switch (a.Dimension)
        {
            // Beyond NodaTime's durations (some 45,000 years), only "hours" numbers get: say it in years.
            case Units.Time or ValueNormalizer.InstantDimension when gap < 1e12:
                DurationValue.AppendDescription(text, Duration.FromSeconds(Math.Round(gap)));
                break;
            case Units.Time or ValueNormalizer.InstantDimension:
                AppendYears(text, Math.Round(gap / Units.SecondsPerYear));
                break;

            // Ages stated on different days can miss each other by days only; "0 years" would read as no gap at all.
            case ValueNormalizer.BirthDimension when gap >= Units.SecondsPerYear / 10:
                AppendYears(text, Math.Round(gap / Units.SecondsPerYear, 1));
                break;
            case ValueNormalizer.BirthDimension:
                var days = Math.Max(1, Math.Round(gap / 86_400));
                NumberValue.AppendFormatted(text, days);
                text.Append(days == 1 ? " day" : " days");
                break;

            // A plain number (most gaps of a large run).
            default:
                NumberValue.AppendFormatted(text, Math.Round(gap, 6));
                break;
        }

        text.Append(' ').Append(direction).Append(" it");
    }

    /// <summary>Appends "<paramref name="years"/> years"; every amount of a gap is written straight into the text.</summary>
    private static void AppendYears(StringBuilder text, double years)
    {
        NumberValue.AppendFormatted(text, years);
        text.Append(" years");
    }

    /// <summary>What goes before item <paramref name="index"/> of <paramref name="count"/> in "a, b and c".</summary>
    private static string Separator(int index, int count) => index == 0 ? "" : index == count - 1 ? " and " : ", ";

    private static void AppendJoinAnd(StringBuilder text, List<string> items)
    {
        for (var i = 0; i < items.Count; i++)
        {
            text.Append(Separator(i, items.Count)).Append(items[i]);
        }
    }

    private static string JoinAnd(List<string> items)
    {
        var text = new StringBuilder();
        AppendJoinAnd(text, items);
        return text.ToString();
    }
}
