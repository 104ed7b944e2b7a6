using System.Diagnostics;
using System.Globalization;
using ClaimReconcile.Estimation;
using ClaimReconcile.Pipeline;
using ClaimReconcile.Serialization;

namespace ClaimReconcile.Benchmarks;

/// <summary>
/// Times each stage of full runs (<c>profile … --runs 5 --stages</c>): the wall time and the processor time of every
/// thread of the process from one stage's end to the next, so the cores busy in each stage show where a run waits on
/// one core (the collector's pauses, the stages that run in order). With truth discovery it also times the parts of the
/// estimate stage, when the estimator tells it of them (<see cref="PartDone"/>).
/// </summary>
/// <remarks>Not thread-safe: one run at a time.</remarks>
internal sealed class StageClock
{
    private readonly List<Dictionary<RunStage, (double Wall, double Cpu)>> _runs = [];
    private readonly List<List<(EstimatePart Part, int Steps, double Wall, double Cpu)>> _parts = [];
    private readonly Stopwatch _wall = new();
    private readonly Process _process = Process.GetCurrentProcess();

    /// <summary>The current run's estimate parts while <see cref="Time"/> runs; parts told outside it are not timed.</summary>
    private List<(EstimatePart Part, int Steps, double Wall, double Cpu)>? _timing;

    /// <summary>When the last stage ended, in the run's wall time and the process's processor time.</summary>
    private (double Wall, double Cpu) _lastStage;

    /// <summary>When the last stage or part ended: a part is timed from the end of the part or stage before it.</summary>
    private (double Wall, double Cpu) _lastPart;

    /// <summary>Reconciles <paramref name="read"/> with <paramref name="reconciler"/>, timing each stage.</summary>
    public ReconciliationReport Time(Reconciler reconciler, ClaimSetReadResult read)
    {
        var stages = new Dictionary<RunStage, (double Wall, double Cpu)>();
        _timing = [];
        _process.Refresh();
        _wall.Restart();
        _lastStage = _lastPart = (0, _process.TotalProcessorTime.TotalMilliseconds);
        var report = reconciler.Build(read.ClaimSet, read.Issues, read.RejectedClaims, keep: false, stageDone: stage => stages[stage] = Lap(ref _lastStage)).Report;
        _runs.Add(stages);
        _parts.Add(_timing);
        _timing = null;
        return report;
    }

    /// <summary>Notes the end of a part of the estimate (for <c>TruthDiscoveryEstimator.PartDone</c>).</summary>
    public void PartDone(EstimatePart part, int steps)
    {
        if (_timing is not null)
        {
            var (wall, cpu) = Lap(ref _lastPart);
            _timing.Add((part, steps, wall, cpu));
        }
    }

    /// <summary>The stages of the last run: "front 313 ms (1.50 cores), group …".</summary>
    public string Last() => Describe(stage => (_runs[^1][stage].Wall, Busy(_runs[^1][stage])));

    /// <summary>Each stage's median wall time over the runs, and the median of its cores busy.</summary>
    public string Medians() => Describe(stage => (Median(_runs.Select(r => r[stage].Wall)), Median(_runs.Select(r => Busy(r[stage])))));

    /// <summary>The estimate's parts in the last run: "models 56 ms (1.80 cores), …, iterate 137 ms (1.70 cores, 7 steps), …"; empty if none were told.</summary>
    public string LastParts() => DescribeParts(_parts[^1].Select(p => (p.Part, p.Steps, p.Wall, Busy((p.Wall, p.Cpu)))));

    /// <summary>
    /// Each part's median over the runs, part by part in order, when every run went through the same parts; otherwise
    /// says so.
    /// </summary>
    public string PartMedians()
    {
        var first = _parts[0];
        if (_parts.Any(run => !run.Select(p => (p.Part, p.Steps)).SequenceEqual(first.Select(p => (p.Part, p.Steps)))))
        {
            return "the runs went through different parts";
        }

        return DescribeParts(first.Select((p, i) => (p.Part, p.Steps, Median(_parts.Select(run => run[i].Wall)), Median(_parts.Select(run => Busy((run[i].Wall, run[i].Cpu)))))));
    }

    /// <summary>The wall and processor time since <paramref name="last"/>, which becomes now; a stage's end is also the last part's.</summary>
    private (double Wall, double Cpu) Lap(ref (double Wall, double Cpu) last)
    {
        _process.Refresh();
        var (now, cpu) = (_wall.Elapsed.TotalMilliseconds, _process.TotalProcessorTime.TotalMilliseconds);
        var lap = (now - last.Wall, cpu - last.Cpu);
        (last, _lastPart) = ((now, cpu), (now, cpu));
        return lap;
    }

    private static double Busy((double Wall, double Cpu) time) => time.Wall > 0 ? time.Cpu / time.Wall : 0;

    private static string Describe(Func<RunStage, (double Wall, double Busy)> time) =>
        string.Join(", ", Enum.GetValues<RunStage>().Select(stage =>
        {
            var (wall, busy) = time(stage);
            return string.Create(CultureInfo.InvariantCulture, $"{stage.ToString().ToLowerInvariant()} {wall:0} ms ({busy:0.00} cores)");
        }));

    private static string DescribeParts(IEnumerable<(EstimatePart Part, int Steps, double Wall, double Busy)> parts) =>
        string.Join(", ", parts.Select(p => string.Create(CultureInfo.InvariantCulture,
            $"{Name(p.Part)} {p.Wall:0} ms ({p.Busy:0.00} cores{(p.Part == EstimatePart.Iterate ? $", {p.Steps} steps" : "")})")));

    private static string Name(EstimatePart part) => part == EstimatePart.BothOrders ? "both orders" : part.ToString().ToLowerInvariant();

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
