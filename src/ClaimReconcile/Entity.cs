using System.Collections.Immutable;

namespace ClaimReconcile;

/// <summary>A person, place or organization that claims name, with the other names it goes by.</summary>
/// <remarks>Immutable once built; equality is reference equality.</remarks>
public sealed class Entity
{
    /// <summary>Creates an entity with the given id.</summary>
    /// <exception cref="ArgumentException"><paramref name="id"/> is empty or white space.</exception>
    public Entity(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        Id = id;
    }

    /// <summary>The unique id.</summary>
    public string Id { get; }

    /// <summary>A display name ("Kirill Dmitriev").</summary>
    public string? Label { get; init; }

    /// <summary>The entity's type as written ("person", "place", "organization").</summary>
    public string? Type { get; init; }

    /// <summary>Other names the entity goes by, compared ignoring case and accents ("Dmitrijew", "Dimitrijew").</summary>
    public ImmutableArray<string> Aliases { get; init; } = [];

    internal string? Location { get; init; }

    /// <inheritdoc />
    public override string ToString() => Label is null ? Id : $"{Label} ({Id})";
}
