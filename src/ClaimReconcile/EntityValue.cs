namespace ClaimReconcile;

/// <summary>A reference to an entity, by id or by a mention as written ("Dmitrijew").</summary>
/// <remarks>Immutable; equality is structural on the mention as written. Resolution to an entity happens in the reconciler.</remarks>
public sealed class EntityValue : ClaimValue
{
    private EntityValue(string mention) => Mention = mention;

    /// <inheritdoc />
    public override string Kind => "entity";

    /// <summary>The entity id or the mention as written.</summary>
    public string Mention { get; }

    /// <summary>An entity reference.</summary>
    /// <exception cref="ArgumentException"><paramref name="mention"/> is empty or white space.</exception>
    public static EntityValue Of(string mention)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(mention);
        return new EntityValue(mention.Trim());
    }

    /// <inheritdoc />
    public override bool Equals(ClaimValue? other) => other is EntityValue e && e.Mention == Mention;

    /// <inheritdoc />
    public override int GetHashCode() => Mention.GetHashCode(StringComparison.Ordinal);

    /// <inheritdoc />
    public override string ToString() => Mention;
}
