using System.Text;

namespace ClaimReconcile.Rendering;

/// <summary>How the renderers write a large report to a <see cref="TextWriter"/> without holding all of it.</summary>
internal static class TextOutput
{
    private const int DrainAt = 64 * 1024;

    /// <summary>A whole document as one string: <paramref name="document"/> builds it with no output to drain to.</summary>
    public static string Render(Action<StringBuilder, TextWriter?> document)
    {
        var text = new StringBuilder();
        document(text, null);
        return text.ToString();
    }

    /// <summary>The same document written to <paramref name="output"/> a part at a time (see <see cref="Drain"/>); the rest at the end.</summary>
    public static void Write(TextWriter output, Action<StringBuilder, TextWriter?> document)
    {
        var text = new StringBuilder();
        document(text, output);
        output.Write(text);
    }

    /// <summary>
    /// Passes what is built so far on to <paramref name="output"/> once it is large, and starts again, so that a report of
    /// a million claims goes out a part at a time; with no output (rendering to a string) it does nothing.
    /// </summary>
    public static void Drain(StringBuilder text, TextWriter? output)
    {
        if (output is not null && text.Length > DrainAt)
        {
            output.Write(text);
            text.Clear();
        }
    }
}
