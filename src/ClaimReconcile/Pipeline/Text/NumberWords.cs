using System.Collections.Frozen;
using System.Globalization;

namespace ClaimReconcile.Pipeline.Text;

/// <summary>
/// Numbers in German and English words and digits: "fünfundzwanzig", "anderthalb", "twenty-five", "a dozen",
/// "ein Fünftel", "1.500" (German) or "1,500" (English), ordinals ("sechste", "2.", "3rd").
/// </summary>
/// <remarks>All words are matched in folded form (lower case, ü → u, ß → ss).</remarks>
internal static class NumberWords
{
    private static readonly FrozenDictionary<string, double> Cardinals = new Dictionary<string, double>(StringComparer.Ordinal)
    {
        ["null"] = 0, ["ein"] = 1, ["eins"] = 1, ["eine"] = 1, ["einen"] = 1, ["einem"] = 1, ["einer"] = 1, ["eines"] = 1,
        ["zwei"] = 2, ["drei"] = 3, ["vier"] = 4, ["funf"] = 5, ["sechs"] = 6, ["sieben"] = 7, ["acht"] = 8, ["neun"] = 9,
        ["zehn"] = 10, ["elf"] = 11, ["zwolf"] = 12, ["dreizehn"] = 13, ["vierzehn"] = 14, ["funfzehn"] = 15,
        ["sechzehn"] = 16, ["siebzehn"] = 17, ["achtzehn"] = 18, ["neunzehn"] = 19, ["zwanzig"] = 20, ["dreissig"] = 30,
        ["vierzig"] = 40, ["funfzig"] = 50, ["sechzig"] = 60, ["siebzig"] = 70, ["achtzig"] = 80, ["neunzig"] = 90,
        ["hundert"] = 100, ["tausend"] = 1000, ["dutzend"] = 12, ["anderthalb"] = 1.5, ["halb"] = 0.5, ["halbe"] = 0.5,
        ["halben"] = 0.5, ["halber"] = 0.5, ["halbes"] = 0.5,
        ["zero"] = 0, ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7,
        ["eight"] = 8, ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["thirteen"] = 13, ["fourteen"] = 14,
        ["fifteen"] = 15, ["sixteen"] = 16, ["seventeen"] = 17, ["eighteen"] = 18, ["nineteen"] = 19, ["twenty"] = 20,
        ["thirty"] = 30, ["forty"] = 40, ["fifty"] = 50, ["sixty"] = 60, ["seventy"] = 70, ["eighty"] = 80, ["ninety"] = 90,
        ["hundred"] = 100, ["thousand"] = 1000, ["dozen"] = 12, ["half"] = 0.5,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, int> Ordinals = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["erst"] = 1, ["zweit"] = 2, ["dritt"] = 3, ["viert"] = 4, ["funft"] = 5, ["sechst"] = 6, ["siebt"] = 7, ["siebent"] = 7,
        ["acht"] = 8, ["neunt"] = 9, ["zehnt"] = 10, ["elft"] = 11, ["zwolft"] = 12,
        ["first"] = 1, ["second"] = 2, ["third"] = 3, ["fourth"] = 4, ["fifth"] = 5, ["sixth"] = 6, ["seventh"] = 7,
        ["eighth"] = 8, ["ninth"] = 9, ["tenth"] = 10, ["eleventh"] = 11, ["twelfth"] = 12,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, int> Denominators = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["halfte"] = 2, ["drittel"] = 3, ["viertel"] = 4, ["funftel"] = 5, ["sechstel"] = 6, ["siebtel"] = 7, ["achtel"] = 8,
        ["neuntel"] = 9, ["zehntel"] = 10,
        ["third"] = 3, ["thirds"] = 3, ["quarter"] = 4, ["quarters"] = 4, ["fifth"] = 5, ["fifths"] = 5, ["sixth"] = 6,
        ["sixths"] = 6, ["seventh"] = 7, ["sevenths"] = 7, ["eighth"] = 8, ["eighths"] = 8, ["tenth"] = 10, ["tenths"] = 10,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly string[] Articles = ["a", "an", "ein", "eine", "einen", "einem", "einer", "eines"];

    /// <summary>Whether the token is an indefinite article ("a", "an", "ein", "eine", …), which counts as one before a unit.</summary>
    public static bool IsArticle(string token) => Articles.Contains(token);

    /// <summary>
    /// Reads a number starting at <paramref name="index"/>; returns how many tokens it used (0 when there is none).
    /// </summary>
    public static int TryRead(IReadOnlyList<string> tokens, int index, string? language, out double value)
    {
        value = 0;
        if (index >= tokens.Count)
        {
            return 0;
        }

        var token = tokens[index];
        int used;

        // "half an hour", "half a day": the article belongs to the half.
        if (token == "half" && index + 1 < tokens.Count && tokens[index + 1] is "a" or "an")
        {
            value = 0.5;
            return 2;
        }

        if (IsArticle(token) && index + 1 < tokens.Count && TryWord(tokens[index + 1], out var after) && after is 12 or 100 or 1000 or 0.5)
        {
            // "a dozen", "ein Dutzend", "a hundred", "eine halbe".
            value = after;
            used = 2;
        }
        else if (TryWord(token, out value) || TryDigits(token, language, out value))
        {
            used = 1;
        }
        else if (IsArticle(token) && index + 1 < tokens.Count && Denominators.ContainsKey(tokens[index + 1]))
        {
            value = 1;
            used = 1;
        }
        else
        {
            return 0;
        }

        // "zwei Dutzend", "three hundred", "zwei Drittel", "two and a half".
        while (index + used < tokens.Count)
        {
            var next = tokens[index + used];
            if (next is "dutzend" or "dozen")
            {
                value *= 12;
                used++;
            }
            else if (next is "hundert" or "hundred" && value < 100)
            {
                value *= 100;
                used++;
            }
            else if (next is "tausend" or "thousand" && value < 1000)
            {
                value *= 1000;
                used++;
            }
            else if (Denominators.TryGetValue(next, out var denominator))
            {
                value /= denominator;
                used++;
                break;
            }
            else if (Tokens.StartsWith(tokens, index + used, ["and", "a", "half"]) || Tokens.StartsWith(tokens, index + used, ["und", "ein", "halb"]))
            {
                value += 0.5;
                used += 3;
                break;
            }
            else
            {
                break;
            }
        }

        return used;
    }

    /// <summary>A number written as one word, including German compounds ("fünfundzwanzig") and English hyphenated ones.</summary>
    public static bool TryWord(string word, out double value)
    {
        if (Cardinals.TryGetValue(word, out value))
        {
            return true;
        }

        if (word.Contains('-', StringComparison.Ordinal))
        {
            var parts = word.Split('-');
            if (parts.Length == 2 && Cardinals.TryGetValue(parts[0], out var tens) && tens is >= 20 and <= 90 && tens % 10 == 0
                && Cardinals.TryGetValue(parts[1], out var unit) && unit is >= 1 and <= 9)
            {
                value = tens + unit;
                return true;
            }

            return false;
        }

        return TryGermanCompound(word, out value);
    }

    private static bool TryGermanCompound(string word, out double value)
    {
        value = 0;
        if (word.Length == 0)
        {
            return false;
        }

        if (Cardinals.TryGetValue(word, out value) && value == Math.Floor(value))
        {
            return true;
        }

        if (word.EndsWith("einhalb", StringComparison.Ordinal) && word.Length > 7 && TryGermanCompound(word[..^7], out var whole))
        {
            value = whole + 0.5;
            return true;
        }

        foreach (var (name, factor) in ((string, double)[])[("tausend", 1000), ("hundert", 100)])
        {
            var at = word.IndexOf(name, StringComparison.Ordinal);
            if (at < 0)
            {
                continue;
            }

            var left = word[..at];
            var right = word[(at + name.Length)..];
            if (right.StartsWith("und", StringComparison.Ordinal))
            {
                right = right[3..];
            }

            double multiplier = 1, rest = 0;
            if ((left.Length == 0 || (TryGermanCompound(left, out multiplier) && multiplier >= 1 && multiplier < factor))
                && (right.Length == 0 || (TryGermanCompound(right, out rest) && rest >= 1 && rest < factor)))
            {
                value = (multiplier * factor) + rest;
                return true;
            }

            return false;
        }

        var und = word.IndexOf("und", StringComparison.Ordinal);
        if (und > 0 && Cardinals.TryGetValue(word[..und], out var ones) && ones is >= 1 and <= 9
            && Cardinals.TryGetValue(word[(und + 3)..], out var tensPart) && tensPart is >= 20 and <= 90 && tensPart % 10 == 0)
        {
            value = tensPart + ones;
            return true;
        }

        return false;
    }

    /// <summary>Digits with German or English separators; <paramref name="language"/> decides "1.500" and "4,500".</summary>
    public static bool TryDigits(string token, string? language, out double value)
    {
        value = 0;
        if (token.Length == 0 || !char.IsAsciiDigit(token[0]) || !char.IsAsciiDigit(token[^1]) || token.Any(c => !char.IsAsciiDigit(c) && c is not ('.' or ',')))
        {
            return false;
        }

        var english = IsEnglish(language);
        var separators = token.Count(c => c is '.' or ',');
        string normalized;
        if (separators == 0)
        {
            normalized = token;
        }
        else if (IsGrouped(token, english ? ',' : '.'))
        {
            normalized = token.Replace(english ? "," : ".", "", StringComparison.Ordinal);
        }
        else if (separators == 1)
        {
            normalized = token.Replace(',', '.');
        }
        else
        {
            return false;
        }

        // Digits beyond the range of a double parse as infinity; they are not a number anyone wrote.
        return double.TryParse(normalized, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value) && double.IsFinite(value) && value < 1e15;
    }

    /// <summary>An ordinal: "sechste", "zweiten", "sixth", "2.", "3rd", "21st".</summary>
    public static bool TryOrdinal(string token, out int value)
    {
        value = 0;
        if (token.EndsWith('.') && int.TryParse(token[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out value))
        {
            return value > 0;
        }

        foreach (var suffix in (string[])["st", "nd", "rd", "th"])
        {
            if (token.EndsWith(suffix, StringComparison.Ordinal) && int.TryParse(token[..^2], NumberStyles.None, CultureInfo.InvariantCulture, out value))
            {
                return value > 0;
            }
        }

        foreach (var stem in Tokens.Stems(token))
        {
            if (Ordinals.TryGetValue(stem, out value))
            {
                return true;
            }

            // German: zwanzigste, einundzwanzigste (-ste), dreizehnte (-te); English: twentieth, twenty-first.
            foreach (var ending in (string[])["ste", "st", "te", "t"])
            {
                if (stem.EndsWith(ending, StringComparison.Ordinal) && TryWord(stem[..^ending.Length], out var number) && number >= 13 && number == Math.Floor(number))
                {
                    value = (int)number;
                    return true;
                }
            }
        }

        if (token.EndsWith("ieth", StringComparison.Ordinal) && TryWord(token[..^4] + "y", out var tens))
        {
            value = (int)tens;
            return true;
        }

        var dash = token.IndexOf('-', StringComparison.Ordinal);
        if (dash > 0 && Cardinals.TryGetValue(token[..dash], out var decade) && decade >= 20 && TryOrdinal(token[(dash + 1)..], out var unit) && unit <= 9)
        {
            value = (int)decade + unit;
            return true;
        }

        return false;
    }

    public static bool IsEnglish(string? language) => language is not null && language.StartsWith("en", StringComparison.OrdinalIgnoreCase);

    private static bool IsGrouped(string token, char separator)
    {
        var parts = token.Split(separator);
        return parts.Length > 1 && parts[0].Length is >= 1 and <= 3 && parts[0].All(char.IsAsciiDigit)
            && parts.Skip(1).All(p => p.Length == 3 && p.All(char.IsAsciiDigit));
    }
}
