using System.Collections.Concurrent;
using System.Globalization;
using NodaTime;

namespace ClaimReconcile.Pipeline;

/// <summary>
/// Turns a claim's value into a comparable <see cref="Form"/>: units to base units, hedges to intervals
/// (through the <see cref="HedgeTable"/>), dates to instants in the source's time zone, ages to birth
/// intervals, mentions to entity ids.
/// </summary>
/// <remarks>
/// Thread-safe: claims may be normalized in parallel. Units and texts repeat across claims (a million claims name a
/// handful of units), so each distinct spelling is folded once per normalizer, and claims stating the same text or
/// entity share one form.
/// </remarks>
internal sealed class ValueNormalizer(HedgeTable hedges, EntityResolver resolver)
{
    public const string InstantDimension = "instant";
    public const string BirthDimension = "birth";

    private readonly ConcurrentDictionary<string, (string Dimension, double Factor)> _units = new(StringComparer.Ordinal);
    private static readonly KeyForm True = new("boolean", "true");
    private static readonly KeyForm False = new("boolean", "false");

    // Forms are immutable, so claims stating the same text or entity share one.
    private readonly ConcurrentDictionary<string, KeyForm> _texts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, KeyForm> _entities = new(StringComparer.Ordinal);

    // Where a day starts in a zone: a million dates name a few hundred days in a handful of zones, and NodaTime makes a
    // new zone mapping object for every question asked of it.
    private readonly ConcurrentDictionary<(DateTimeZone Zone, LocalDate Date), double> _dayStarts = new();

    // Intervals repeat too (a million numbers and dates make some ten thousand distinct intervals), and a run keeps every
    // claim's form until its report is done: claims with the same interval share one, so the garbage collector copies
    // thousands of forms rather than a million. The bounds are keyed by their bits (unlike record equality, 0 and −0
    // differ), so a shared form is exactly the one the claim would have had, whichever claim came first.
    private readonly ConcurrentDictionary<(string Dimension, long Low, long High, bool LowOpen, bool HighOpen), IntervalForm> _intervals = new();

    public Form Normalize(ClaimValue value, string property, Source? source, LocalDate? asOf, bool negated) =>
        Normalize(value, IsAge(property), source, asOf, negated);

    /// <summary>Normalizes a value when the caller already knows whether its property is an age.</summary>
    public Form Normalize(ClaimValue value, bool isAge, Source? source, LocalDate? asOf, bool negated)
    {
        var zone = source?.TimeZone ?? DateTimeZone.Utc;
        return value switch
        {
            NumberValue n when isAge && IsYears(n.Unit) => Age(n.Min, n.Max, n.Hedge, asOf, zone),
            DurationValue d when isAge => Age(d.Length.TotalSeconds / Units.SecondsPerYear, d.Length.TotalSeconds / Units.SecondsPerYear, d.Hedge, asOf, zone, exactYears: false),
            NumberValue n => Number(n),
            DurationValue d => Hedged(Units.Time, d.Length.TotalSeconds, d.Length.TotalSeconds, d.Hedge, DurationStep(d.Length)),
            TemporalValue t => Temporal(t, zone),
            EntityValue e => _entities.GetOrAdd(e.Mention, static (mention, resolver) => new KeyForm("entity", resolver.Key(mention)), resolver),
            TextValue t => _texts.GetOrAdd(t.Value, static text => new KeyForm("text", TextFolding.Fold(text))),
            BooleanValue b => (b.Value ^ negated) ? True : False,
            SetValue s => new SetForm([.. s.Members.Select(resolver.Key).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]),
            _ => throw new InvalidOperationException($"Unknown value kind {value.GetType().Name}."),
        };
    }

    public static bool IsAge(string property) => string.Equals(property.Trim(), "age", StringComparison.OrdinalIgnoreCase);

    private (string Dimension, double Factor) Unit(string? unit) =>
        unit is null ? Units.Resolve(null) : _units.GetOrAdd(unit, static u => Units.Resolve(u));

    private bool IsYears(string? unit) => unit is not null && Unit(unit) is (Units.Time, Units.SecondsPerYear);

