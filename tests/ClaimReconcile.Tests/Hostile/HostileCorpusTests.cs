using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using ClaimReconcile.Cli;
using ClaimReconcile.Rendering;
using ClaimReconcile.Serialization;
using static VerifyXunit.Verifier;

namespace ClaimReconcile.Tests.Hostile;

/// <summary>
/// Every hostile input goes through every public entry point (the three <c>ClaimSetJson.Read</c> overloads, the
/// reconciler, both renderers and the CLI); nothing may throw, every claim must be accounted for, and what was
/// found (codes, positions, counts, exit codes) is pinned by one snapshot per input:
/// <c>HostileCorpusTests.&lt;input&gt;.verified.txt</c>.
/// </summary>
public sealed partial class HostileCorpusTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("hostile").FullName;

    public static TheoryData<string> Cases => new(HostileCorpus.All.Select(c => c.Name));

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Corpus_HasAtLeastSixtyCommittedFiles() =>
        Assert.True(Directory.GetFiles(HostileCorpus.Directory, "*.json").Length >= 60);

    [Theory]
    [MemberData(nameof(Cases))]
    public Task Read_HostileInput_IsReportedAndAccountedFor(string name)
    {
        var hostile = HostileCorpus.All.Single(c => c.Name == name);
        var bytes = hostile.Bytes();

        var read = ClaimSetJson.Read(bytes, hostile.Options);
        AssertSameRead(read, ClaimSetJson.Read(new TrickleStream(bytes, bytes.Length > 100_000 ? 8191 : 13), hostile.Options));
        if (StrictUtf8(bytes) is { } text)
        {
            AssertSameRead(read, ClaimSetJson.Read(text, hostile.Options));
        }

        var report = Some.Reconciler().Reconcile(read);
        Assert.Null(Conservation.Violation(read, report));
        using (JsonDocument.Parse(ReportJson.Write(report)))
        {
        }

        Assert.Contains("claims", TextReport.Render(report), StringComparison.Ordinal);
        Assert.Contains("</html>", HtmlReport.Render(report), StringComparison.Ordinal);
        Assert.StartsWith("# ClaimReconcile report", MarkdownReport.Render(report), StringComparison.Ordinal);
        using (JsonDocument.Parse(ClaimReviewJson.Write(report, clock: Some.Clock)))
        {
        }

        foreach (var group in report.Groups)
        {
            Assert.Contains(group.Property, ExplainText.Render(report, group, read.ClaimSet, clock: Some.Clock), StringComparison.Ordinal);
        }

        var file = Path.Combine(_directory, name + ".json");
        File.WriteAllBytes(file, bytes);
        var validate = RunCli(["validate", file, .. hostile.CliFlags], read);
        var reconcile = RunCli(["reconcile", file, .. hostile.CliFlags], read);
        var reconcileJson = RunCli(["reconcile", file, "--format", "json", .. hostile.CliFlags], read);
        Assert.Equal(validate.Error, reconcile.Error);
        Assert.Equal(validate.Error, reconcileJson.Error);

        return Verify(Describe(bytes.Length, hostile, read, report, validate.Code, validate.Error), method: name);
    }

    private static (int Code, string Error) RunCli(string[] args, ClaimSetReadResult read)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        // No progress lines: on a loaded machine a big corpus file can pass the one-second mark.
        var code = CliApp.Run(args, output, error, CliSettings.Default with { ProgressAfter = TimeSpan.FromDays(1) });
        var stderr = error.ToString();

        Assert.Equal(read.Succeeded ? CliApp.Done : CliApp.UnusableInput, code);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", stderr, StringComparison.Ordinal);
        if (read.Succeeded)
        {
            Assert.Equal("", stderr);
            Assert.NotEqual("", output.ToString());
        }
        else
        {
            Assert.Equal("", output.ToString());
            Assert.Matches(CliError(), stderr);
        }

        return (code, stderr.TrimEnd('\n'));
    }

    private static void AssertSameRead(ClaimSetReadResult expected, ClaimSetReadResult actual)
    {
        Assert.Equal(expected.Succeeded, actual.Succeeded);
        Assert.Equal(expected.RejectedClaims, actual.RejectedClaims);
        Assert.Equal(expected.Issues, actual.Issues);
        Assert.Equal(expected.ClaimSet.Claims.Select(c => (c.Id, c.Value)), actual.ClaimSet.Claims.Select(c => (c.Id, c.Value)));
        Assert.Equal(expected.ClaimSet.Sources.Select(s => s.Id), actual.ClaimSet.Sources.Select(s => s.Id));
    }

    private static string? StrictUtf8(byte[] bytes)
    {
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    private static string Describe(int size, HostileCase hostile, ClaimSetReadResult read, ReconciliationReport report, int exitCode, string cliError)
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine(c, $"input: {size} bytes");
        if (hostile.Options is { } o)
        {
            text.AppendLine(c, $"limits: max input {o.MaxInputBytes} bytes, {o.MaxClaims} claims, strings of {o.MaxStringLength} bytes, depth {o.MaxDepth}");
        }

        text.AppendLine(read.Succeeded
            ? $"read: ok, {read.ClaimSet.Claims.Length} claims kept, {read.RejectedClaims} left out, {read.ClaimSet.Sources.Length} sources"
            : "read: failed");
        var s = report.Summary;
        text.AppendLine(c, $"report: {s.Claims} claims, {s.GroupedClaims} grouped, {s.RejectedClaims} rejected; {s.Groups} groups ({s.Agreements} agreement, {s.Conflicts} conflict, {s.SingleSource} single-source)");
        var byCode = report.Issues.GroupBy(i => i.Code, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}");
        text.AppendLine(c, $"issues: {report.Issues.Length} ({string.Join(", ", byCode)})");
        const int shown = 40;
        foreach (var issue in report.Issues.Take(shown))
        {
            var severity = issue.Severity == IssueSeverity.Error ? "error" : "warning";
            text.AppendLine(Escape($"  {severity} {issue.Code} at {issue.Path}{(issue.Claim is null ? "" : $" (claim {issue.Claim})")}"));
        }

        if (report.Issues.Length > shown)
        {
            text.AppendLine(c, $"  … and {report.Issues.Length - shown} more");
        }

        if (!read.Succeeded)
        {
            text.AppendLine(Escape($"fatal: {read.Issues[0].Message}"));
        }

        text.AppendLine(c, $"cli: exit {exitCode}");
        if (cliError.Length > 0)
        {
            text.AppendLine(Escape($"cli error: {Regex.Replace(cliError, @"^claimreconcile: \S+?\.json: ", "claimreconcile: <file>: ")}"));
        }

        return text.ToString();
    }

    /// <summary>Control, format and separator characters as <c>\uXXXX</c>, so that snapshots stay plain text.</summary>
    private static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var ch in text)
        {
            var category = char.GetUnicodeCategory(ch);
            if (char.IsControl(ch) || char.IsSurrogate(ch) || category is UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
            {
                escaped.Append(CultureInfo.InvariantCulture, $"\\u{(int)ch:x4}");
            }
            else
            {
                escaped.Append(ch);
            }
        }

        return escaped.ToString();
    }

    [GeneratedRegex(@"^claimreconcile: .+?: [a-z]+(-[a-z]+)* at (\$\S*|line \d+, position \d+): \S.*$")]
    private static partial Regex CliError();
}
