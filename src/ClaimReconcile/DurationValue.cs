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
    public override string ToString() => HedgePrefix(Hedge) + Describe(Length);

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

    internal static string Describe(Duration length)
    {
        if (length == NodaTime.Duration.Zero)
        {
            return "0 s";
        }

        var parts = new List<string>(4);
        var hours = (long)Math.Floor(length.TotalHours);
        if (hours > 0)
        {
            parts.Add($"{hours} h");
        }

        if (length.Minutes > 0)
        {
            parts.Add($"{length.Minutes} min");
        }

        if (length.Seconds > 0 || length.SubsecondNanoseconds > 0)
        {
            var seconds = length.Seconds + (length.SubsecondNanoseconds / 1e9);
            parts.Add($"{NumberValue.Format(seconds)} s");
        }

        return string.Join(' ', parts);
    }
}
