using System.Text.RegularExpressions;
using NodaTime;

namespace ClaimReconcile.Pipeline.Text;

/// <summary>
/// Reads durations and numbers in German and English words: "fast fünf Stunden", "fünfstündig", "anderthalb
/// Stunden", "stundenlang", "for hours", "about 90 minutes", "rund 300", "a dozen", "ein Fünftel", "mehrfach".
/// Hedge words become <see cref="Hedge"/> values; their widths come from the <see cref="HedgeTable"/>.
/// </summary>
internal static partial class QuantityText
{
    public const string NumberKind = "number";
    public const string DurationKind = "duration";

    private const double MaxSeconds = 1e12;

    private static readonly (string[] Words, double Seconds, string Unit)[] UnitWords =
    [
        (["sekunde", "sekunden", "sek", "second", "seconds", "sec", "secs", "s"], 1, "s"),
        (["minute", "minuten", "min", "minute", "minutes", "mins"], 60, "min"),
        (["stunde", "stunden", "std", "hour", "hours", "hr", "hrs", "h"], 3_600, "h"),
        (["viertelstunde", "quarter-hour"], 900, "h"),
        (["dreiviertelstunde"], 2_700, "h"),
        (["tag", "tage", "tagen", "tages", "day", "days", "d"], 86_400, "d"),
        (["woche", "wochen", "week", "weeks", "wk"], 7 * 86_400, "week"),
        (["monat", "monate", "monaten", "monats", "month", "months"], Units.SecondsPerYear / 12, "month"),
        (["jahr", "jahre", "jahren", "jahres", "year", "years", "yr", "yrs"], Units.SecondsPerYear, "year"),
    ];

    private static readonly (string Stem, double Seconds, string Unit)[] AdjectiveStems =
    [
        ("sekundig", 1, "s"), ("minutig", 60, "min"), ("stundig", 3_600, "h"), ("tagig", 86_400, "d"),
        ("wochig", 7 * 86_400, "week"), ("monatig", Units.SecondsPerYear / 12, "month"), ("jahrig", Units.SecondsPerYear, "year"),
    ];

    private static readonly (string Stem, double Seconds, string Unit)[] LongStems =
    [
        ("sekundenlang", 1, "s"), ("minutenlang", 60, "min"), ("stundenlang", 3_600, "h"), ("tagelang", 86_400, "d"),
        ("wochenlang", 7 * 86_400, "week"), ("monatelang", Units.SecondsPerYear / 12, "month"), ("jahrelang", Units.SecondsPerYear, "year"),
        ("hours-long", 3_600, "h"), ("days-long", 86_400, "d"), ("weeks-long", 7 * 86_400, "week"), ("months-long", Units.SecondsPerYear / 12, "month"),
        ("years-long", Units.SecondsPerYear, "year"),
    ];

    /// <summary>Vague quantity words: "mehrere Stunden", "several hours", "a few days", "mehrfach".</summary>
    private static readonly string[][] Several =
    [
        ["mehrere"], ["einige"], ["etliche"], ["viele"], ["ein", "paar"], ["several"], ["a", "few"], ["few"], ["many"], ["some"],
        ["a", "couple", "of"],
    ];

    private static readonly string[] Fillers = ["for", "lang", "lange", "long", "the", "die", "der", "das", "den", "dem", "insgesamt", "in", "total"];

    /// <summary>Reads a duration in words, or says what could not be read.</summary>
    public static DurationValue? ReadDuration(string text, string? language, Hedge given, out string? problem)
    {
        var tokens = Tokens.Split(text);
        var hedge = Hedge.Exact;
        var i = SkipFillers(tokens, 0);
        i += HedgeWords.TryRead(tokens, i, HedgeWords.Before, out hedge);
        i = SkipFillers(tokens, i);

        double seconds = 0;
        var read = false;
        while (i < tokens.Count)
        {
            if (ReadDurationPart(tokens, ref i, language, out var part, out var vague))
            {
                seconds += part;
                read = true;
                if (vague)
                {
                    hedge = Hedge.Several;
                }

                if (i < tokens.Count && tokens[i] is "und" or "and")
                {
                    i++;
                }

                continue;
            }

            var used = HedgeWords.TryRead(tokens, i, HedgeWords.After, out var after);
            if (used > 0 && read)
            {
                hedge = hedge == Hedge.Exact ? after : hedge;
                i += used;
                continue;
            }

            if (Fillers.Contains(tokens[i]) && read)
            {
                i++;
                continue;
            }

            problem = $"\"{tokens[i]}\" is not a number, unit or hedge word of a duration";
            return null;
        }

        if (!read)
        {
            problem = "no length of time was found (such as \"fünf Stunden\", \"fünfstündig\", \"stundenlang\" or \"about 90 minutes\")";
            return null;
        }

        // NodaTime durations span about 45,000 years; longer is not a duration of anything reported.
        if (seconds > MaxSeconds)
        {
            problem = "the length is too long to be a duration";
            return null;
        }

        problem = null;
        return ClaimValue.Stated(DurationValue.Of(Duration.FromSeconds(seconds), given != Hedge.Exact ? given : hedge), text.Trim());
    }

