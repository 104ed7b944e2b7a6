using System.Globalization;
using System.Text;

namespace ClaimReconcile;

/// <summary>A number or a range of numbers, with an optional unit and a hedge: "68 years", "4.5–5 h", "about 90 min".</summary>
/// <remarks>
/// Immutable; equality is structural (same bounds, unit text and hedge). Numbers with a unit of time
/// compare with <see cref="DurationValue"/>s. Create with <see cref="Of"/> or <see cref="Range"/>.
/// </remarks>
public sealed class NumberValue : ClaimValue
{
    private NumberValue(double min, double max, string? unit, Hedge hedge)
    {
        Min = min;
        Max = max;
        Unit = unit;
        Hedge = hedge;
    }

    /// <inheritdoc />
    public override string Kind => "number";

    /// <summary>The lower end of the stated range; equal to <see cref="Max"/> for a single number.</summary>
    public double Min { get; }

    /// <summary>The upper end of the stated range.</summary>
    public double Max { get; }

    /// <summary>Whether a single number was stated rather than a range.</summary>
    public bool IsSingle => Min == Max;

    /// <summary>The unit as written (<c>h</c>, <c>year</c>, <c>km</c>), or <see langword="null"/> for a plain count.</summary>
    public string? Unit { get; }

    /// <summary>How precisely the number is stated.</summary>
    public Hedge Hedge { get; }

    /// <summary>A single number.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is not finite.</exception>
    public static NumberValue Of(double value, string? unit = null, Hedge hedge = Hedge.Exact) => Range(value, value, unit, hedge);

    /// <summary>A range of numbers from <paramref name="min"/> to <paramref name="max"/>, inclusive.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A bound is not finite, or <paramref name="min"/> exceeds <paramref name="max"/>.</exception>
    public static NumberValue Range(double min, double max, string? unit = null, Hedge hedge = Hedge.Exact)
    {
        if (!double.IsFinite(min))
        {
            throw new ArgumentOutOfRangeException(nameof(min), min, "A number must be finite.");
        }

        if (!double.IsFinite(max))
        {
            throw new ArgumentOutOfRangeException(nameof(max), max, "A number must be finite.");
        }

        if (min > max)
        {
            throw new ArgumentOutOfRangeException(nameof(min), min, "The lower end of a range must not exceed its upper end.");
        }

        CheckHedge(hedge);
        return new NumberValue(min, max, string.IsNullOrWhiteSpace(unit) ? null : unit.Trim(), hedge);
    }

    /// <inheritdoc />
    public override bool Equals(ClaimValue? other) =>
        other is NumberValue n && n.Min.Equals(Min) && n.Max.Equals(Max) && n.Unit == Unit && n.Hedge == Hedge;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Min, Max, Unit, Hedge);

    /// <inheritdoc />
    public override string ToString()
    {
        var text = new StringBuilder();
        AppendTo(text);
        return text.ToString();
    }

    /// <inheritdoc />
    internal override void AppendTo(StringBuilder text)
    {
        text.Append(HedgePrefix(Hedge));
        AppendFormatted(text, Min);
        if (!IsSingle)
        {
            text.Append('–');
            AppendFormatted(text, Max);
        }

        if (Unit is not null)
        {
            text.Append(' ').Append(Unit);
        }
    }

    internal static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Appends a number as <see cref="Format"/> writes it, without making a string of it.</summary>
    internal static void AppendFormatted(StringBuilder text, double value) => text.Append(CultureInfo.InvariantCulture, $"{value:R}");
}
