using ClaimReconcile.Pipeline;
using ClaimReconcile.Serialization;
using NodaTime;

namespace ClaimReconcile.Tests;

/// <summary>Test data: sources, claims, claim sets and claimset/1 JSON with sensible defaults.</summary>
internal static class Some
{
    /// <summary>The day every default source was published.</summary>
    public static readonly LocalDate PublishedOn = new(2025, 12, 3);

    /// <summary>A fixed "now" for the reconciler, a few days after the default publication date.</summary>
    public static readonly IClock Clock = new FixedClock(Instant.FromUtc(2025, 12, 10, 12, 0));

    /// <summary>The default sources of <see cref="Json(string[])"/>: four independent outlets.</summary>
    public static readonly string[] DefaultSourceIds = ["zeit", "tsp", "presse", "bild"];

    public static Source Source(string id = "zeit", params string[] derivedFrom) =>
        new(id) { PublishedOn = PublishedOn, DerivedFrom = [.. derivedFrom] };

    public static Claim Claim(string source, ClaimValue value, string? id = null, string subject = "talks", string property = "duration",
        ClaimScope? scope = null, string? speaker = null, bool negated = false) =>
        new(source, subject, property, value) { Id = id, Scope = scope, Speaker = speaker, Negated = negated };

    /// <summary>A claim set of the given claims, with a plain source for every source id they use.</summary>
    public static ClaimSet ClaimSet(params Claim[] claims) =>
        new(claims.Select(c => c.Source).Distinct(StringComparer.Ordinal).Select(id => Source(id)), claims);

    public static DurationValue Hours(double hours, Hedge hedge = Hedge.Exact) => DurationValue.Of(Duration.FromSeconds(hours * 3_600), hedge);

    /// <summary>A claimset/1 document with the default sources and the given claim objects.</summary>
    public static string Json(params string[] claims) => Json(DefaultSourceIds.Select(id => SourceJson(id)), claims);

    /// <summary>A claimset/1 document from source, claim, event and entity objects written as JSON.</summary>
    public static string Json(IEnumerable<string> sources, IEnumerable<string> claims, IEnumerable<string>? events = null, IEnumerable<string>? entities = null)
    {
        var parts = new List<string>
        {
            "\"format\": \"claimset/1\"",
            $"\"sources\": [{string.Join(", ", sources)}]",
        };
        if (entities is not null)
        {
            parts.Add($"\"entities\": [{string.Join(", ", entities)}]");
        }

        if (events is not null)
        {
            parts.Add($"\"events\": [{string.Join(", ", events)}]");
        }

        parts.Add($"\"claims\": [\n    {string.Join(",\n    ", claims)}\n  ]");
        return "{\n  " + string.Join(",\n  ", parts) + "\n}\n";
    }

    /// <summary>A source object; <paramref name="extra"/> is appended inside the braces (<c>"prior": 0.8</c>).</summary>
    public static string SourceJson(string id, string? extra = null) =>
        $$"""{"id": "{{id}}", "published": "2025-12-03"{{(extra is null ? "" : ", " + extra)}}}""";

    /// <summary>A claim object; <paramref name="value"/> is the value object as JSON, <paramref name="extra"/> more fields.</summary>
    public static string ClaimJson(string source, string value, string? id = null, string subject = "talks", string property = "duration", string? extra = null) =>
        "{" + (id is null ? "" : $"\"id\": \"{id}\", ") + $"\"source\": \"{source}\", \"subject\": \"{subject}\", \"property\": \"{property}\", \"value\": {value}"
        + (extra is null ? "" : ", " + extra) + "}";

    public static string EventJson(string id, string when) => $$"""{"id": "{{id}}", "when": "{{when}}"}""";

    public static ClaimSetReadResult Read(string json) => ClaimSetJson.Read(json);

    public static Reconciler Reconciler(HedgeTable? hedges = null) =>
        new(new ReconcilerOptions { Hedges = hedges ?? HedgeTable.Default }, Clock);

    public static ReconciliationReport Reconcile(string json, HedgeTable? hedges = null)
    {
        var read = ClaimSetJson.Read(json);
        Assert.True(read.Succeeded, string.Join("\n", read.Issues));
        return Reconciler(hedges).Reconcile(read);
    }

    public static ReconciliationReport Reconcile(ClaimSet set, HedgeTable? hedges = null) => Reconciler(hedges).Reconcile(set);

    /// <summary>A normalizer with the given hedges and no entities.</summary>
    public static ValueNormalizer Normalizer(HedgeTable? hedges = null) => new(hedges ?? HedgeTable.Default, new EntityResolver([], []));

    /// <summary>How two values relate when both are stated for <paramref name="property"/> by a UTC source.</summary>
    public static RelationKind Relate(ClaimValue a, ClaimValue b, string property = "duration", LocalDate? asOfA = null, LocalDate? asOfB = null, HedgeTable? hedges = null)
    {
        var normalizer = Normalizer(hedges);
        var source = Source();
        var x = normalizer.Normalize(a, property, source, asOfA ?? PublishedOn, negated: false);
        var y = normalizer.Normalize(b, property, source, asOfB ?? PublishedOn, negated: false);
        var forward = Relation.Compare(x, y).Kind;
        Assert.Equal(forward, Relation.Compare(y, x).Kind);
        return forward;
    }

    private sealed class FixedClock(Instant now) : IClock
    {
        public Instant GetCurrentInstant() => now;
    }
}
