namespace ClaimReconcile;

/// <summary>
/// How one <see cref="Hedge"/> widens a stated value <c>v</c> into an interval: the lower bound is
/// <c>v × LowerFactor</c> and the upper bound <c>v × UpperFactor</c> (for a negative <c>v</c> the two swap);
/// a <see langword="null"/> factor leaves that side unbounded.
/// </summary>
/// <remarks>
/// A value type with structural equality. The default value (both factors 0, closed) is not useful on
/// its own; use <see cref="HedgeTable.Default"/> or <see cref="Create"/>.
/// </remarks>
public readonly record struct HedgeRule
{
    private HedgeRule(double? lowerFactor, bool lowerOpen, double? upperFactor, bool upperOpen, bool usesRoundingStep)
    {
        LowerFactor = lowerFactor;
        LowerOpen = lowerOpen;
        UpperFactor = upperFactor;
        UpperOpen = upperOpen;
        UsesRoundingStep = usesRoundingStep;
    }

    /// <summary>Factor for the lower bound, or <see langword="null"/> for no lower bound.</summary>
    public double? LowerFactor { get; }

    /// <summary>Whether the lower bound itself is excluded.</summary>
    public bool LowerOpen { get; }

    /// <summary>Factor for the upper bound, or <see langword="null"/> for no upper bound.</summary>
    public double? UpperFactor { get; }

    /// <summary>Whether the upper bound itself is excluded.</summary>
    public bool UpperOpen { get; }

    /// <summary>
    /// Whether the interval is at least as wide as the number's rounding step: "5 h" covers 4.5 h to 5.5 h.
    /// </summary>
    public bool UsesRoundingStep { get; }

    /// <summary>Creates a rule, checking that the factors are finite, non-negative and ordered.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A factor is negative, not finite, or lower exceeds upper.</exception>
    public static HedgeRule Create(double? lowerFactor, bool lowerOpen, double? upperFactor, bool upperOpen, bool usesRoundingStep = false)
    {
        if (lowerFactor is { } lower && (!double.IsFinite(lower) || lower < 0))
        {
            throw new ArgumentOutOfRangeException(nameof(lowerFactor), lowerFactor, "A hedge factor must be finite and not negative.");
        }

        if (upperFactor is { } upper && (!double.IsFinite(upper) || upper < 0))
        {
            throw new ArgumentOutOfRangeException(nameof(upperFactor), upperFactor, "A hedge factor must be finite and not negative.");
        }

        if (lowerFactor > upperFactor)
        {
            throw new ArgumentOutOfRangeException(nameof(lowerFactor), lowerFactor, "The lower factor must not exceed the upper factor.");
        }

        return new HedgeRule(lowerFactor, lowerOpen, upperFactor, upperOpen, usesRoundingStep);
    }
}
