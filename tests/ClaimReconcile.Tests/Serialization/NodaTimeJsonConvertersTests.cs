using System.Text.Encodings.Web;
using System.Text.Json;
using ClaimReconcile.Serialization;
using NodaTime;

namespace ClaimReconcile.Tests;

public sealed class NodaTimeJsonConvertersTests
{
    private static readonly JsonSerializerOptions Options = NodaTimeJsonConverters.AddTo(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    [Fact]
    public void Serialize_Instant_IsExtendedIso() =>
        Assert.Equal("\"2025-12-02T17:00:00Z\"", JsonSerializer.Serialize(Instant.FromUtc(2025, 12, 2, 17, 0), Options));

    [Fact]
    public void Serialize_LocalDateAndYearMonth_AreIso()
    {
        Assert.Equal("\"2025-12-02\"", JsonSerializer.Serialize(new LocalDate(2025, 12, 2), Options));
        Assert.Equal("\"2025-12\"", JsonSerializer.Serialize(new YearMonth(2025, 12), Options));
    }

    [Fact]
    public void RoundTrip_OffsetDateTimePeriodDurationZone_Preserved()
    {
        var value = new Sample(
            new OffsetDateTime(new LocalDateTime(2025, 12, 3, 7, 0), Offset.FromHours(1)),
            Period.FromHours(4) + Period.FromMinutes(30),
            Duration.FromMinutes(270),
            DateTimeZoneProviders.Tzdb["Europe/Berlin"]);

        var json = JsonSerializer.Serialize(value, Options);
        var back = JsonSerializer.Deserialize<Sample>(json, Options);

        Assert.Contains("\"2025-12-03T07:00:00+01:00\"", json, StringComparison.Ordinal);
        Assert.Contains("\"PT4H30M\"", json, StringComparison.Ordinal);
        // NodaTime.Serialization.SystemTextJson writes durations as H:mm:ss (JsonRoundtrip pattern).
        Assert.Contains("\"4:30:00\"", json, StringComparison.Ordinal);
        Assert.Contains("\"Europe/Berlin\"", json, StringComparison.Ordinal);
        Assert.Equal(value, back);
    }

    [Fact]
    public void Deserialize_BadInstant_ThrowsJsonException() =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Instant>("\"yesterday\"", Options));

    [Fact]
    public void Deserialize_UnknownZone_ThrowsJsonException() =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<DateTimeZone>("\"Mars/Olympus\"", Options));

    public sealed record Sample(OffsetDateTime Published, Period Period, Duration Length, DateTimeZone Zone);
}
