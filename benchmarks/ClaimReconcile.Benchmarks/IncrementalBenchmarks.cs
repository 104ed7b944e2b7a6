using BenchmarkDotNet.Attributes;

namespace ClaimReconcile.Benchmarks;

/// <summary>
/// A single-claim update on an open <see cref="ReconciliationSession"/> against a full run of the same claims, at
/// 10⁵ and 10⁶ generated claims, settling fully (reports identical to full runs) and locally: the Ratio column says
/// what share of a full run an update costs.
/// </summary>
/// <remarks>
/// Each invocation of <see cref="UpdateOneClaim"/> withdraws one claim or adds it back, in turn, so every
/// invocation is one single-claim update of the same question. The setup checks that the updates are incremental
/// (a session that fell back to full runs would make the row meaningless).
/// </remarks>
[MemoryDiagnoser]
public class IncrementalBenchmarks
{
    private ClaimSet _set = null!;
    private Reconciler _reconciler = null!;
    private ReconciliationSession _session = null!;
    private ReconciliationSession _local = null!;
    private Claim _moving = null!;
    private bool _present = true;
    private bool _presentLocally = true;

    /// <summary>How many claims (about).</summary>
    [Params(100_000, 1_000_000)]
    public int Claims { get; set; }

    /// <summary>Generates the claims.</summary>
    [GlobalSetup(Target = nameof(FullRun))]
    public void Setup()
    {
        _set = new SyntheticClaims(Claims).Generate();
        _reconciler = new Reconciler();
    }

    /// <summary>Generates the claims and opens a session on them.</summary>
    [GlobalSetup(Target = nameof(UpdateOneClaim))]
    public void SetupSession()
    {
        Setup();
        _moving = _set.Claims[_set.Claims.Length / 2];
        _session = _reconciler.Open(_set);
        for (var i = 0; i < 2; i++)
        {
            UpdateOneClaim();
            if (!_session.LastUpdate.Incremental)
            {
                throw new InvalidOperationException("The session ran in full: " + _session.LastUpdate.FullRunReason);
            }
        }
    }

    /// <summary>Generates the claims and opens a session that settles locally.</summary>
    [GlobalSetup(Target = nameof(UpdateOneClaimLocally))]
    public void SetupLocalSession()
    {
        Setup();
        _moving = _set.Claims[_set.Claims.Length / 2];
        _local = _reconciler.Open(_set, SessionSettling.Local);
        for (var i = 0; i < 2; i++)
        {
            UpdateOneClaimLocally();
            if (!_local.LastUpdate.Incremental)
            {
                throw new InvalidOperationException("The session ran in full: " + _local.LastUpdate.FullRunReason);
            }
        }
    }

    /// <summary>The baseline: reconcile all the claims from scratch.</summary>
    /// <returns>The report.</returns>
    [Benchmark(Baseline = true)]
    public ReconciliationReport FullRun() => _reconciler.Reconcile(_set);

    /// <summary>Withdraw one claim, or add it back, on a session that settles locally (<see cref="SessionSettling.Local"/>).</summary>
    /// <returns>The updated report.</returns>
    [Benchmark]
    public ReconciliationReport UpdateOneClaimLocally()
    {
        var report = _presentLocally ? _local.Withdraw(_moving.Id!) : _local.Add(_moving);
        _presentLocally = !_presentLocally;
        return report;
    }

    /// <summary>Withdraw one claim, or add it back, on a session whose reports stay identical to full runs.</summary>
    /// <returns>The updated report.</returns>
    [Benchmark]
    public ReconciliationReport UpdateOneClaim()
    {
        var report = _present ? _session.Withdraw(_moving.Id!) : _session.Add(_moving);
        _present = !_present;
        return report;
    }
}