    private IntervalForm Number(NumberValue n)
    {
        var (dimension, factor) = Unit(n.Unit);
        var step = n.IsSingle ? RoundingStep(n.Min) * factor : 0;
        return Hedged(dimension, n.Min * factor, n.Max * factor, n.Hedge, step);
    }

    private IntervalForm Hedged(string dimension, double min, double max, Hedge hedge, double step)
    {
        var rule = hedges[hedge];
        double low, high;
        bool lowOpen, highOpen;
        if (min >= 0)
        {
            low = rule.LowerFactor is { } lf ? min * lf : double.NegativeInfinity;
            high = rule.UpperFactor is { } uf ? max * uf : double.PositiveInfinity;
            (lowOpen, highOpen) = (rule.LowerOpen, rule.UpperOpen);
        }
        else
        {
            // Below zero the factors act on magnitudes, so the sides swap.
            low = rule.UpperFactor is { } uf ? min * uf : double.NegativeInfinity;
            high = rule.LowerFactor is { } lf ? max * lf : double.PositiveInfinity;
            (lowOpen, highOpen) = (rule.UpperOpen, rule.LowerOpen);
        }

        if (rule.UsesRoundingStep && step > 0)
        {
            // Rounding to a step covers [v − step/2, v + step/2): 5 h and 6 h touch at 5.5 h but do not agree.
            low = Math.Min(low, min - (step / 2));
            if (max + (step / 2) >= high)
            {
                high = max + (step / 2);
                highOpen = true;
            }
        }

        return Interval(dimension, low, high, lowOpen, highOpen);
    }

    /// <summary>The interval form with these bounds, shared by every claim that has them.</summary>
    private IntervalForm Interval(string dimension, double low, double high, bool lowOpen, bool highOpen) =>
        _intervals.GetOrAdd((dimension, BitConverter.DoubleToInt64Bits(low), BitConverter.DoubleToInt64Bits(high), lowOpen, highOpen),
            static k => new IntervalForm(k.Dimension, BitConverter.Int64BitsToDouble(k.Low), BitConverter.Int64BitsToDouble(k.High), k.LowOpen, k.HighOpen));

    /// <summary>An age as of a date, as the interval in which the birth (or start) must lie.</summary>
    private IntervalForm Age(double min, double max, Hedge hedge, LocalDate? asOf, DateTimeZone zone, bool exactYears = true)
    {
        // A stated age in whole years is floored: "68" covers 68 up to (not including) 69.
        var years = hedge == Hedge.Exact && exactYears && min == max && min == Math.Floor(min)
            ? new IntervalForm(Units.Time, min, min + 1, false, true)
            : Hedged(Units.Time, min, max, hedge, exactYears ? 0 : RoundingStep(min));
        var reference = asOf is { } date ? EndOfDayCached(zone, date) : 0;
        return Interval(BirthDimension,
            reference - (years.High * Units.SecondsPerYear), reference - (years.Low * Units.SecondsPerYear), years.HighOpen, years.LowOpen);
    }

    /// <summary>The start of the next day, in seconds; the last day the calendar holds (9999-12-31) ends 24 hours after it starts.</summary>
    internal static double EndOfDay(DateTimeZone zone, LocalDate date) => date == LocalDate.MaxIsoValue
        ? StartOfDay(zone, date) + 86_400
        : StartOfDay(zone, date.PlusDays(1));

    /// <summary>
    /// The start of a day in a zone, in Unix seconds. In the first and last years of the calendar the instant can lie
    /// outside what NodaTime holds, so there the zone's offset at the calendar's edge is applied to the UTC midnight.
    /// </summary>
    internal static double StartOfDay(DateTimeZone zone, LocalDate date) => date.Year is > -9998 and < 9999
        ? Seconds(zone.AtStartOfDay(date).ToInstant())
        : Seconds(date.AtStartOfDayInZone(DateTimeZone.Utc).ToInstant()) - zone.GetUtcOffset(date.Year < 0 ? Instant.MinValue : Instant.MaxValue).Seconds;

