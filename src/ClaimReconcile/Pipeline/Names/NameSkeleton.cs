using System.Buffers;
using System.Text;

namespace ClaimReconcile.Pipeline.Names;

/// <summary>
/// Reduces one word of a name to a spelling-neutral skeleton, so that the German, English, Ukrainian and Russian
/// spellings of one name meet: Cyrillic is transliterated to Latin, then the spelling conventions that differ
/// between languages are folded (w/v, sch/sh/zh, tsch/ch/kh, s/z/ts, j/y/i, doubled letters, -ow/-ov/-off/-ev/-ew).
/// </summary>
/// <remarks>
/// The skeleton is a matching key, not a spelling anyone writes: "Uschakow" and "Ushakov" both become <c>uSakov</c>,
/// where <c>S</c> stands for the sh sound and <c>C</c> for the ch/kh sounds. Pure and thread-safe.
/// </remarks>
internal static class NameSkeleton
{
    /// <summary>Letters that only Ukrainian writes; a name that has one is transliterated the Ukrainian way.</summary>
    private const string UkrainianLetters = "іїєґ";

    private static readonly (string From, string To)[] Rules =
    [
        // Longest first: at each position the first rule that matches wins.
        ("schtsch", "SC"),

        // The English j sound (дж): Dschugaschwili = Dzhugashvili = Jugashvili, Джаред = Jared.
        ("dsch", "i"),
        ("dzh", "i"),
        ("shch", "SC"),
        ("tsch", "C"),
        ("sch", "S"),
        ("tch", "C"),
        ("sh", "S"),
        ("zh", "S"),
        ("ch", "C"),
        ("kh", "C"),
        ("ck", "k"),
        ("ph", "f"),
        ("gh", "g"),
        ("tz", "s"),
        ("ts", "s"),
        ("z", "s"),
        ("c", "k"),
        ("q", "k"),
        ("x", "ks"),
        ("w", "v"),
        ("j", "i"),
        ("y", "i"),
    ];

    /// <summary>The letters some rule starts with.</summary>
    private static readonly SearchValues<char> RuleStarts = SearchValues.Create("dsztkcpgqxwjy");

