namespace ClaimReconcile;

/// <summary>
/// How precisely a source states a number, duration or date: "fast fünf Stunden" is
/// <see cref="Almost"/> five hours, "mehr als zwei Stunden" is <see cref="MoreThan"/> two.
/// </summary>
/// <remarks>
/// A hedge turns a stated value into an interval through a <see cref="HedgeTable"/>; the default
/// table is documented in <c>docs/concepts.md</c>. The default value is <see cref="Exact"/>.
/// </remarks>
public enum Hedge
{
    /// <summary>Stated plainly ("fünf Stunden"); read with the rounding step of the number.</summary>
    Exact = 0,

    /// <summary>etwa, rund, ungefähr, circa, gegen; about, around, roughly.</summary>
    About,

    /// <summary>fast, beinahe, knapp; almost, nearly: just below the value.</summary>
    Almost,

    /// <summary>mehr als, über; more than, over: strictly above the value.</summary>
    MoreThan,

    /// <summary>mindestens; at least: the value or above.</summary>
    AtLeast,

    /// <summary>höchstens, bis zu; at most, up to: the value or below.</summary>
    AtMost,

    /// <summary>weniger als; less than: strictly below the value.</summary>
    LessThan,

    /// <summary>
    /// A vague plural of the stated unit: stundenlang, mehrstündig, mehrere Stunden; for hours, several hours.
    /// The stated value is the unit (one hour); by default the interval starts at two units and is open above.
    /// </summary>
    Several,
}
