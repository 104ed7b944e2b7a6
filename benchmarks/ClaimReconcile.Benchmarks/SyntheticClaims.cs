using System.Text.Json;
using ClaimReconcile.Serialization;
using NodaTime;

namespace ClaimReconcile.Benchmarks;

/// <summary>
/// Generated claims for speed measurements: questions of four kinds (counts, shares in percent or durations with
/// units and hedges, dates, text), about <see cref="PerQuestion"/> claims each from distinct sources, and sources
/// whose accuracy varies from poor to good. A source that is wrong picks one of <see cref="FalseValues"/> false values,
/// so false values repeat across sources as they do in real data. The same arguments always give the same claims.
/// </summary>
/// <param name="Claims">About how many claims (the result has Claims / PerQuestion questions).</param>
/// <param name="Sources">How many sources.</param>
/// <param name="PerQuestion">Claims per question on average (each question gets PerQuestion − 2 … PerQuestion + 2).</param>
/// <param name="Seed">The random seed.</param>
/// <param name="FalseValues">How many distinct false values a question has to pick from (4 unless a shape benchmark asks for another).</param>
public sealed record SyntheticClaims(int Claims, int Sources = 1000, int PerQuestion = 10, int Seed = 2026, int FalseValues = 4)
{
    private static readonly LocalDate Published = new(2026, 3, 1);

    /// <summary>How many questions.</summary>
    public int Questions => Math.Max(1, Claims / PerQuestion);

    /// <summary>Builds the claim set.</summary>
    public ClaimSet Generate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Claims, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(Sources, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(PerQuestion, 3);
        ArgumentOutOfRangeException.ThrowIfLessThan(FalseValues, 1);
        var random = new Random(Seed);
        var builder = ClaimSet.CreateBuilder();
        var ids = new string[Sources];
        var accuracy = new double[Sources];
        for (var s = 0; s < Sources; s++)
        {
            ids[s] = $"s{s:0000}";
            accuracy[s] = 0.5 + (0.45 * random.NextDouble());
            builder.AddSource(ids[s], published: Published.PlusDays(-random.Next(30)), timeZone: s % 3 == 0 ? "Europe/Berlin" : null);
        }

        var chosen = new HashSet<int>();
        for (var q = 0; q < Questions; q++)
        {
            var subject = $"q{q:000000}";
            var kind = q % 4;
            var property = kind switch { 0 => "attendance", 1 => (q % 8 == 1) ? "turnout" : "duration", 2 => "date", _ => "capital" };
            var count = PerQuestion - 2 + random.Next(5);
            chosen.Clear();
            while (chosen.Count < Math.Min(count, Sources))
            {
                chosen.Add(random.Next(Sources));
            }

            foreach (var s in chosen.Order())
            {
                var right = random.NextDouble() < accuracy[s];
                var value = Value(random, q, kind, property, right ? 0 : 1 + random.Next(FalseValues));
                builder.AddClaim(ids[s], subject, property, value, id: $"{ids[s]}/{subject}");
            }
        }

        return builder.Build();
    }

    /// <summary>Writes a claim set as compact JSON (no indentation), as a tool exporting claims would.</summary>
    /// <remarks>
    /// The file appears whole or not at all (written beside it, then renamed): several people measuring on one machine
    /// generate the same temp files, and one must never read another's half-written file.
    /// </remarks>
    public static void WriteCompact(ClaimSet set, string path)
    {
        var partial = $"{path}.{Environment.ProcessId}.partial";
        File.WriteAllBytes(partial, ToCompactJson(set));
        File.Move(partial, path, overwrite: true);
    }

    /// <summary>The claim set as compact UTF-8 JSON (no indentation): the bytes <see cref="WriteCompact"/> writes.</summary>
    public static byte[] ToCompactJson(ClaimSet set)
    {
        using var document = JsonDocument.Parse(ClaimSetJson.Write(set));
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            document.WriteTo(writer);
        }

        return buffer.ToArray();
    }

    /// <summary>The value numbered <paramref name="variant"/> (0 is the truth) of question <paramref name="q"/>, in a form picked at random.</summary>
    private static ClaimValue Value(Random random, int q, int kind, string property, int variant)
    {
        var form = random.Next(4);
        switch (kind)
        {
            case 0:
                {
                    // A count in the thousands, exact or "about" a round figure. Half the questions count "people"
                    // in every claim, the others give bare numbers: a bare count and a count of people do not compare
                    // (docs/claimset-format.md), so mixing them in one question would make its true claims disagree.
                    var truth = 1_000 + ((q * 37) % 9_000);
                    var value = truth + (variant * 700);
                    var unit = q % 8 == 0 ? "people" : null;
                    return form == 1
                        ? ClaimValue.Number(Math.Round(value / 100.0) * 100, unit, Hedge.About)
                        : ClaimValue.Number(value, unit);
                }

            case 1 when property == "turnout":
                {
                    var truth = 40 + (q % 40);
                    var value = truth + (variant * 6);
                    return form == 0 ? ClaimValue.Number(value, "percent") : ClaimValue.Number(value, "%", form == 1 ? Hedge.About : Hedge.Exact);
                }

            case 1:
                {
                    // A duration in hours, minutes or as an ISO duration, sometimes hedged.
                    var hours = 2 + (q % 6) + (variant * 2);
                    return form switch
                    {
                        0 => ClaimValue.Duration(Duration.FromHours(hours)),
                        1 => ClaimValue.Duration(Duration.FromHours(hours), Hedge.Almost),
                        2 => ClaimValue.Number(hours * 60, "min"),
                        _ => ClaimValue.Number(hours, "h", Hedge.About),
                    };
                }

            case 2:
                {
                    var day = new LocalDate(2025, 1, 1).PlusDays((q % 360) + (variant * 9));
                    return form == 0 ? TemporalValue.InMonth(new YearMonth(day.Year, day.Month)) : ClaimValue.Date(day);
                }

            default:
                {
                    // Up to seven false values are other capitals; more than that are numbered, so that none repeats the truth.
                    var names = new[] { "Berlin", "Paris", "Rome", "Madrid", "Vienna", "Prague", "Warsaw", "Lisbon" };
                    var name = variant < names.Length ? names[(q + variant) % names.Length] : $"{names[q % names.Length]} {variant}";
                    return ClaimValue.Text(form == 0 ? name.ToUpperInvariant() : name);
                }
        }
    }
}
