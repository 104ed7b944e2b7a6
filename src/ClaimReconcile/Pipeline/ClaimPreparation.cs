using System.Collections.Concurrent;
using NodaTime;
using NodaTime.Text;

namespace ClaimReconcile.Pipeline;

/// <summary>
/// The normalize and scope stages for the validated claims: the keys of subject, property and speaker, the voice a
/// claim counts for, its scope and its normalized value.
/// </summary>
/// <remarks>
/// Large claim sets are prepared in parallel, each claim in its own object, so the result keeps the validated order
/// whatever the number of threads. What repeats across claims is worked out once: per source (its voice and the date
/// it speaks as of), per property spelling (its key and whether it is an age), per speaker, event and scope date.
/// </remarks>
internal sealed class ClaimPreparation
{
    /// <summary>
    /// Below this many claims the stage takes a few tens of milliseconds on one thread, and on a busy machine waiting
    /// for other threads measured slower than that.
    /// </summary>
    public const int ParallelFrom = 200_000;

    /// <summary>Claims per parallel work item: large enough that handing out ranges costs little.</summary>
    public const int RangeSize = 8_192;

    private readonly Validation _validation;
    private readonly EntityResolver _resolver;
    private readonly ValueNormalizer _normalizer;
    private readonly Instant _now;
    private readonly Dictionary<Source, string> _voices = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, string> _eventKeys = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Source, LocalDate> _asOf = new(ReferenceEqualityComparer.Instance);
    private readonly ConcurrentDictionary<string, (string Key, bool IsAge)> _properties = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _speakerVoices = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<LocalDate, string> _asOfKeys = new();

    /// <summary>Sets up the preparation of a validated claim set's claims; <paramref name="now"/> gives "today".</summary>
    private ClaimPreparation(Validation validation, EntityResolver resolver, ValueNormalizer normalizer, SourceFamilies families, Instant now)
    {
        _validation = validation;
        _resolver = resolver;
        _normalizer = normalizer;
        _now = now;

        // Sources that share an upstream speak with one voice, named after the family's root.
        foreach (var source in validation.Sources.Values)
        {
            _voices[source] = "source:" + families.Root(source.Id);
        }

        foreach (var id in validation.Events.Keys)
        {
            _eventKeys[id] = "event:" + id;
        }
    }

    /// <summary>
    /// The preparation a run uses for a validated claim set: names resolved against the declared entities and events
    /// and the names the claims mention, values read with <paramref name="hedges"/>, sources grouped into families.
    /// A full run and an explanation of one of its groups both start here, so they read claims alike.
    /// </summary>
    public static ClaimPreparation For(Validation validation, HedgeTable hedges, Instant now)
    {
        var resolver = new EntityResolver(validation.Entities, validation.Events.Values, validation.Mentions);
        return new ClaimPreparation(validation, resolver, new ValueNormalizer(hedges, resolver), new SourceFamilies(validation.Sources.Values), now);
    }

    /// <summary>How names are resolved.</summary>
    public EntityResolver Resolver => _resolver;

    /// <summary>How values are read.</summary>
    public ValueNormalizer Normalizer => _normalizer;

    /// <summary>
    /// Prepares the validated claims in place, on several threads from <paramref name="parallelFrom"/> claims on; returns
    /// them, in their order.
    /// </summary>
    /// <remarks>
    /// Once per validation: the claims are the validation's own objects, and the scope stage goes on changing them (a
    /// claim attached to an event), so each run and each session update validates its claims afresh.
    /// </remarks>
    public List<PreparedClaim> PrepareAll(List<PreparedClaim> claims, int parallelFrom = ParallelFrom)
    {
        Partitioned.ForRanges(claims.Count, (from, to) =>
        {
            // Claims of one question tend to come together: each range remembers the last subject and property it keyed.
            var recent = default(Recent);
            for (var i = from; i < to; i++)
            {
                Fill(claims[i], ref recent);
            }
        }, parallelFrom, RangeSize, Partitioned.OnePerCore);
        return claims;
    }

    /// <summary>Prepares one claim of a validated source.</summary>
    public PreparedClaim Prepare(Claim claim, string id, Source source)
    {
        var recent = default(Recent);
        return Fill(new PreparedClaim(claim, id, source), ref recent);
    }

