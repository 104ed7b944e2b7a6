using System.CommandLine;
using System.Text;
using ClaimReconcile.Estimation;
using ClaimReconcile.Rendering;
using ClaimReconcile.Serialization;
using NodaTime;
using NodaTime.Text;

namespace ClaimReconcile.Cli;

/// <summary>The <c>claimreconcile</c> command line: <c>reconcile</c>, <c>explain</c> and <c>validate</c>.</summary>
internal static class CliApp
{
    public const int Done = 0;
    public const int ConflictsFound = 1;
    public const int UnusableInput = 2;

    public static readonly string[] Formats = ["text", "json", "markdown", "html", "claimreview"];

    private const string ExitCodes = """
        Exit codes:
          0  done: the file was read and reconciled (conflicts are findings, not failures)
          1  conflicts found, with --fail-on-conflict
          2  unusable input: the file is missing, cannot be parsed, is not a claim set, or the command line is wrong
        """;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static int Run(string[] args, TextWriter output, TextWriter error) => Run(args, output, error, CliSettings.Default);

    internal static int Run(string[] args, TextWriter output, TextWriter error, CliSettings settings)
    {
        var input = new InputOptions();

        var format = new Option<string>("--format", "-f")
        {
            Description = "Output format: text (for people), json (the reconciliation/1 contract), markdown, html (one self-contained page) or claimreview (schema.org ClaimReview JSON-LD, one per contradicted claim).",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong(Formats);
        var outFile = new Option<FileInfo?>("--out", "-o") { Description = "Write the report to this file instead of standard output." };
        var compact = new Option<bool>("--compact") { Description = "json: write the report on one line, without indentation (the same JSON, about 45 % smaller for a large report)." };
        var failOnConflict = new Option<bool>("--fail-on-conflict") { Description = "Exit with code 1 when the report has a conflict (for pipelines)." };
        var reviewUrl = new Option<string?>("--review-url") { Description = "claimreview: the page that will host the fact checks (each review's url is this plus #claim-<id>)." };
        var reviewAuthor = new Option<string?>("--review-author") { Description = "claimreview: the organization publishing the fact checks (default: ClaimReconcile)." };
        var reconcile = new Command("reconcile", "Reconcile the claims of a file and print the report.")
        {
            input.File, format, outFile, compact, failOnConflict, reviewUrl, reviewAuthor,
        };
        input.AddTo(reconcile);
        reconcile.SetAction(result => Reconcile(result, input, output, error, settings, new ReconcileRequest(
            result.GetValue(format) ?? "text", result.GetValue(outFile), result.GetValue(compact), result.GetValue(failOnConflict), result.GetValue(reviewUrl),
            result.GetValue(reviewAuthor))));

        var validateInput = new InputOptions();
        var validate = new Command("validate", "Check a file and list its issues without printing a report.") { validateInput.File };
        validateInput.AddTo(validate);
        validate.SetAction(result => Validate(result, validateInput, output, error, settings));

        var explainInput = new InputOptions();
        var subject = new Argument<string>("subject") { Description = "The subject: an entity or event id, its label, or the mention as written." };
        var property = new Argument<string?>("property") { Description = "The property; every property of the subject when omitted.", Arity = ArgumentArity.ZeroOrOne };
        var explain = new Command("explain", "Print the reasoning behind one group: every claim's normalized reading, relation to the consensus, voice and source reliability.")
        {
            explainInput.File, subject, property,
        };
        explainInput.AddTo(explain);
        explain.SetAction(result => Explain(result, explainInput, result.GetRequiredValue(subject), result.GetValue(property), output, error, settings));

        var root = new RootCommand("Tells, for every question sourced claims answer, whether the sources agree, conflict or stand alone.\n\n" + ExitCodes)
        {
            reconcile,
            explain,
            validate,
        };
        root.HelpName = "claimreconcile";

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

        try
        {
            return parsed.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
#pragma warning disable CA1031 // The last resort: a bug must still end in one located line, not a stack trace.
        catch (Exception e)
#pragma warning restore CA1031
        {
            error.WriteLine($"claimreconcile: internal error ({e.GetType().Name}: {e.Message}). This is a bug; please report it with the input file.");
            return UnusableInput;
        }
    }

    private static int Reconcile(ParseResult result, InputOptions input, TextWriter output, TextWriter error, CliSettings settings, ReconcileRequest request)
    {
        using var progress = new Progress(error, settings.ProgressAfter);
        if (Load(result, input, error, settings, progress) is not { } loaded)
        {
            return UnusableInput;
        }

        progress.Stage($"writing {request.Format}");
        var report = loaded.Report;
        if (request.Out is { } file)
        {
            try
            {
                // Straight to the file through a buffer: a report of a million claims is never held as one string.
                using var stream = new FileStream(file.FullName, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1 << 16);
                if (request.Format == "json")
                {
                    ReportJson.Write(report, stream, indented: !request.Compact);
                }
                else
                {
                    using var writer = new StreamWriter(stream, Utf8);
                    Write(request, loaded, writer);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                error.WriteLine($"claimreconcile: cannot write {file.FullName}: {e.Message}");
                return UnusableInput;
            }
        }
        else
        {
            Write(request, loaded, output);
        }

        return request.FailOnConflict && report.Summary.Conflicts > 0 ? ConflictsFound : Done;
    }

    /// <summary>Writes the report in the requested format; text, Markdown and HTML go out a part at a time.</summary>
    private static void Write(ReconcileRequest request, Loaded loaded, TextWriter output)
    {
        var report = loaded.Report;
        switch (request.Format)
        {
            case "json":
                {
                    // A part at a time: the JSON of a million claims is never held as one string.
                    using var json = new TextWriterStream(output);
                    ReportJson.Write(report, json, indented: !request.Compact);
                    break;
                }
            case "markdown":
                MarkdownReport.Write(report, output);
                break;
            case "html":
                HtmlReport.Write(report, output);
                break;
            case "claimreview":
                {
                    using var json = new TextWriterStream(output);
                    ClaimReviewJson.Write(report, json, new ClaimReviewOptions
                    {
                        PageUrl = request.ReviewUrl ?? ClaimReviewOptions.PlaceholderPageUrl,
                        AuthorName = request.ReviewAuthor ?? "ClaimReconcile",
                    }, loaded.Clock);
                    break;
                }
            default:
                TextReport.Write(report, output);
                break;
        }
    }

    private static int Validate(ParseResult result, InputOptions input, TextWriter output, TextWriter error, CliSettings settings)
    {
        using var progress = new Progress(error, settings.ProgressAfter);
        if (Load(result, input, error, settings, progress) is not { } loaded)
        {
            return UnusableInput;
        }

        var s = loaded.Report.Summary;
        output.WriteLine($"{result.GetRequiredValue(input.File).Name}: {s.Claims} claims, {s.GroupedClaims} usable, {s.RejectedClaims} left out; {s.Issues} issues.");
        foreach (var issue in loaded.Report.Issues)
        {
            output.WriteLine($"  {issue}");
        }

        return Done;
    }

    private static int Explain(ParseResult result, InputOptions input, string subject, string? property, TextWriter output, TextWriter error, CliSettings settings)
    {
        using var progress = new Progress(error, settings.ProgressAfter);
        if (Load(result, input, error, settings, progress) is not { } loaded)
        {
            return UnusableInput;
        }

        var groups = loaded.Report.Groups
            .Where(g => string.Equals(g.Subject, subject, StringComparison.OrdinalIgnoreCase) || string.Equals(g.SubjectLabel, subject, StringComparison.OrdinalIgnoreCase))
            .Where(g => property is null || string.Equals(g.Property, property, StringComparison.OrdinalIgnoreCase))
            .ToList();
        if (groups.Count == 0)
        {
            var known = loaded.Report.Groups.Where(g => string.Equals(g.Subject, subject, StringComparison.OrdinalIgnoreCase) || string.Equals(g.SubjectLabel, subject, StringComparison.OrdinalIgnoreCase))
                .Select(g => g.Property).Distinct().Order(StringComparer.Ordinal).ToList();
            error.WriteLine(known.Count > 0
                ? $"claimreconcile: {subject} has no property \"{property}\"; it has: {string.Join(", ", known)}."
                : $"claimreconcile: no group has the subject \"{subject}\"; use an entity or event id or label from the file, or the mention as written.");
            return UnusableInput;
        }

        progress.Stage("explaining");
        for (var i = 0; i < groups.Count; i++)
        {
            if (i > 0)
            {
                output.Write('\n');
            }

            output.Write(ExplainText.Render(loaded.Report, groups[i], loaded.Read.ClaimSet, clock: loaded.Clock));
        }

        return Done;
    }

    private static Loaded? Load(ParseResult result, InputOptions input, TextWriter error, CliSettings settings, Progress progress)
    {
        var file = result.GetRequiredValue(input.File);
        var clock = result.GetValue(input.Today) is { } today
            ? new FixedClock(today.AtStartOfDayInZone(DateTimeZone.Utc).ToInstant())
            : settings.Clock;
        progress.Stage($"reading {file.Name}");
        if (Read(file, input.Limits(result), error) is not { } read)
        {
            return null;
        }

        progress.Stage($"reconciling {read.ClaimSet.Claims.Length} claims");
        var report = new Reconciler(input.ReconcilerOptions(result), clock).Reconcile(read);
        return new Loaded(read, report, clock);
    }

    private static ClaimSetReadResult? Read(FileInfo file, ClaimSetReadOptions limits, TextWriter error)
    {
        ClaimSetReadResult read;
        try
        {
            using var stream = File.OpenRead(file.FullName);
            read = ClaimSetCsv.DelimiterFor(file.Name) is { } delimiter
                ? ClaimSetCsv.Read(stream, delimiter)
                : ClaimSetJson.Read(stream, limits);
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

    /// <summary>The file argument and the options every command that reads a file shares; add new reader flags here.</summary>
    private sealed class InputOptions
    {
        public Argument<FileInfo> File { get; } = new("file")
        {
            Description = "A claim set: claimset/1 JSON, or a CSV/TSV table (by the extension .csv, .tsv or .tab).",
        };

        public Option<LocalDate?> Today { get; } = new("--today")
        {
            Description = "The date to take as today (yyyy-MM-dd, UTC): for ages stated by undated sources and the date of ClaimReview output. Default: the system clock.",
            CustomParser = r =>
            {
                var text = r.Tokens.Count > 0 ? r.Tokens[0].Value : "";
                var parsed = LocalDatePattern.Iso.Parse(text);
                if (parsed.Success)
                {
                    return parsed.Value;
                }

                r.AddError($"--today takes a date such as 2026-01-01; \"{text}\" is not one.");
                return null;
            },
        };

        private readonly Option<string> _estimator = CreateEstimator();

        private readonly Option<double?> _minSharedFalse = CreateMinSharedFalse();

        private readonly Option<long> _inputBytes = Limit("--max-input-bytes", "Largest input read, in bytes.", ClaimSetReadOptions.Default.MaxInputBytes);
        private readonly Option<int> _claims = Limit("--max-claims", "Most claims read.", ClaimSetReadOptions.Default.MaxClaims);
        private readonly Option<int> _stringLength = Limit("--max-string-length", "Longest string, in UTF-8 bytes as written.", ClaimSetReadOptions.Default.MaxStringLength);
        private readonly Option<int> _depth = Limit("--max-depth", "Deepest nesting of objects and arrays.", ClaimSetReadOptions.Default.MaxDepth, max: 1000);

        public void AddTo(Command command)
        {
            command.Options.Add(Today);
            command.Options.Add(_estimator);
            command.Options.Add(_minSharedFalse);
            command.Validators.Add(result =>
            {
                if (result.GetValue(_estimator) == "vote" && result.GetValue(_minSharedFalse) is not null)
                {
                    result.AddError("--min-shared-false sets the truth-discovery estimator; the vote does not look for copying.");
                }
            });
            command.Options.Add(_inputBytes);
            command.Options.Add(_claims);
            command.Options.Add(_stringLength);
            command.Options.Add(_depth);
        }

        /// <summary>The estimator the <c>--estimator</c> and <c>--min-shared-false</c> flags ask for (the library's defaults otherwise).</summary>
        public ReconcilerOptions ReconcilerOptions(ParseResult result)
        {
            if (result.GetValue(_estimator) == "vote")
            {
                return new ReconcilerOptions { Estimator = MajorityVoteEstimator.Instance };
            }

            var options = new ReconcilerOptions();
            if (result.GetValue(_minSharedFalse) is { } minShared)
            {
                options.TruthDiscovery.MinSharedFalse = minShared;
            }

            return options;
        }

        private static Option<string> CreateEstimator()
        {
            var option = new Option<string>("--estimator")
            {
                Description = "truth-discovery (the default: learns each source's reliability and looks for copying) or vote (one vote per independent source).",
                DefaultValueFactory = _ => "truth-discovery",
            };
            option.AcceptOnlyFromAmong("truth-discovery", "vote");
            return option;
        }

        private static Option<double?> CreateMinSharedFalse()
        {
            var option = new Option<double?>("--min-shared-false")
            {
                Description = $"truth-discovery: how many values judged false two sources must share before they can be judged dependent (default {new TruthDiscoveryOptions().MinSharedFalse.ToString(System.Globalization.CultureInfo.InvariantCulture)}; 3 or 4 for thousands of sources, see docs/accuracy.md).",
                CustomParser = r =>
                {
                    var text = r.Tokens.Count > 0 ? r.Tokens[0].Value : "";
                    if (double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value) && value >= 0 && double.IsFinite(value))
                    {
                        return value;
                    }

                    r.AddError($"--min-shared-false takes a number ≥ 0, such as 3; \"{text}\" is not one.");
                    return null;
                },
            };
            return option;
        }

        /// <summary>The <c>--max-…</c> flags as reader limits (JSON input; see docs/limits.md).</summary>
        public ClaimSetReadOptions Limits(ParseResult result) => new()
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

    private sealed record ReconcileRequest(string Format, FileInfo? Out, bool Compact, bool FailOnConflict, string? ReviewUrl, string? ReviewAuthor);

    private sealed record Loaded(ClaimSetReadResult Read, ReconciliationReport Report, IClock Clock);

    private sealed class FixedClock(Instant now) : IClock
    {
        public Instant GetCurrentInstant() => now;
    }
}
