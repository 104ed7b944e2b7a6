namespace ClaimReconcile;

/// <summary>How precisely a <see cref="TemporalValue"/> is stated. The default value is <see cref="Year"/>.</summary>
public enum TemporalGranularity
{
    /// <summary>A calendar year ("2025").</summary>
    Year = 0,

    /// <summary>A calendar month ("2025-12").</summary>
    Month,

    /// <summary>A span of whole days ("2025-11-29/2025-11-30", a weekend, a week).</summary>
    Days,

    /// <summary>One calendar day ("2025-12-02").</summary>
    Day,

    /// <summary>A part of one day ("2025-12-02", evening).</summary>
    PartOfDay,

    /// <summary>An instant on the global time line.</summary>
    Instant,
}
