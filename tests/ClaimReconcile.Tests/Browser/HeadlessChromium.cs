using System.Diagnostics;

namespace ClaimReconcile.Tests.Browser;

/// <summary>Runs headless Chromium on a file: its DOM after scripts and layout, or a screenshot.</summary>
internal static class HeadlessChromium
{
    private static readonly string[] Names = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];

    /// <summary>The browser's path: <c>$CHROMIUM</c>, else the first of the usual names on <c>PATH</c>; <see langword="null"/> when there is none.</summary>
    public static string? Find()
    {
        if (Environment.GetEnvironmentVariable("CHROMIUM") is { Length: > 0 } configured)
        {
            return File.Exists(configured) ? configured : null;
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(directory => Names.Select(name => Path.Combine(directory, name)))
            .FirstOrDefault(File.Exists);
    }

    /// <summary>
    /// The browser or, when it is missing, the end of the test: a failure under CI (<c>CI=true</c>), where
    /// <c>.ci/run</c> installs it, and a skip with the reason elsewhere.
    /// </summary>
    public static string Require()
    {
        if (Find() is { } browser)
        {
            return browser;
        }

        const string Missing = "Chromium is not installed (looked for $CHROMIUM, then chromium, chromium-browser, google-chrome on PATH). Install it with 'apt-get install -y chromium'; .ci/run does so.";
        if (Environment.GetEnvironmentVariable("CI") == "true")
        {
            Assert.Fail(Missing);
        }

        Assert.Skip(Missing);
        return "";
    }

    public static string DumpDom(string browser, string file) =>
        Run(browser, file, ["--dump-dom"]);

    public static void Screenshot(string browser, string file, string png, int width, int height) =>
        Run(browser, file, [$"--window-size={width},{height}", "--hide-scrollbars", $"--screenshot={png}"]);

    private static string Run(string browser, string file, string[] extra)
    {
        var profile = Directory.CreateTempSubdirectory("chromium-profile");
        try
        {
            var start = new ProcessStartInfo(browser)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            foreach (var argument in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions", $"--user-data-dir={profile.FullName}" }.Concat(extra))
            {
                start.ArgumentList.Add(argument);
            }

            start.ArgumentList.Add(new Uri(file).AbsoluteUri);
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{browser} did not finish within 2 minutes.");
            }

            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"{browser} exited with {process.ExitCode}: {error.Result}");
            }

            return output.Result;
        }
        finally
        {
            profile.Delete(recursive: true);
        }
    }
}
