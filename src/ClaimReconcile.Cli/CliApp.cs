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

        var limits = new LimitOptions();
        var reconcile = new Command("reconcile", "Reconcile the claims of a file and print the report.\n\n" + ExitCodes) { file, format };
        limits.AddTo(reconcile);
        reconcile.SetAction(result => Reconcile(result.GetRequiredValue(file), result.GetValue(format) ?? "text", limits.Read(result), output, error));

        var validateFile = new Argument<FileInfo>("file") { Description = "A claim set in the claimset/1 JSON format." };
        var validate = new Command("validate", "Check a file and list its issues without reconciling.\n\n" + ExitCodes) { validateFile };
        limits.AddTo(validate);
        validate.SetAction(result => Validate(result.GetRequiredValue(validateFile), limits.Read(result), output, error));

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

    private static int Reconcile(FileInfo file, string format, ClaimSetReadOptions limits, TextWriter output, TextWriter error)
    {
        if (Read(file, limits, error) is not { } read)
        {
            return UnusableInput;
        }

        var report = new Reconciler().Reconcile(read);
        output.Write(format == "json" ? ReportJson.Write(report) : TextReport.Render(report));
        return Done;
    }

    private static int Validate(FileInfo file, ClaimSetReadOptions limits, TextWriter output, TextWriter error)
    {
        if (Read(file, limits, error) is not { } read)
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

    private static ClaimSetReadResult? Read(FileInfo file, ClaimSetReadOptions limits, TextWriter error)
    {
        ClaimSetReadResult read;
        try
        {
            using var stream = File.OpenRead(file.FullName);
            read = ClaimSetJson.Read(stream, limits);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"claimreconcile: cannot read {file.FullName}: {e.Message}");
            return null;
        }

        if (!read.Succeeded)
        {
            var issue = read.Issues[0];
            error.WriteLine($"claimreconcile: {file.Name}: {issue.Code} at {issue.Path}: {issue.Message}");
            return null;
        }

        return read;
    }

    /// <summary>The <c>--max-…</c> flags that set <see cref="ClaimSetReadOptions"/>; shared by both commands.</summary>
    private sealed class LimitOptions
    {
        private readonly Option<long> _inputBytes = Limit("--max-input-bytes", "Largest input read, in bytes.", ClaimSetReadOptions.Default.MaxInputBytes);
        private readonly Option<int> _claims = Limit("--max-claims", "Most claims read.", ClaimSetReadOptions.Default.MaxClaims);
        private readonly Option<int> _stringLength = Limit("--max-string-length", "Longest string, in UTF-8 bytes as written.", ClaimSetReadOptions.Default.MaxStringLength);
        private readonly Option<int> _depth = Limit("--max-depth", "Deepest nesting of objects and arrays.", ClaimSetReadOptions.Default.MaxDepth, max: 1000);

        public void AddTo(Command command)
        {
            command.Options.Add(_inputBytes);
            command.Options.Add(_claims);
            command.Options.Add(_stringLength);
            command.Options.Add(_depth);
        }

        public ClaimSetReadOptions Read(ParseResult result) => new()
        {
            MaxInputBytes = result.GetValue(_inputBytes),
            MaxClaims = result.GetValue(_claims),
            MaxStringLength = result.GetValue(_stringLength),
            MaxDepth = result.GetValue(_depth),
        };

        private static Option<T> Limit<T>(string name, string description, T defaultValue, T? max = null)
            where T : struct, IComparable<T>
        {
            var option = new Option<T>(name)
            {
                Description = $"{description} See docs/limits.md.",
                DefaultValueFactory = _ => defaultValue,
            };
            option.Validators.Add(result =>
            {
                if (result.Tokens.Count > 0 && !result.Tokens.All(t => long.TryParse(t.Value, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out _)))
                {
                    result.AddError($"{name} takes a whole number; it is \"{string.Join(" ", result.Tokens.Select(t => t.Value))}\".");
                    return;
                }

                var value = result.GetValueOrDefault<T>();
                if (value.CompareTo(default) <= 0 || (max is { } most && value.CompareTo(most) > 0))
                {
                    result.AddError($"{name} must be a positive number{(max is { } most2 ? $" of at most {most2}" : "")}; it is {value}.");
                }
            });
            return option;
        }
    }
}
