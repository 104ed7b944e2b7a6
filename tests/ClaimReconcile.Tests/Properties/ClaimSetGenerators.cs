using System.Collections.Immutable;
using ClaimReconcile.Serialization;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace ClaimReconcile.Tests.Properties;

/// <summary>A generated claim set; shown as its <c>claimset/1</c> JSON when a property fails.</summary>
internal sealed record GeneratedSet(ImmutableArray<Source> Sources, ImmutableArray<Claim> Claims, ImmutableArray<Event> Events)
{
    public ClaimSet ToClaimSet() => new(Sources, Claims, events: Events);

    /// <summary>The same claims with ids c0, c1, … and none repeated.</summary>
    public GeneratedSet WithUniqueIds() => this with
    {
        Claims = [.. Claims.Select((c, i) => new Claim(c.Source, c.Subject, c.Property, c.Value) { Id = $"c{i}", Negated = c.Negated, Speaker = c.Speaker, Scope = c.Scope })],
    };

    public override string ToString() => ClaimSetJson.Write(ToClaimSet());
}

/// <summary>
/// FsCheck generators of claim sets over every value kind, drawn from small pools (a few subjects, properties, values
/// and sources) so that claims meet in groups and agree and conflict often. Sources may derive from each other or from
/// undeclared wires, carry priors and time zones; claims may be negated, quoted from speakers, scoped to an event, a
/// window or a date, and a few name undeclared sources or repeat an id, so that the reconciler's checks are exercised too.
/// Shrinking removes claims one at a time.
/// </summary>
internal static class ClaimSetGenerators
{
    public static readonly string[] SourceIds = ["zeit", "tsp", "bild", "presse", "nzz", "afp"];
    private static readonly string[] Zones = ["UTC", "Europe/Berlin", "America/New_York", "Pacific/Kiritimati"];
    private static readonly string[] Subjects = ["moscow-talks", "trump", "ushakov"];
    private static readonly string[] Mentions = ["Witkoff", "Kushner", "Uschakow", "Ushakov", "Dmitriev", "Dimitrijew", "Putin"];
    private static readonly string[] Texts = ["US-Präsident", "Ex-Präsident", "Präsident", "us-präsident "];
    private static readonly Hedge[] Hedges = Enum.GetValues<Hedge>();
    private static readonly LocalDate Talks = new(2025, 12, 2);

    /// <summary>Claim sets of every value kind, mostly valid, some with unknown sources, duplicate ids or unknown events.</summary>
    public static Arbitrary<GeneratedSet> Sets(int maxClaims = 24) => Arb.From(
        from sources in SourcesGen()
        from count in Gen.Choose(0, maxClaims)
        from claims in Gen.ListOf(ClaimGen(sources), count)
        select new GeneratedSet([.. sources], [.. claims.Select((c, i) => WithId(c, i))], [new Event("moscow-talks") { When = TemporalValue.OnDay(Talks) }]),
        Shrink);

    /// <summary>Any value of any kind, with the property it is stated for.</summary>
    public static Gen<(string Property, ClaimValue Value)> Values() => Gen.OneOf(
        from minutes in Gen.Elements(180, 240, 270, 290, 300, 301, 330, 360)
        from hedge in Gen.Elements(Hedges)
        select ("duration", (ClaimValue)DurationValue.Of(Duration.FromMinutes(minutes), hedge)),
        from amount in Gen.Elements(4.5, 5.0, 6.0, 300.0, 68.0)
        from unit in Gen.Elements("h", "min", "km", "")
        from hedge in Gen.Elements(Hedges)
        from range in Gen.Elements(false, false, true)
        select ("length", (ClaimValue)(range ? NumberValue.Range(amount, amount * 1.1, unit.Length == 0 ? null : unit, hedge) : NumberValue.Of(amount, unit.Length == 0 ? null : unit, hedge))),
        from age in Gen.Elements(67.0, 68.0, 69.0)
        from hedge in Gen.Elements(Hedge.Exact, Hedge.Exact, Hedge.About, Hedge.MoreThan)
        select ("age", (ClaimValue)NumberValue.Of(age, "year", hedge)),
        from day in Gen.Choose(1, 3)
        from form in Gen.Choose(0, 5)
        from hedge in Gen.Elements(Hedges)
        select ("date", (ClaimValue)(form switch
        {
            0 => TemporalValue.InYear(2025, hedge),
            1 => TemporalValue.InMonth(new YearMonth(2025, 12), hedge),
            2 => TemporalValue.BetweenDays(new LocalDate(2025, 12, day), new LocalDate(2025, 12, 3), hedge),
            3 => TemporalValue.OnPartOfDay(new LocalDate(2025, 12, day), (PartOfDay)(day % 5), hedge),
            _ => TemporalValue.OnDay(new LocalDate(2025, 12, day), hedge),
        })),
        from halfHours in Gen.Choose(32, 36)
        from hedge in Gen.Elements(Hedges)
        select ("start", (ClaimValue)TemporalValue.AtInstant(Instant.FromUtc(2025, 12, 2, 0, 0).Plus(Duration.FromMinutes(30 * halfHours)), hedge)),
        from mention in Gen.Elements(Mentions)
        select ("envoy", (ClaimValue)EntityValue.Of(mention)),
        from text in Gen.Elements(Texts)
        select ("role", (ClaimValue)TextValue.Of(text)),
        from flag in Gen.Elements(true, false)
        select ("breakthrough", (ClaimValue)BooleanValue.Of(flag)),
        from members in Gen.SubListOf(Mentions).Where(m => m.Count > 0)
        select ("participants", (ClaimValue)SetValue.Of(members)));

