using System.CommandLine;
using ClaimReconcile.Rendering;
using ClaimReconcile.Serialization;

namespace ClaimReconcile.Cli;

/// <summary>The <c>claimreconcile</c> command line: <c>reconcile</c> and <c>validate</c>.</summary>
internal static class CliApp
{
    public const int Done = 0;
    public const int UnusableInput = 2;

    private const string ExitCodes = """
        Exit codes:
          0  done: the file was read and reconciled (conflicts are findings, not failures)
          2  unusable input: the file is missing, is not JSON, is not a claim set, or the command line is wrong
        """;

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var file = new Argument<FileInfo>("file") { Description = "A claim set in the claimset/1 JSON format." };
        var format = new Option<string>("--format", "-f")
        {
            Description = "Output format: text (for people) or json (the reconciliation/1 contract).",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "json");

        var reconcile = new Command("reconcile", "Reconcile the claims of a file and print the report.\n\n" + ExitCodes) { file, format };
        reconcile.SetAction(result => Reconcile(result.GetRequiredValue(file), result.GetValue(format) ?? "text", output, error));

        var validateFile = new Argument<FileInfo>("file") { Description = "A claim set in the claimset/1 JSON format." };
        var validate = new Command("validate", "Check a file and list its issues without reconciling.\n\n" + ExitCodes) { validateFile };
        validate.SetAction(result => Validate(result.GetRequiredValue(validateFile), output, error));

        var root = new RootCommand("Tells, for every question sourced claims answer, whether the sources agree, conflict or stand alone.\n\n" + ExitCodes)
        {
            reconcile,
            validate,
        };

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var parseError in parsed.Errors)
            {
                error.WriteLine($"claimreconcile: {parseError.Message}");
            }

            error.WriteLine("Run 'claimreconcile --help' for usage.");
            return UnusableInput;
        }

        return parsed.Invoke(new InvocationConfiguration { Output = output, Error = error });
    }

    private static int Reconcile(FileInfo file, string format, TextWriter output, TextWriter error)
    {
        if (Read(file, error) is not { } read)
        {
            return UnusableInput;
        }

        var report = new Reconciler().Reconcile(read);
        output.Write(format == "json" ? ReportJson.Write(report) : TextReport.Render(report));
        return Done;
    }

    private static int Validate(FileInfo file, TextWriter output, TextWriter error)
    {
        if (Read(file, error) is not { } read)
        {
            return UnusableInput;
        }

        var report = new Reconciler().Reconcile(read);
        var s = report.Summary;
        output.WriteLine($"{file.Name}: {s.Claims} claims, {s.GroupedClaims} usable, {s.RejectedClaims} left out; {s.Issues} issues.");
        foreach (var issue in report.Issues)
        {
            output.WriteLine($"  {issue}");
        }

        return Done;
    }

    private static ClaimSetReadResult? Read(FileInfo file, TextWriter error)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(file.FullName);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"claimreconcile: cannot read {file.FullName}: {e.Message}");
            return null;
        }

        var read = ClaimSetJson.Read(bytes);
        if (!read.Succeeded)
        {
            var issue = read.Issues[0];
            error.WriteLine($"claimreconcile: {file.Name}: {issue.Code} at {issue.Path}: {issue.Message}");
            return null;
        }

        return read;
    }
}
