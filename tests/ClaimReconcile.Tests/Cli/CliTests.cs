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
    public void Run_BadCommandLine_ExitsTwo(params string[] args)
    {
        var (code, _, error) = Run(args);

        Assert.Equal(2, code);
        Assert.Contains("claimreconcile --help", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_DocumentsExitCodes()
    {
        var (code, output, _) = Run("reconcile", "--help");

        Assert.Equal(0, code);
        Assert.Contains("2  unusable input", output, StringComparison.Ordinal);
        Assert.Contains("--format", output, StringComparison.Ordinal);
    }
}
