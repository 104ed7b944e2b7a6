using System.Text;
using ClaimReconcile.Cli;
using ClaimReconcile.Serialization;

namespace ClaimReconcile.Tests.Hostile;

/// <summary>The reader's limits: defaults, validation, streaming memory, and the CLI flags that set them.</summary>
public sealed class LimitsTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("limits").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Default_Limits_AreTheDocumentedOnes()
    {
        var limits = ClaimSetReadOptions.Default;

        Assert.Equal(1L << 30, limits.MaxInputBytes);
        Assert.Equal(5_000_000, limits.MaxClaims);
        Assert.Equal(65_536, limits.MaxStringLength);
        Assert.Equal(64, limits.MaxDepth);
        Assert.Contains("| `MaxClaims` | 5,000,000 |", File.ReadAllText(Path.Combine(Support.TestPaths.RepositoryRoot, "docs", "limits.md")), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NonPositiveLimits_ThrowListingEveryOne()
    {
        var e = Assert.Throws<ArgumentException>(() => ClaimSetJson.Read("{}", new ClaimSetReadOptions { MaxClaims = 0, MaxDepth = 2000 }));

        Assert.Contains("MaxClaims must be positive", e.Message, StringComparison.Ordinal);
        Assert.Contains("MaxDepth must be between 1 and 1000", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reconciler_InvalidReadingOptions_ThrowsWhenBuilt() =>
        Assert.Contains("MaxStringLength", Assert.Throws<ArgumentException>(() =>
            new Reconciler(new ReconcilerOptions { Reading = new ClaimSetReadOptions { MaxStringLength = -1 } })).Message, StringComparison.Ordinal);

    [Fact]
    public void Read_FortyMegabytesOfSkippedContent_UsesASmallBuffer()
    {
        // An unknown field holding 40 MB is read token by token and dropped: memory does not grow with it.
        var junk = Encoding.UTF8.GetBytes("[1, \"text\", {\"a\": [true, null]}],\n");
        var chunks = new[] { Encoding.UTF8.GetBytes("{\"format\": \"claimset/1\", \"junk\": [\n") }
            .Concat(Enumerable.Repeat(junk, 40_000_000 / junk.Length))
            .Append(Encoding.UTF8.GetBytes("[]], \"sources\": [{\"id\": \"zeit\"}], \"claims\": [{\"source\": \"zeit\", \"subject\": \"talks\", \"property\": \"duration\", \"value\": {\"duration\": \"PT5H\"}}]}"));
        using var stream = new ChunkStream(chunks);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var read = ClaimSetJson.Read(stream);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(read.Succeeded);
        Assert.Single(read.ClaimSet.Claims);
        Assert.True(stream.Position > 40_000_000);
        Assert.True(allocated < 2_000_000, $"reading allocated {allocated} bytes");
    }

    [Fact]
    public void Read_TooManyClaims_StopsAtTheFirstClaimBeyondTheLimit()
    {
        // The stream would go on for ever; the reader must stop at claim 1,001.
        var claim = Encoding.UTF8.GetBytes("{\"source\": \"zeit\", \"subject\": \"talks\", \"property\": \"duration\", \"value\": {\"duration\": \"PT5H\"}},\n");
        using var stream = new ChunkStream(new[] { Encoding.UTF8.GetBytes("{\"sources\": [{\"id\": \"zeit\"}], \"claims\": [\n") }.Concat(Forever(claim)));

        var read = ClaimSetJson.Read(stream, new ClaimSetReadOptions { MaxClaims = 1_000 });

        Assert.Equal("too-many-claims at $.claims[1000]", $"{read.Issues[0].Code} at {read.Issues[0].Path}");
        Assert.False(read.Succeeded);
    }

    [Fact]
    public void Read_EndlessInput_StopsAtMaxInputBytes()
    {
        using var stream = new ChunkStream(new[] { "{\"junk\": \""u8.ToArray() }.Concat(Forever(Enumerable.Repeat((byte)'x', 4096).ToArray())));

        var read = ClaimSetJson.Read(stream, new ClaimSetReadOptions { MaxInputBytes = 1_000_000 });

        Assert.Equal(IssueCodes.InputTooLarge, Assert.Single(read.Issues).Code);
        Assert.InRange(stream.Position, 1_000_000, 1_200_000);
    }

    [Theory]
    [InlineData("--max-claims", "1", "too-many-claims at $.claims[1]")]
    [InlineData("--max-string-length", "3", "")]
    [InlineData("--max-depth", "3", "too-deep at line 1, position 114")]
    [InlineData("--max-input-bytes", "50", "input-too-large at $")]
    public void Cli_LimitFlags_AreApplied(string flag, string value, string error)
    {
        var file = Path.Combine(_directory, "two.json");
        File.WriteAllText(file, """{"sources": [{"id": "zeit"}], "claims": [{"source": "zeit", "subject": "talks", "property": "duration", "value": {"duration": "PT5H"}}, {"source": "zeit", "subject": "talks", "property": "duration", "value": {"duration": "PT4H"}}]}""");
        using var output = new StringWriter();
        using var errors = new StringWriter();

        var code = CliApp.Run(["validate", file, flag, value], output, errors);

        Assert.Equal(error.Length == 0 ? CliApp.Done : CliApp.UnusableInput, code);
        if (error.Length == 0)
        {
            Assert.Contains("string-too-long", output.ToString(), StringComparison.Ordinal);
        }
        else
        {
            Assert.Contains(error, errors.ToString(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("--max-claims", "0")]
    [InlineData("--max-depth", "1001")]
    [InlineData("--max-input-bytes", "-5")]
    [InlineData("--max-string-length", "many")]
    public void Cli_BadLimitFlag_ExitsTwoWithMessage(string flag, string value)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();

        var code = CliApp.Run(["validate", Support.TestPaths.WorkedExample, flag, value], output, errors);

        Assert.Equal(CliApp.UnusableInput, code);
        Assert.Contains(flag, errors.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", errors.ToString(), StringComparison.Ordinal);
    }

    private static IEnumerable<byte[]> Forever(byte[] chunk)
    {
        while (true)
        {
            yield return chunk;
        }
    }

    /// <summary>A read-only stream over chunks made on demand, so that huge or endless inputs need no memory.</summary>
    private sealed class ChunkStream(IEnumerable<byte[]> chunks) : Stream
    {
        private readonly IEnumerator<byte[]> _chunks = chunks.GetEnumerator();
        private byte[] _current = [];
        private int _offset;
        private long _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => _position;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            while (_offset == _current.Length)
            {
                if (!_chunks.MoveNext())
                {
                    return 0;
                }

                (_current, _offset) = (_chunks.Current, 0);
            }

            var count = Math.Min(buffer.Length, _current.Length - _offset);
            _current.AsSpan(_offset, count).CopyTo(buffer);
            _offset += count;
            _position += count;
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            _chunks.Dispose();
            base.Dispose(disposing);
        }
    }
}
