using System.Diagnostics;
using ClaimReconcile.Tests.Support;

namespace ClaimReconcile.Tests.Examples;

/// <summary>docs/examples/quickstart.cs is run the way the docs say, so it cannot rot.</summary>
public sealed class QuickstartTests
{
    [Fact]
    public async Task Quickstart_DotnetRun_ReconcilesTheWorkedExample()
    {
        var start = new ProcessStartInfo("dotnet", ["run", Path.Combine("docs", "examples", "quickstart.cs")])
        {
            WorkingDirectory = TestPaths.RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);

        Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}\n{await output}\n{await error}");
        var text = await output;
        var expected = new Reconciler().Reconcile(global::ClaimReconcile.Serialization.ClaimSetJson.Read(File.ReadAllText(TestPaths.WorkedExample)));
        Assert.StartsWith(expected + "\n", text, StringComparison.Ordinal);
        Assert.Contains("  contradicted: bild-8 (bild) says “Ex-Präsident”\n", text, StringComparison.Ordinal);
        Assert.Contains("### Donald Trump — role\n", text, StringComparison.Ordinal);
    }
}
