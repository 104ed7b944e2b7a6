using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace ClaimReconcile.Pipeline;

/// <summary>
/// Folds text for comparison: case, Latin accents (ä → a, ß → ss, ø → o), dashes, quotes and white space. The
/// accent table is explicit rather than Unicode decomposition, so the result is the same whether or not the host
/// runs with invariant globalization.
/// </summary>
internal static class TextFolding
{
    private static readonly FrozenDictionary<char, string> Latin = new Dictionary<char, string>
    {
        ['À'] = "a",
        ['Á'] = "a",
        ['Â'] = "a",
        ['Ã'] = "a",
        ['Ä'] = "a",
        ['Å'] = "a",
        ['Æ'] = "ae",
        ['Ç'] = "c",
        ['È'] = "e",
        ['É'] = "e",
        ['Ê'] = "e",
        ['Ë'] = "e",
        ['Ì'] = "i",
        ['Í'] = "i",
        ['Î'] = "i",
        ['Ï'] = "i",
        ['Ð'] = "d",
        ['Ñ'] = "n",
        ['Ò'] = "o",
        ['Ó'] = "o",
        ['Ô'] = "o",
        ['Õ'] = "o",
        ['Ö'] = "o",
        ['Ø'] = "o",
        ['Ù'] = "u",
        ['Ú'] = "u",
        ['Û'] = "u",
        ['Ü'] = "u",
        ['Ý'] = "y",
        ['Þ'] = "th",
        ['ß'] = "ss",
        ['à'] = "a",
        ['á'] = "a",
        ['â'] = "a",
        ['ã'] = "a",
        ['ä'] = "a",
        ['å'] = "a",
        ['æ'] = "ae",
        ['ç'] = "c",
        ['è'] = "e",
        ['é'] = "e",
        ['ê'] = "e",
        ['ë'] = "e",
        ['ì'] = "i",
        ['í'] = "i",
        ['î'] = "i",
        ['ï'] = "i",
        ['ð'] = "d",
        ['ñ'] = "n",
        ['ò'] = "o",
        ['ó'] = "o",
        ['ô'] = "o",
        ['õ'] = "o",
        ['ö'] = "o",
        ['ø'] = "o",
        ['ù'] = "u",
        ['ú'] = "u",
        ['û'] = "u",
        ['ü'] = "u",
        ['ý'] = "y",
        ['þ'] = "th",
        ['ÿ'] = "y",
        ['Ā'] = "a",
        ['ā'] = "a",
        ['Ă'] = "a",
        ['ă'] = "a",
        ['Ą'] = "a",
        ['ą'] = "a",
        ['Ć'] = "c",
        ['ć'] = "c",
        ['Ĉ'] = "c",
        ['ĉ'] = "c",
        ['Ċ'] = "c",
        ['ċ'] = "c",
        ['Č'] = "c",
        ['č'] = "c",
        ['Ď'] = "d",
        ['ď'] = "d",
        ['Đ'] = "d",
        ['đ'] = "d",
        ['Ē'] = "e",
        ['ē'] = "e",
        ['Ĕ'] = "e",
        ['ĕ'] = "e",
        ['Ė'] = "e",
        ['ė'] = "e",
        ['Ę'] = "e",
        ['ę'] = "e",
        ['Ě'] = "e",
        ['ě'] = "e",
        ['Ĝ'] = "g",
        ['ĝ'] = "g",
        ['Ğ'] = "g",
        ['ğ'] = "g",
        ['Ġ'] = "g",
        ['ġ'] = "g",
        ['Ģ'] = "g",
        ['ģ'] = "g",
        ['Ĥ'] = "h",
        ['ĥ'] = "h",
        ['Ħ'] = "h",
        ['ħ'] = "h",
        ['Ĩ'] = "i",
        ['ĩ'] = "i",
        ['Ī'] = "i",
        ['ī'] = "i",
        ['Ĭ'] = "i",
        ['ĭ'] = "i",
        ['Į'] = "i",
        ['į'] = "i",
        ['İ'] = "i",
        ['ı'] = "i",
        ['Ĳ'] = "ij",
        ['ĳ'] = "ij",
        ['Ĵ'] = "j",
        ['ĵ'] = "j",
        ['Ķ'] = "k",
        ['ķ'] = "k",
        ['Ĺ'] = "l",
        ['ĺ'] = "l",
        ['Ļ'] = "l",
        ['ļ'] = "l",
        ['Ľ'] = "l",
        ['ľ'] = "l",
        ['Ł'] = "l",
        ['ł'] = "l",
        ['Ń'] = "n",
        ['ń'] = "n",
        ['Ņ'] = "n",
        ['ņ'] = "n",
        ['Ň'] = "n",
        ['ň'] = "n",
        ['Ō'] = "o",
        ['ō'] = "o",
        ['Ŏ'] = "o",
        ['ŏ'] = "o",
        ['Ő'] = "o",
        ['ő'] = "o",
        ['Œ'] = "oe",
        ['œ'] = "oe",
        ['Ŕ'] = "r",
        ['ŕ'] = "r",
        ['Ŗ'] = "r",
        ['ŗ'] = "r",
        ['Ř'] = "r",
        ['ř'] = "r",
        ['Ś'] = "s",
        ['ś'] = "s",
        ['Ŝ'] = "s",
        ['ŝ'] = "s",
        ['Ş'] = "s",
        ['ş'] = "s",
        ['Š'] = "s",
        ['š'] = "s",
        ['Ţ'] = "t",
        ['ţ'] = "t",
        ['Ť'] = "t",
        ['ť'] = "t",
        ['Ũ'] = "u",
        ['ũ'] = "u",
        ['Ū'] = "u",
        ['ū'] = "u",
        ['Ŭ'] = "u",
        ['ŭ'] = "u",
        ['Ů'] = "u",
        ['ů'] = "u",
        ['Ű'] = "u",
        ['ű'] = "u",
        ['Ų'] = "u",
        ['ų'] = "u",
        ['Ŵ'] = "w",
        ['ŵ'] = "w",
        ['Ŷ'] = "y",
        ['ŷ'] = "y",
        ['Ÿ'] = "y",
        ['Ź'] = "z",
        ['ź'] = "z",
        ['Ż'] = "z",
        ['ż'] = "z",
        ['Ž'] = "z",
        ['ž'] = "z",
        ['ſ'] = "s",
        ['Ơ'] = "o",
        ['ơ'] = "o",
        ['Ư'] = "u",
        ['ư'] = "u",
        ['Ǆ'] = "dz",
        ['ǅ'] = "dz",
        ['ǆ'] = "dz",
        ['Ǉ'] = "lj",
        ['ǈ'] = "lj",
        ['ǉ'] = "lj",
        ['Ǌ'] = "nj",
        ['ǋ'] = "nj",
        ['ǌ'] = "nj",
        ['Ǎ'] = "a",
        ['ǎ'] = "a",
        ['Ǐ'] = "i",
        ['ǐ'] = "i",
        ['Ǒ'] = "o",
        ['ǒ'] = "o",
        ['Ǔ'] = "u",
        ['ǔ'] = "u",
        ['Ǖ'] = "u",
        ['ǖ'] = "u",
        ['Ǘ'] = "u",
        ['ǘ'] = "u",
        ['Ǚ'] = "u",
        ['ǚ'] = "u",
        ['Ǜ'] = "u",
        ['ǜ'] = "u",
        ['Ǟ'] = "a",
        ['ǟ'] = "a",
        ['Ǡ'] = "a",
        ['ǡ'] = "a",
        ['Ǧ'] = "g",
        ['ǧ'] = "g",
        ['Ǩ'] = "k",
        ['ǩ'] = "k",
        ['Ǫ'] = "o",
        ['ǫ'] = "o",
        ['Ǭ'] = "o",
        ['ǭ'] = "o",
        ['ǰ'] = "j",
        ['Ǳ'] = "dz",
        ['ǲ'] = "dz",
        ['ǳ'] = "dz",
        ['Ǵ'] = "g",
        ['ǵ'] = "g",
        ['Ǹ'] = "n",
        ['ǹ'] = "n",
        ['Ǻ'] = "a",
        ['ǻ'] = "a",
        ['Ȁ'] = "a",
        ['ȁ'] = "a",
        ['Ȃ'] = "a",
        ['ȃ'] = "a",
        ['Ȅ'] = "e",
        ['ȅ'] = "e",
        ['Ȇ'] = "e",
        ['ȇ'] = "e",
        ['Ȉ'] = "i",
        ['ȉ'] = "i",
        ['Ȋ'] = "i",
        ['ȋ'] = "i",
        ['Ȍ'] = "o",
        ['ȍ'] = "o",
        ['Ȏ'] = "o",
        ['ȏ'] = "o",
        ['Ȑ'] = "r",
        ['ȑ'] = "r",
        ['Ȓ'] = "r",
        ['ȓ'] = "r",
        ['Ȕ'] = "u",
        ['ȕ'] = "u",
        ['Ȗ'] = "u",
        ['ȗ'] = "u",
        ['Ș'] = "s",
        ['ș'] = "s",
        ['Ț'] = "t",
        ['ț'] = "t",
        ['Ȟ'] = "h",
        ['ȟ'] = "h",
        ['Ȧ'] = "a",
        ['ȧ'] = "a",
        ['Ȩ'] = "e",
        ['ȩ'] = "e",
        ['Ȫ'] = "o",
        ['ȫ'] = "o",
        ['Ȭ'] = "o",
        ['ȭ'] = "o",
        ['Ȯ'] = "o",
        ['ȯ'] = "o",
        ['Ȱ'] = "o",
        ['ȱ'] = "o",
        ['Ȳ'] = "y",
        ['ȳ'] = "y",
    }.ToFrozenDictionary();

    public static string Fold(string text)
    {
        // Keys, units and property names are mostly folded already; those come back as they are, without a copy.
        if (IsFolded(text))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.Format)
            {
                continue;
            }

            if (char.IsWhiteSpace(c) || category is UnicodeCategory.Control)
            {
                space = builder.Length > 0;
                continue;
            }

            if (category is UnicodeCategory.InitialQuotePunctuation or UnicodeCategory.FinalQuotePunctuation || c is '"' or '\'' or '\u201E' or '\u201A')
            {
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            if (category == UnicodeCategory.DashPunctuation)
            {
                builder.Append('-');
            }
            else if (Latin.TryGetValue(c, out var folded))
            {
                builder.Append(folded);
            }
            else
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// Whether folding would leave the text unchanged: printable ASCII without capitals or quotes, and single spaces
    /// only between words. (No ASCII character is a mark, a format character or a quote other than " and '.)
    /// </summary>
    private static bool IsFolded(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == ' ')
            {
                if (i == 0 || i == text.Length - 1 || text[i - 1] == ' ')
                {
                    return false;
                }
            }
            else if (c is < '!' or > '~' or (>= 'A' and <= 'Z') or '"' or '\'')
            {
                return false;
            }
        }

        return true;
    }
}
