using NodaTime;

namespace ClaimReconcile;

/// <summary>Builds a <see cref="ClaimSet"/> in code, one source, entity, event and claim at a time.</summary>
/// <remarks>
/// Not thread-safe. Arguments are checked (<see langword="null"/>, empty ids); consistency between the
/// parts (unknown sources, duplicate ids) is reported by the reconciler, as for claim sets read from JSON.
/// </remarks>
/// <example>
/// <code>
/// var claims = ClaimSet.CreateBuilder()
///     .AddSource("zeit", published: new LocalDate(2025, 12, 3))
///     .AddSource("presse", published: new LocalDate(2025, 12, 3), derivedFrom: ["apa"])
///     .AddClaim("zeit", "kremlin-talks", "duration", ClaimValue.Duration(Duration.FromHours(5), Hedge.Almost))
///     .AddClaim("presse", "kremlin-talks", "duration", ClaimValue.Duration(Duration.FromHours(5)))
///     .Build();
/// </code>
/// </example>
public sealed class ClaimSetBuilder
{
    private readonly List<Source> _sources = [];
    private readonly List<Entity> _entities = [];
    private readonly List<Event> _events = [];
    private readonly List<Claim> _claims = [];

    internal ClaimSetBuilder()
    {
    }

    /// <summary>Adds a source.</summary>
    public ClaimSetBuilder AddSource(Source source)
    {
        ArgumentNullException.ThrowIfNull(source);
        _sources.Add(source);
        return this;
    }

    /// <summary>Adds a source with the common settings.</summary>
    /// <param name="id">The source id.</param>
    /// <param name="name">A display name.</param>
    /// <param name="published">The day of publication.</param>
    /// <param name="timeZone">An IANA time zone id; UTC when omitted.</param>
    /// <param name="derivedFrom">Upstream sources this one copies.</param>
    /// <param name="prior">Prior reliability, between 0 and 1.</param>
    /// <exception cref="NodaTime.TimeZones.DateTimeZoneNotFoundException"><paramref name="timeZone"/> is not a known IANA id.</exception>
    public ClaimSetBuilder AddSource(string id, string? name = null, LocalDate? published = null, string? timeZone = null, IEnumerable<string>? derivedFrom = null, double? prior = null) =>
        AddSource(new Source(id)
        {
            Name = name,
            PublishedOn = published,
            TimeZone = timeZone is null ? DateTimeZone.Utc : DateTimeZoneProviders.Tzdb[timeZone],
            DerivedFrom = derivedFrom is null ? [] : [.. derivedFrom],
            Prior = prior,
        });

    /// <summary>Adds an entity with its aliases.</summary>
    public ClaimSetBuilder AddEntity(string id, string? label = null, params IEnumerable<string> aliases)
    {
        _entities.Add(new Entity(id) { Label = label, Aliases = [.. aliases] });
        return this;
    }

    /// <summary>Adds an event.</summary>
    public ClaimSetBuilder AddEvent(Event @event)
    {
        ArgumentNullException.ThrowIfNull(@event);
        _events.Add(@event);
        return this;
    }

    /// <summary>Adds an event on one day.</summary>
    public ClaimSetBuilder AddEvent(string id, LocalDate when, string? label = null, params IEnumerable<string> participants) =>
        AddEvent(new Event(id) { Label = label, When = TemporalValue.OnDay(when), Participants = [.. participants] });

    /// <summary>Adds a claim.</summary>
    public ClaimSetBuilder AddClaim(Claim claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        _claims.Add(claim);
        return this;
    }

    /// <summary>Adds a claim from its parts.</summary>
    /// <param name="source">The source id.</param>
    /// <param name="subject">An entity or event id, or a mention.</param>
    /// <param name="property">The question answered.</param>
    /// <param name="value">The stated value.</param>
    /// <param name="scope">The event or time the claim is about.</param>
    /// <param name="speaker">Who said it, when the source quotes someone.</param>
    /// <param name="quote">The source's words.</param>
    /// <param name="negated">Whether the source says the value does not hold.</param>
    /// <param name="id">The claim id; <c>&lt;source&gt;#&lt;index&gt;</c> when omitted.</param>
    public ClaimSetBuilder AddClaim(string source, string subject, string property, ClaimValue value, ClaimScope? scope = null, string? speaker = null, string? quote = null, bool negated = false, string? id = null) =>
        AddClaim(new Claim(source, subject, property, value)
        {
            Id = id,
            Scope = scope,
            Speaker = speaker,
            Quote = quote,
            Negated = negated,
        });

    /// <summary>Creates the claim set.</summary>
    public ClaimSet Build() => new(_sources, _claims, _entities, _events);
}
