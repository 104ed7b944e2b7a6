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

    /// <summary>Whether the claim has words to read: a worded value or a <c>when</c> scope in words.</summary>
    public static bool HasWords(Claim claim) => claim.Value is WordedValue || claim.Scope?.WhenText is not null;

    public static Claim? Resolve(Claim claim, Source source, string path, string id, List<ReconciliationIssue> issues, TextFormCache? cache = null)
    {
        if (!HasWords(claim))
        {
            return claim;
        }

        cache ??= new TextFormCache();
        var context = new TimeContext(source.PublicationDate, source.TimeZone, source.Language, SpeaksOfFuture(claim.Quote));
        var value = claim.Value;
        var scope = claim.Scope;
        var ok = true;
        if (claim.Value is WordedValue worded)
        {
            var (read, problem) = cache.Read(worded, context);
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
            if (cache.Read(WordedValue.Date(words), context) is ({ } found, _) && found is TemporalValue when)
            {
                scope = ClaimScope.During(when);
            }
            else
            {
                issues.Add(new(IssueCodes.UnreadableText, $"{path}.scope.when.text", $"Could not read “{words}” as a time: {cache.Read(WordedValue.Date(words), context).Problem}.", id));
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
                Input = claim.Input ?? claim,
            }
            : null;
    }

    /// <summary>Whether the claim's quote speaks of the future (a heuristic: future and modal verbs).</summary>
    internal static bool SpeaksOfFuture(string? quote) => quote is not null && Tokens.Split(quote).Any(t => FutureWords.Contains(t));
}
