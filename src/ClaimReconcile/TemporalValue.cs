using System.Globalization;
using System.Text;
using NodaTime;
using NodaTime.Text;

namespace ClaimReconcile;

/// <summary>
/// A point or span in time with its granularity: a year, a month, a day, a span of days, a part of a
/// day, or an instant — each optionally hedged ("Ende November", "nach dem 2. Dezember").
/// </summary>
/// <remarks>
/// Immutable; equality is structural. Calendar values are local to the claim's source: they become
/// instants in the source's time zone only when compared. Create with <see cref="InYear"/>,
/// <see cref="InMonth"/>, <see cref="OnDay"/>, <see cref="BetweenDays"/>, <see cref="OnPartOfDay"/> or
/// <see cref="AtInstant"/>.
/// </remarks>
public sealed class TemporalValue : ClaimValue
{
    private TemporalValue(TemporalGranularity granularity, LocalDate start, LocalDate end, PartOfDay? partOfDay, Instant? instant, Hedge hedge)
    {
        Granularity = granularity;
        Start = start;
        End = end;
        PartOfDay = partOfDay;
        Instant = instant;
        Hedge = hedge;
    }

    /// <inheritdoc />
    public override string Kind => "date";

    /// <summary>How precisely the time is stated.</summary>
    public TemporalGranularity Granularity { get; }

    /// <summary>The first calendar day covered (for an instant: its UTC date).</summary>
    public LocalDate Start { get; }

    /// <summary>The last calendar day covered, inclusive (for an instant: its UTC date).</summary>
    public LocalDate End { get; }

    /// <summary>The part of the day, when <see cref="Granularity"/> is <see cref="TemporalGranularity.PartOfDay"/>.</summary>
    public PartOfDay? PartOfDay { get; }

    /// <summary>The instant, when <see cref="Granularity"/> is <see cref="TemporalGranularity.Instant"/>.</summary>
    public Instant? Instant { get; }

    /// <summary>How precisely the time is stated ("about", "more than" = after, "less than" = before).</summary>
    public Hedge Hedge { get; }

    /// <summary>The days covered, for calendar values.</summary>
    public DateInterval Days => new(Start, End);

    /// <summary>A calendar year.</summary>
    public static TemporalValue InYear(int year, Hedge hedge = Hedge.Exact)
    {
        CheckHedge(hedge);
        // The last day is built directly, not as "next year minus a day", so that 9999 works.
        return new TemporalValue(TemporalGranularity.Year, new LocalDate(year, 1, 1), new LocalDate(year, 12, 31), null, null, hedge);
    }

    /// <summary>A calendar month.</summary>
    public static TemporalValue InMonth(YearMonth month, Hedge hedge = Hedge.Exact)
    {
        CheckHedge(hedge);
        var last = month.Calendar.GetDaysInMonth(month.Year, month.Month);
        return new TemporalValue(TemporalGranularity.Month, month.OnDayOfMonth(1), month.OnDayOfMonth(last), null, null, hedge);
    }

    /// <summary>One calendar day.</summary>
    public static TemporalValue OnDay(LocalDate date, Hedge hedge = Hedge.Exact)
    {
        CheckHedge(hedge);
        return new TemporalValue(TemporalGranularity.Day, date, date, null, null, hedge);
    }

    /// <summary>A span of whole days, both ends included.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="end"/> is before <paramref name="start"/>.</exception>
    public static TemporalValue BetweenDays(LocalDate start, LocalDate end, Hedge hedge = Hedge.Exact)
    {
        if (end < start)
        {
            throw new ArgumentOutOfRangeException(nameof(end), end, "A span of days must not end before it starts.");
        }

        CheckHedge(hedge);
        return start == end
            ? new TemporalValue(TemporalGranularity.Day, start, end, null, null, hedge)
            : new TemporalValue(TemporalGranularity.Days, start, end, null, null, hedge);
    }

    /// <summary>A part of one day: "am Dienstagabend".</summary>
    public static TemporalValue OnPartOfDay(LocalDate date, PartOfDay partOfDay, Hedge hedge = Hedge.Exact)
    {
        if (!Enum.IsDefined(partOfDay))
        {
            throw new ArgumentOutOfRangeException(nameof(partOfDay), partOfDay, "Unknown part of day.");
        }

        CheckHedge(hedge);
        return new TemporalValue(TemporalGranularity.PartOfDay, date, date, partOfDay, null, hedge);
    }

    /// <summary>An instant.</summary>
    public static TemporalValue AtInstant(Instant instant, Hedge hedge = Hedge.Exact)
    {
        CheckHedge(hedge);
        var date = instant.InUtc().Date;
        return new TemporalValue(TemporalGranularity.Instant, date, date, null, instant, hedge);
    }

    /// <summary>
    /// The date part as the claim-set contract writes it: <c>2025</c>, <c>2025-12</c>, <c>2025-12-02</c>,
    /// <c>2025-11-29/2025-11-30</c>; for an instant, its extended ISO form.
    /// </summary>
    public string ToIsoString() => AppendIso(new StringBuilder()).ToString();

    /// <inheritdoc />
    public override bool Equals(ClaimValue? other) =>
        other is TemporalValue t && t.Granularity == Granularity && t.Start == Start && t.End == End
        && t.PartOfDay == PartOfDay && t.Instant == Instant && t.Hedge == Hedge;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Granularity, Start, End, PartOfDay, Instant, Hedge);

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
        text.Append(Hedge switch
        {
            Hedge.MoreThan => "after ",
            Hedge.LessThan => "before ",
            Hedge.AtLeast => "on or after ",
            Hedge.AtMost => "on or before ",
            _ => HedgePrefix(Hedge),
        });

        AppendIso(text);
        if (PartOfDay is { } part)
        {
            text.Append(' ').Append(PartOfDayNames.ToName(part));
        }
    }

    /// <summary>Appends the ISO form <see cref="ToIsoString"/> returns: an explanation writes it straight into its sentence.</summary>
    private StringBuilder AppendIso(StringBuilder text)
    {
        switch (Granularity)
        {
            case TemporalGranularity.Year:
                text.Append(CultureInfo.InvariantCulture, $"{Start.Year:D4}");
                break;
            case TemporalGranularity.Month:
                YearMonthPattern.Iso.AppendFormat(Start.ToYearMonth(), text);
                break;
            case TemporalGranularity.Day or TemporalGranularity.PartOfDay:
                LocalDatePattern.Iso.AppendFormat(Start, text);
                break;
            case TemporalGranularity.Days:
                LocalDatePattern.Iso.AppendFormat(Start, text).Append('/');
                LocalDatePattern.Iso.AppendFormat(End, text);
                break;
            case TemporalGranularity.Instant:
                InstantPattern.ExtendedIso.AppendFormat(Instant!.Value, text);
                break;
            default:
                throw new InvalidOperationException();
        }

        return text;
    }
}
