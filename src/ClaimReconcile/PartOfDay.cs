namespace ClaimReconcile;

/// <summary>A part of a day, as news text names it ("am Dienstagabend" is Tuesday <see cref="Evening"/>).</summary>
/// <remarks>
/// Local times covered: night 00:00–06:00, morning 06:00–12:00, midday 11:00–14:00, afternoon 12:00–18:00,
/// evening 18:00–24:00. The default value is <see cref="Night"/>.
/// </remarks>
public enum PartOfDay
{
    /// <summary>00:00 to 06:00 local time.</summary>
    Night = 0,

    /// <summary>06:00 to 12:00 local time.</summary>
    Morning,

    /// <summary>11:00 to 14:00 local time.</summary>
    Midday,

    /// <summary>12:00 to 18:00 local time.</summary>
    Afternoon,

    /// <summary>18:00 to 24:00 local time.</summary>
    Evening,
}