    /// <summary><see cref="StartOfDay"/>, worked out once per zone and date.</summary>
    private double StartOfDayCached(DateTimeZone zone, LocalDate date) =>
        _dayStarts.GetOrAdd((zone, date), static day => StartOfDay(day.Zone, day.Date));

    /// <summary><see cref="EndOfDay"/>, from the cached start of the next day.</summary>
    private double EndOfDayCached(DateTimeZone zone, LocalDate date) => date == LocalDate.MaxIsoValue
        ? EndOfDay(zone, date)
        : StartOfDayCached(zone, date.PlusDays(1));

    private IntervalForm Temporal(TemporalValue t, DateTimeZone zone)
    {
        double start, end, unit;
        if (t.Instant is { } instant)
        {
            start = end = Seconds(instant);
            unit = 15 * 60;
        }
        else if (t.PartOfDay is { } part)
        {
            var (from, to) = PartOfDayNames.Hours(part);
            var day = StartOfDayCached(zone, t.Start);
            start = day + (from * 3_600.0);
            end = day + (to * 3_600.0);
            unit = 3 * 3_600;
        }
        else
        {
            start = StartOfDayCached(zone, t.Start);
            end = EndOfDayCached(zone, t.End);
            unit = t.Granularity switch
            {
                TemporalGranularity.Year => Units.SecondsPerYear,
                TemporalGranularity.Month => Units.SecondsPerYear / 12,
                _ => 86_400,
            };
        }

        // Calendar values cover [start, end); an instant is the closed point [t, t].
        var endOpen = t.Instant is null;
        var rule = hedges.ForDates(t.Hedge);
        double low = double.NegativeInfinity, high = double.PositiveInfinity;
        bool lowOpen = false, highOpen = false;
        if (rule.LowerUnits is { } below)
        {
            low = (rule.LowerFromEnd ? end : start) - (below * unit);
            lowOpen = rule.LowerFromEnd && !endOpen;
        }

        if (rule.UpperUnits is { } above)
        {
            high = (rule.UpperFromStart ? start : end) + (above * unit);
            highOpen = rule.UpperFromStart || endOpen;
        }

        return Interval(InstantDimension, low, high, lowOpen, highOpen);
    }

    public static double Seconds(Instant instant) => instant.ToUnixTimeTicks() / (double)NodaConstants.TicksPerSecond;

    /// <summary>The rounding step of a stated number: 1 for 5, 68, 50 or 150; 10 for 100 or 1500; 0.1 for 4.5.</summary>
    internal static double RoundingStep(double value)
    {
        var magnitude = Math.Abs(value);
        if (magnitude == 0)
        {
            return 1;
        }

        if (magnitude != Math.Floor(magnitude))
        {
            // Written on the stack: every stated number with decimals passes here.
            Span<char> buffer = stackalloc char[64];
            ReadOnlySpan<char> text = magnitude.TryFormat(buffer, out var written, "R", CultureInfo.InvariantCulture)
                ? buffer[..written]
                : magnitude.ToString("R", CultureInfo.InvariantCulture);
            var point = text.IndexOf('.');
            var decimals = point < 0 || text.IndexOfAny('E', 'e') >= 0 ? 6 : text.Length - point - 1;
            return Math.Pow(10, -decimals);
        }

        // Trailing zeros mark rounding, except the last one: 50 is read as exact, 1500 as 1500 ± 5.
        var zeros = 0;
        while (magnitude >= 10 && magnitude % 10 == 0)
        {
            magnitude /= 10;
            zeros++;
        }

        return Math.Pow(10, Math.Max(0, zeros - 1));
    }

    private static double DurationStep(Duration length)
    {
        var seconds = length.TotalSeconds;
        if (seconds >= 3_600 && seconds % 3_600 == 0)
        {
            return RoundingStep(seconds / 3_600) * 3_600;
        }

        if (seconds >= 60 && seconds % 60 == 0)
        {
            return RoundingStep(seconds / 60) * 60;
        }

        return RoundingStep(seconds);
    }
}
