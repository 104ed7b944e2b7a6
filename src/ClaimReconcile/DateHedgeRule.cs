namespace ClaimReconcile;

/// <summary>
/// How one <see cref="Hedge"/> widens a stated date, part of day or instant, measured in units of its
/// granularity (a year, a twelfth of a year, a day, three hours for a part of day, fifteen minutes for an
/// instant). The stated value covers <c>[start, end)</c>; the lower bound is <c>start − LowerUnits</c> (or
/// <c>end − LowerUnits</c> when <see cref="LowerFromEnd"/>), the upper bound <c>end + UpperUnits</c> (or
/// <c>start + UpperUnits</c> when <see cref="UpperFromStart"/>); a <see langword="null"/> count leaves that side unbounded.
/// </summary>
/// <remarks>
/// A value type with structural equality. The default value (no widening, from start to end) is the exact rule.
/// "after 2 December" is <c>LowerFromEnd</c> with 0 units and no upper bound; "before 2 December" is no lower
/// bound and <c>UpperFromStart</c> with 0 units.
/// </remarks>
public readonly record struct DateHedgeRule
{
    private DateHedgeRule(double? lowerUnits, bool lowerFromEnd, double? upperUnits, bool upperFromStart)
    {
        LowerUnits = lowerUnits;
        LowerFromEnd = lowerFromEnd;
        UpperUnits = upperUnits;
        UpperFromStart = upperFromStart;
    }

    /// <summary>Units of the granularity below the anchor for the lower bound, or <see langword="null"/> for none.</summary>
    public double? LowerUnits { get; }

    /// <summary>Whether the lower bound is measured from the end of the stated value ("after").</summary>
    public bool LowerFromEnd { get; }

    /// <summary>Units of the granularity above the anchor for the upper bound, or <see langword="null"/> for none.</summary>
    public double? UpperUnits { get; }

    /// <summary>Whether the upper bound is measured from the start of the stated value ("before").</summary>
    public bool UpperFromStart { get; }

    /// <summary>Creates a rule, checking that the unit counts are finite and not negative.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative or not finite.</exception>
    public static DateHedgeRule Create(double? lowerUnits, bool lowerFromEnd, double? upperUnits, bool upperFromStart)
    {
        if (lowerUnits is { } lower && (!double.IsFinite(lower) || lower < 0))
        {
            throw new ArgumentOutOfRangeException(nameof(lowerUnits), lowerUnits, "A unit count must be finite and not negative.");
        }

        if (upperUnits is { } upper && (!double.IsFinite(upper) || upper < 0))
        {
            throw new ArgumentOutOfRangeException(nameof(upperUnits), upperUnits, "A unit count must be finite and not negative.");
        }

        return new DateHedgeRule(lowerUnits, lowerFromEnd, upperUnits, upperFromStart);
    }
}
