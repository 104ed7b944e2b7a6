namespace ClaimReconcile.Tests.Support;

/// <summary>Finds files of the repository from the test binaries, wherever the clone is.</summary>
internal static class TestPaths
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string WorkedExample => Path.Combine(RepositoryRoot, "docs", "examples", "moscow-talks.claimset.json");

    /// <summary>The worked example with every time, date, duration and quantity written as a resolved value.</summary>
    public static string WorkedExampleCanonical => Path.Combine(RepositoryRoot, "docs", "examples", "moscow-talks.canonical.claimset.json");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ClaimReconcile.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("ClaimReconcile.sln not found above " + AppContext.BaseDirectory);
    }
}