    /// <summary>Whether a folded text contains Cyrillic letters.</summary>
    public static bool HasCyrillic(string text)
    {
        foreach (var c in text)
        {
            if (c is >= '\u0400' and <= '\u04FF')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a folded Cyrillic text is Ukrainian (it uses a letter Russian does not have).</summary>
    public static bool IsUkrainian(string text) => text.AsSpan().IndexOfAny(UkrainianLetters) >= 0;

    /// <summary>
    /// Transliterates lower-case Cyrillic to Latin in an English-like scheme (ш → sh, ж → zh, х → kh); Latin letters
    /// pass through. Ukrainian: г → h, и → y; Russian: г → g, и → i, е → ye at the start of a word or after a vowel.
    /// A word that starts with у and a vowel (Уиткофф) starts with w, as English names written in Cyrillic do.
    /// </summary>
    public static string Transliterate(string folded, bool ukrainian)
    {
        if (!HasCyrillic(folded))
        {
            return folded;
        }

        var builder = new StringBuilder(folded.Length + 4);
        var previous = ' ';
        for (var i = 0; i < folded.Length; i++)
        {
            var c = folded[i];
            if (c == 'у' && previous is ' ' or '-' && i + 1 < folded.Length && folded[i + 1] is 'и' or 'э' or 'о' or 'а' or 'е')
            {
                // English names written in Russian: Уиткофф is Witkoff, Уильям is William.
                builder.Append('w');
                previous = c;
                continue;
            }

            var afterVowel = previous is ' ' or '-' || "аеєиіїоуыэюяёьъ".Contains(previous, StringComparison.Ordinal);
            builder.Append(c switch
            {
                'а' => "a",
                'б' => "b",
                'в' => "v",
                'г' => ukrainian ? "h" : "g",
                'ґ' => "g",
                'д' => "d",
                'е' => !ukrainian && afterVowel ? "ye" : "e",
                'ё' => afterVowel ? "yo" : "o",
                'є' => "ye",
                'ж' => "zh",
                'з' => "z",
                'и' => ukrainian ? "y" : "i",
                'і' => "i",
                'ї' => "yi",
                'й' => "y",
                'к' => "k",
                'л' => "l",
                'м' => "m",
                'н' => "n",
                'о' => "o",
                'п' => "p",
                'р' => "r",
                'с' => "s",
                'т' => "t",
                'у' => "u",
                'ф' => "f",
                'х' => "kh",
                'ц' => "ts",
                'ч' => "ch",
                'ш' => "sh",
                'щ' => "shch",
                'ъ' or 'ь' => "",
                'ы' => "y",
                'э' => "e",
                'ю' => "yu",
                'я' => "ya",
                _ => c.ToString(),
            });
            previous = c;
        }

        return builder.ToString();
    }

    /// <summary>
    /// The skeleton of one transliterated, folded word: letters only, spelling conventions folded, doubled letters
    /// single, and the surname endings -ev/-of/-ef read as -ov (-eva as -ova).
    /// </summary>
    public static string Of(string word)
    {
        var letters = new StringBuilder(word.Length);
        foreach (var c in word)
        {
            if (c is >= 'a' and <= 'z')
            {
                letters.Append(c);
            }
        }

        // A j or y between a consonant and e or o only softens the consonant: Medwedjew = Medvedev, Semjonow = Semyonov.
        for (var i = letters.Length - 2; i > 0; i--)
        {
            if (letters[i] is 'j' or 'y' && letters[i + 1] is 'e' or 'o' && !IsVowelOrGlide(letters[i - 1]))
            {
                letters.Remove(i, 1);
            }
        }

        var text = letters.ToString();
        var folded = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length;)
        {
            var matched = false;
            foreach (var (from, to) in RuleStarts.Contains(text[i]) ? Rules : [])
            {
                if (string.CompareOrdinal(text, i, from, 0, from.Length) == 0)
                {
                    AppendSingle(folded, to);
                    i += from.Length;
                    matched = true;
                    break;
                }
            }

            if (!matched)
            {
                AppendSingle(folded, text[i].ToString());
                i++;
            }
        }

        return FoldEnding(folded.ToString());
    }

    /// <summary>
    /// A coarse sound key of a skeleton, used to block candidates and as phonetic evidence: the first sound's class,
    /// then the classes of the consonants (b/p, d/t, g/k/h, f/v alike; vowels dropped; repeats merged), and a final
    /// <c>V</c> when the skeleton ends in a vowel, so that -ov and -ova (a man and a woman) keep apart.
    /// </summary>
    public static string PhoneticKey(string skeleton)
    {
        if (skeleton.Length == 0)
        {
            return "";
        }

        var key = new StringBuilder(skeleton.Length);
        var last = '\0';
        for (var i = 0; i < skeleton.Length; i++)
        {
            var cls = Class(skeleton[i]);
            if (cls == 'A' && i > 0)
            {
                last = 'A';
                continue;
            }

            if (cls != last)
            {
                key.Append(cls);
            }

            last = cls;
        }

        if (Class(skeleton[^1]) == 'A' && skeleton.Length > 1)
        {
            key.Append('V');
        }

        return key.ToString();
    }

    private static bool IsVowelOrGlide(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'j' or 'y';

    private static char Class(char c) => c switch
    {
        'a' or 'e' or 'i' or 'o' or 'u' => 'A',
        'b' or 'p' => 'p',
        'd' or 't' => 't',
        'g' or 'k' or 'h' => 'k',
        'f' or 'v' => 'f',
        _ => c,
    };

    private static void AppendSingle(StringBuilder builder, string text)
    {
        foreach (var c in text)
        {
            if (builder.Length == 0 || builder[^1] != c)
            {
                builder.Append(c);
            }
        }
    }

    private static string FoldEnding(string skeleton)
    {
        if (skeleton.Length > 4)
        {
            if (skeleton.EndsWith("ev", StringComparison.Ordinal) || skeleton.EndsWith("of", StringComparison.Ordinal) || skeleton.EndsWith("ef", StringComparison.Ordinal))
            {
                return string.Concat(skeleton.AsSpan(0, skeleton.Length - 2), "ov");
            }

            if (skeleton.EndsWith("eva", StringComparison.Ordinal))
            {
                return string.Concat(skeleton.AsSpan(0, skeleton.Length - 3), "ova");
            }
        }

        return skeleton;
    }
}
