using System.Globalization;
using System.Text.RegularExpressions;
using NodaTime;

namespace ClaimReconcile.Evaluation;

/// <summary>
/// The Flights data set (Li et al., PVLDB 2012): <c>claims.csv</c> and <c>truth.csv</c>, one row per
/// (source, flight) with four times. Each time becomes an instant on one fixed day (the data's dates are
/// collection dates, not part of the truth), so close times compare by their distance.
/// </summary>
public static partial class FlightsData
{
    /// <summary>The four attributes, in column order.</summary>
    public static readonly string[] Attributes = ["sched_dep_time", "act_dep_time", "sched_arr_time", "act_arr_time"];

    private static readonly LocalDate Day = new(2011, 12, 1);

    /// <summary>Reads the time of day out of a messy cell: <c>7:10 a.m.</c>, <c>9:27aDec 9</c>,
    /// <c>8:05 p.m. (Estimated runway)</c>, <c>12/05 6:40 p.m.</c>, <c>Thu  21:30</c>, <c>12:00noon</c>.
    /// Returns <see langword="null"/> for <c>Not Available</c>, <c>Contact Airline</c>, empty cells and anything without a time.</summary>
    public static LocalTime? ParseTime(string cell)
    {
        var match = TimePattern().Match(cell);
        if (!match.Success)
        {
            return null;
        }

        var hour = int.Parse(match.Groups["h"].Value, CultureInfo.InvariantCulture);
        var minute = int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture);
        var marker = match.Groups["ampm"].Value.ToUpperInvariant();
        if (marker.StartsWith('P') && hour < 12)
        {
            hour += 12;
        }
        else if (marker.StartsWith('A') && hour == 12)
        {
            hour = 0;
        }
        else if (marker == "NOON")
        {
            hour = 12;
        }

        return hour is >= 0 and < 24 && minute is >= 0 and < 60 ? new LocalTime(hour, minute) : null;
    }

    /// <summary>The instant a time of day stands for in this evaluation.</summary>
    public static Instant ToInstant(LocalTime time) => Day.At(time).InUtc().ToInstant();

    /// <summary>Loads <c>claims.csv</c> into a claim set (subject: flight, property: attribute, value: an instant).</summary>
    public static ClaimSet LoadClaims(string directory)
    {
        var builder = ClaimSet.CreateBuilder();
        var sources = new SortedSet<string>(StringComparer.Ordinal);
        var claims = new List<(string Source, string Flight, string Attribute, Instant Value)>();
        foreach (var row in Rows(Path.Combine(directory, "claims.csv")))
        {
            sources.Add(row[0]);
            for (var a = 0; a < Attributes.Length; a++)
            {
                if (ParseTime(row[2 + a]) is { } time)
                {
                    claims.Add((row[0], row[1], Attributes[a], ToInstant(time)));
                }
            }
        }

        foreach (var source in sources)
        {
            builder.AddSource(source);
        }

        foreach (var (source, flight, attribute, value) in claims)
        {
            builder.AddClaim(source, flight, attribute, TemporalValue.AtInstant(value), id: $"{source}/{flight}/{attribute}");
        }

        return builder.Build();
    }

    /// <summary>Loads <c>truth.csv</c>: the true time of each (flight, attribute).</summary>
    public static Dictionary<(string Flight, string Attribute), LocalTime> LoadTruth(string directory)
    {
        var truth = new Dictionary<(string, string), LocalTime>();
        foreach (var row in Rows(Path.Combine(directory, "truth.csv")))
        {
            for (var a = 0; a < Attributes.Length; a++)
            {
                if (ParseTime(row[2 + a]) is { } time)
                {
                    truth[(row[1], Attributes[a])] = time;
                }
            }
        }

        return truth;
    }

    private static IEnumerable<string[]> Rows(string path)
    {
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            if (line.Length == 0)
            {
                continue;
            }

            // No cell of this data contains a comma or a quote.
            var cells = line.Split(',');
            if (cells.Length >= 6)
            {
                yield return cells;
            }
        }
    }

    [GeneratedRegex(@"(?<h>\d{1,2}):(?<m>\d{2})\s*(?<ampm>noon|[ap](?:\.?\s*m\.?)?)?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TimePattern();
}
