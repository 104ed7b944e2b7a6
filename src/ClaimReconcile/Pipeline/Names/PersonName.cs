using System.Collections.Frozen;

namespace ClaimReconcile.Pipeline.Names;

/// <summary>How much of a person's name a mention gives.</summary>
internal enum NameDetail
{
    /// <summary>The surname alone: "Umerow".</summary>
    Surname = 0,

    /// <summary>An initial and the surname: "R. Umerow".</summary>
    Initial = 1,

    /// <summary>A given name and the surname: "Rustem Umerow".</summary>
    FullName = 2,
}

/// <summary>
/// A mention read as a person's name: the skeleton of its surname (the last word, or the part before a comma in
/// "Knuth, Donald E."), the skeleton of its first given name, and how detailed it is.
/// </summary>
/// <remarks>
/// A mention is read as a name only when it looks like one: one to five words of letters (hyphens, apostrophes and
/// the dot of an initial allowed), the surname capitalized. Lower-case words before the surname ("von der") and
/// a few titles ("Präsident", "Dr.") are left out. Immutable.
/// </remarks>
internal sealed class PersonName
{
    private const int MaxWords = 5;

    private static readonly FrozenSet<string> Titles = new[]
    {
        "herr", "frau", "dr", "prof", "mr", "mrs", "ms", "sir", "prasident", "president", "kanzler", "chancellor",
        "minister", "ministerin", "general", "senator", "premier", "premierminister",
    }.ToFrozenSet(StringComparer.Ordinal);

    private PersonName(string surname, string? given, NameDetail detail, bool fromCyrillic)
    {
        FromCyrillic = fromCyrillic;
        Surname = surname;
        SurnameKey = NameSkeleton.PhoneticKey(surname);
        Given = given;
        GivenKey = given is null ? null : NameSkeleton.PhoneticKey(given);
        Detail = detail;
    }

    /// <summary>The skeleton of the surname.</summary>
    public string Surname { get; }

    /// <summary>The phonetic key of the surname; names can only match when these are equal.</summary>
    public string SurnameKey { get; }

    /// <summary>The skeleton of the first given name (one letter for an initial), or <see langword="null"/>.</summary>
    public string? Given { get; }

    /// <summary>The phonetic key of the first given name, or <see langword="null"/>.</summary>
    public string? GivenKey { get; }

    /// <summary>How much of the name the mention gives.</summary>
    public NameDetail Detail { get; }

    /// <summary>Whether the mention was written in Cyrillic (and its skeletons come from a transliteration).</summary>
    public bool FromCyrillic { get; }

    /// <inheritdoc />
    public override string ToString() => Given is null ? Surname : $"{Given} {Surname}";

    /// <summary>Reads a mention as a person's name, or gives <see langword="null"/> when it does not look like one.</summary>
    public static PersonName? TryParse(string mention)
    {
        // Every distinct mention of a run is read here, most of them no names at all: the words of a mention without a
        // comma are the array the split makes, not a copy of it.
        string[] words;
        var comma = mention.IndexOf(',', StringComparison.Ordinal);
        if (comma >= 0)
        {
            // "Knuth, Donald E.": the surname first.
            if (mention.IndexOf(',', comma + 1) >= 0)
            {
                return null;
            }

            words = [.. Split(mention[(comma + 1)..]), .. Split(mention[..comma])];
        }
        else
        {
            words = Split(mention);
        }

        // Most mentions that are no names fail here, before anything is kept of them.
        if (words.Length is 0 or > MaxWords || !Array.TrueForAll(words, IsNameWord))
        {
            return null;
        }

        var kept = new List<string>(words.Length);
        foreach (var word in words)
        {
            if (char.IsUpper(word[0]) && !Titles.Contains(TextFolding.Fold(word).TrimEnd('.')))
            {
                kept.Add(word);
            }
        }

        if (kept.Count == 0 || !char.IsUpper(words[^1][0]) || kept[^1] != words[^1])
        {
            return null;
        }

        var folded = TextFolding.Fold(string.Join(' ', kept));
        var ukrainian = NameSkeleton.IsUkrainian(folded);
        var cyrillic = NameSkeleton.HasCyrillic(folded);
        var parts = NameSkeleton.Transliterate(folded, ukrainian).Split(' ');
        var surname = NameSkeleton.Of(parts[^1]);
        if (surname.Length < 2)
        {
            return null;
        }

        if (parts.Length == 1)
        {
            return new PersonName(surname, null, NameDetail.Surname, cyrillic);
        }

        var first = parts[0];
        var initial = first.TrimEnd('.').Length == 1 || (first.EndsWith('.') && first.Length <= 3);
        var given = NameSkeleton.Of(first);
        return given.Length == 0
            ? new PersonName(surname, null, NameDetail.Surname, cyrillic)
            : new PersonName(surname, given, initial ? NameDetail.Initial : NameDetail.FullName, cyrillic);
    }

    /// <summary>What separates the words of a name: made once, not for every mention split.</summary>
    private static readonly char[] Spaces = [' ', '\t', '\n', '\r', '\u00A0'];

    private static string[] Split(string text) => text.Split(Spaces, StringSplitOptions.RemoveEmptyEntries);

    private static bool IsNameWord(string word)
    {
        if (!char.IsLetter(word[0]))
        {
            return false;
        }

        foreach (var c in word)
        {
            if (!(char.IsLetter(c) || c is '-' or '\'' or '\u2019' or '.'))
            {
                return false;
            }
        }

        return true;
    }
}
