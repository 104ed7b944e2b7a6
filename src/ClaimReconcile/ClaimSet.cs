using System.Collections.Immutable;

namespace ClaimReconcile;

/// <summary>The input of a reconciliation: sources, the entities and events they speak of, and their claims.</summary>
/// <remarks>
/// Immutable and thread-safe; equality is reference equality. Build one in code with
/// <see cref="CreateBuilder"/>, or read one with <see cref="Serialization.ClaimSetJson"/>.
/// </remarks>
public sealed partial class ClaimSet
{
    /// <summary>Creates a claim set from its parts.</summary>
    public ClaimSet(IEnumerable<Source> sources, IEnumerable<Claim> claims, IEnumerable<Entity>? entities = null, IEnumerable<Event>? events = null)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(claims);
        Sources = [.. sources];
        Claims = [.. claims];
        Entities = entities is null ? [] : [.. entities];
        Events = events is null ? [] : [.. events];
    }

    /// <summary>An empty claim set.</summary>
    public static ClaimSet Empty { get; } = new([], []);

    /// <summary>The sources.</summary>
    public ImmutableArray<Source> Sources { get; }

    /// <summary>The entities with their aliases.</summary>
    public ImmutableArray<Entity> Entities { get; }

    /// <summary>The events claims can be scoped to.</summary>
    public ImmutableArray<Event> Events { get; }

    /// <summary>The claims.</summary>
    public ImmutableArray<Claim> Claims { get; }

    /// <summary>Starts a fluent builder.</summary>
    public static ClaimSetBuilder CreateBuilder() => new();

    /// <inheritdoc />
    public override string ToString() =>
        $"{Claims.Length} claims from {Sources.Length} sources ({Entities.Length} entities, {Events.Length} events)";
}
