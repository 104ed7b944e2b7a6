using System.Text;
using System.Text.RegularExpressions;
using ClaimReconcile.Cli;
using ClaimReconcile.Tests.Support;
using NodaTime;

namespace ClaimReconcile.Tests.Cli;

/// <summary>
/// The outputs shown in the docs are generated, not typed: a fenced block after
/// <c>&lt;!-- generated: ARGS [| head -n N | tail -n N | sed -n A,Bp] --&gt;</c> must hold what
/// <c>claimreconcile ARGS</c> prints (standard output, then standard error). With <c>VERIFY_ACCEPT=1</c> the blocks are rewritten.
/// </summary>
public sealed partial class DocsOutputTests
{
    public static TheoryData<string> Pages => new(
        Directory.GetFiles(Path.Combine(TestPaths.RepositoryRoot, "docs"), "*.md", SearchOption.AllDirectories)
            .Where(p => File.ReadAllText(p).Contains("<!-- generated: ", StringComparison.Ordinal))
            .Select(p => Path.GetRelativePath(TestPaths.RepositoryRoot, p).Replace('\\', '/'))
            .Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Pages))]
    public void GeneratedBlocks_MatchWhatTheCliPrints(string page)
    {
        var path = Path.Combine(TestPaths.RepositoryRoot, page);
        var text = File.ReadAllText(path).ReplaceLineEndings("\n");
        var mismatches = new List<string>();

        var updated = Block().Replace(text, match =>
        {
            var command = match.Groups["command"].Value;
            var expected = Generate(command);
            if (match.Groups["body"].Value != expected)
            {
                mismatches.Add(command);
            }

            return $"{match.Groups["head"].Value}{expected}{match.Groups["tail"].Value}";
        });

        Assert.True(Block().Count(text) > 0, $"{page} has no generated block");
        if (mismatches.Count > 0 && Environment.GetEnvironmentVariable("VERIFY_ACCEPT") is "1" or "true" && Environment.GetEnvironmentVariable("CI") is not "true")
        {
            File.WriteAllText(path, updated, new UTF8Encoding(false));
            return;
        }

        Assert.True(mismatches.Count == 0, $"{page}: the blocks after these commands differ from what the CLI prints (run the tests with VERIFY_ACCEPT=1 to regenerate):\n  " + string.Join("\n  ", mismatches));
    }

    private static string Generate(string command)
    {
        var pipe = command.IndexOf(" | ", StringComparison.Ordinal);
        var args = Arguments(pipe < 0 ? command : command[..pipe])
            .Select(a => a.StartsWith("docs/", StringComparison.Ordinal) ? Path.Combine(TestPaths.RepositoryRoot, a) : a)
            .ToArray();
        using var output = new StringWriter();
        using var error = new StringWriter();
        var settings = new CliSettings(new FakeClock(Instant.FromUtc(2026, 1, 1, 0, 0)), TimeSpan.FromHours(1));
        CliApp.Run(args, output, error, settings);
        var lines = (output.ToString() + error.ToString()).Replace(TestPaths.RepositoryRoot + Path.DirectorySeparatorChar, "", StringComparison.Ordinal)
            .TrimEnd('\n').Split('\n');

        if (pipe >= 0)
        {
            var filter = command[(pipe + 3)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            lines = filter switch
            {
                ["head", "-n", var n] => lines.Take(int.Parse(n, System.Globalization.CultureInfo.InvariantCulture)).ToArray(),
                ["tail", "-n", var n] => lines.TakeLast(int.Parse(n, System.Globalization.CultureInfo.InvariantCulture)).ToArray(),
                ["sed", "-n", var range] when SedRange().Match(range) is { Success: true } m =>
                    lines.Skip(int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) - 1)
                        .Take(int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) - int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) + 1).ToArray(),
                _ => throw new InvalidOperationException($"Unknown filter in \"{command}\"."),
            };
        }

        return string.Join('\n', lines.Select(l => l.TrimEnd())) + "\n";
    }

    private static IEnumerable<string> Arguments(string command) =>
        Argument().Matches(command).Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Value);

    [GeneratedRegex(@"(?<head><!-- generated: (?<command>[^\n]*?) -->\n```[a-z]*\n)(?<body>(?:(?!```)[^\n]*\n)*)(?<tail>```)")]
    private static partial Regex Block();

    [GeneratedRegex(@"^(\d+),(\d+)p$")]
    private static partial Regex SedRange();

    [GeneratedRegex("\"([^\"]*)\"|\\S+")]
    private static partial Regex Argument();
}
