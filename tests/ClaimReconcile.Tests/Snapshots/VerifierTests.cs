using VerifyXunit;

namespace ClaimReconcile.Tests.Snapshots;

public sealed class VerifierTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("verifier-tests").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Verify_NoSnapshotYet_FailsAndWritesReceivedFile()
    {
        var error = await Assert.ThrowsAsync<SnapshotMismatchException>(() => Verifier.Verify("new text", "C", "M", _directory, accept: false));

        Assert.Contains("No verified snapshot", error.Message, StringComparison.Ordinal);
        Assert.Equal("new text", File.ReadAllText(Path.Combine(_directory, "C.M.received.txt")));
        Assert.False(File.Exists(Path.Combine(_directory, "C.M.verified.txt")));
    }

    [Fact]
    public async Task Verify_ChangedOutput_FailsNamingFirstDifferentLine()
    {
        await File.WriteAllTextAsync(Path.Combine(_directory, "C.M.verified.txt"), "a\nb\n", TestContext.Current.CancellationToken);

        var error = await Assert.ThrowsAsync<SnapshotMismatchException>(() => Verifier.Verify("a\nc\n", "C", "M", _directory, accept: false));

        Assert.Contains("line 2", error.Message, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_directory, "C.M.received.txt")));
    }

    [Fact]
    public async Task Verify_SameTextWithWindowsLineEnds_PassesAndRemovesStaleReceivedFile()
    {
        await File.WriteAllTextAsync(Path.Combine(_directory, "C.M.verified.txt"), "a\nb\n", TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(Path.Combine(_directory, "C.M.received.txt"), "old", TestContext.Current.CancellationToken);

        await Verifier.Verify("a\r\nb\r\n", "C", "M", _directory, accept: false);

        Assert.False(File.Exists(Path.Combine(_directory, "C.M.received.txt")));
    }

    [Fact]
    public async Task Verify_Accepting_WritesTheVerifiedFile()
    {
        await Verifier.Verify("accepted\n", "C", "M", _directory, accept: true);

        Assert.Equal("accepted\n", await File.ReadAllTextAsync(Path.Combine(_directory, "C.M.verified.txt"), TestContext.Current.CancellationToken));
        Assert.False(File.Exists(Path.Combine(_directory, "C.M.received.txt")));
    }

    [Fact]
    public void MapSourcePath_DeterministicBuildPath_MapsToRepository()
    {
        var mapped = Verifier.MapSourcePath("/_/tests/ClaimReconcile.Tests/Snapshots/VerifierTests.cs");

        Assert.True(File.Exists(mapped), mapped);
    }

    [Fact]
    public async Task Verify_WritesUtf8WithoutByteOrderMark()
    {
        await Assert.ThrowsAsync<SnapshotMismatchException>(() => Verifier.Verify("Präsident", "C", "M", _directory, accept: false));

        var bytes = await File.ReadAllBytesAsync(Path.Combine(_directory, "C.M.received.txt"), TestContext.Current.CancellationToken);
        Assert.Equal("Präsident"u8.ToArray(), bytes);
    }
}
