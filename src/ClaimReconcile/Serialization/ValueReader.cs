using System.Text.Json;
using NodaTime;
using NodaTime.Text;

namespace ClaimReconcile.Serialization;

/// <summary>Reads one value object of the claim-set contract: exactly one kind key, an optional hedge.</summary>
internal static class ValueReader
{
    private static readonly string[] Kinds = ["number", "duration", "date", "instant", "entity", "text", "boolean", "set"];
    private static readonly string[] HedgedKinds = ["number", "duration", "date", "instant"];

    public static ClaimValue? Read(JsonElement element, string path, string? claim, List<ReconciliationIssue> issues)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            issues.Add(new(IssueCodes.InvalidType, path, $"A value is an object with one kind, such as {{\"duration\": \"PT5H\"}}; found {ClaimSetReader.Describe(element.ValueKind)}.", claim));
            return null;
        }

        var kinds = Kinds.Where(k => element.TryGetProperty(k, out _)).ToArray();
        if (kinds.Length != 1)
        {
            var names = string.Join(", ", element.EnumerateObject().Select(p => $"\"{p.Name}\""));
            issues.Add(new(IssueCodes.InvalidValue, path,
                kinds.Length == 0
                    ? $"A value names one kind (number, duration, date, instant, entity, text, boolean, set); this one has {(names.Length == 0 ? "no fields" : names)}."
                    : $"A value names one kind; this one names {string.Join(" and ", kinds)}.",
                claim));
            return null;
        }

        var kind = kinds[0];
        var hedge = Hedge.Exact;
        if (element.TryGetProperty("hedge", out var hedgeElement) && hedgeElement.ValueKind != JsonValueKind.Null)
        {
            if (!HedgedKinds.Contains(kind))
            {
                issues.Add(new(IssueCodes.InvalidHedge, $"{path}.hedge", $"{(kind is "entity" ? "An" : "A")} {kind} value takes no hedge; hedges go on numbers, durations and dates.", claim));
                return null;
            }

            if (hedgeElement.ValueKind != JsonValueKind.String || !HedgeNames.TryParse(hedgeElement.GetString()!, out hedge))
            {
                issues.Add(new(IssueCodes.InvalidHedge, $"{path}.hedge",
                    $"Unknown hedge {ClaimSetReader.Truncate(hedgeElement.GetRawText())}; expected exact, about, almost, more-than, at-least, at-most (up-to), less-than or several.", claim));
                return null;
            }
        }

        var body = element.GetProperty(kind);
        var bodyPath = $"{path}.{kind}";
        return kind switch
        {
            "number" => ReadNumber(element, body, hedge, bodyPath, path, claim, issues),
            "duration" => ReadDuration(body, hedge, bodyPath, claim, issues),
            "date" => ReadDate(element, body, hedge, bodyPath, path, claim, issues),
            "instant" => ReadInstant(body, hedge, bodyPath, claim, issues),
            "entity" => ReadText(body, bodyPath, claim, issues, "An entity", EntityValue.Of),
            "text" => ReadText(body, bodyPath, claim, issues, "A text", TextValue.Of),
            "boolean" => ReadBoolean(body, bodyPath, claim, issues),
            _ => ReadSet(body, bodyPath, claim, issues),
        };
    }

    private static ClaimValue? ReadNumber(JsonElement value, JsonElement body, Hedge hedge, string path, string valuePath, string? claim, List<ReconciliationIssue> issues)
    {
        string? unit = null;
        if (value.TryGetProperty("unit", out var unitElement) && unitElement.ValueKind != JsonValueKind.Null)
        {
            if (unitElement.ValueKind != JsonValueKind.String)
            {
                issues.Add(new(IssueCodes.InvalidType, $"{valuePath}.unit", $"A unit is a string such as \"h\"; found {ClaimSetReader.Describe(unitElement.ValueKind)}.", claim));
                return null;
            }

            unit = unitElement.GetString();
        }

        if (Words(body, path, claim, issues, out var failed) is { } words)
        {
            return WordedValue.Number(words, unit, hedge);
        }

        if (failed)
        {
            return null;
        }

        if (body.ValueKind == JsonValueKind.Object)
        {
            var min = Finite(body, "min", path, claim, issues);
            var max = Finite(body, "max", path, claim, issues);
            if (min is null || max is null)
            {
                return null;
            }

            if (min > max)
            {
                issues.Add(new(IssueCodes.InvalidNumber, path, $"The range is inverted: min {NumberValue.Format(min.Value)} is above max {NumberValue.Format(max.Value)}.", claim));
                return null;
            }

            return NumberValue.Range(min.Value, max.Value, unit, hedge);
        }

        if (body.ValueKind != JsonValueKind.Number)
        {
            issues.Add(new(IssueCodes.InvalidType, path, $"A number is a JSON number or {{\"min\": …, \"max\": …}}; found {ClaimSetReader.Describe(body.ValueKind)}.", claim));
            return null;
        }

        if (!body.TryGetDouble(out var number) || !double.IsFinite(number))
        {
            issues.Add(new(IssueCodes.InvalidNumber, path, $"{ClaimSetReader.Truncate(body.GetRawText())} is outside the range of a double.", claim));
            return null;
        }

        return NumberValue.Of(number, unit, hedge);
    }

    private static double? Finite(JsonElement body, string name, string path, string? claim, List<ReconciliationIssue> issues)
    {
        if (!body.TryGetProperty(name, out var element) || element.ValueKind != JsonValueKind.Number)
        {
            issues.Add(new(IssueCodes.InvalidNumber, $"{path}.{name}", $"A range needs a numeric \"{name}\".", claim));
            return null;
        }

        if (!element.TryGetDouble(out var number) || !double.IsFinite(number))
        {
            issues.Add(new(IssueCodes.InvalidNumber, $"{path}.{name}", $"{ClaimSetReader.Truncate(element.GetRawText())} is outside the range of a double.", claim));
            return null;
        }

        return number;
    }

    private static ClaimValue? ReadDuration(JsonElement body, Hedge hedge, string path, string? claim, List<ReconciliationIssue> issues)
    {
        if (Words(body, path, claim, issues, out var failed) is { } words)
        {
            return WordedValue.Duration(words, hedge);
        }

        if (failed)
        {
            return null;
        }

        if (body.ValueKind != JsonValueKind.String)
        {
            issues.Add(new(IssueCodes.InvalidType, path, $"A duration is an ISO 8601 string such as \"PT5H\"; found {ClaimSetReader.Describe(body.ValueKind)}.", claim));
            return null;
        }

        var text = body.GetString()!;
        var parsed = PeriodPattern.NormalizingIso.Parse(text);
        if (!parsed.Success || ToDuration(parsed.Value) is not { } length)
        {
            issues.Add(new(IssueCodes.InvalidDuration, path, $"\"{ClaimSetReader.Truncate(text)}\" is not an ISO 8601 duration such as \"PT5H\" or \"PT1H30M\".", claim));
            return null;
        }

        if (length < Duration.Zero)
        {
            issues.Add(new(IssueCodes.InvalidDuration, path, $"\"{ClaimSetReader.Truncate(text)}\" is negative; a duration is a length of time.", claim));
            return null;
        }

        if (length > DurationValue.MaxLength)
        {
            issues.Add(new(IssueCodes.InvalidDuration, path, $"\"{ClaimSetReader.Truncate(text)}\" is longer than 100,000 days (about 273 years), the longest duration read.", claim));
            return null;
        }

        return DurationValue.Of(length, hedge);
    }

    /// <summary>
    /// The length of time an ISO 8601 duration names, or null when <see cref="ReadDuration"/> would report it (not a
    /// duration, negative, or longer than <see cref="DurationValue.MaxLength"/>).
    /// </summary>
    internal static Duration? ValidLength(string text)
    {
        var parsed = PeriodPattern.NormalizingIso.Parse(text);
        return parsed.Success && ToDuration(parsed.Value) is { } length && length >= Duration.Zero && length <= DurationValue.MaxLength ? length : null;
    }

    /// <summary>A period as a length of time; years and months at their average Gregorian lengths.</summary>
    internal static Duration? ToDuration(Period period)
    {
        const double DaysPerYear = 365.2425;
        const double MaxSeconds = 1e12; // about 31,700 years; NodaTime durations end near 1.4e12 s
        var approximate = (((period.Years * DaysPerYear) + (period.Months * DaysPerYear / 12) + (period.Weeks * 7.0) + period.Days) * 86_400.0)
            + (period.Hours * 3_600.0) + (period.Minutes * 60.0) + period.Seconds + (period.Milliseconds / 1e3) + (period.Ticks / 1e7) + (period.Nanoseconds / 1e9);
        if (!(Math.Abs(approximate) < MaxSeconds))
        {
            return null;
        }

        var days = (period.Years * DaysPerYear) + (period.Months * DaysPerYear / 12) + (period.Weeks * 7.0) + period.Days;
        var rest = Period.FromHours(period.Hours) + Period.FromMinutes(period.Minutes) + Period.FromSeconds(period.Seconds)
            + Period.FromMilliseconds(period.Milliseconds) + Period.FromTicks(period.Ticks) + Period.FromNanoseconds(period.Nanoseconds);
        var total = (days * 86_400.0) + rest.ToDuration().TotalSeconds;
        return Duration.FromSeconds(total);
    }

    /// <summary>
    /// The words of a text form <c>{"text": "…"}</c>, or <see langword="null"/> when the body is not one;
    /// <paramref name="failed"/> says that it was one but its text was missing or empty (reported).
    /// </summary>
    internal static string? Words(JsonElement body, string path, string? claim, List<ReconciliationIssue> issues, out bool failed)
    {
        failed = false;
        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("text", out var text))
        {
            return null;
        }

        if (text.ValueKind != JsonValueKind.String)
        {
            issues.Add(new(IssueCodes.InvalidType, $"{path}.text", $"\"text\" is a string of words such as \"am Dienstagabend\"; found {ClaimSetReader.Describe(text.ValueKind)}.", claim));
            failed = true;
            return null;
        }

        if (string.IsNullOrWhiteSpace(text.GetString()))
        {
            issues.Add(new(IssueCodes.EmptyText, $"{path}.text", "\"text\" is empty.", claim));
            failed = true;
            return null;
        }

        return text.GetString()!.Trim();
    }

    private static ClaimValue? ReadDate(JsonElement value, JsonElement body, Hedge hedge, string path, string valuePath, string? claim, List<ReconciliationIssue> issues)
    {
        if (!TryReadPartOfDay(value, valuePath, claim, issues, out var partOfDay))
        {
            return null;
        }

        if (Words(body, path, claim, issues, out var failed) is { } words)
        {
            if (partOfDay is not null)
            {
                issues.Add(new(IssueCodes.InvalidDate, $"{valuePath}.partOfDay", "A date in words carries its own part of day (\"am Dienstagabend\"); drop \"partOfDay\".", claim));
                return null;
            }

            return WordedValue.Date(words, hedge);
        }

        if (failed)
        {
            return null;
        }

        return ClaimSetReader.ReadDate(body, partOfDay, hedge, path, claim, issues);
    }

    private static TemporalValue? ReadInstant(JsonElement body, Hedge hedge, string path, string? claim, List<ReconciliationIssue> issues)
    {
        if (body.ValueKind != JsonValueKind.String)
        {
            issues.Add(new(IssueCodes.InvalidType, path, $"An instant is an ISO string such as \"2025-12-02T17:00:00Z\"; found {ClaimSetReader.Describe(body.ValueKind)}.", claim));
            return null;
        }

        var text = body.GetString()!;
        if (ParseInstant(text, path, claim, issues, out var recognised) is { } at)
        {
            return TemporalValue.AtInstant(at, hedge);
        }

        if (!recognised)
        {
            issues.Add(new(IssueCodes.InvalidDate, path, $"\"{ClaimSetReader.Truncate(text)}\" is not an ISO instant such as \"2025-12-02T17:00:00Z\" or \"2025-12-02T18:00:00+01:00\".", claim));
        }

        return null;
    }

    /// <summary>
    /// An ISO instant (<c>…Z</c>) or a local time with its offset. <paramref name="recognised"/> says the text has one of
    /// those shapes; one whose offset carries it past the calendar's end is reported here and gives null.
    /// </summary>
    internal static Instant? ParseInstant(string text, string path, string? claim, List<ReconciliationIssue> issues, out bool recognised)
    {
        var instant = InstantPattern.ExtendedIso.Parse(text);
        recognised = instant.Success;
        if (instant.Success)
        {
            return instant.Value;
        }

        var offset = OffsetDateTimePattern.Rfc3339.Parse(text);
        recognised = offset.Success;
        if (!offset.Success)
        {
            return null;
        }

        if (InstantOf(offset.Value) is { } at)
        {
            return at;
        }

        issues.Add(new(IssueCodes.InvalidDate, path, $"\"{ClaimSetReader.Truncate(text)}\" lies beyond the last instant the calendar holds (the end of 9999 in UTC).", claim));
        return null;
    }

    /// <summary>The optional <c>partOfDay</c> beside a date (a value or a scope); false when it is there but not a string (reported).</summary>
    internal static bool TryReadPartOfDay(JsonElement owner, string ownerPath, string? claim, List<ReconciliationIssue> issues, out string? partOfDay)
    {
        partOfDay = null;
        if (!owner.TryGetProperty("partOfDay", out var part) || part.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (part.ValueKind != JsonValueKind.String)
        {
            issues.Add(new(IssueCodes.InvalidType, $"{ownerPath}.partOfDay", "\"partOfDay\" is a string: night, morning, midday, afternoon or evening.", claim));
            return false;
        }

        partOfDay = part.GetString();
        return true;
    }

    /// <summary>The instant of a local time and offset; null at the calendar's edges, where it lies outside what an instant holds.</summary>
    private static Instant? InstantOf(OffsetDateTime value)
    {
        try
        {
            return value.ToInstant();
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    private static T? ReadText<T>(JsonElement body, string path, string? claim, List<ReconciliationIssue> issues, string what, Func<string, T> create)
        where T : ClaimValue
    {
        if (body.ValueKind != JsonValueKind.String)
        {
            issues.Add(new(IssueCodes.InvalidType, path, $"{what} value is a string; found {ClaimSetReader.Describe(body.ValueKind)}.", claim));
            return null;
        }

        var text = body.GetString()!;
        if (string.IsNullOrWhiteSpace(text))
        {
            issues.Add(new(IssueCodes.EmptyText, path, $"{what} value is empty.", claim));
            return null;
        }

        return create(text);
    }

    private static BooleanValue? ReadBoolean(JsonElement body, string path, string? claim, List<ReconciliationIssue> issues)
    {
        if (body.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return BooleanValue.Of(body.GetBoolean());
        }

        issues.Add(new(IssueCodes.InvalidType, path, $"A boolean value is true or false; found {ClaimSetReader.Truncate(body.GetRawText())}.", claim));
        return null;
    }

    private static SetValue? ReadSet(JsonElement body, string path, string? claim, List<ReconciliationIssue> issues)
    {
        if (body.ValueKind != JsonValueKind.Array)
        {
            issues.Add(new(IssueCodes.InvalidType, path, $"A set is an array of strings; found {ClaimSetReader.Describe(body.ValueKind)}.", claim));
            return null;
        }

        var members = new List<string>();
        var index = 0;
        var ok = true;
        foreach (var member in body.EnumerateArray())
        {
            if (member.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(member.GetString()))
            {
                members.Add(member.GetString()!);
            }
            else
            {
                issues.Add(new(IssueCodes.InvalidValue, $"{path}[{index}]", $"A set member is a non-empty string; found {ClaimSetReader.Truncate(member.GetRawText())}.", claim));
                ok = false;
            }

            index++;
        }

        if (ok && members.Count == 0)
        {
            issues.Add(new(IssueCodes.InvalidValue, path, "A set needs at least one member.", claim));
            return null;
        }

        return ok ? SetValue.Of(members) : null;
    }
}
