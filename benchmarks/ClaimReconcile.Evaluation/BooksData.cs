using System.Text;
using System.Text.RegularExpressions;

namespace ClaimReconcile.Evaluation;

/// <summary>
/// The Books data set (Yin, Han, Yu, KDD 2007, as distributed with DAFNA-EA): <c>claims.txt</c>, Latin-1,
/// pipe-separated <c>claimId| |isbn| AuthorsNamesList| value| source| timestamp|</c>, and <c>truth.txt</c>,
/// <c>isbn&lt;TAB&gt;last, first;  last, first;</c>. An author list becomes a set of family names.
/// </summary>
/// <remarks>
/// The matching rule (documented in docs/accuracy.md): a book's list is right when its set of family names
/// equals the gold set, ignoring order, case, accents, punctuation, first names and initials. The same
/// normalization is applied to every method, and to the gold.
/// </remarks>
public static partial class BooksData
{
    private static readonly HashSet<string> Noise = new(StringComparer.Ordinal)
    {
        "jr", "sr", "ii", "iii", "iv", "phd", "md", "dr", "prof", "mr", "mrs", "ms", "editor", "editors", "ed", "eds",
        "author", "authors", "edt", "et", "al", "etal", "by", "with", "foreword", "translator", "illustrator",
    };

    private const string Accented = "àáâãäåçèéêëìíîïñòóôõöøùúûüýÿÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜÝ";
    private const string Plain = "aaaaaaceeeeiiiinoooooouuuuyyAAAAAACEEEEIIIINOOOOOOUUUUY";

    /// <summary>Reads an author list in any of the shapes of the data into family-name keys, sorted and distinct;
    /// empty for <c>Not Available</c> and for text without a name.</summary>
    public static string[] ParseAuthors(string text)
    {
        var cleaned = Parenthesized().Replace(text, " ");
        cleaned = EtAl().Replace(cleaned, " ");
        cleaned = Glued().Replace(cleaned, "$1 $2");
        if (cleaned.Contains("not available", StringComparison.OrdinalIgnoreCase))
        {
            return [];
        }

        var families = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var part in Separators().Split(cleaned))
        {
            foreach (var family in Families(part))
            {
                families.Add(family);
            }
        }

        return [.. families];
    }

    // One piece between ';', '/', '&', 'and': "Knuth, Donald E.", "Donald E. Knuth", "Abrahams, Paul W., Larson, Bruce R." or
    // "Paul W. Abrahams, Bruce R. Larson".
    private static IEnumerable<string> Families(string part)
    {
        var pieces = part.Split(',').Select(p => Words(p)).Where(w => w.Length > 0).ToArray();
        if (pieces.Length == 0)
        {
            yield break;
        }

        if (pieces.Length == 1)
        {
            yield return pieces[0][^1];
            yield break;
        }

        if (pieces.Length % 2 == 0 && pieces.All(p => p.Length == 1))
        {
            // "Last, First, Last, First".
            for (var i = 0; i < pieces.Length; i += 2)
            {
                yield return pieces[i][0];
            }

            yield break;
        }

        if (pieces.All(p => p.Length >= 2))
        {
            // "First Last, First Last": every piece is a whole name.
            foreach (var piece in pieces)
            {
                yield return piece[^1];
            }

            yield break;
        }

        // "Last, First" or a chain "Last, First Last2, First2 Last3, First3".
        yield return string.Concat(pieces[0]);
        for (var i = 1; i < pieces.Length - 1; i++)
        {
            if (pieces[i].Length >= 2)
            {
                yield return pieces[i][^1];
            }
        }
    }

    // The words of a name, folded to lower-case ASCII letters, without initials and titles.
    private static string[] Words(string name) =>
        [.. name.Split([' ', '\t', '.'], StringSplitOptions.RemoveEmptyEntries).Select(Fold).Where(w => w.Length > 1 && !Noise.Contains(w))];

    /// <summary>Folds a word to lower-case ASCII letters: <c>O'Leary</c> → <c>oleary</c>, <c>Müller</c> → <c>muller</c>.</summary>
    public static string Fold(string word)
    {
        var builder = new StringBuilder(word.Length);
        foreach (var raw in word)
        {
            // Latin-1 letters with accents lose them (the data is Latin-1; no ICU under invariant globalization).
            var index = Accented.IndexOf(raw, StringComparison.Ordinal);
            var c = index >= 0 ? Plain[index] : raw;
            if (c is >= 'a' and <= 'z')
            {
                builder.Append(c);
            }
            else if (c is >= 'A' and <= 'Z')
            {
                builder.Append((char)(c + 32));
            }
        }

        return builder.ToString();
    }

    /// <summary>Loads <c>claims.txt</c> into a claim set (subject: ISBN, property: <c>authors</c>, value: a set of family names).</summary>
    public static ClaimSet LoadClaims(string directory)
    {
        var latin1 = Encoding.Latin1;
        var rows = new List<(string Id, string Isbn, string[] Authors, string Source)>();
        foreach (var line in File.ReadLines(Path.Combine(directory, "claims.txt"), latin1))
        {
            var cells = line.Split('|');
            if (cells.Length < 6)
            {
                continue;
            }

            var authors = ParseAuthors(cells[4].Trim());
            var source = cells[5].Trim();
            if (authors.Length > 0 && source.Length > 0)
            {
                rows.Add((cells[0].Trim(), cells[2].Trim(), authors, source));
            }
        }

        var builder = ClaimSet.CreateBuilder();
        foreach (var source in rows.Select(r => r.Source).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            builder.AddSource(source);
        }

        foreach (var (id, isbn, authors, source) in rows)
        {
            builder.AddClaim(source, isbn, "authors", ClaimValue.Set(authors), id: id);
        }

        return builder.Build();
    }

    /// <summary>Loads <c>truth.txt</c>: the family names of each gold book.</summary>
    public static Dictionary<string, string[]> LoadTruth(string directory)
    {
        var truth = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(Path.Combine(directory, "truth.txt"), Encoding.Latin1))
        {
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab <= 0)
            {
                continue;
            }

            var families = line[(tab + 1)..].Split(';')
                .Select(a => string.Concat(Words(a.Split(',')[0])))
                .Where(f => f.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
            truth[line[..tab].Trim()] = families;
        }

        return truth;
    }

    [GeneratedRegex(@"\([^)]*\)|\[[^\]]*\]")]
    private static partial Regex Parenthesized();

    [GeneratedRegex(@"\bet\.?\s*al\.?", RegexOptions.IgnoreCase)]
    private static partial Regex EtAl();

    // "RobertFlajolet": a lower-case run of three or more glued to a capital (not "McManus", "DeMarco").
    [GeneratedRegex(@"([a-z]{3,})([A-Z])")]
    private static partial Regex Glued();

    [GeneratedRegex(@";|/|&|\band\b|\|", RegexOptions.IgnoreCase)]
    private static partial Regex Separators();
}
