using BenchmarkDotNet.Attributes;

namespace ClaimReconcile.Benchmarks;

/// <summary>
/// A single-claim update on an open <see cref="ReconciliationSession"/> against a full run of the same claims, at
/// 10⁵ and 10⁶ generated claims, settling fully (reports identical to full runs) and locally: the Ratio column says
/// what share of a full run an update costs. Opening the session is measured too: what a session costs before its first update.
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
    private Toggle _full = null!;
    private Toggle _local = null!;

    /// <summary>How many claims (about).</summary>
    [Params(100_000, 1_000_000)]
    public int Claims { get; set; }

    /// <summary>Generates the claims.</summary>
    [GlobalSetup(Targets = [nameof(FullRun), nameof(OpenSession)])]
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
        _full = new Toggle(_reconciler.Open(_set), _set.Claims[_set.Claims.Length / 2]);
    }

    /// <summary>Generates the claims and opens a session that settles locally.</summary>
    [GlobalSetup(Target = nameof(UpdateOneClaimLocally))]
    public void SetupLocalSession()
    {
        Setup();
        _local = new Toggle(_reconciler.Open(_set, SessionSettling.Local), _set.Claims[_set.Claims.Length / 2]);
    }

    /// <summary>The baseline: reconcile all the claims from scratch.</summary>
    /// <returns>The report.</returns>
    [Benchmark(Baseline = true)]
    public ReconciliationReport FullRun() => _reconciler.Reconcile(_set);

    /// <summary>Open a session on all the claims: a full run that keeps its state, and the lookups updates need.</summary>
    /// <returns>The session.</returns>
    [Benchmark]
    public ReconciliationSession OpenSession() => _reconciler.Open(_set);

    /// <summary>Withdraw one claim, or add it back, on a session that settles locally (<see cref="SessionSettling.Local"/>).</summary>
    /// <returns>The updated report.</returns>
    [Benchmark]
    public ReconciliationReport UpdateOneClaimLocally() => _local.Next();

    /// <summary>Withdraw one claim, or add it back, on a session whose reports stay identical to full runs.</summary>
    /// <returns>The updated report.</returns>
    [Benchmark]
    public ReconciliationReport UpdateOneClaim() => _full.Next();

    /// <summary>One claim withdrawn from a session and added back, in turn; checked to be incremental twice before measuring.</summary>
    private sealed class Toggle
    {
        private readonly ReconciliationSession _session;
        private readonly Claim _claim;
        private bool _present = true;

        public Toggle(ReconciliationSession session, Claim claim)
        {
            (_session, _claim) = (session, claim);
            for (var i = 0; i < 2; i++)
            {
                Next();
                if (!_session.LastUpdate.Incremental)
                {
                    throw new InvalidOperationException("The session ran in full: " + _session.LastUpdate.FullRunReason);
                }
            }
        }

        public ReconciliationReport Next()
        {
            var report = _present ? _session.Withdraw(_claim.Id!) : _session.Add(_claim);
            _present = !_present;
            return report;
        }
    }
}
