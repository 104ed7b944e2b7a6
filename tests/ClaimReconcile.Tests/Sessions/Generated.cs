using NodaTime;

namespace ClaimReconcile.Tests.Sessions;

/// <summary>
/// Claim sets with known shape for session tests: questions of four kinds (counts with hedges, durations in hours or
/// minutes, dates, text), five to twelve claims each from distinct sources whose accuracy ranges from poor to good,
/// and a chosen number of false values per question. Every claim has an id.
/// </summary>
internal static class Generated
{
    /// <param name="questions">How many questions.</param>
    /// <param name="sources">How many sources.</param>
    /// <param name="seed">The random seed.</param>
    /// <param name="falseValues">How many false values each question has: with few, wrong sources often agree, and the
    /// estimator may take pairs of them for copiers.</param>
    public static ClaimSet Claims(int questions, int sources, int seed, int falseValues = 20)
    {
        var random = new Random(seed);
        var builder = ClaimSet.CreateBuilder();
        var accuracy = new double[sources];
        for (var s = 0; s < sources; s++)
        {
            accuracy[s] = 0.45 + (0.5 * random.NextDouble());
            builder.AddSource($"s{s:00}", published: new LocalDate(2026, 2, 1).PlusDays(random.Next(20)), timeZone: s % 2 == 0 ? "Europe/Berlin" : null);
        }

        for (var q = 0; q < questions; q++)
        {
            var count = Math.Min(sources, 5 + random.Next(8));
            var chosen = new SortedSet<int>();
            while (chosen.Count < count)
            {
                chosen.Add(random.Next(sources));
            }

            foreach (var s in chosen)
            {
                var variant = random.NextDouble() < accuracy[s] ? 0 : 1 + random.Next(falseValues);
                var (property, value) = Value(random, q, variant);
                builder.AddClaim($"s{s:00}", $"q{q:000}", property, value, id: $"s{s:00}/q{q:000}");
            }
        }

        return builder.Build();
    }

    /// <summary>A value of the same kind that does not agree with <paramref name="value"/>.</summary>
    public static ClaimValue OtherValue(ClaimValue value) => value switch
    {
        NumberValue n => ClaimValue.Number(n.Min + 5_000, n.Unit),
        DurationValue d => ClaimValue.Duration(d.Length + Duration.FromHours(7)),
        TemporalValue t => ClaimValue.Date(t.Start.PlusDays(40)),
        _ => ClaimValue.Text("somewhere else"),
    };

    private static (string Property, ClaimValue Value) Value(Random random, int q, int variant)
    {
        var form = random.Next(3);
        switch (q % 4)
        {
            case 0:
                var count = 1_000 + ((q * 37) % 5_000) + (variant * 800);
                return ("attendance", form == 0 ? ClaimValue.Number(Math.Round(count / 100.0) * 100, hedge: Hedge.About) : ClaimValue.Number(count, "people"));
            case 1:
                var hours = 2 + (q % 5) + (variant * 2);
                return ("duration", form switch
                {
                    0 => ClaimValue.Duration(Duration.FromHours(hours), Hedge.Almost),
                    1 => ClaimValue.Number(hours * 60, "min"),
                    _ => ClaimValue.Duration(Duration.FromHours(hours)),
                });
            case 2:
                var day = new LocalDate(2025, 1, 1).PlusDays((q % 300) + (variant * 11));
                return ("date", ClaimValue.Date(day));
            default:
                string[] cities = ["Berlin", "Paris", "Rome", "Madrid", "Vienna"];
                return ("capital", ClaimValue.Text(variant == 0 ? cities[q % cities.Length] : $"City {variant}"));
        }
    }
}
