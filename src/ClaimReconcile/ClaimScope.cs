using NodaTime;

namespace ClaimReconcile;

/// <summary>
/// What a claim is about in time: an event, a time window, or a date as of which a state holds. Claims
/// whose scopes differ are never compared.
/// </summary>
/// <remarks>Immutable; equality is structural. A claim without a scope is read as timeless.</remarks>
public sealed record ClaimScope
{
    private ClaimScope(string? @event, TemporalValue? when, LocalDate? asOf, string? whenText = null)
    {
        Event = @event;
        When = when;
        AsOf = asOf;
        WhenText = whenText;
    }

    /// <summary>The id of the event the claim is about.</summary>
    public string? Event { get; }

    /// <summary>The time window the claim is about.</summary>
    public TemporalValue? When { get; }

    /// <summary>The date as of which the claimed state holds.</summary>
    public LocalDate? AsOf { get; }

    /// <summary>
    /// The time window in words ("am Dienstagabend", "last week"), for the reconciler to read against the
    /// claim's source; it then sets <see cref="When"/>, whose <see cref="ClaimValue.StatedAs"/> keeps the words.
    /// </summary>
    public string? WhenText { get; }

    /// <summary>A scope naming an event.</summary>
    public static ClaimScope ForEvent(string eventId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(eventId);
        return new ClaimScope(eventId, null, null);
    }

    /// <summary>A scope naming a time window.</summary>
    public static ClaimScope During(TemporalValue when)
    {
        ArgumentNullException.ThrowIfNull(when);
        return new ClaimScope(null, when, null);
    }

    /// <summary>A scope naming a time window in words, read against the claim's source: "am Dienstagabend", "Ende November".</summary>
    public static ClaimScope DuringText(string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        return new ClaimScope(null, null, null, text.Trim());
    }

    /// <summary>A scope naming the date as of which a state holds.</summary>
    public static ClaimScope AsOfDate(LocalDate date) => new(null, null, date);

    internal static ClaimScope Of(string? @event, TemporalValue? when, LocalDate? asOf) => new(@event, when, asOf);

    /// <inheritdoc />
    public override string ToString() =>
        Event is not null ? $"event:{Event}" : When is not null ? $"when:{When.ToIsoString()}" : WhenText is not null ? $"when:“{WhenText}”" : AsOf is { } d ? $"asOf:{NodaTime.Text.LocalDatePattern.Iso.Format(d)}" : "";
}
