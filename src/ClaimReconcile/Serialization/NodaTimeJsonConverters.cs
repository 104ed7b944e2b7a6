using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Text;

namespace ClaimReconcile.Serialization;

/// <summary>
/// System.Text.Json converters for the NodaTime types of the contracts, in the formats that
/// NodaTime.Serialization.SystemTextJson uses: extended ISO instants (<c>2025-12-02T17:00:00Z</c>), ISO dates,
/// RFC 3339 offset date-times, ISO year-months, normalizing ISO periods (<c>PT4H30M</c>), round-trip durations
/// (<c>0:04:30:00</c>) and IANA time-zone ids.
/// </summary>
/// <remarks>Stateless and thread-safe. <see cref="AddTo"/> registers them all on an options object.</remarks>
public static class NodaTimeJsonConverters
{
    /// <summary>Instants as extended ISO text.</summary>
    public static JsonConverter<Instant> Instant { get; } = new PatternConverter<Instant>(InstantPattern.ExtendedIso);

    /// <summary>Local dates as ISO text (<c>2025-12-02</c>).</summary>
    public static JsonConverter<LocalDate> LocalDate { get; } = new PatternConverter<LocalDate>(LocalDatePattern.Iso);

    /// <summary>Year-months as ISO text (<c>2025-12</c>).</summary>
    public static JsonConverter<YearMonth> YearMonth { get; } = new PatternConverter<YearMonth>(YearMonthPattern.Iso);

    /// <summary>Offset date-times as RFC 3339 text (<c>2025-12-03T07:00:00+01:00</c>).</summary>
    public static JsonConverter<OffsetDateTime> OffsetDateTime { get; } = new PatternConverter<OffsetDateTime>(OffsetDateTimePattern.Rfc3339);

    /// <summary>Periods as normalizing ISO 8601 text (<c>PT5H</c>).</summary>
    public static JsonConverter<Period> Period { get; } = new PatternConverter<Period>(PeriodPattern.NormalizingIso);

    /// <summary>Durations in NodaTime's JSON round-trip pattern (<c>-H:mm:ss.FFFFFFFFF</c>).</summary>
    public static JsonConverter<Duration> Duration { get; } = new PatternConverter<Duration>(DurationPattern.JsonRoundtrip);

    /// <summary>Time zones as IANA ids (<c>Europe/Berlin</c>) from the TZDB provider.</summary>
    public static JsonConverter<DateTimeZone> DateTimeZone { get; } = new ZoneConverter();

    /// <summary>Adds every converter to <paramref name="options"/> and returns it.</summary>
    public static JsonSerializerOptions AddTo(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Converters.Add(Instant);
        options.Converters.Add(LocalDate);
        options.Converters.Add(YearMonth);
        options.Converters.Add(OffsetDateTime);
        options.Converters.Add(Period);
        options.Converters.Add(Duration);
        options.Converters.Add(DateTimeZone);
        return options;
    }

    private sealed class PatternConverter<T>(IPattern<T> pattern) : JsonConverter<T>
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.String)
            {
                throw new JsonException($"Expected a string for {typeof(T).Name}, found {reader.TokenType}.");
            }

            var result = pattern.Parse(reader.GetString()!);
            return result.Success ? result.Value : throw new JsonException(result.Exception.Message, result.Exception);
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            writer.WriteStringValue(pattern.Format(value));
    }

    private sealed class ZoneConverter : JsonConverter<DateTimeZone>
    {
        public override DateTimeZone Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var id = reader.TokenType == JsonTokenType.String ? reader.GetString()! : throw new JsonException("Expected a time-zone id.");
            return DateTimeZoneProviders.Tzdb.GetZoneOrNull(id) ?? throw new JsonException($"Unknown time zone '{id}'.");
        }

        public override void Write(Utf8JsonWriter writer, DateTimeZone value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.Id);
    }
}
