using System.Globalization;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Filters;
using BenchmarkDotNet.Jobs;

namespace ClaimReconcile.Benchmarks;

/// <summary>How the BenchmarkDotNet suite runs: one short job sized for operations that take seconds at 10⁶ claims.</summary>
public static class Suite
{
    /// <summary>
    /// One process per benchmark, three warmup and five measured iterations. The invocations per iteration are left to
    /// BenchmarkDotNet: an operation longer than its iteration time (0.5 s) runs once per iteration with no pilot or
    /// overhead stage, and a short one (the 10⁴ rows, the floors) is repeated to fill the iteration, which keeps its
    /// mean precise. Three warmups rather than one: with a single one, the 10⁴ reconcile rows were still being
    /// recompiled by the tiered JIT during the measured iterations (272 ms, then 90 ms).
    /// </summary>
    public static Job Job { get; } = Job.Default.WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(5).WithId("Suite");

    /// <summary>
    /// The configuration for the command line <paramref name="args"/>: the default one (with the GitHub Markdown
    /// exporter) plus <see cref="Job"/> unless a job is given with <c>--job</c>, and, for <c>--sizes 10000,100000</c>
    /// (taken out of <paramref name="args"/>), a filter that keeps only those claim counts of the benchmarks that have a
    /// <c>Claims</c> parameter.
    /// </summary>
    public static IConfig Configure(ref string[] args)
    {
        var config = ManualConfig.Create(DefaultConfig.Instance);
        if (!args.Any(a => a is "-j" || a.StartsWith("--job", StringComparison.Ordinal)))
        {
            config.AddJob(Job);
        }

        var at = Array.IndexOf(args, "--sizes");
        if (at >= 0)
        {
            if (at + 1 >= args.Length)
            {
                throw new ArgumentException("--sizes needs a list of claim counts, such as --sizes 10000,100000.", nameof(args));
            }

            var sizes = args[at + 1].Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToHashSet();
            args = [.. args[..at], .. args[(at + 2)..]];
            config.AddFilter(new SimpleFilter(b => !b.Parameters.Items.Any(p => p.Name == "Claims") || sizes.Contains((int)b.Parameters["Claims"])));
        }

        return config;
    }
}