    /// <summary>The question a claim answers, keyed as <see cref="PrepareAll"/> keys it: its subject's key and its property's.</summary>
    public (string SubjectKey, string PropertyKey) QuestionOf(Claim claim) => (_resolver.Key(claim.Subject), PropertyOf(claim.Property).Key);

    /// <summary>A property's key, and whether it asks for an age.</summary>
    private (string Key, bool IsAge) PropertyOf(string property) =>
        _properties.GetOrAdd(property, static property => (TextFolding.Fold(property), ValueNormalizer.IsAge(property)));

    /// <summary>
    /// Fills in a validated claim's keys, voice, scope and form. A subject or property spelled as in
    /// <paramref name="recent"/> takes the key found there (the same key a lookup gives, without the lookup); the claim's
    /// own are then remembered in it.
    /// </summary>
    private PreparedClaim Fill(PreparedClaim prepared, ref Recent recent)
    {
        var (claim, source) = (prepared.Claim, prepared.Source);
        if (!string.Equals(claim.Property, recent.Property, StringComparison.Ordinal))
        {
            var (key, age) = PropertyOf(claim.Property);
            recent.Property = claim.Property;
            (recent.PropertyKey, recent.IsAge) = (key, age);
        }

        if (!string.Equals(claim.Subject, recent.Subject, StringComparison.Ordinal))
        {
            recent.Subject = claim.Subject;
            recent.SubjectKey = _resolver.Key(claim.Subject);
        }

        var (propertyKey, isAge) = (recent.PropertyKey!, recent.IsAge);
        var speakerKey = claim.Speaker is null ? null : _resolver.Key(claim.Speaker);
        prepared.SubjectKey = recent.SubjectKey!;
        prepared.PropertyKey = propertyKey;
        prepared.SpeakerKey = speakerKey;
        prepared.Voice = speakerKey is null ? _voices[source] : _speakerVoices.GetOrAdd(speakerKey, static speaker => "speaker:" + speaker);

        var scope = claim.Scope;

        // Only an age is read as of a date (into a birth interval): other values are not, and skip looking the date up.
        LocalDate? asOf = isAge ? scope?.AsOf ?? SpeaksAsOf(source) : null;
        if (scope?.Event is { } eventId)
        {
            var @event = _validation.Events[eventId];
            prepared.ScopeKind = ScopeKind.Event;
            prepared.ScopeKey = _eventKeys[eventId];
            prepared.Window = @event.When is null ? null : Grouping.Window(@event.When, source.TimeZone);
        }
        else if (scope?.When is { } when)
        {
            prepared.ScopeKind = ScopeKind.When;
            prepared.Window = Grouping.Window(when, source.TimeZone);
        }
        else if (scope?.AsOf is { } date && !isAge)
        {
            // An age is folded into a birth interval, so ages as of different dates still compare.
            prepared.ScopeKind = ScopeKind.AsOf;
            prepared.ScopeKey = _asOfKeys.GetOrAdd(date, static day => "asOf:" + LocalDatePattern.Iso.Format(day));
        }

        prepared.Form = _normalizer.Normalize(claim.Value, isAge, source, asOf, claim.Negated);
        return prepared;
    }

    /// <summary>The last subject and property a run of <see cref="Fill"/> keyed, with their keys.</summary>
    private struct Recent
    {
        public string? Subject;
        public string? SubjectKey;
        public string? Property;
        public string? PropertyKey;
        public bool IsAge;
    }

    /// <summary>The date a prepared claim speaks as of: its scope's <c>asOf</c>, or the date its source speaks as of.</summary>
    /// <remarks>Worked out again when asked (an explanation asks), rather than kept with every claim.</remarks>
    public LocalDate AsOf(PreparedClaim claim) => claim.Claim.Scope?.AsOf ?? SpeaksAsOf(claim.Source);

    /// <summary>
    /// The date a source speaks as of: its publication date, or else "today" in its time zone. Worked out on first use
    /// (not for every declared source), as it was per claim.
    /// </summary>
    private LocalDate SpeaksAsOf(Source source) =>
        _asOf.GetOrAdd(source, static (s, now) => s.PublicationDate ?? now.InZone(s.TimeZone).Date, _now);
}
