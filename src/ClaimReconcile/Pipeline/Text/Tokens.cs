namespace ClaimReconcile.Pipeline.Text;

/// <summary>Splits words into folded tokens: lower case, accents folded (ü → u, ß → ss), punctuation around words dropped.</summary>
internal static class Tokens
{
    private static readonly char[] Edges = [',', ';', ':', '!', '?', '(', ')', '[', ']'];

    public static List<string> Split(string text)
    {
        var tokens = new List<string>();
        foreach (var raw in TextFolding.Fold(text).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var token = raw.Trim(Edges);

            // A dot ends an abbreviation or a sentence after a word; after digits it marks an ordinal ("2.").
            if (token.Any(char.IsLetter))
            {
                token = token.TrimEnd('.');
            }

            if (token.Length > 0)
            {
                tokens.Add(token);
            }
        }

        return tokens;
    }

    /// <summary>Whether the tokens from <paramref name="index"/> start with <paramref name="words"/>.</summary>
    public static bool StartsWith(IReadOnlyList<string> tokens, int index, IReadOnlyList<string> words)
    {
        if (index + words.Count > tokens.Count)
        {
            return false;
        }

        for (var k = 0; k < words.Count; k++)
        {
            if (!string.Equals(tokens[index + k], words[k], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The word without a German adjective ending (-e, -en, -er, -es, -em).</summary>
    public static IEnumerable<string> Stems(string word)
    {
        yield return word;
        foreach (var ending in (string[])["en", "er", "es", "em", "e"])
        {
            if (word.Length > ending.Length + 2 && word.EndsWith(ending, StringComparison.Ordinal))
            {
                yield return word[..^ending.Length];
            }
        }
    }
}
