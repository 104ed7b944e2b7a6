namespace ClaimReconcile.Pipeline.Names;

/// <summary>
/// An edit distance between two skeletons, weighted for transliteration: adding or dropping a vowel between two
/// consonants, or writing <c>g</c> for <c>h</c> (the two readings of Cyrillic г), costs 0.5; any other insertion,
/// deletion or substitution costs 1. "dimitriov" and "dmitriov" are 0.5 apart; "dmitriov" and "dmitrov" (a vowel
/// next to a vowel) and "umerov" and "umarov" (another vowel) are 1 apart.
/// </summary>
internal static class SkeletonDistance
{
    /// <summary>The cost of the cheap edits.</summary>
    public const double Cheap = 0.5;

    public static double Between(string a, string b)
    {
        if (string.Equals(a, b, StringComparison.Ordinal))
        {
            return 0;
        }

        // One row of the dynamic programme at a time; names are short, so the rows live on the stack.
        Span<double> previous = b.Length < 64 ? stackalloc double[b.Length + 1] : new double[b.Length + 1];
        Span<double> current = b.Length < 64 ? stackalloc double[b.Length + 1] : new double[b.Length + 1];
        previous[0] = 0;
        for (var j = 1; j <= b.Length; j++)
        {
            previous[j] = previous[j - 1] + Indel(b, j - 1);
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = previous[0] + Indel(a, i - 1);
            for (var j = 1; j <= b.Length; j++)
            {
                var substitute = previous[j - 1] + Substitution(a[i - 1], b[j - 1]);
                var delete = previous[j] + Indel(a, i - 1);
                var insert = current[j - 1] + Indel(b, j - 1);
                current[j] = Math.Min(substitute, Math.Min(delete, insert));
            }

            var swap = previous;
            previous = current;
            current = swap;
        }

        return previous[b.Length];
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';

    /// <summary>The cost of adding or dropping the letter at <paramref name="index"/> of <paramref name="text"/>.</summary>
    private static double Indel(string text, int index) =>
        IsVowel(text[index]) && (index == 0 || !IsVowel(text[index - 1])) && (index == text.Length - 1 || !IsVowel(text[index + 1])) ? Cheap : 1;

    private static double Substitution(char a, char b) =>
        a == b ? 0 : (a, b) is ('g', 'h') or ('h', 'g') ? Cheap : 1;
}
