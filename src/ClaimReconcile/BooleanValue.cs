namespace ClaimReconcile;

/// <summary>Yes or no: "Ein Durchbruch? Fehlanzeige." is <c>breakthrough = false</c>.</summary>
/// <remarks>Immutable; equality is structural. <see cref="ToString"/> gives <c>yes</c> or <c>no</c>.</remarks>
public sealed class BooleanValue : ClaimValue
{
    private static readonly BooleanValue TrueValue = new(true);
    private static readonly BooleanValue FalseValue = new(false);

    private BooleanValue(bool value) => Value = value;

    /// <inheritdoc />
    public override string Kind => "boolean";

    /// <summary>The stated truth value.</summary>
    public bool Value { get; }

    /// <summary>The value for <paramref name="value"/>.</summary>
    public static BooleanValue Of(bool value) => value ? TrueValue : FalseValue;

    /// <inheritdoc />
    public override bool Equals(ClaimValue? other) => other is BooleanValue b && b.Value == Value;

    /// <inheritdoc />
    public override int GetHashCode() => Value.GetHashCode();

    /// <inheritdoc />
    public override string ToString() => Value ? "yes" : "no";
}