    /// <summary>Reads a number in words, with an optional unit word, or says what could not be read.</summary>
    public static NumberValue? ReadNumber(string text, string? unit, string? language, Hedge given, out string? problem)
    {
        var tokens = Tokens.Split(text);
        var i = SkipFillers(tokens, 0);
        i += HedgeWords.TryRead(tokens, i, HedgeWords.Before, out var hedge);
        double value;
        string? statedUnit = null;
        if (i < tokens.Count && IsSeveral(tokens, i, out var severalUsed) is var several && several)
        {
            // "mehrere", "several times", "Dutzende", "hundreds": a vague plural of one (or a dozen, a hundred).
            value = 1;
            hedge = Hedge.Several;
            i += severalUsed;
        }
        else if (i < tokens.Count && Multiple(tokens[i], out var multiple))
        {
            value = multiple;
            hedge = Hedge.Several;
            i++;
        }
        else if (i < tokens.Count && tokens[i].Length > 3 && tokens[i].EndsWith("mal", StringComparison.Ordinal)
            && (NumberWords.TryWord(tokens[i][..^3], out value) || NumberWords.TryDigits(tokens[i][..^3], language, out value)))
        {
            // "zweimal", "3mal".
            i++;
        }
        else if (i < tokens.Count && Adjective(tokens[i], language, out var adjective, out _, out var adjectiveUnit))
        {
            // "dreijährig": three, in years.
            value = adjective.Value;
            hedge = adjective.Vague ? Hedge.Several : hedge;
            statedUnit = adjectiveUnit;
            i++;
        }
        else
        {
            var used = NumberWords.TryRead(tokens, i, language, out value);
            if (used == 0 && i < tokens.Count && NumberWords.TryOrdinal(tokens[i], out var ordinal))
            {
                // "das sechste Treffen": the sixth, so six.
                value = ordinal;
                used = 1;
            }

            if (used == 0)
            {
                problem = i < tokens.Count ? $"could not read \"{tokens[i]}\" as a number" : "no number was found";
                return null;
            }

            i += used;
        }

        // "zweimal", "two times", "drei Mal".
        if (i < tokens.Count && tokens[i] is "mal" or "times")
        {
            i++;
        }

        if (statedUnit is null && i < tokens.Count && UnitWord(tokens[i]) is { } word)
        {
            statedUnit = word.Unit;
            value *= word.Seconds / UnitSeconds(word.Unit);
            i++;
        }

        var afterUsed = HedgeWords.TryRead(tokens, i, HedgeWords.After, out var after);
        if (afterUsed > 0)
        {
            hedge = hedge == Hedge.Exact ? after : hedge;
            i += afterUsed;
        }

        if (i < tokens.Count)
        {
            problem = $"\"{string.Join(' ', tokens.Skip(i))}\" after the number is not a unit or hedge";
            return null;
        }

        problem = null;
        return ClaimValue.Stated(NumberValue.Of(value, unit ?? statedUnit, given != Hedge.Exact ? given : hedge), text.Trim());
    }

