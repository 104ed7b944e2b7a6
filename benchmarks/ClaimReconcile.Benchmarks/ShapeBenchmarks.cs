using BenchmarkDotNet.Attributes;

namespace ClaimReconcile.Benchmarks;

/// <summary>
/// How the cost of reconciling 10⁵ claims with the default estimator grows with the number of sources (S), the claims
/// per question (Q) and the distinct false values per question (F), one dimension at a time from the usual shape
/// (S=1000 Q=10 F=4), each against its own floor.
/// </summary>
/// <remarks>
/// One dimension at a time rather than every combination: seven shapes instead of 27 keep the suite within its
/// time budget on a small machine, and each row still changes one thing only.
/// </remarks>
[MemoryDiagnoser]
public class ShapeBenchmarks
{
    private ClaimSet _set = null!;
    private Reconciler _reconciler = null!;

    /// <summary>The shapes measured.</summary>
    public static IEnumerable<BenchmarkShape> Shapes => BenchmarkShape.OneAtATime;

    /// <summary>The shape of the claim set.</summary>
    [ParamsSource(nameof(Shapes))]
    public BenchmarkShape Shape { get; set; } = BenchmarkShape.Usual;

    /// <summary>Generates 10⁵ claims of the shape.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _set = new SyntheticClaims(100_000, Shape.Sources, Shape.PerQuestion, FalseValues: Shape.FalseValues).Generate();
        _reconciler = new Reconciler();
    }

    /// <summary>The floor: group the claims by subject and property with LINQ and count each group (<see cref="Benchmarks.Floor.Of"/>).</summary>
    /// <returns>How many groups.</returns>
    [Benchmark(Baseline = true)]
    public int Floor() => Benchmarks.Floor.Of(_set);

    /// <summary>The whole reconciliation with the default estimator.</summary>
    [Benchmark]
    public ReconciliationReport ReconcileDefault() => _reconciler.Reconcile(_set);
}
