using ClaimReconcile.Cli;
using ClaimReconcile.Tests.Support;

namespace ClaimReconcile.Tests.Cli;

public sealed class CliTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("cli-tests").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static (int Code, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = CliApp.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    private string WriteFile(string name, string content)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public void Reconcile_WorkedExample_PrintsConflictsFirstAndExitsZero()
    {
        var (code, output, error) = Run("reconcile", TestPaths.WorkedExample);

        Assert.Equal(0, code);
        Assert.Equal("", error);
        Assert.True(output.IndexOf("CONFLICTS", StringComparison.Ordinal) < output.IndexOf("AGREEMENTS", StringComparison.Ordinal));
        Assert.Contains("contradicted   bild-8", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("--min-shared-false 3")]
    [InlineData("--min-shared-false 1000")]
    [InlineData("--estimator vote")]
    public void Reconcile_EstimatorFlags_GiveTheLibrarysReportWithThoseSettings(string given)
    {
        var flags = given.Split(' ', StringSplitOptions.RemoveEmptyEntries);

        // Two false values per question: wrong sources often agree, and the default judges some pairs dependent.
        var set = Sessions.Generated.Claims(questions: 300, sources: 40, seed: 7, falseValues: 2);
        var json = ClaimReconcile.Serialization.ClaimSetJson.Write(set);
        var path = WriteFile("claims.json", json);
        var options = flags switch
        {
            ["--estimator", "vote"] => new ReconcilerOptions { Estimator = Estimation.MajorityVoteEstimator.Instance },
            ["--min-shared-false", var n] => new ReconcilerOptions { TruthDiscovery = { MinSharedFalse = double.Parse(n, System.Globalization.CultureInfo.InvariantCulture) } },
            _ => new ReconcilerOptions(),
        };
        var expected = new Reconciler(options, new FakeClock(NodaTime.Instant.FromUtc(2026, 1, 1, 0, 0))).Reconcile(ClaimReconcile.Serialization.ClaimSetJson.Read(json));

        var (code, output, _) = Run(["reconcile", path, "--format", "json", "--today", "2026-01-01", .. flags]);

        Assert.Equal(0, code);
        Assert.Equal(ClaimReconcile.Serialization.ReportJson.Write(expected), output);
        var dependent = expected.Sources.Sum(s => s.DetectedDependence.Length);
        Assert.True(flags is ["--min-shared-false", "1000"] or ["--estimator", "vote"] ? dependent == 0 : dependent > 0, $"{dependent} dependences with {string.Join(" ", flags)}");
    }

    [Fact]
    public void Reconcile_MinSharedFalseWithTheVote_ExitsTwoAndSaysWhy()
    {
        var (code, _, error) = Run("reconcile", TestPaths.WorkedExample, "--estimator", "vote", "--min-shared-false", "3");

        Assert.Equal(2, code);
        Assert.Contains("--min-shared-false sets the truth-discovery estimator", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Reconcile_FormatJson_WritesTheReportContract()
    {
        var (code, output, _) = Run("reconcile", TestPaths.WorkedExample, "--format", "json");

        Assert.Equal(0, code);
        Assert.StartsWith("{\n  \"format\": \"reconciliation/1\"", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Reconcile_TruncatedJson_ExitsTwoWithLineAndPosition()
    {
        var full = File.ReadAllText(TestPaths.WorkedExample);
        var path = WriteFile("truncated.json", full[..(full.Length / 2)]);

        var (code, output, error) = Run("reconcile", path);

        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Matches(@"invalid-json at line \d+, position \d+", error);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Reconcile_SomeBadClaims_ReconcilesTheGoodOnesAndListsTheBad()
    {
        var path = WriteFile("mixed.json", """
            {
              "format": "claimset/1",
              "sources": [{ "id": "a" }, { "id": "b" }],
              "claims": [
                { "id": "a-1", "source": "a", "subject": "talks", "property": "duration", "value": { "duration": "PT5H" } },
                { "id": "b-1", "source": "b", "subject": "talks", "property": "duration", "value": { "duration": "PT5H", "hedge": "almost" } },
                { "id": "c-1", "source": "c", "subject": "talks", "property": "duration", "value": { "duration": "PT3H" } },
                { "id": "b-2", "source": "b", "subject": "talks", "property": "duration", "value": { "duration": "five hours" } }
              ]
            }
            """);

        var (code, output, _) = Run("reconcile", path);

        Assert.Equal(0, code);
        Assert.Contains("4 claims: 2 in 1 group, 2 left out with an issue.", output, StringComparison.Ordinal);
        Assert.Contains("error unknown-source at $.claims[2].source (claim c-1)", output, StringComparison.Ordinal);
        Assert.Contains("error invalid-duration at $.claims[3].value.duration (claim b-2)", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BadClaims_ListsIssuesAndExitsZero()
    {
        var path = WriteFile("bad.json", """{ "format": "claimset/1", "sources": [], "claims": [{ "source": "x", "subject": "s", "property": "p", "value": { "boolean": true } }] }""");

        var (code, output, _) = Run("validate", path);

        Assert.Equal(0, code);
        Assert.Contains("bad.json: 1 claims, 0 usable, 1 left out; 1 issues.", output, StringComparison.Ordinal);
        Assert.Contains("unknown-source at $.claims[0].source (claim x#0)", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Reconcile_MissingFile_ExitsTwo()
    {
        var (code, _, error) = Run("reconcile", Path.Combine(_directory, "nope.json"));

        Assert.Equal(2, code);
        Assert.Contains("cannot read", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Reconcile_NotAClaimSet_ExitsTwo()
    {
        var path = WriteFile("array.json", "[1, 2, 3]");

        var (code, _, error) = Run("reconcile", path);

        Assert.Equal(2, code);
        Assert.Contains("invalid-type at $", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("reconcile")]
    [InlineData("reconcile", "x.json", "--format", "yaml")]
    [InlineData("frobnicate")]
    [InlineData("reconcile", "x.json", "--estimator", "votes")]
    [InlineData("reconcile", "x.json", "--min-shared-false", "-1")]
    [InlineData("reconcile", "x.json", "--min-shared-false", "many")]
    public void Run_BadCommandLine_ExitsTwo(params string[] args)
    {
        var (code, _, error) = Run(args);

        Assert.Equal(2, code);
        Assert.Contains("claimreconcile --help", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_DocumentsExitCodes()
    {
        var (code, output, _) = Run("--help");
        var (reconcileCode, reconcileHelp, _) = Run("reconcile", "--help");

        Assert.Equal(0, code);
        Assert.Contains("2  unusable input", output, StringComparison.Ordinal);
        Assert.Contains("claimreconcile [command] [options]", output, StringComparison.Ordinal);
        Assert.Equal(0, reconcileCode);
        Assert.Contains("--format", reconcileHelp, StringComparison.Ordinal);
        Assert.Contains("--fail-on-conflict", reconcileHelp, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_BugInsideTheLibrary_EndsInOneLineAndExitCode2()
    {
        // A clock that fails stands in for any bug below the command line.
        var broken = new CliSettings(new BrokenClock(), TimeSpan.FromMinutes(10));

        var (code, output, error) = RunWith(broken, "reconcile", Support.TestPaths.WorkedExample);

        Assert.Equal(CliApp.UnusableInput, code);
        Assert.Equal("", output);
        Assert.Equal("claimreconcile: internal error (InvalidOperationException: the clock broke). This is a bug; please report it with the input file.\n", error.ReplaceLineEndings("\n"));
    }

    private sealed class BrokenClock : NodaTime.IClock
    {
        public NodaTime.Instant GetCurrentInstant() => throw new InvalidOperationException("the clock broke");
    }

    private static readonly CliSettings Fixed = new(new FakeClock(NodaTime.Instant.FromUtc(2026, 1, 1, 0, 0)), TimeSpan.FromMinutes(10));

    private static (int Code, string Output, string Error) RunWith(CliSettings settings, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = CliApp.Run(args, output, error, settings);
        return (code, output.ToString(), error.ToString());
    }

    [Theory]
    [InlineData("text", "ClaimReconcile report (")]
    [InlineData("json", "{\n  \"format\": \"reconciliation/1\"")]
    [InlineData("markdown", "# ClaimReconcile report\n")]
    [InlineData("html", "<!DOCTYPE html>\n")]
    [InlineData("claimreview", "[\n  {\n    \"@context\": \"https://schema.org\"")]
    public void Reconcile_EachFormat_WritesItForTheWorkedExample(string format, string start)
    {
        var (code, output, error) = RunWith(Fixed, "reconcile", TestPaths.WorkedExample, "--format", format);

        Assert.Equal(0, code);
        Assert.Equal("", error);
        Assert.StartsWith(start, output, StringComparison.Ordinal);
        Assert.Contains(format == "json" ? "\"id\": \"bild-8\"" : "bild-8", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Reconcile_Out_WritesTheFileAndNothingToStandardOutput()
    {
        var path = Path.Combine(_directory, "report.html");

        var (code, output, _) = RunWith(Fixed, "reconcile", TestPaths.WorkedExample, "-f", "html", "--out", path);

        Assert.Equal(0, code);
        Assert.Equal("", output);
        var (_, direct, _) = RunWith(Fixed, "reconcile", TestPaths.WorkedExample, "-f", "html");
        Assert.Equal(direct, File.ReadAllText(path));
        Assert.NotEqual(0xEF, File.ReadAllBytes(path)[0]);
    }

    [Fact]
    public void Reconcile_Compact_WritesTheCompactReportToStandardOutputAndToAFile()
    {
        var path = Path.Combine(_directory, "report.json");
        var expected = ClaimReconcile.Serialization.ReportJson.Write(
            new Reconciler(clock: new FakeClock(NodaTime.Instant.FromUtc(2026, 1, 1, 0, 0))).Reconcile(ClaimReconcile.Serialization.ClaimSetJson.Read(File.ReadAllText(TestPaths.WorkedExample))),
            indented: false);

        var (code, output, _) = Run("reconcile", TestPaths.WorkedExample, "--format", "json", "--compact", "--today", "2026-01-01");
        var (fileCode, _, _) = Run("reconcile", TestPaths.WorkedExample, "-f", "json", "--compact", "--today", "2026-01-01", "--out", path);

        Assert.Equal(0, code);
        Assert.Equal(expected, output);
        Assert.Equal(0, fileCode);
        Assert.Equal(expected, File.ReadAllText(path));
    }

    [Fact]
    public void Reconcile_ClaimReviewOptions_NameThePublisherAndPage()
    {
        var (_, output, _) = RunWith(Fixed, "reconcile", TestPaths.WorkedExample, "-f", "claimreview", "--today", "2026-02-03",
            "--review-url", "https://desk.example/check", "--review-author", "Desk");

        Assert.Contains("\"url\": \"https://desk.example/check#claim-bild-8\"", output, StringComparison.Ordinal);
        Assert.Contains("\"name\": \"Desk\"", output, StringComparison.Ordinal);
        Assert.Contains("\"datePublished\": \"2026-02-03\"", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Reconcile_FailOnConflict_ExitsOneOnlyWhenThereIsAConflict()
    {
        var agreeing = WriteFile("agree.csv", "source,subject,property,value\na,talks,duration,PT5H\nb,talks,duration,PT5H\n");

        Assert.Equal(1, RunWith(Fixed, "reconcile", TestPaths.WorkedExample, "--fail-on-conflict").Code);
        Assert.Equal(0, RunWith(Fixed, "reconcile", agreeing, "--fail-on-conflict").Code);
        Assert.Equal(0, RunWith(Fixed, "reconcile", TestPaths.WorkedExample).Code);
    }

    [Fact]
    public void Explain_Group_PrintsEveryClaimsReasoning()
    {
        var (code, output, _) = RunWith(Fixed, "explain", TestPaths.WorkedExample, "Donald Trump", "role");

        Assert.Equal(0, code);
        Assert.StartsWith("Donald Trump — role  [trump]\nverdict     conflict\n", output, StringComparison.Ordinal);
        Assert.Contains("bild-8  contradicted", output, StringComparison.Ordinal);
        Assert.Contains("  vs consensus conflicts", output, StringComparison.Ordinal);
        Assert.Contains("  counts as    source:afp", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_SubjectOnly_ExplainsEachOfItsGroups()
    {
        var (code, output, _) = RunWith(Fixed, "explain", TestPaths.WorkedExample, "trump");
        var report = new Reconciler(clock: Fixed.Clock).Reconcile(ClaimReconcile.Serialization.ClaimSetJson.Read(File.ReadAllText(TestPaths.WorkedExample)));

        Assert.Equal(0, code);
        Assert.Equal(report.Groups.Count(g => g.Subject == "trump"), output.Split("\nverdict ").Length - 1);
    }

    [Theory]
    [InlineData("nobody", null, "no group has the subject \"nobody\"")]
    [InlineData("trump", "height", "trump has no property \"height\"; it has: ")]
    public void Explain_UnknownGroup_ExitsTwoAndSaysWhatExists(string subject, string? property, string message)
    {
        string[] args = property is null ? ["explain", TestPaths.WorkedExample, subject] : ["explain", TestPaths.WorkedExample, subject, property];

        var (code, output, error) = RunWith(Fixed, args);

        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Reconcile_SlowRun_ReportsProgressOnStandardError()
    {
        var (code, output, error) = RunWith(Fixed with { ProgressAfter = TimeSpan.Zero }, "reconcile", TestPaths.WorkedExample);

        Assert.Equal(0, code);
        Assert.Contains("claimreconcile: reading moscow-talks.claimset.json… (", error, StringComparison.Ordinal);
        Assert.Contains("claimreconcile: reconciling 160 claims… (", error, StringComparison.Ordinal);
        Assert.Matches(@"claimreconcile: done in \d+\.\d s\n?$", error.ReplaceLineEndings("\n"));
        Assert.DoesNotContain("claimreconcile:", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("claims.csv", "source,subject,property,value\na,talks,duration,PT5H\nb,talks,duration,PT2H\n")]
    [InlineData("claims.tsv", "source\tsubject\tproperty\tvalue\na\ttalks\tduration\tPT5H\nb\ttalks\tduration\tPT2H\n")]
    public void Reconcile_TableByExtension_IsReadAsCsvOrTsv(string name, string content)
    {
        var (code, output, _) = RunWith(Fixed, "reconcile", WriteFile(name, content));

        Assert.Equal(0, code);
        Assert.Contains("2 claims: 2 in 1 group", output, StringComparison.Ordinal);
        Assert.Contains("CONFLICTS (1)", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Reconcile_BrokenCsv_ExitsTwoWithTheLocation()
    {
        var (code, _, error) = RunWith(Fixed, "reconcile", WriteFile("broken.csv", "source,subject,property,value\na,talks,venue,\"Kreml\n"));

        Assert.Equal(2, code);
        Assert.Contains("claimreconcile: broken.csv: invalid-csv at line 2, column 4:", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Version_PrintsTheVersion()
    {
        var (code, output, _) = Run("--version");

        Assert.Equal(0, code);
        Assert.Matches(@"^\d+\.\d+\.\d+", output);
    }

    [Fact]
    public void Help_ListsCommandsAndTheConflictExitCode()
    {
        var (code, output, _) = Run("--help");

        Assert.Equal(0, code);
        Assert.Contains("explain", output, StringComparison.Ordinal);
        Assert.Contains("1  conflicts found, with --fail-on-conflict", output, StringComparison.Ordinal);
    }
}
