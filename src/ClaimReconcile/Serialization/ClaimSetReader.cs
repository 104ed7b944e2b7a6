using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;

namespace ClaimReconcile.Serialization;

/// <summary>
/// Reads the items of a claim set (sources, entities, events, claims), one parsed element at a time, collecting every
/// problem with its JSON path; never throws on user data. <see cref="ClaimSetStreamReader"/> walks the file around it.
/// </summary>
internal sealed class ClaimSetReader
{
    private static readonly string[] ScopeKinds = ["event", "when", "asOf"];
    private readonly List<ReconciliationIssue> _issues = [];

    /// <summary>Moves the issues found since the last call to <paramref name="issues"/>, in input order.</summary>
    public void MoveIssuesTo(List<ReconciliationIssue> issues)
    {
        if (_issues.Count > 0)
        {
            issues.AddRange(_issues);
            _issues.Clear();
        }
    }

    internal Source? ReadSource(JsonElement element, string path)
    {
        if (!ExpectObject(element, path, "A source"))
        {
            return null;
        }

        var id = RequiredString(element, "id", path, claim: null);
        if (id is null)
        {
            return null;
        }

        var zone = DateTimeZone.Utc;
        if (OptionalString(element, "timeZone", path) is { } zoneId)
        {
            zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(zoneId) ?? DateTimeZone.Utc;
            if (zone == DateTimeZone.Utc && zoneId != "UTC" && zoneId != "Etc/UTC")
            {
                Warn(IssueCodes.InvalidTimeZone, $"{path}.timeZone", $"Unknown IANA time zone \"{zoneId}\"; using UTC.");
            }
        }

        OffsetDateTime? publishedAt = null;
        LocalDate? publishedOn = null;
        if (OptionalString(element, "published", path) is { } published)
        {
            var dateTime = OffsetDateTimePattern.Rfc3339.Parse(published);
            var date = LocalDatePattern.Iso.Parse(published);
            if (dateTime.Success && InCalendar(dateTime.Value.Year))
            {
                publishedAt = dateTime.Value;
            }
            else if (date.Success && InCalendar(date.Value.Year))
            {
                publishedOn = date.Value;
            }
            else if (dateTime.Success || date.Success)
            {
                Warn(IssueCodes.InvalidPublished, $"{path}.published",
                    $"\"{Truncate(published)}\" is outside the years 1 to 9998 that publication dates can have here; the source is read as undated.");
            }
            else
            {
                Warn(IssueCodes.InvalidPublished, $"{path}.published",
                    $"\"{published}\" is neither an RFC 3339 date-time (2025-12-03T07:00:00+01:00) nor an ISO date (2025-12-03); the source is read as undated.");
            }
        }

        var kind = SourceKind.Other;
        if (OptionalString(element, "kind", path) is { } kindText && !Enum.TryParse(kindText, ignoreCase: true, out kind))
        {
            Warn(IssueCodes.InvalidValue, $"{path}.kind", $"Unknown source kind \"{kindText}\"; expected outlet, agency, official, person, dataset or other.");
            kind = SourceKind.Other;
        }

        double? prior = null;
        if (element.TryGetProperty("prior", out var priorElement) && priorElement.ValueKind != JsonValueKind.Null)
        {
            if (priorElement.ValueKind == JsonValueKind.Number && priorElement.TryGetDouble(out var p) && double.IsFinite(p))
            {
                prior = p;
            }
            else
            {
                Warn(IssueCodes.InvalidPrior, $"{path}.prior", $"A prior is a number between 0 and 1; found {Truncate(priorElement.GetRawText())}. Using the default.");
            }
        }

        return new Source(id)
        {
            Name = OptionalString(element, "name", path),
            Kind = kind,
            Url = OptionalString(element, "url", path),
            PublishedAt = publishedAt,
            PublishedOn = publishedOn,
            TimeZone = zone,
            Language = OptionalString(element, "language", path),
            DerivedFrom = StringArray(element, "derivedFrom", path),
            Prior = prior,
            Location = path,
        };
    }

    internal Entity? ReadEntity(JsonElement element, string path)
    {
        if (!ExpectObject(element, path, "An entity") || RequiredString(element, "id", path, claim: null) is not { } id)
        {
            return null;
        }

        return new Entity(id)
        {
            Label = OptionalString(element, "label", path),
            Type = OptionalString(element, "type", path),
            Aliases = StringArray(element, "aliases", path),
            Location = path,
        };
    }

