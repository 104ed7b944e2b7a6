using System.Runtime.CompilerServices;
using System.Text;

// Deliberately in Verify's namespace with Verify's entry point, so that moving to the Verify.Xunit package is a
// package swap: tests say `using static VerifyXunit.Verifier;` and `return Verify(text);` either way.
namespace VerifyXunit;

/// <summary>
/// A minimal snapshot helper that follows Verify's conventions: the snapshot of test method M in class C is
/// <c>C.M.verified.txt</c> beside the test's source file; on a mismatch or a missing snapshot the actual text
/// is written to <c>C.M.received.txt</c> (git-ignored) and the test fails. Text is compared and stored as
/// UTF-8 without BOM with <c>\n</c> line ends. Set the environment variable <c>VERIFY_ACCEPT=1</c> to accept
/// received text as the new snapshot (never in CI).
/// </summary>
internal static class Verifier
{
    public const string AcceptVariable = "VERIFY_ACCEPT";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static Task Verify(string target, [CallerFilePath] string sourceFile = "", [CallerMemberName] string method = "")
    {
        var file = MapSourcePath(sourceFile);
        return Verify(target, Path.GetFileNameWithoutExtension(file), method, Path.GetDirectoryName(file)!, Accepting());
    }

    /// <summary>
    /// Deterministic CI builds (<c>ContinuousIntegrationBuild</c>) record source paths as <c>/_/…</c>; map them
    /// back to the repository the tests run from.
    /// </summary>
    internal static string MapSourcePath(string sourceFile) =>
        sourceFile.StartsWith("/_/", StringComparison.Ordinal) && !File.Exists(sourceFile)
            ? Path.Combine(ClaimReconcile.Tests.Support.TestPaths.RepositoryRoot, sourceFile[3..])
            : sourceFile;

    internal static Task Verify(string target, string className, string method, string directory, bool accept)
    {
        ArgumentNullException.ThrowIfNull(target);
        var text = target.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        var verified = Path.Combine(directory, $"{className}.{method}.verified.txt");
        var received = Path.Combine(directory, $"{className}.{method}.received.txt");

        var expected = File.Exists(verified) ? File.ReadAllText(verified, Utf8).Replace("\r\n", "\n", StringComparison.Ordinal) : null;
        if (expected == text)
        {
            File.Delete(received);
            return Task.CompletedTask;
        }

        if (accept)
        {
            File.WriteAllText(verified, text, Utf8);
            File.Delete(received);
            return Task.CompletedTask;
        }

        File.WriteAllText(received, text, Utf8);
        var reason = expected is null ? "No verified snapshot exists yet" : $"The output differs from the verified snapshot ({FirstDifference(expected, text)})";
        throw new SnapshotMismatchException(
            $"{reason}.\n  verified: {verified}\n  received: {received}\n" +
            $"Compare the two; if the received text is right, rename it to .verified.txt or run the tests with {AcceptVariable}=1.");
    }

    private static bool Accepting() =>
        Environment.GetEnvironmentVariable(AcceptVariable) is "1" or "true" && Environment.GetEnvironmentVariable("CI") is not "true";

    private static string FirstDifference(string expected, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        for (var i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            var left = i < e.Length ? e[i] : "<end of file>";
            var right = i < a.Length ? a[i] : "<end of file>";
            if (left != right)
            {
                return $"first at line {i + 1}: expected \"{left}\", received \"{right}\"";
            }
        }

        return "line ends only";
    }
}

/// <summary>Thrown when a snapshot is missing or differs.</summary>
internal sealed class SnapshotMismatchException(string message) : Exception(message);
