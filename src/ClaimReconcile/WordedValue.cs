using ClaimReconcile.Pipeline.Text;

namespace ClaimReconcile;

/// <summary>
/// A number, duration or date as the source words it — "fast fünf Stunden", "am Dienstagabend", "rund 300" —
/// for the reconciler to read in German or English against the claim's source (its publication date, time
/// zone and language).
/// </summary>
/// <remarks>
/// Immutable; equality is structural (same kind, words, unit and hedge). The reconciler replaces it with the
/// <see cref="NumberValue"/>, <see cref="DurationValue"/> or <see cref="TemporalValue"/> it reads, whose
/// <see cref="ClaimValue.StatedAs"/> keeps the words; words it cannot read are reported as
/// <c>unreadable-text</c> and the claim is left out. An explicit <see cref="Hedge"/> other than
/// <see cref="Hedge.Exact"/> replaces a hedge word in the text. Create with <see cref="Number"/>,
/// <see cref="Duration"/> or <see cref="Date"/>. The supported phrases are listed in <c>docs/text-forms.md</c>.
/// </remarks>
public sealed class WordedValue : ClaimValue
{
    private WordedValue(string kind, string text, string? unit, Hedge hedge)
    {
        Kind = kind;
        Words = text;
        Unit = unit;
        Hedge = hedge;
    }

    /// <summary>The kind the words stand for: <c>number</c>, <c>duration</c> or <c>date</c>.</summary>
    public override string Kind { get; }

    /// <summary>The words as written.</summary>
    public string Words { get; }

    /// <summary>For a number, the unit given beside the words, or <see langword="null"/>.</summary>
    public string? Unit { get; }

    /// <summary>A hedge given beside the words; <see cref="Hedge.Exact"/> when the words alone decide.</summary>
    public Hedge Hedge { get; }

    /// <summary>A number in words: "rund 300", "fünfundzwanzig", "a dozen", "ein Fünftel".</summary>
    /// <exception cref="ArgumentException"><paramref name="text"/> is empty or white space.</exception>
    public static WordedValue Number(string text, string? unit = null, Hedge hedge = Hedge.Exact) => Create(QuantityText.NumberKind, text, unit, hedge);

    /// <summary>A duration in words: "fast fünf Stunden", "fünfstündig", "stundenlang", "about 90 minutes".</summary>
    /// <exception cref="ArgumentException"><paramref name="text"/> is empty or white space.</exception>
    public static WordedValue Duration(string text, Hedge hedge = Hedge.Exact) => Create(QuantityText.DurationKind, text, null, hedge);

    /// <summary>A date in words: "am Dienstagabend", "vor rund drei Wochen", "Ende November", "3 December 2025".</summary>
    /// <exception cref="ArgumentException"><paramref name="text"/> is empty or white space.</exception>
    public static WordedValue Date(string text, Hedge hedge = Hedge.Exact) => Create(TimeText.DateKind, text, null, hedge);

    /// <inheritdoc />
    public override bool Equals(ClaimValue? other) =>
        other is WordedValue w && w.Kind == Kind && w.Words == Words && w.Unit == Unit && w.Hedge == Hedge;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Kind, Words, Unit, Hedge);

    /// <inheritdoc />
    public override string ToString() => $"{HedgePrefix(Hedge)}“{Words}”{(Unit is null ? "" : " " + Unit)} ({Kind} in words)";

    private static WordedValue Create(string kind, string text, string? unit, Hedge hedge)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        CheckHedge(hedge);
        return new WordedValue(kind, text.Trim(), string.IsNullOrWhiteSpace(unit) ? null : unit.Trim(), hedge);
    }
}
