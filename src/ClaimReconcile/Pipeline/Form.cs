namespace ClaimReconcile.Pipeline;

/// <summary>A claim value normalized for comparison: an interval on a dimension, a key, or a set of keys.</summary>
internal abstract record Form
{
    /// <summary>The width of the value in its unit: 0 for keys, infinity for open-ended intervals.</summary>
    public abstract double Spread { get; }
}

/// <summary>An interval on one dimension (<c>time</c> in seconds, <c>instant</c> in Unix seconds, a unit, …).</summary>
internal sealed record IntervalForm(string Dimension, double Low, double High, bool LowOpen, bool HighOpen) : Form
{
    public override double Spread => High - Low;
}

/// <summary>An entity id, folded text or boolean, compared by equality.</summary>
internal sealed record KeyForm(string Kind, string Key) : Form
{
    public override double Spread => 0;
}

/// <summary>A set of member keys, sorted ordinally and distinct (comparisons rely on it).</summary>
internal sealed record SetForm(string[] Members) : Form
{
    public override double Spread => 0;

    public bool Equals(SetForm? other) => other is not null && Members.AsSpan().SequenceEqual(other.Members);

    public override int GetHashCode() => Members.Length;
}
