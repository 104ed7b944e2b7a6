using System.Globalization;
using System.Text;
using NodaTime;
using NodaTime.Text;

namespace ClaimReconcile;

/// <summary>A length of time with a hedge: "fast fünf Stunden" is <c>almost PT5H</c>.</summary>
/// <remarks>
/// Immutable; equality is structural (same length and hedge). The length is a NodaTime
/// <see cref="NodaTime.Duration"/>; ISO 8601 periods with years or months are read with average calendar
/// lengths (a year is 365.2425 days, a month a twelfth of that). Create with <see cref="Of"/>.
/// </remarks>
public sealed class DurationValue : ClaimValue
{
    private DurationValue(Duration length, Hedge hedge)
    {
        Length = length;
        Hedge = hedge;
    }

    /// <inheritdoc />
    public override string Kind => "duration";

    /// <summary>The stated length of time.</summary>
    public Duration Length { get; }

    /// <summary>How precisely the length is stated.</summary>
    public Hedge Hedge { get; }

    /// <summary>
    /// The longest duration held: 100,000 days (about 273 years), so that the ISO form, counted in nanoseconds, cannot overflow.
    /// </summary>
    internal static readonly Duration MaxLength = NodaTime.Duration.FromDays(100_000);

    /// <summary>A duration.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="length"/> is negative, or longer than 100,000 days.</exception>
    public static DurationValue Of(Duration length, Hedge hedge = Hedge.Exact)
    {
        if (length < NodaTime.Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(length), length, "A duration must not be negative.");
        }

        if (length > MaxLength)
        {
            throw new ArgumentOutOfRangeException(nameof(length), length, "A duration must not be longer than 100,000 days.");
        }

        CheckHedge(hedge);
        return new DurationValue(length, hedge);
    }

    /// <summary>The length as an ISO 8601 period in hours, minutes and seconds (<c>PT4H30M</c>).</summary>
    public string ToIsoString() => PeriodPattern.NormalizingIso.Format(ToPeriod(Length));

    /// <inheritdoc />
    public override bool Equals(ClaimValue? other) => other is DurationValue d && d.Length == Length && d.Hedge == Hedge;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Length, Hedge);

    /// <inheritdoc />
    public override string ToString()
    {
        var text = new StringBuilder();
        AppendTo(text);
        return text.ToString();
    }

    internal static Period ToPeriod(Duration length)
    {
        var builder = new PeriodBuilder
        {
            Hours = (long)Math.Floor(length.TotalHours),
            Minutes = length.Minutes,
            Seconds = length.Seconds,
            Milliseconds = length.SubsecondNanoseconds / 1_000_000,
        };
        return builder.Build();
    }

    /// <inheritdoc />
    internal override void AppendTo(StringBuilder text)
    {
        text.Append(HedgePrefix(Hedge));
        AppendDescription(text, Length);
    }

    /// <summary>
    /// Appends a length in hours, minutes and seconds ("2 h 30 min"), part by part into the text: an explanation writes
    /// one for many of the values it names.
    /// </summary>
    internal static void AppendDescription(StringBuilder text, Duration length)
    {
        if (length == NodaTime.Duration.Zero)
        {
            text.Append("0 s");
            return;
        }

        var start = text.Length;
        var hours = (long)Math.Floor(length.TotalHours);
        if (hours > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"{hours} h");
        }

        if (length.Minutes > 0)
        {
            Space(text, start).Append(CultureInfo.InvariantCulture, $"{length.Minutes} min");
        }

        if (length.Seconds > 0 || length.SubsecondNanoseconds > 0)
        {
            var seconds = length.Seconds + (length.SubsecondNanoseconds / 1e9);
            NumberValue.AppendFormatted(Space(text, start), seconds);
            text.Append(" s");
        }
    }

    /// <summary>A space between two parts: only once a part has been written since <paramref name="start"/>.</summary>
    private static StringBuilder Space(StringBuilder text, int start) => text.Length > start ? text.Append(' ') : text;
}