    internal Event? ReadEvent(JsonElement element, string path)
    {
        if (!ExpectObject(element, path, "An event") || RequiredString(element, "id", path, claim: null) is not { } id)
        {
            return null;
        }

        TemporalValue? when = null;
        if (element.TryGetProperty("when", out var whenElement) && whenElement.ValueKind != JsonValueKind.Null)
        {
            var issues = new List<ReconciliationIssue>();
            when = ReadDate(whenElement, null, Hedge.Exact, $"{path}.when", claim: null, issues);
            foreach (var issue in issues)
            {
                Warn(issue.Code, issue.Path, issue.Message + " The event is read as undated.");
            }
        }

        return new Event(id)
        {
            Label = OptionalString(element, "label", path),
            When = when,
            Where = OptionalString(element, "where", path),
            Participants = StringArray(element, "participants", path),
            Location = path,
        };
    }

    internal Claim? ReadClaim(JsonElement element, string path, int index)
    {
        if (!ExpectObject(element, path, "A claim"))
        {
            return null;
        }

        var errorsBefore = _issues.Count;
        var givenId = OptionalString(element, "id", path);
        var sourceForId = element.TryGetProperty("source", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
        var claimId = givenId ?? $"{(string.IsNullOrWhiteSpace(sourceForId) ? "?" : sourceForId)}#{index}";

        var source = RequiredString(element, "source", path, claimId);
        var subject = RequiredString(element, "subject", path, claimId);
        var property = RequiredString(element, "property", path, claimId);

        ClaimValue? value = null;
        if (!element.TryGetProperty("value", out var valueElement) || valueElement.ValueKind == JsonValueKind.Null)
        {
            Error(IssueCodes.MissingField, $"{path}.value", "The claim has no \"value\".", claimId);
        }
        else
        {
            var issues = new List<ReconciliationIssue>();
            value = ValueReader.Read(valueElement, $"{path}.value", claimId, issues);
            _issues.AddRange(issues);
        }

        var scope = ReadScope(element, path, claimId);
        var negated = false;
        if (element.TryGetProperty("negated", out var negatedElement) && negatedElement.ValueKind != JsonValueKind.Null)
        {
            if (negatedElement.ValueKind is JsonValueKind.True or JsonValueKind.False)
            {
                negated = negatedElement.GetBoolean();
            }
            else
            {
                Error(IssueCodes.InvalidType, $"{path}.negated", $"\"negated\" is true or false; found {Truncate(negatedElement.GetRawText())}.", claimId);
            }
        }

        var speaker = OptionalString(element, "speaker", path, claimId);
        var quote = OptionalString(element, "quote", path, claimId);

        if (HasErrorsSince(errorsBefore) || source is null || subject is null || property is null || value is null)
        {
            return null;
        }

        return new Claim(source, subject, property, value)
        {
            Id = claimId,
            Scope = scope,
            Speaker = speaker,
            Quote = quote,
            Negated = negated,
            InputIndex = index,
        };
    }

    private ClaimScope? ReadScope(JsonElement element, string path, string claimId)
    {
        if (!element.TryGetProperty("scope", out var scope) || scope.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        var scopePath = $"{path}.scope";
        if (scope.ValueKind != JsonValueKind.Object)
        {
            Error(IssueCodes.InvalidType, scopePath, $"A scope is an object such as {{\"event\": \"moscow-talks\"}}; found {Describe(scope.ValueKind)}.", claimId);
            return null;
        }

        var present = ScopeKinds.Where(k => scope.TryGetProperty(k, out var v) && v.ValueKind != JsonValueKind.Null).ToArray();
        if (present.Length != 1)
        {
            Error(IssueCodes.InvalidScope, scopePath,
                present.Length == 0
                    ? "A scope names one of \"event\", \"when\" or \"asOf\"; this one names none."
                    : $"A scope names one of \"event\", \"when\" or \"asOf\"; this one names {string.Join(" and ", present.Select(p => $"\"{p}\""))}.",
                claimId);
            return null;
        }

