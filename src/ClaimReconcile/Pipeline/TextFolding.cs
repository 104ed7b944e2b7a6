using System.Globalization;
using System.Text;

namespace ClaimReconcile.Pipeline;

/// <summary>Folds text for comparison: case, accents (ä → a, ß → ss), dashes, quotes and white space.</summary>
internal static class TextFolding
{
    public static string Fold(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormKD);
        var builder = new StringBuilder(decomposed.Length);
        var space = false;
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsWhiteSpace(c) || category is UnicodeCategory.Control)
            {
                space = builder.Length > 0;
                continue;
            }

            if (category is UnicodeCategory.InitialQuotePunctuation or UnicodeCategory.FinalQuotePunctuation || c is '"' or '\'')
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
            else if (c == 'ß')
            {
                builder.Append("ss");
            }
            else
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }
}
