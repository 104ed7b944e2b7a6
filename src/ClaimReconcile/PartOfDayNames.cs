namespace ClaimReconcile;

internal static class PartOfDayNames
{
    public static string ToName(PartOfDay part) => part switch
    {
        PartOfDay.Night => "night",
        PartOfDay.Morning => "morning",
        PartOfDay.Midday => "midday",
        PartOfDay.Afternoon => "afternoon",
        PartOfDay.Evening => "evening",
        _ => throw new ArgumentOutOfRangeException(nameof(part), part, null),
    };

    public static bool TryParse(string text, out PartOfDay part)
    {
        foreach (var candidate in Enum.GetValues<PartOfDay>())
        {
            if (string.Equals(ToName(candidate), text, StringComparison.OrdinalIgnoreCase))
            {
                part = candidate;
                return true;
            }
        }

        part = default;
        return false;
    }

    /// <summary>The local hours a part of day covers, as [start, end).</summary>
    public static (int StartHour, int EndHour) Hours(PartOfDay part) => part switch
    {
        PartOfDay.Night => (0, 6),
        PartOfDay.Morning => (6, 12),
        PartOfDay.Midday => (11, 14),
        PartOfDay.Afternoon => (12, 18),
        PartOfDay.Evening => (18, 24),
        _ => throw new ArgumentOutOfRangeException(nameof(part), part, null),
    };
}
