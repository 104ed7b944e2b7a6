namespace ClaimReconcile;

/// <summary>Free text ("US-Präsident"), compared after normalization of case, accents, dashes and white space.</summary>
/// <remarks>Immutable; equality is structural on the text as written.</remarks>
public sealed class TextValue : ClaimValue
{
    private TextValue(string text) => Value = text;

    /// <inheritdoc />
    public override string Kind => "text";

    /// <summary>The text as written.</summary>
    public string Value { get; }

    /// <summary>A text value.</summary>
    /// <exception cref="ArgumentException"><paramref name="text"/> is empty or white space.</exception>
    public static TextValue Of(string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        return new TextValue(text.Trim());
    }

    /// <inheritdoc />
    public override bool Equals(ClaimValue? other) => other is TextValue t && t.Value == Value;

    /// <inheritdoc />
    public override int GetHashCode() => Value.GetHashCode(StringComparison.Ordinal);

    /// <inheritdoc />
    public override string ToString() => $"\u201C{Value}\u201D";
}