        switch (present[0])
        {
            case "event":
                return RequiredString(scope, "event", scopePath, claimId) is { } eventId ? ClaimScope.ForEvent(eventId) : null;
            case "when":
                var issues = new List<ReconciliationIssue>();
                var scoped = ReadWhen(scope, scopePath, claimId, issues);
                _issues.AddRange(issues);
                return scoped;
            default:
                var asOf = scope.GetProperty("asOf");
                var parsed = asOf.ValueKind == JsonValueKind.String ? LocalDatePattern.Iso.Parse(asOf.GetString()!) : null;
                if (parsed is { Success: true } && parsed.Value.Year >= 1)
                {
                    return ClaimScope.AsOfDate(parsed.Value);
                }

                Error(IssueCodes.InvalidDate, $"{scopePath}.asOf", $"\"asOf\" is an ISO date such as \"2025-12-03\"; found {Truncate(asOf.GetRawText())}.", claimId);
                return null;
        }
    }

    /// <summary>
    /// A <c>when</c> scope: an ISO date, span or instant string, words (<c>{"text": "am Dienstagabend"}</c>), with
    /// optional <c>partOfDay</c> and <c>hedge</c> beside it in the scope object.
    /// </summary>
    private static ClaimScope? ReadWhen(JsonElement scope, string scopePath, string claimId, List<ReconciliationIssue> issues)
    {
        var body = scope.GetProperty("when");
        var path = $"{scopePath}.when";
        if (ValueReader.Words(body, path, claimId, issues, out var failed) is { } words)
        {
            return ClaimScope.DuringText(words);
        }

        if (failed)
        {
            return null;
        }

        var hedge = Hedge.Exact;
        if (scope.TryGetProperty("hedge", out var hedgeElement) && hedgeElement.ValueKind != JsonValueKind.Null
            && (hedgeElement.ValueKind != JsonValueKind.String || !HedgeNames.TryParse(hedgeElement.GetString()!, out hedge)))
        {
            issues.Add(new(IssueCodes.InvalidHedge, $"{scopePath}.hedge", $"Unknown hedge {Truncate(hedgeElement.GetRawText())}.", claimId));
            return null;
        }

        if (!ValueReader.TryReadPartOfDay(scope, scopePath, claimId, issues, out var partOfDay))
        {
            return null;
        }

        if (body.ValueKind == JsonValueKind.String && partOfDay is null && body.GetString()!.Contains('T', StringComparison.Ordinal))
        {
            var at = ValueReader.ParseInstant(body.GetString()!, path, claimId, issues, out var recognised);
            if (recognised)
            {
                return at is null ? null : ClaimScope.During(TemporalValue.AtInstant(at.Value, hedge));
            }
        }

        var when = ReadDate(body, partOfDay, hedge, path, claimId, issues);
        return when is null ? null : ClaimScope.During(when);
    }

    internal static TemporalValue? ReadDate(JsonElement element, string? partOfDayText, Hedge hedge, string path, string? claim, List<ReconciliationIssue> issues)
    {
        if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty("text", out var words))
        {
            // Without a source there is no publication date: only absolute words ("2. Dezember 2025") can be read.
            var context = new Pipeline.Text.TimeContext(null, DateTimeZone.Utc, null, Future: false);
            string? problem = "it is not a string";
            if (words.ValueKind == JsonValueKind.String && Pipeline.Text.TimeText.Read(words.GetString()!, context, hedge, out problem) is { } absolute)
            {
                return absolute;
            }
            else
            {
                issues.Add(new(IssueCodes.UnreadableText, $"{path}.text",
                    $"Could not read {Truncate(words.GetRawText())} as a date without a publication date: {problem}; write an absolute date (\"2. Dezember 2025\", \"2025-12-02\").", claim));
                return null;
            }
        }

        if (element.ValueKind != JsonValueKind.String)
        {
            issues.Add(new(IssueCodes.InvalidType, path, $"A date is an ISO string (\"2025\", \"2025-12\", \"2025-12-02\", \"2025-11-29/2025-11-30\"); found {Describe(element.ValueKind)}.", claim));
            return null;
        }

        var text = element.GetString()!;
        var value = ParseDate(text, hedge);
        if (value is null)
        {
            issues.Add(new(IssueCodes.InvalidDate, path, $"\"{Truncate(text)}\" is not an ISO year, month, date or date span (\"2025\", \"2025-12\", \"2025-12-02\", \"2025-11-29/2025-11-30\").", claim));
            return null;
        }

        if (partOfDayText is null)
        {
            return value;
        }

        if (value.Granularity != TemporalGranularity.Day || !PartOfDayNames.TryParse(partOfDayText, out var part))
        {
            issues.Add(new(IssueCodes.InvalidDate, path.EndsWith(".date", StringComparison.Ordinal) ? path[..^5] + ".partOfDay" : path,
                $"\"partOfDay\" is one of night, morning, midday, afternoon, evening, on a single day; found \"{Truncate(partOfDayText)}\" on \"{text}\".", claim));
            return null;
        }

        return TemporalValue.OnPartOfDay(value.Start, part, hedge);
    }

    /// <summary>
    /// Whether a publication year leaves room for time-zone shifts and "the day after" within NodaTime's calendar,
    /// which ends on 9999-12-31.
    /// </summary>
    private static bool InCalendar(int year) => year is >= 1 and <= 9998;

    internal static TemporalValue? ParseDate(string text, Hedge hedge)
    {
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash > 0)
        {
            var start = LocalDatePattern.Iso.Parse(text[..slash]);
            var end = LocalDatePattern.Iso.Parse(text[(slash + 1)..]);
            return start.Success && end.Success && end.Value >= start.Value && start.Value.Year >= 1 ? TemporalValue.BetweenDays(start.Value, end.Value, hedge) : null;
        }

        if (text.Length == 4 && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year >= 1)
        {
            return TemporalValue.InYear(year, hedge);
        }

        if (text.Length == 7 && YearMonthPattern.Iso.Parse(text) is { Success: true } month && month.Value.Year >= 1)
        {
            return TemporalValue.InMonth(month.Value, hedge);
        }

        // Years before 1 are not read: a zone's offset could move their start before the first instant NodaTime holds.
        var day = LocalDatePattern.Iso.Parse(text);
        return day.Success && day.Value.Year >= 1 ? TemporalValue.OnDay(day.Value, hedge) : null;
    }

    private bool ExpectObject(JsonElement element, string path, string what)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            return true;
        }

        Error(IssueCodes.InvalidType, path, $"{what} is a JSON object; found {Describe(element.ValueKind)}.");
        return false;
    }

    private string? RequiredString(JsonElement element, string name, string path, string? claim)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            Error(IssueCodes.MissingField, $"{path}.{name}", $"\"{name}\" is required.", claim);
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            Error(IssueCodes.InvalidType, $"{path}.{name}", $"\"{name}\" is a string; found {Describe(value.ValueKind)}.", claim);
            return null;
        }

        var text = value.GetString()!;
        if (string.IsNullOrWhiteSpace(text))
        {
            Error(IssueCodes.EmptyText, $"{path}.{name}", $"\"{name}\" is empty.", claim);
            return null;
        }

        return text.Trim();
    }

    private string? OptionalString(JsonElement element, string name, string path, string? claim = null)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            Error(IssueCodes.InvalidType, $"{path}.{name}", $"\"{name}\" is a string; found {Describe(value.ValueKind)}.", claim);
            return null;
        }

        var text = value.GetString()!.Trim();
        return text.Length == 0 ? null : text;
    }

    private ImmutableArray<string> StringArray(JsonElement element, string name, string path)
    {
        if (!element.TryGetProperty(name, out var array) || array.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            Warn(IssueCodes.InvalidType, $"{path}.{name}", $"\"{name}\" is an array of strings; found {Describe(array.ValueKind)}. Ignored.");
            return [];
        }

        var items = ImmutableArray.CreateBuilder<string>();
        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(item.GetString()))
            {
                items.Add(item.GetString()!.Trim());
            }
            else
            {
                Warn(IssueCodes.InvalidType, $"{path}.{name}[{index}]", $"Expected a non-empty string; found {Truncate(item.GetRawText())}. Ignored.");
            }

            index++;
        }

        return items.ToImmutable();
    }

    private bool HasErrorsSince(int count)
    {
        for (var i = count; i < _issues.Count; i++)
        {
            if (_issues[i].Severity == IssueSeverity.Error)
            {
                return true;
            }
        }

        return false;
    }

    private void Error(string code, string path, string message, string? claim = null) => _issues.Add(new(code, path, message, claim));

    private void Warn(string code, string path, string message) => _issues.Add(new(code, path, message, null, IssueSeverity.Warning));

    internal static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    internal static string Truncate(string text) => text.Length <= 60 ? text : string.Concat(text.AsSpan(0, 57), "…");
}
