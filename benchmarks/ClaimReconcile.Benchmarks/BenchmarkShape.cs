namespace ClaimReconcile.Benchmarks;

/// <summary>The shape of a generated claim set: how many sources, claims per question and false values per question.</summary>
/// <param name="Sources">How many sources.</param>
/// <param name="PerQuestion">Claims per question on average.</param>
/// <param name="FalseValues">How many distinct false values a wrong source picks from.</param>
/// <remarks>
/// Ordered by sources, then claims per question, then false values: BenchmarkDotNet sorts parameter values that are
/// <see cref="IComparable"/> by their order, and any other value by its text (where S=10000 would come before S=200).
/// </remarks>
public sealed record BenchmarkShape(int Sources, int PerQuestion, int FalseValues) : IComparable<BenchmarkShape>, IComparable
{
    /// <summary>The shape every other one varies from: the shape of <see cref="PipelineBenchmarks"/>.</summary>
    public static BenchmarkShape Usual { get; } = new(1000, 10, 4);

    /// <summary>The usual shape, then one dimension at a time: sources, claims per question, false values.</summary>
    public static IEnumerable<BenchmarkShape> OneAtATime { get; } =
    [
        Usual,
        Usual with { Sources = 100 },
        Usual with { Sources = 10_000 },
        Usual with { PerQuestion = 5 },
        Usual with { PerQuestion = 20 },
        Usual with { FalseValues = 1 },
        Usual with { FalseValues = 16 },
    ];

    /// <summary>Whether <paramref name="left"/> comes before <paramref name="right"/>.</summary>
    public static bool operator <(BenchmarkShape? left, BenchmarkShape? right) => Compare(left, right) < 0;

    /// <summary>Whether <paramref name="left"/> comes before <paramref name="right"/> or is equal to it.</summary>
    public static bool operator <=(BenchmarkShape? left, BenchmarkShape? right) => Compare(left, right) <= 0;

    /// <summary>Whether <paramref name="left"/> comes after <paramref name="right"/>.</summary>
    public static bool operator >(BenchmarkShape? left, BenchmarkShape? right) => Compare(left, right) > 0;

    /// <summary>Whether <paramref name="left"/> comes after <paramref name="right"/> or is equal to it.</summary>
    public static bool operator >=(BenchmarkShape? left, BenchmarkShape? right) => Compare(left, right) >= 0;

    /// <inheritdoc/>
    public int CompareTo(BenchmarkShape? other) => Compare(this, other);

    /// <inheritdoc/>
    public int CompareTo(object? obj) => obj is null or BenchmarkShape
        ? Compare(this, (BenchmarkShape?)obj)
        : throw new ArgumentException($"A {nameof(BenchmarkShape)} compares only with another.", nameof(obj));

    /// <summary>The shape as a table cell: <c>S=1000 Q=10 F=4</c>.</summary>
    public override string ToString() => $"S={Sources} Q={PerQuestion} F={FalseValues}";

    /// <summary>Null first, then by sources, claims per question and false values.</summary>
    private static int Compare(BenchmarkShape? left, BenchmarkShape? right) => (left, right) switch
    {
        (null, null) => 0,
        (null, _) => -1,
        (_, null) => 1,
        _ => (left.Sources, left.PerQuestion, left.FalseValues).CompareTo((right.Sources, right.PerQuestion, right.FalseValues)),
    };
}
