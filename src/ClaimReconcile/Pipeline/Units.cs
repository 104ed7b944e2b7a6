namespace ClaimReconcile.Pipeline;

/// <summary>The units the reconciler converts: time (to seconds) and percent. Other units compare only with themselves.</summary>
internal static class Units
{
    public const string Time = "time";
    public const double SecondsPerYear = 365.2425 * 86_400;

    private static readonly Dictionary<string, (string Dimension, double Factor)> Known = Build();

    /// <summary>The dimension and the factor to its base unit; unknown units are their own dimension.</summary>
    public static (string Dimension, double Factor) Resolve(string? unit)
    {
        if (unit is null)
        {
            return ("count", 1);
        }

        var key = TextFolding.Fold(unit).TrimEnd('.');
        return Known.TryGetValue(key, out var known) ? known : ("unit:" + key, 1);
    }

    public static bool IsYears(string? unit) => unit is not null && Resolve(unit) is (Time, SecondsPerYear);

    private static Dictionary<string, (string, double)> Build()
    {
        var table = new Dictionary<string, (string, double)>(StringComparer.Ordinal);
        void Add(string dimension, double factor, params string[] names)
        {
            foreach (var name in names)
            {
                table[name] = (dimension, factor);
            }
        }

        Add(Time, 1, "s", "sec", "second", "seconds", "sekunde", "sekunden");
        Add(Time, 60, "min", "mins", "minute", "minutes", "minuten");
        Add(Time, 3_600, "h", "hr", "hrs", "hour", "hours", "std", "stunde", "stunden");
        Add(Time, 86_400, "d", "day", "days", "tag", "tage", "tagen");
        Add(Time, 7 * 86_400, "wk", "week", "weeks", "woche", "wochen");
        Add(Time, SecondsPerYear / 12, "mo", "month", "months", "monat", "monate", "monaten");
        Add(Time, SecondsPerYear, "y", "yr", "yrs", "year", "years", "a", "jahr", "jahre", "jahren");
        Add("percent", 1, "%", "percent", "prozent", "pct");
        return table;
    }
}
