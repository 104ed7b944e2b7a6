using System.Diagnostics;
using System.Globalization;
using ClaimReconcile.Rendering;
using ClaimReconcile.Serialization;
using ClaimReconcile.Tests.Hostile;
using ClaimReconcile.Tests.Support;

namespace ClaimReconcile.Tests.Fuzzing;

/// <summary>
/// Runs the mutation fuzzer over the valid example files. In <c>dotnet test</c> it runs a bounded number of mutants
/// (a few seconds); set <c>CLAIMRECONCILE_FUZZ_ITERATIONS</c> (and optionally <c>CLAIMRECONCILE_FUZZ_SEED</c>) to run
/// longer, as described in <c>docs/limits.md</c>. A failing mutant is written to a temporary file named in the failure,
/// to be added to <c>Hostile/Corpus</c> once the bug is fixed.
/// </summary>
public sealed class FuzzTests(ITestOutputHelper output)
{
    public const string IterationsVariable = "CLAIMRECONCILE_FUZZ_ITERATIONS";
    public const string SeedVariable = "CLAIMRECONCILE_FUZZ_SEED";
    private const int DefaultIterations = 2000;
    private const int DefaultSeed = 20251202;

    private static readonly string[] SeedFiles =
    [
        "unknown-fields.json", "date-extremes.json", "number-huge.json", "string-unicode-oddities.json", "mixed-kinds-one-question.json",
        "hedge-and-scope-invalid.json", "cycle-four-sources.json", "zone-invalid.json", "type-entities-and-events.json",
    ];

    [Fact]
    public void Fuzz_MutatedClaimSets_NeverThrowAndLoseNothing()
    {
        var iterations = Setting(IterationsVariable, DefaultIterations);
        var seed = Setting(SeedVariable, DefaultSeed);
        var seeds = SeedFiles.Select(f => File.ReadAllBytes(Path.Combine(HostileCorpus.Directory, f)))
            .Prepend(File.ReadAllBytes(TestPaths.WorkedExample)).ToList();
        var fuzzer = new MutationFuzzer(seeds, seed);
        var reconciler = Some.Reconciler();
        var clock = Stopwatch.StartNew();
        var (readable, fatal, withRejected) = (0, 0, 0);

        for (var i = 0; i < iterations; i++)
        {
            var (bytes, how) = fuzzer.Next();
            var (problem, read) = Check(bytes, reconciler, i);
            if (problem is not null)
            {
                var file = Path.Combine(Path.GetTempPath(), $"claimreconcile-fuzz-{seed}-{i}.json");
                File.WriteAllBytes(file, bytes);
                Assert.Fail($"Mutant {i} of seed {seed} ({how}) failed: {problem}\nThe input is saved as {file}; replay with {SeedVariable}={seed} {IterationsVariable}={i + 1}.");
            }

            readable += read!.Succeeded ? 1 : 0;
            fatal += read.Succeeded ? 0 : 1;
            withRejected += read.RejectedClaims > 0 ? 1 : 0;
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{iterations} mutants of seed {seed} in {clock.Elapsed.TotalSeconds:0.0} s, all clean: {readable} readable ({withRejected} with rejected claims), {fatal} unreadable."));

        // The mutants must reach both the reader's fatal errors and the per-claim checks, or the fuzzer tests little.
        Assert.InRange(fatal, iterations / 20, iterations - (iterations / 20));
        Assert.True(withRejected >= iterations / 20, $"only {withRejected} mutants had rejected claims");
    }

    /// <summary>What went wrong with one input (null when nothing did), and what reading it gave.</summary>
    internal static (string? Problem, ClaimSetReadResult? Read) Check(byte[] bytes, Reconciler reconciler, int iteration)
    {
        ClaimSetReadResult? read = null;
        try
        {
            read = ClaimSetJson.Read(bytes);
            if (iteration % 8 == 0)
            {
                var streamed = ClaimSetJson.Read(new TrickleStream(bytes, 61));
                if (streamed.Succeeded != read.Succeeded || !streamed.Issues.SequenceEqual(read.Issues) || streamed.RejectedClaims != read.RejectedClaims)
                {
                    return ("reading from a trickling stream gave a different result than reading the bytes", read);
                }
            }

            if (read.Issues.FirstOrDefault(i => i.Message.StartsWith(ClaimSetStreamReader.Unrepresentable, StringComparison.Ordinal)) is { } caught)
            {
                return ($"the reader's safety net caught an exception: {caught}", read);
            }

            var report = reconciler.Reconcile(read);
            if (Conservation.Violation(read, report) is { } violation)
            {
                return (violation, read);
            }

            _ = ReportJson.Write(report);
            _ = TextReport.Render(report);
            _ = HtmlReport.Render(report);
            _ = MarkdownReport.Render(report);
            _ = ClaimReviewJson.Write(report, clock: Some.Clock);
            return (null, read);
        }
#pragma warning disable CA1031 // The point of the fuzzer: any exception at all is the finding.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return (e.ToString(), read);
        }
    }

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : fallback;
}