    /// <summary>Values at the edges of what the model holds: the calendar's first and last days and instants, the largest
    /// doubles and durations, in the zones furthest from UTC.</summary>
    public static Arbitrary<GeneratedSet> ExtremeSets() => Arb.From(
        from zone in Gen.Elements("Etc/GMT-14", "Etc/GMT+12", "Europe/Berlin", "UTC")
        from values in Gen.ListOf(ExtremeValues(), 6)
        select new GeneratedSet(
            [new Source("zeit") { TimeZone = DateTimeZoneProviders.Tzdb[zone], PublishedOn = LocalDate.MaxIsoValue }, new Source("tsp") { TimeZone = DateTimeZoneProviders.Tzdb[zone] }],
            [.. values.Select((v, i) => new Claim(i % 2 == 0 ? "zeit" : "tsp", "talks", v.Property, v.Value) { Id = $"c{i}", Scope = i % 3 == 0 ? ClaimScope.AsOfDate(i % 2 == 0 ? LocalDate.MinIsoValue : LocalDate.MaxIsoValue) : null })],
            []),
        Shrink);

    private static Gen<(string Property, ClaimValue Value)> ExtremeValues() => Gen.OneOf(
        from n in Gen.Elements(double.MaxValue, -double.MaxValue, double.Epsilon, 0.0, 1e300)
        from hedge in Gen.Elements(Hedges)
        from unit in Gen.Elements("h", "year", "min", "")
        select (unit == "year" ? "age" : "length", (ClaimValue)NumberValue.Of(n, unit.Length == 0 ? null : unit, hedge)),
        from hedge in Gen.Elements(Hedges)
        from length in Gen.Elements(DurationValue.MaxLength, Duration.Zero, Duration.Epsilon)
        select ("duration", (ClaimValue)DurationValue.Of(length, hedge)),
        from hedge in Gen.Elements(Hedges)
        from date in Gen.Elements(LocalDate.MinIsoValue, LocalDate.MaxIsoValue, new LocalDate(1, 1, 1))
        from form in Gen.Choose(0, 3)
        select ("date", (ClaimValue)(form switch
        {
            0 => TemporalValue.InYear(date.Year, hedge),
            1 => TemporalValue.InMonth(date.ToYearMonth(), hedge),
            2 => TemporalValue.OnPartOfDay(date, PartOfDay.Evening, hedge),
            _ => TemporalValue.OnDay(date, hedge),
        })),
        from hedge in Gen.Elements(Hedges)
        from instant in Gen.Elements(Instant.MinValue, Instant.MaxValue, NodaConstants.UnixEpoch)
        select ("start", (ClaimValue)TemporalValue.AtInstant(instant, hedge)));

    private static Gen<List<Source>> SourcesGen() =>
        from count in Gen.Choose(1, SourceIds.Length)
        from sources in Gen.CollectToList(SourceIds.Take(count), SourceGen)
        select sources;

    private static Gen<Source> SourceGen(string id) =>
        from zone in Gen.Elements(Zones)
        from dated in Gen.Elements(true, true, false)
        from upstream in Gen.Elements("", "", "afp", "dpa", "zeit", "tsp", "bild")
        from prior in Gen.Elements(0.0, 0.0, 0.3, 0.7, 0.9)
        select new Source(id)
        {
            TimeZone = DateTimeZoneProviders.Tzdb[zone],
            PublishedOn = dated ? new LocalDate(2025, 12, 3) : null,
            DerivedFrom = upstream.Length == 0 || upstream == id ? [] : [upstream],
            Prior = prior == 0 ? null : prior,
        };

    private static Gen<Claim> ClaimGen(List<Source> sources) =>
        from source in Gen.Frequency((19, Gen.Elements(sources.Select(s => s.Id).ToArray())), (1, Gen.Constant("undeclared")))
        from subject in Gen.Elements(Subjects)
        from value in Values()
        from scope in Gen.Elements(0, 0, 0, 1, 2, 3, 4)
        from negated in Gen.Frequency((9, Gen.Constant(false)), (1, Gen.Constant(true)))
        from speaker in Gen.Elements(null, null, null, "ushakov", "Uschakow")
        select new Claim(source, subject, value.Property, value.Value)
        {
            Negated = negated,
            Speaker = speaker,
            Scope = scope switch
            {
                1 => ClaimScope.ForEvent("moscow-talks"),
                2 => ClaimScope.During(TemporalValue.InMonth(new YearMonth(2025, 12))),
                3 => ClaimScope.AsOfDate(new LocalDate(2025, 12, 3)),
                4 => ClaimScope.ForEvent("undeclared-event"),
                _ => null,
            },
        };

    /// <summary>Ids c0, c1, …; about one claim in 25 repeats the previous id.</summary>
    private static Claim WithId(Claim claim, int index) => new(claim.Source, claim.Subject, claim.Property, claim.Value)
    {
        Id = index > 0 && (claim.Subject.Length + claim.Property.Length + index) % 25 == 0 ? $"c{index - 1}" : $"c{index}",
        Negated = claim.Negated,
        Speaker = claim.Speaker,
        Scope = claim.Scope,
    };

    private static IEnumerable<GeneratedSet> Shrink(GeneratedSet set) =>
        Enumerable.Range(0, set.Claims.Length).Select(i => set with { Claims = set.Claims.RemoveAt(i) });
}
