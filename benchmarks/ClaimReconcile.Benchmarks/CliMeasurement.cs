using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ClaimReconcile.Benchmarks;

/// <summary>
/// The end-to-end measurement: runs the built command line (<c>reconcile &lt;file&gt; --format json --out &lt;file&gt;</c>)
/// on a generated claim set as a child process, several times, and prints wall time and peak memory per run as a
/// Markdown table with the median and the targets.
/// </summary>
public static class CliMeasurement
{
    /// <summary>The target for a million claims, end to end.</summary>
    public const double TargetSeconds = 10;

    /// <summary>The target for peak memory (resident set), in MB of 10⁶ bytes.</summary>
    public const double TargetPeakMegabytes = 2000;

    /// <summary>The claim count the time target is set for.</summary>
    public const int TargetClaims = 1_000_000;

    /// <summary>
    /// Where the command line is built in Release: <c>dotnet build -c Release src/ClaimReconcile.Cli</c> puts it there.
    /// </summary>
    public static string DefaultCli(string root) => Path.Combine(root, "src", "ClaimReconcile.Cli", "bin", "Release", "net10.0", "ClaimReconcile.Cli.dll");

    /// <summary>Measures <paramref name="runs"/> runs of the command line at <paramref name="claims"/> claims.</summary>
    /// <returns>0 when every run exited with 0 and wrote a report of all the claims, 1 otherwise, 2 when the command line is not built or an argument is wrong.</returns>
    public static int Run(int claims, int runs, string? cli, TextWriter output)
    {
        if (claims < 1 || runs < 1)
        {
            output.WriteLine("cli <claims> [runs] [--cli path/to/ClaimReconcile.Cli.dll]: claims and runs must be at least 1.");
            return 2;
        }

        var root = Repository.Root();
        cli ??= DefaultCli(root);
        if (!File.Exists(cli))
        {
            output.WriteLine($"The command line is not built at {cli}: run `dotnet build -c Release src/ClaimReconcile.Cli` in {root} first.");
            return 2;
        }

        WarnWhenStale(root, cli, output);
        var input = Input(claims, output);
        var report = Path.Combine(Path.GetTempPath(), $"claimreconcile-cli-{claims}-{Environment.ProcessId}.report.json");
        var expected = ClaimsIn(input);
        output.WriteLine($"`dotnet {cli} reconcile {input} --format json --out {report}` ({expected:N0} claims, {new FileInfo(input).Length / 1e6:0.0} MB), {runs} run{(runs == 1 ? "" : "s")}");
        output.WriteLine();
        output.WriteLine("| run | seconds | CPU seconds | peak MB | read | reconcile | write |");
        output.WriteLine("|----:|--------:|------------:|--------:|-----:|----------:|------:|");

        var results = new List<RunResult>();
        for (var run = 1; run <= runs; run++)
        {
            var result = Measure(cli, input, report);
            output.WriteLine($"| {run} | {result.Seconds:0.00} | {result.CpuSeconds:0.00} | {result.PeakMegabytes:N0} | {result.Stages} |");
            var written = result.ExitCode == 0 ? ClaimsInReport(report) : null;
            if (result.ExitCode != 0 || written != expected)
            {
                output.WriteLine();
                output.WriteLine(result.ExitCode != 0
                    ? $"Run {run} failed with exit code {result.ExitCode}: {result.Error.Trim()}"
                    : $"Run {run} wrote a report of {written?.ToString(CultureInfo.InvariantCulture) ?? "no"} claims, not {expected}.");
                File.Delete(report);
                return 1;
            }

            results.Add(result);
        }

        File.Delete(report);
        var medianSeconds = Median(results.Select(r => r.Seconds));
        var highestPeak = results.Max(r => r.PeakMegabytes);
        output.WriteLine($"| median | {medianSeconds:0.00} | {Median(results.Select(r => r.CpuSeconds)):0.00} | {Median(results.Select(r => r.PeakMegabytes)):N0} | | | |");
        output.WriteLine();
        output.WriteLine("Seconds are wall time from start to exit; CPU seconds are user + system time of the process (more than wall time when");
        output.WriteLine("work runs in parallel, and steadier on a busy machine); read / reconcile / write are the stages' seconds as the");
        output.WriteLine("command line's progress lines on standard error show them, to 0.1 s (read includes the runtime's start-up; – when");
        output.WriteLine("reading took under a second, as progress starts only after one).");
        output.WriteLine();
        var timeVerdict = claims == TargetClaims ? (medianSeconds <= TargetSeconds ? "pass" : "FAIL") : "not checked (the target is set for that size)";
        output.WriteLine($"- end to end ≤ {TargetSeconds:0} s at {TargetClaims:N0} claims: {medianSeconds:0.00} s, {timeVerdict}");
        output.WriteLine($"- peak memory ≤ {TargetPeakMegabytes:N0} MB: {highestPeak:N0} MB (highest run), {(highestPeak <= TargetPeakMegabytes ? "pass" : "FAIL")}");
        output.WriteLine($"- 10× the claims in ≤ 11× the time: compare this median with that of `cli {(claims >= TargetClaims ? claims / 10 : claims * 10)}`");
        return 0;
    }

