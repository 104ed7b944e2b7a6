using System.Globalization;
using ClaimReconcile.Rendering;
using ClaimReconcile.Serialization;
using ClaimReconcile.Tests.Support;

namespace ClaimReconcile.Tests.Fuzzing;

/// <summary>
/// The mutation fuzzer on CSV and TSV tables: the example table and a TSV copy of it, mutated byte by byte and token by
/// token. Nothing may throw, and every row that became a claim is grouped or named by an error.
/// </summary>
public sealed class CsvFuzzTests(ITestOutputHelper output)
{
    private const int DefaultIterations = 1000;
    private const int DefaultSeed = 20251203;

    [Fact]
    public void Fuzz_MutatedTables_NeverThrowAndLoseNothing()
    {
        var iterations = int.TryParse(Environment.GetEnvironmentVariable(FuzzTests.IterationsVariable), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : DefaultIterations;
        var seed = int.TryParse(Environment.GetEnvironmentVariable(FuzzTests.SeedVariable), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : DefaultSeed;
        var csv = File.ReadAllBytes(Path.Combine(TestPaths.RepositoryRoot, "docs", "examples", "kremlin-talks.csv"));
        var tsv = System.Text.Encoding.UTF8.GetBytes(System.Text.Encoding.UTF8.GetString(csv).Replace(',', '\t'));
        var fuzzer = new MutationFuzzer([csv, tsv], seed);
        var reconciler = Some.Reconciler();
        var (readable, withRejected) = (0, 0);

        for (var i = 0; i < iterations; i++)
        {
            var (bytes, how) = fuzzer.Next();
            var delimiter = i % 2 == 0 ? (char?)null : '\t';
            string? problem;
            ClaimSetReadResult? read = null;
            try
            {
                read = ClaimSetCsv.Read(new MemoryStream(bytes), delimiter);
                var report = reconciler.Reconcile(read);
                _ = ReportJson.Write(report);
                _ = TextReport.Render(report);
                _ = HtmlReport.Render(report);
                problem = Lost(read, report);
            }
#pragma warning disable CA1031 // The point of the fuzzer: any exception at all is the finding.
            catch (Exception e)
#pragma warning restore CA1031
            {
                problem = $"{e.GetType().Name}: {e.Message}\n{e.StackTrace}";
            }

            if (problem is not null)
            {
                var file = Path.Combine(Path.GetTempPath(), $"claimreconcile-csv-fuzz-{seed}-{i}.csv");
                File.WriteAllBytes(file, bytes);
                Assert.Fail($"Mutant {i} of seed {seed} ({how}) failed: {problem}\nThe input is saved as {file}.");
            }

            readable += read!.Succeeded ? 1 : 0;
            withRejected += read.RejectedClaims > 0 ? 1 : 0;
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{iterations} CSV/TSV mutants of seed {seed}: {readable} readable, {withRejected} with rejected rows."));

        // The mutants must reach the per-row checks, or the fuzzer tests little.
        Assert.True(readable >= iterations / 4, $"only {readable} mutants could be read at all");
        Assert.True(withRejected >= iterations / 20, $"only {withRejected} mutants had rejected rows");
    }

    /// <summary>Null when every claim is accounted for; else what went missing.</summary>
    private static string? Lost(ClaimSetReadResult read, ReconciliationReport report)
    {
        var summary = report.Summary;
        if (summary.GroupedClaims + summary.RejectedClaims != summary.Claims)
        {
            return $"{summary.GroupedClaims} grouped + {summary.RejectedClaims} rejected != {summary.Claims} claims";
        }

        if (summary.Claims != read.ClaimSet.Claims.Length + read.RejectedClaims)
        {
            return $"the report counts {summary.Claims} claims; the table gave {read.ClaimSet.Claims.Length} and rejected {read.RejectedClaims}";
        }

        var grouped = report.Groups.SelectMany(g => g.Claims).Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var named = report.Issues.Where(i => i.Severity == IssueSeverity.Error && i.Claim is not null).Select(i => i.Claim!).ToHashSet(StringComparer.Ordinal);
        return read.ClaimSet.Claims.Select(c => c.Id).FirstOrDefault(id => id is not null && !grouped.Contains(id) && !named.Contains(id)) is { } vanished
            ? $"claim {vanished} is in no group and no error names it"
            : null;
    }
}
