namespace ClaimReconcile.Benchmarks;

/// <summary>Finds the repository's folders from wherever the benchmarks run (the repository, or its build output).</summary>
public static class Repository
{
    /// <summary>The folder that holds <c>ClaimReconcile.sln</c>, searched upwards from the current folder and from the program's own.</summary>
    /// <exception cref="DirectoryNotFoundException">Neither is inside the repository.</exception>
    public static string Root()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "ClaimReconcile.sln")))
                {
                    return folder.FullName;
                }
            }
        }

        throw new DirectoryNotFoundException("ClaimReconcile.sln was not found above the current folder or the program; run from inside the repository.");
    }

    /// <summary>
    /// Copies the GitHub Markdown reports of the last BenchmarkDotNet run (<c>BenchmarkDotNet.Artifacts/results/*-report-github.md</c>
    /// under <paramref name="artifacts"/>) to <c>benchmarks/results/&lt;Class&gt;.md</c>, replacing earlier results of the same class.
    /// </summary>
    /// <returns>0 when at least one report was copied, 1 when there was none.</returns>
    public static int PublishResults(string artifacts, TextWriter output)
    {
        var results = Path.Combine(artifacts, "results");
        var reports = Directory.Exists(results) ? Directory.GetFiles(results, "*-report-github.md").Order(StringComparer.Ordinal).ToArray() : [];
        if (reports.Length == 0)
        {
            output.WriteLine($"No *-report-github.md in {results}: run the suite first (from this folder, or pass the artifacts folder).");
            return 1;
        }

        var target = Path.Combine(Root(), "benchmarks", "results");
        Directory.CreateDirectory(target);
        foreach (var report in reports)
        {
            // ClaimReconcile.Benchmarks.PipelineBenchmarks-report-github.md → PipelineBenchmarks.md
            var name = Path.GetFileName(report)[..^"-report-github.md".Length];
            name = name[(name.LastIndexOf('.') + 1)..];
            var copy = Path.Combine(target, name + ".md");
            File.Copy(report, copy, overwrite: true);
            output.WriteLine($"{report} → {copy}");
        }

        return 0;
    }
}