    /// <summary>
    /// One run: wall time from start to exit, CPU time and peak resident set read from <c>/proc</c>, and the stage times.
    /// </summary>
    private static RunResult Measure(string cli, string input, string report)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { cli, "reconcile", input, "--format", "json", "--out", report })
        {
            start.ArgumentList.Add(arg);
        }

        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet could not be started.");

        // Read both pipes while the child runs, so that a full pipe never blocks it (it reports progress on stderr).
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();

        // VmHWM is the kernel's high-water mark of the child's resident set, but /proc/<pid>/status loses it the moment
        // the process exits (and Process.PeakWorkingSet64 reads the same file), so it is sampled every 20 ms while the
        // child runs; being a maximum, the last sample misses only growth in the final 20 ms. CPU time is sampled the same
        // way, for the same reason. `dotnet x.dll` runs the program in the dotnet process itself, so this pid is the program's.
        var status = $"/proc/{process.Id}/status";
        long peakKilobytes = 0;
        var cpu = TimeSpan.Zero;
        while (!process.WaitForExit(20))
        {
            peakKilobytes = Math.Max(peakKilobytes, HighWaterMark(status));
            var used = ProcessorTime(process);
            if (used > cpu)
            {
                cpu = used;
            }
        }

        watch.Stop();
        process.WaitForExit();
        _ = stdout.Result;
        var error = stderr.Result;
        return new(watch.Elapsed.TotalSeconds, cpu.TotalSeconds, peakKilobytes * 1024 / 1e6, Stages(error), process.ExitCode, error);
    }

    /// <summary>User and system time of a running process, or zero once it is gone.</summary>
    private static TimeSpan ProcessorTime(Process process)
    {
        try
        {
            process.Refresh();
            return process.TotalProcessorTime;
        }
        catch (InvalidOperationException)
        {
            return TimeSpan.Zero;
        }
    }

    /// <summary>
    /// Seconds spent reading, reconciling and writing, as table cells, from the progress lines of the command line
    /// (<c>claimreconcile: reconciling 1000000 claims… (5.0 s)</c>, printed at once when a stage begins after the first
    /// second, and <c>claimreconcile: done in 12.7 s</c>); dashes when reading took less than a second.
    /// </summary>
    private static string Stages(string progress)
    {
        double? At(string pattern) => Regex.Match(progress, pattern, RegexOptions.CultureInvariant) is { Success: true } m
            ? double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)
            : null;

        var reconcile = At(@"claimreconcile: reconciling [^\n]*\(([0-9.]+) s\)");
        var write = At(@"claimreconcile: writing [^\n]*\(([0-9.]+) s\)");
        var done = At(@"claimreconcile: done in ([0-9.]+) s");

        // A stage that begins within the first second is announced only at the first tick (1.0 s), so its start is
        // unknown: then the row has no stage times at all.
        return reconcile is { } r && r > 1.0 && write is { } w && done is { } d
            ? FormattableString.Invariant($"{r:0.0} | {w - r:0.0} | {d - w:0.0}")
            : "– | – | –";
    }

    /// <summary>The <c>VmHWM</c> line of a status file in kB, or 0 when the process is gone or has no memory left.</summary>
    private static long HighWaterMark(string status)
    {
        try
        {
            foreach (var line in File.ReadLines(status))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                }
            }
        }
        catch (IOException)
        {
            // The process exited between WaitForExit and the read.
        }

        return 0;
    }

    /// <summary>
    /// The generated input in the temp folder, generated anew every time (a few seconds at 10⁶) and written only when its
    /// bytes differ from the file there: a file left by an older generator must never be measured by mistake.
    /// </summary>
    private static string Input(int claims, TextWriter output)
    {
        var path = Path.Combine(Path.GetTempPath(), $"claimreconcile-cli-{claims}.json");
        var json = SyntheticClaims.ToCompactJson(new SyntheticClaims(claims).Generate());
        if (!File.Exists(path) || new FileInfo(path).Length != json.Length || !File.ReadAllBytes(path).AsSpan().SequenceEqual(json))
        {
            output.WriteLine($"Writing {claims:N0} generated claims to {path} …");
            var partial = $"{path}.{Environment.ProcessId}.partial";
            File.WriteAllBytes(partial, json);
            File.Move(partial, path, overwrite: true);
        }

        return path;
    }

    /// <summary>How many claims the input holds (read once with the library, before the runs).</summary>
    private static int ClaimsIn(string input)
    {
        using var file = File.OpenRead(input);
        var read = Serialization.ClaimSetJson.Read(file);
        return read.ClaimSet.Claims.Length + read.RejectedClaims;
    }

    /// <summary>The report's <c>summary.claims</c>, which comes before the groups, read from the start of the file.</summary>
    private static int? ClaimsInReport(string report)
    {
        var head = new byte[64 * 1024];
        int length;
        using (var file = File.OpenRead(report))
        {
            length = file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }

        var reader = new Utf8JsonReader(head.AsSpan(0, length), isFinalBlock: false, state: default);
        var inSummary = false;
        while (reader.Read())
        {
            if (reader.TokenType != JsonTokenType.PropertyName)
            {
                continue;
            }

            if (reader.CurrentDepth == 1)
            {
                inSummary = reader.ValueTextEquals("summary"u8);
            }
            else if (inSummary && reader.CurrentDepth == 2 && reader.ValueTextEquals("claims"u8) && reader.Read())
            {
                return reader.GetInt32();
            }
        }

        return null;
    }

    /// <summary>Warns when a library or command-line source file is newer than the built command line.</summary>
    private static void WarnWhenStale(string root, string cli, TextWriter output)
    {
        var built = File.GetLastWriteTimeUtc(cli);
        var newer = Directory.EnumerateFiles(Path.Combine(root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .FirstOrDefault(f => File.GetLastWriteTimeUtc(f) > built);
        if (newer is not null)
        {
            output.WriteLine($"Warning: {newer} is newer than {cli}; rebuild with `dotnet build -c Release src/ClaimReconcile.Cli`.");
        }
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    /// <summary>What one run of the command line took.</summary>
    private sealed record RunResult(double Seconds, double CpuSeconds, double PeakMegabytes, string Stages, int ExitCode, string Error);
}
