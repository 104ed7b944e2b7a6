namespace ClaimReconcile.Pipeline.Text;

/// <summary>
/// The normalize step for words: replaces a claim's <see cref="WordedValue"/> and <see cref="ClaimScope.WhenText"/>
/// with the values they stand for, read against the claim's source. Words that cannot be read are reported as
/// <c>unreadable-text</c> with their path, and the claim is left out.
/// </summary>
internal static class TextForms
{
    /// <summary>Words in a quote that put the claim in the future: "soll … reisen", "will meet", "is expected to".</summary>
    private static readonly string[] FutureWords =
    [
        "soll", "sollen", "wird", "werden", "werde", "will", "wollen", "plant", "planen", "geplant", "kunftig", "bevorstehenden",
        "shall", "plans", "planned", "scheduled", "upcoming", "expected", "going",
    ];

    public static Claim? Resolve(Claim claim, Source source, string path, string id, List<ReconciliationIssue> issues)
    {
        if (claim.Value is not WordedValue && claim.Scope?.WhenText is null)
        {
            return claim;
        }

        var context = new TimeContext(source.PublicationDate, source.TimeZone, source.Language, SpeaksOfFuture(claim.Quote));
        var value = claim.Value;
        var scope = claim.Scope;
        var ok = true;
        if (claim.Value is WordedValue worded)
        {
            string? problem;
            ClaimValue? read = worded.Kind switch
            {
                QuantityText.NumberKind => QuantityText.ReadNumber(worded.Words, worded.Unit, source.Language, worded.Hedge, out problem),
                QuantityText.DurationKind => QuantityText.ReadDuration(worded.Words, source.Language, worded.Hedge, out problem),
                _ => TimeText.Read(worded.Words, context, worded.Hedge, out problem),
            };
            if (read is null)
            {
                issues.Add(new(IssueCodes.UnreadableText, $"{path}.value.{worded.Kind}.text", $"Could not read “{worded.Words}” as a {worded.Kind}: {problem}.", id));
                ok = false;
            }
            else
            {
                value = read;
            }
        }

        if (claim.Scope?.WhenText is { } words)
        {
            if (TimeText.Read(words, context, Hedge.Exact, out var problem) is { } when)
            {
                scope = ClaimScope.During(when);
            }
            else
            {
                issues.Add(new(IssueCodes.UnreadableText, $"{path}.scope.when.text", $"Could not read “{words}” as a time: {problem}.", id));
                ok = false;
            }
        }

        return ok
            ? new Claim(claim.Source, claim.Subject, claim.Property, value)
            {
                Id = claim.Id,
                Scope = scope,
                Speaker = claim.Speaker,
                Quote = claim.Quote,
                Negated = claim.Negated,
                Location = claim.Location,
            }
            : null;
    }

    /// <summary>Whether the claim's quote speaks of the future (a heuristic: future and modal verbs).</summary>
    internal static bool SpeaksOfFuture(string? quote) => quote is not null && Tokens.Split(quote).Any(t => FutureWords.Contains(t));
}
