using System.Text;
using NodaTime;

namespace ClaimReconcile;

/// <summary>
/// The value a claim states: one of a closed family of kinds — <see cref="NumberValue"/>,
/// <see cref="DurationValue"/>, <see cref="TemporalValue"/>, <see cref="EntityValue"/>,
/// <see cref="TextValue"/>, <see cref="BooleanValue"/> and <see cref="SetValue"/>, and
/// <see cref="WordedValue"/> for a number, duration or date given in words that the reconciler reads
/// against the claim's source.
/// </summary>
/// <remarks>
/// Values are immutable and thread-safe. <see cref="object.Equals(object)"/> is structural: "5 h" and
/// "300 min" are different values that the reconciler judges to agree. Consume the family with an
/// exhaustive <c>switch</c> expression. <see cref="ToString"/> gives a short, culture-invariant reading
/// such as <c>almost 5 h</c> or <c>2025-12-02 evening</c>.
/// </remarks>
public abstract class ClaimValue : IEquatable<ClaimValue>
{
    private protected ClaimValue()
    {
    }

    /// <summary>The name of this kind as the claim-set contract writes it (<c>number</c>, <c>duration</c>, …).</summary>
    public abstract string Kind { get; }

    /// <summary>
    /// The words the source used when this value was read from a <see cref="WordedValue"/> ("am Dienstagabend");
    /// otherwise <see langword="null"/>. Shown next to the value in reports; not part of equality. Set once, when
    /// the reconciler reads the words; a group's consensus taken from such a claim keeps its words.
    /// </summary>
    public string? StatedAs { get; private set; }

    /// <summary>A number, optionally with a unit and a hedge.</summary>
    public static NumberValue Number(double value, string? unit = null, Hedge hedge = Hedge.Exact) => NumberValue.Of(value, unit, hedge);

    /// <summary>A length of time with a hedge.</summary>
    public static DurationValue Duration(Duration value, Hedge hedge = Hedge.Exact) => DurationValue.Of(value, hedge);

    /// <summary>A calendar date.</summary>
    public static TemporalValue Date(LocalDate date, Hedge hedge = Hedge.Exact) => TemporalValue.OnDay(date, hedge);

    /// <summary>A reference to an entity, by id or by a mention as written.</summary>
    public static EntityValue Entity(string mention) => EntityValue.Of(mention);

    /// <summary>Free text, compared after normalization.</summary>
    public static TextValue Text(string text) => TextValue.Of(text);

    /// <summary>Yes or no.</summary>
    public static BooleanValue Boolean(bool value) => BooleanValue.Of(value);

    /// <summary>An unordered set of members, such as an author list.</summary>
    public static SetValue Set(params IEnumerable<string> members) => SetValue.Of(members);

    /// <inheritdoc />
    public abstract bool Equals(ClaimValue? other);

    /// <inheritdoc />
    public sealed override bool Equals(object? obj) => obj is ClaimValue other && Equals(other);

    /// <inheritdoc />
    public abstract override int GetHashCode();

    /// <inheritdoc />
    public abstract override string ToString();

    /// <summary>
    /// Appends what <see cref="ToString"/> gives; a kind that can write itself without a string of its own does (an
    /// explanation writes a value for nearly every claim of a large run).
    /// </summary>
    internal virtual void AppendTo(StringBuilder text) => text.Append(ToString());

    private protected static string HedgePrefix(Hedge hedge) => hedge switch
    {
        Hedge.Exact => "",
        Hedge.About => "about ",
        Hedge.Almost => "almost ",
        Hedge.MoreThan => "more than ",
        Hedge.AtLeast => "at least ",
        Hedge.AtMost => "at most ",
        Hedge.LessThan => "less than ",
        Hedge.Several => "several × ",
        _ => throw new ArgumentOutOfRangeException(nameof(hedge), hedge, null),
    };

    /// <summary>Marks a freshly created value with the words it was read from.</summary>
    internal static T Stated<T>(T value, string words)
        where T : ClaimValue
    {
        value.StatedAs = words;
        return value;
    }

    private protected static void CheckHedge(Hedge hedge)
    {
        if (!Enum.IsDefined(hedge))
        {
            throw new ArgumentOutOfRangeException(nameof(hedge), hedge, "Unknown hedge.");
        }
    }
}
