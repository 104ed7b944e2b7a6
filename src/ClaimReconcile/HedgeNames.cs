namespace ClaimReconcile;

internal static class HedgeNames
{
    public static string ToName(Hedge hedge) => hedge switch
    {
        Hedge.Exact => "exact",
        Hedge.About => "about",
        Hedge.Almost => "almost",
        Hedge.MoreThan => "more-than",
        Hedge.AtLeast => "at-least",
        Hedge.AtMost => "at-most",
        Hedge.LessThan => "less-than",
        Hedge.Several => "several",
        _ => throw new ArgumentOutOfRangeException(nameof(hedge), hedge, null),
    };

    public static bool TryParse(string text, out Hedge hedge)
    {
        foreach (var candidate in Enum.GetValues<Hedge>())
        {
            if (string.Equals(ToName(candidate), text, StringComparison.OrdinalIgnoreCase))
            {
                hedge = candidate;
                return true;
            }
        }

        // "up-to" is the contract's second name for at-most.
        hedge = Hedge.AtMost;
        return string.Equals(text, "up-to", StringComparison.OrdinalIgnoreCase);
    }
}
