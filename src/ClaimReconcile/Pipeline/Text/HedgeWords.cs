namespace ClaimReconcile.Pipeline.Text;

/// <summary>
/// Hedge words in German and English, mapped to <see cref="Hedge"/>. Only the mapping lives here: how wide each
/// hedge is stays in the <see cref="HedgeTable"/>.
/// </summary>
internal static class HedgeWords
{
    /// <summary>Words before a number, longest first so that "mehr als" wins over a lone word.</summary>
    public static readonly (string[] Words, Hedge Hedge)[] Before = Build(
        (Hedge.About, ["etwa", "rund", "ungefahr", "circa", "ca", "zirka", "gegen", "an die", "um die", "annahernd", "schatzungsweise",
            "about", "around", "roughly", "approximately", "approx", "some", "an estimated"]),
        (Hedge.Almost, ["fast", "beinahe", "knapp", "nahezu", "almost", "nearly", "just under", "close to", "not quite"]),
        (Hedge.MoreThan, ["mehr als", "uber", "etwas mehr als", "etwas uber", "knapp uber", "more than", "over", "upwards of", "in excess of",
            "a little over", "a little more than", "a bit over", "a bit more than", "just over", "slightly over", "slightly more than"]),
        (Hedge.AtLeast, ["mindestens", "wenigstens", "zumindest", "gut", "gute", "guten", "reichlich", "at least", "a good", "no less than", "no fewer than"]),
        (Hedge.AtMost, ["hochstens", "bis zu", "maximal", "at most", "up to", "no more than"]),
        (Hedge.LessThan, ["weniger als", "unter", "less than", "fewer than", "under", "below"]));

    /// <summary>Words after a number: "zwei Stunden oder mehr", "two hours or so".</summary>
    public static readonly (string[] Words, Hedge Hedge)[] After = Build(
        (Hedge.About, ["oder so", "or so"]),
        (Hedge.AtLeast, ["oder mehr", "und mehr", "or more", "and more", "plus"]),
        (Hedge.AtMost, ["oder weniger", "or less", "or fewer"]));

    /// <summary>Reads a hedge at <paramref name="index"/> from <paramref name="table"/>; returns the tokens used.</summary>
    public static int TryRead(IReadOnlyList<string> tokens, int index, (string[] Words, Hedge Hedge)[] table, out Hedge hedge)
    {
        foreach (var (words, candidate) in table)
        {
            if (Tokens.StartsWith(tokens, index, words))
            {
                hedge = candidate;
                return words.Length;
            }
        }

        hedge = Hedge.Exact;
        return 0;
    }

    private static (string[], Hedge)[] Build(params (Hedge Hedge, string[] Phrases)[] groups) =>
        [.. groups.SelectMany(g => g.Phrases.Select(p => (p.Split(' '), g.Hedge))).OrderByDescending(p => p.Item1.Length)];
}
