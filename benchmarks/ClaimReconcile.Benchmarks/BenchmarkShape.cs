namespace ClaimReconcile.Benchmarks;

/// <summary>The shape of a generated claim set: how many sources, claims per question and false values per question.</summary>
/// <param name="Sources">How many sources.</param>
/// <param name="PerQuestion">Claims per question on average.</param>
/// <param name="FalseValues">How many distinct false values a wrong source picks from.</param>
public sealed record BenchmarkShape(int Sources, int PerQuestion, int FalseValues)
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

    /// <summary>The shape as a table cell: <c>S=1000 Q=10 F=4</c>.</summary>
    public override string ToString() => $"S={Sources} Q={PerQuestion} F={FalseValues}";
}
