using System.Diagnostics;
using System.Globalization;
using ClaimReconcile.Pipeline;
using ClaimReconcile.Serialization;

namespace ClaimReconcile.Benchmarks;

/// <summary>
/// Times each stage of full runs (<c>profile … --runs 5 --stages</c>): the wall time and the processor time of every
/// thread of the process from one stage's end to the next, so the cores busy in each stage show where a run waits on
/// one core (the collector's pauses, the stages that run in order).
/// </summary>
/// <remarks>Not thread-safe: one run at a time.</remarks>
internal sealed class StageClock
{
    private readonly List<Dictionary<RunStage, (double Wall, double Cpu)>> _runs = [];

    /// <summary>Reconciles <paramref name="read"/> with <paramref name="reconciler"/>, timing each stage.</summary>
    public ReconciliationReport Time(Reconciler reconciler, ClaimSetReadResult read)
    {
        var stages = new Dictionary<RunStage, (double Wall, double Cpu)>();
        var process = Process.GetCurrentProcess();
        var wall = Stopwatch.StartNew();
        var (lastWall, lastCpu) = (0.0, process.TotalProcessorTime.TotalMilliseconds);
        var report = reconciler.Build(read.ClaimSet, read.Issues, read.RejectedClaims, keep: false, stageDone: stage =>
        {
            process.Refresh();
            var (now, cpu) = (wall.Elapsed.TotalMilliseconds, process.TotalProcessorTime.TotalMilliseconds);
            stages[stage] = (now - lastWall, cpu - lastCpu);
            (lastWall, lastCpu) = (now, cpu);
        }).Report;
        _runs.Add(stages);
        return report;
    }

    /// <summary>The stages of the last run: "front 313 ms (1.50 cores), group …".</summary>
    public string Last() => Describe(stage => (_runs[^1][stage].Wall, Busy(_runs[^1][stage])));

    /// <summary>Each stage's median wall time over the runs, and the median of its cores busy.</summary>
    public string Medians() => Describe(stage => (Median(_runs.Select(r => r[stage].Wall)), Median(_runs.Select(r => Busy(r[stage])))));

    private static double Busy((double Wall, double Cpu) time) => time.Wall > 0 ? time.Cpu / time.Wall : 0;

    private static string Describe(Func<RunStage, (double Wall, double Busy)> time) =>
        string.Join(", ", Enum.GetValues<RunStage>().Select(stage =>
        {
            var (wall, busy) = time(stage);
            return string.Create(CultureInfo.InvariantCulture, $"{stage.ToString().ToLowerInvariant()} {wall:0} ms ({busy:0.00} cores)");
        }));

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
