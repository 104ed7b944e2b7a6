using BenchmarkDotNet.Attributes;
using ClaimReconcile.Estimation;
using ClaimReconcile.Serialization;

namespace ClaimReconcile.Benchmarks;

/// <summary>
/// Each stage of the pipeline on its own, at 10⁴, 10⁵ and 10⁶ generated claims (1,000 sources, about ten claims per
/// question), against a floor that only groups the claims by subject and property and counts them: the Ratio column
/// says how many floors each stage costs.
/// </summary>
/// <remarks>
/// Each setup builds only what its benchmarks need (a million claims take seconds to generate and, for
/// <see cref="WriteJson"/> and <see cref="WriteCompactJson"/>, to reconcile), because BenchmarkDotNet runs every benchmark in its own process.
/// </remarks>
[MemoryDiagnoser]
public class PipelineBenchmarks
{
    private ClaimSet _set = null!;
    private byte[] _json = [];
    private ReconciliationReport _report = null!;
    private Reconciler _vote = null!;
    private Reconciler _default = null!;
    private Reconciler _noCopying = null!;

    /// <summary>How many claims (about: each question gets eight to twelve).</summary>
    [Params(10_000, 100_000, 1_000_000)]
    public int Claims { get; set; }

    /// <summary>Generates the claims and builds the reconcilers.</summary>
    [GlobalSetup(Targets = [nameof(Floor), nameof(Normalize), nameof(ReconcileVote), nameof(ReconcileDefault), nameof(ReconcileDefaultReadingEveryClaim), nameof(ReconcileWithoutCopyDetection)])]
    public void Setup()
    {
        _set = new SyntheticClaims(Claims).Generate();
        _vote = new Reconciler(new ReconcilerOptions { Estimator = MajorityVoteEstimator.Instance });
        _default = new Reconciler();
        _noCopying = new Reconciler(new ReconcilerOptions { Estimator = new TruthDiscoveryEstimator(new TruthDiscoveryOptions { DetectCopying = false }) });
    }

    /// <summary>The claims as compact JSON, for <see cref="ReadJson"/>.</summary>
    [GlobalSetup(Target = nameof(ReadJson))]
    public void SetupRead()
    {
        Setup();
        _json = SyntheticClaims.ToCompactJson(_set);
    }

    /// <summary>The report of the default reconciler, for <see cref="WriteJson"/> and <see cref="WriteCompactJson"/>.</summary>
    [GlobalSetup(Targets = [nameof(WriteJson), nameof(WriteCompactJson)])]
    public void SetupWrite()
    {
        Setup();
        _report = _default.Reconcile(_set);
    }

    /// <summary>The floor: group the claims by subject and property with LINQ and count each group (<see cref="Benchmarks.Floor.Of"/>).</summary>
    /// <returns>How many groups.</returns>
    [Benchmark(Baseline = true)]
    public int Floor() => Benchmarks.Floor.Of(_set);

    /// <summary>Reads the compact JSON with the streaming reader, as the command line does.</summary>
    /// <returns>How many claims were read.</returns>
    [Benchmark]
    public int ReadJson()
    {
        using var stream = new MemoryStream(_json, writable: false);
        return ClaimSetJson.Read(stream).ClaimSet.Claims.Length;
    }

    /// <summary>The stages before grouping: validate, resolve names, normalize values and scopes.</summary>
    /// <returns>How many claims were prepared.</returns>
    [Benchmark]
    public int Normalize() => _default.Normalize(_set);

    /// <summary>The whole reconciliation with the majority-vote estimator.</summary>
    [Benchmark]
    public ReconciliationReport ReconcileVote() => _vote.Reconcile(_set);

    /// <summary>The whole reconciliation with the default estimator (truth discovery).</summary>
    [Benchmark]
    public ReconciliationReport ReconcileDefault() => _default.Reconcile(_set);

    /// <summary>
    /// For comparison, not a target: the default reconciliation, then every claim's assessment read. A group makes its
    /// <see cref="ClaimGroup.Claims"/> on first use, so this is what a caller who reads them all pays in all.
    /// </summary>
    /// <returns>How many assessments were read.</returns>
    [Benchmark]
    public int ReconcileDefaultReadingEveryClaim()
    {
        var read = 0;
        foreach (var group in _default.Reconcile(_set).Groups)
        {
            read += group.Claims.Length;
        }

        return read;
    }

    /// <summary>
    /// For comparison, not a target: the default estimator with copy detection off. How the estimate itself grows, apart
    /// from the extra rounds (and, when copying is found before the first estimate, the second order) that dependence
    /// found between sources calls for.
    /// </summary>
    [Benchmark]
    public ReconciliationReport ReconcileWithoutCopyDetection() => _noCopying.Reconcile(_set);

    /// <summary>Writes the report as JSON to a stream that only counts the bytes.</summary>
    /// <returns>How many bytes were written.</returns>
    [Benchmark]
    public long WriteJson()
    {
        using var sink = new ByteCounter();
        ReportJson.Write(_report, sink);
        return sink.Count;
    }

    /// <summary>The same report on one line, without indentation (<c>--compact</c>).</summary>
    /// <returns>How many bytes were written.</returns>
    [Benchmark]
    public long WriteCompactJson()
    {
        using var sink = new ByteCounter();
        ReportJson.Write(_report, sink, indented: false);
        return sink.Count;
    }
}