    private static bool ReadDurationPart(List<string> tokens, ref int i, string? language, out double seconds, out bool vague)
    {
        vague = false;
        seconds = 0;
        var token = tokens[i];
        if (Adjective(token, language, out var adjective, out var unitSeconds, out _))
        {
            seconds = adjective.Value * unitSeconds;
            vague = adjective.Vague;
            i++;
            return true;
        }

        foreach (var (stem, length, _) in LongStems)
        {
            if (Tokens.Stems(token).Contains(stem))
            {
                seconds = length;
                vague = true;
                i++;
                return true;
            }
        }

        // "mehrere Stunden", "several hours", "for hours", "hours".
        if (IsSeveral(tokens, i, out var severalUsed) && i + severalUsed < tokens.Count && UnitWord(tokens[i + severalUsed]) is { } vagueUnit)
        {
            seconds = vagueUnit.Seconds;
            vague = true;
            i += severalUsed + 1;
            return true;
        }

        if (UnitWord(token) is { } plural && IsPlural(token))
        {
            seconds = plural.Seconds;
            vague = true;
            i++;
            return true;
        }

        // A number or an article, then a unit: "fünf Stunden", "eine Stunde", "an hour and a half", "90min".
        var glued = GluedNumberUnit().Match(token);
        if (glued.Success && NumberWords.TryDigits(glued.Groups[1].Value, language, out var gluedNumber) && UnitWord(glued.Groups[2].Value) is { } gluedUnit)
        {
            seconds = gluedNumber * gluedUnit.Seconds;
            i++;
            return true;
        }

        var used = NumberWords.TryRead(tokens, i, language, out var number);
        if (used == 0 && NumberWords.IsArticle(token))
        {
            number = 1;
            used = 1;
        }

        if (used == 0 || i + used >= tokens.Count || UnitWord(tokens[i + used]) is not { } unit)
        {
            return false;
        }

        i += used + 1;
        seconds = number * unit.Seconds;
        if (Tokens.StartsWith(tokens, i, ["and", "a", "half"]) || Tokens.StartsWith(tokens, i, ["und", "eine", "halbe"]))
        {
            seconds += unit.Seconds / 2;
            i += 3;
        }

        return true;
    }

    /// <summary>"fünfstündig", "fast fünfstündigen", "90-minütige", "mehrstündig", "anderthalbstündig", "dreijährigen".</summary>
    private static bool Adjective(string token, string? language, out (double Value, bool Vague) amount, out double unitSeconds, out string unit)
    {
        foreach (var (stem, seconds, name) in AdjectiveStems)
        {
            foreach (var candidate in Tokens.Stems(token))
            {
                if (!candidate.EndsWith(stem, StringComparison.Ordinal))
                {
                    continue;
                }

                var prefix = candidate[..^stem.Length].TrimEnd('-');
                unitSeconds = seconds;
                unit = name;
                if (prefix is "mehr" or "viel")
                {
                    amount = (1, true);
                    return true;
                }

                if (prefix.Length > 0 && (NumberWords.TryWord(prefix, out var value) || NumberWords.TryDigits(prefix, language, out value)))
                {
                    amount = (value, false);
                    return true;
                }
            }
        }

        amount = default;
        unitSeconds = 0;
        unit = "";
        return false;
    }

    private static bool IsSeveral(List<string> tokens, int i, out int used)
    {
        foreach (var words in Several)
        {
            if (Tokens.StartsWith(tokens, i, words))
            {
                used = words.Length;
                return true;
            }
        }

        used = 0;
        return false;
    }

    /// <summary>Vague multiples that stand alone: "mehrfach", "mehrmals", "Dutzende", "hundreds".</summary>
    private static bool Multiple(string token, out double unit)
    {
        unit = token switch
        {
            "mehrfach" or "mehrmals" or "oft" or "ofter" or "repeatedly" => 1,
            "dutzende" or "dozens" => 12,
            "hunderte" or "hundreds" => 100,
            "tausende" or "thousands" => 1000,
            _ => 0,
        };
        return unit > 0;
    }

    private static (double Seconds, string Unit)? UnitWord(string token)
    {
        foreach (var (words, seconds, unit) in UnitWords)
        {
            if (words.Contains(token))
            {
                return (seconds, unit);
            }
        }

        return null;
    }

    private static double UnitSeconds(string unit) => UnitWords.First(u => u.Unit == unit && u.Words[0] != "viertelstunde" && u.Words[0] != "dreiviertelstunde").Seconds;

    private static bool IsPlural(string token) => token is "stunden" or "minuten" or "sekunden" or "tage" or "wochen" or "monate" or "jahre"
        or "hours" or "minutes" or "seconds" or "days" or "weeks" or "months" or "years";

    private static int SkipFillers(List<string> tokens, int i)
    {
        while (i < tokens.Count && Fillers.Contains(tokens[i]) && tokens[i] is not ("lang" or "lange" or "long"))
        {
            i++;
        }

        return i;
    }

    [GeneratedRegex("^([0-9]+(?:[.,][0-9]+)?)-?([a-z]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex GluedNumberUnit();
}
