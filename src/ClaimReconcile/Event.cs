using System.Collections.Immutable;

namespace ClaimReconcile;

/// <summary>Something that happened at some time — a meeting, a summit — that claims can be scoped to.</summary>
/// <remarks>Immutable once built; equality is reference equality.</remarks>
public sealed class Event
{
    /// <summary>Creates an event with the given id.</summary>
    /// <exception cref="ArgumentException"><paramref name="id"/> is empty or white space.</exception>
    public Event(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        Id = id;
    }

    /// <summary>The unique id.</summary>
    public string Id { get; }

    /// <summary>A display name.</summary>
    public string? Label { get; init; }

    /// <summary>When the event took place.</summary>
    public TemporalValue? When { get; init; }

    /// <summary>Where the event took place, as an entity id or a mention.</summary>
    public string? Where { get; init; }

    /// <summary>Who took part, as entity ids or mentions.</summary>
    public ImmutableArray<string> Participants { get; init; } = [];

    internal string? Location { get; init; }

    /// <inheritdoc />
    public override string ToString() => Label is null ? Id : $"{Label} ({Id})";
}
