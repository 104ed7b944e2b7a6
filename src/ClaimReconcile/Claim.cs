namespace ClaimReconcile;

/// <summary>
/// One sourced statement: <see cref="Source"/> says that <see cref="Property"/> of <see cref="Subject"/>
/// is <see cref="Value"/> (or, if <see cref="Negated"/>, is not).
/// </summary>
/// <remarks>
/// Immutable once built; equality is reference equality. When <see cref="Speaker"/> is set, the source
/// reports that the speaker said it: the source vouches for the quote, not for its truth, and all claims
/// of one speaker count as one voice.
/// </remarks>
public sealed class Claim
{
    private readonly string? _location;

    /// <summary>Creates a claim.</summary>
    /// <exception cref="ArgumentException">A text argument is empty or white space.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    public Claim(string source, string subject, string property, ClaimValue value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        ArgumentException.ThrowIfNullOrWhiteSpace(subject);
        ArgumentException.ThrowIfNullOrWhiteSpace(property);
        ArgumentNullException.ThrowIfNull(value);
        Source = source;
        Subject = subject;
        Property = property;
        Value = value;
    }

    /// <summary>The claim's id; when absent the reconciler names it <c>&lt;source&gt;#&lt;index&gt;</c>.</summary>
    public string? Id { get; init; }

    /// <summary>The id of the source making the claim.</summary>
    public string Source { get; }

    /// <summary>What the claim is about: an entity or event id, or a free mention.</summary>
    public string Subject { get; }

    /// <summary>Which question the claim answers ("duration"); compared ignoring case.</summary>
    public string Property { get; }

    /// <summary>The stated value.</summary>
    public ClaimValue Value { get; }

    /// <summary>The event or time the claim is about.</summary>
    public ClaimScope? Scope { get; init; }

    /// <summary>Who said it, if the source quotes someone; an entity id or a mention.</summary>
    public string? Speaker { get; init; }

    /// <summary>The words of the source, as evidence.</summary>
    public string? Quote { get; init; }

    /// <summary>Whether the source says the value does <em>not</em> hold.</summary>
    public bool Negated { get; init; }

    /// <summary>Where the claim was read from, for issues: "$.claims[7]", a CSV line; null for a claim built in code.</summary>
    internal string? Location
    {
        get => _location ?? (InputIndex >= 0 ? $"$.claims[{InputIndex}]" : null);
        init => _location = value;
    }

    /// <summary>
    /// The claim's index in the "claims" array of the JSON it was read from, or -1; its <see cref="Location"/> is then
    /// built on demand, so that a million claims do not each hold a path string.
    /// </summary>
    internal int InputIndex { get; init; } = -1;

    /// <summary>The claim as the caller gave it, when this one was derived from it (words read into values); else null.</summary>
    internal Claim? Input { get; init; }

    /// <inheritdoc />
    public override string ToString()
    {
        var who = Speaker is null ? Source : $"{Source} (quoting {Speaker})";
        var verb = Negated ? "is not" : "is";
        return $"{who}: {Subject}.{Property} {verb} {Value}";
    }
}
