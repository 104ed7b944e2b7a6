namespace ClaimReconcile.Pipeline.Names;

/// <summary>
/// Decides whether two names can name the same person. Surnames match when their skeletons are equal, or when their
/// phonetic keys are equal and the weighted edit distance of the skeletons is at most <see cref="MaxDistance"/>
/// (one vowel more or less, or g for h). Given names must be compatible: a missing given name fits any, an initial
/// fits the names it starts, and two full given names match like surnames, or, one Latin and one Cyrillic, when they
/// share their first letter and consonants.
/// </summary>
/// <remarks>The thresholds and the evaluation behind them are in <c>docs/entity-resolution.md</c>. Pure and thread-safe.</remarks>
internal static class NameMatcher
{
    /// <summary>The largest <see cref="SkeletonDistance"/> between two skeletons with equal phonetic keys that still match.</summary>
    public const double MaxDistance = SkeletonDistance.Cheap;

    /// <summary>Skeletons this short or shorter must be equal: similarity says little about three letters.</summary>
    public const int ShortSkeleton = 3;

    /// <summary>Whether the two names can name the same person.</summary>
    public static bool Same(PersonName a, PersonName b) => SameSurname(a, b) && CompatibleGiven(a, b);

    /// <summary>Whether the two surnames are spellings of one name.</summary>
    public static bool SameSurname(PersonName a, PersonName b) =>
        Similar(a.Surname, a.SurnameKey, b.Surname, b.SurnameKey);

    /// <summary>Whether the given names allow the two names to be one person.</summary>
    public static bool CompatibleGiven(PersonName a, PersonName b)
    {
        if (a.Given is null || b.Given is null)
        {
            return true;
        }

        if (a.Detail == NameDetail.Initial || b.Detail == NameDetail.Initial)
        {
            var (initial, other) = a.Detail == NameDetail.Initial ? (a.Given, b.Given) : (b.Given, a.Given);
            return other.StartsWith(initial, StringComparison.Ordinal) || initial.StartsWith(other, StringComparison.Ordinal);
        }

        return Similar(a.Given, a.GivenKey!, b.Given, b.GivenKey!)
            || (a.FromCyrillic != b.FromCyrillic && SameConsonants(a.Given, b.Given));
    }

    /// <summary>
    /// Across scripts, English given names lose their vowels' spelling (Steve is Стів, Dan is Ден), so a Latin and a
    /// Cyrillic given name also fit when they start with the same letter and have the same consonants, at least two.
    /// </summary>
    private static bool SameConsonants(string a, string b)
    {
        if (a[0] != b[0])
        {
            return false;
        }

        var left = Consonants(a);
        return left.Length >= 2 && string.Equals(left, Consonants(b), StringComparison.Ordinal);
    }

    private static string Consonants(string skeleton) => string.Concat(skeleton.Where(c => c is not ('a' or 'e' or 'i' or 'o' or 'u')));

    private static bool Similar(string a, string aKey, string b, string bKey)
    {
        if (string.Equals(a, b, StringComparison.Ordinal))
        {
            return true;
        }

        // Every edit costs at least 0.5, so skeletons two or more letters apart in length never match.
        return a.Length > ShortSkeleton && b.Length > ShortSkeleton && Math.Abs(a.Length - b.Length) * SkeletonDistance.Cheap <= MaxDistance
            && string.Equals(aKey, bKey, StringComparison.Ordinal)
            && SkeletonDistance.Between(a, b) <= MaxDistance;
    }
}
