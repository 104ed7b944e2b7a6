using System.Globalization;
using System.Text;
using ClaimReconcile.Serialization;
using ClaimReconcile.Tests.Rendering;

namespace ClaimReconcile.Tests.Serialization;

/// <summary>
/// A large report goes to a stream with its groups written on all cores, a part each; the bytes must be exactly those
/// one writer writes (<see cref="ReportJson.Write(ReconciliationReport, bool)"/>), across every part boundary.
/// </summary>
public sealed class ReportJsonTests
{
    // 2,400 claims in 600 groups of four value kinds, with quotes that need escaping, speakers, negations, unicode and
    // issues after the groups.
    private static readonly ReconciliationReport Large = new Reconciler(clock: WorkedExample.Clock).Reconcile(ClaimSetJson.Read(LargeClaimSet()));

    [Theory]
    [InlineData(true, 1)]
    [InlineData(true, 7)]
    [InlineData(true, 250)]
    [InlineData(false, 1)]
    [InlineData(false, 250)]
    public void Write_ToAStreamInParts_SameBytesAsOneWriter(bool indented, int partClaims)
    {
        var stream = new RecordingStream();

        ReportJson.Write(Large, stream, indented, partClaims, parallelFromParts: 2);

        var bytes = stream.ToArray();
        Assert.Equal(ReportJson.Write(Large, indented), Encoding.UTF8.GetString(bytes));

        // Each part reaches the stream in a write of its own: every part but the first starts a write, with the comma
        // before its first group. One writer passes its bytes on after whichever group fills its buffer, so its writes
        // start at other groups (indented parts of 250 claims are about as large as that buffer, so only where each
        // write starts tells the two apart).
        var starts = PartStarts(partClaims);
        Assert.True(starts.Count >= 9, $"{starts.Count} parts"); // 2,400 claims in parts of 250 or fewer
        foreach (var g in starts.Skip(1))
        {
            var subject = bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes($"\"{Large.Groups[g].Subject}\""));
            var comma = bytes.AsSpan(0, subject).LastIndexOf((byte)',');
            Assert.True(stream.WriteStarts.Contains(comma), $"no write starts before group {g}, at byte {comma}");
        }
    }

    /// <summary>Where each part of <see cref="Large"/>'s groups starts, by the writer's rule: a part closes once it holds <paramref name="partClaims"/> claims.</summary>
    private static List<int> PartStarts(int partClaims)
    {
        var (starts, held) = (new List<int>(), partClaims);
        for (var g = 0; g < Large.Groups.Length; g++)
        {
            if (held >= partClaims)
            {
                starts.Add(g);
                held = 0;
            }

            held += Large.Groups[g].Claims.Length;
        }

        return starts;
    }

    [Fact]
    public void LargeReport_CarriesWhatPartsMustJoin()
    {
        var claims = Large.Groups.SelectMany(g => g.Claims).ToList();

        Assert.Equal((600, 2_400, 30), (Large.Groups.Length, Large.Summary.GroupedClaims, Large.Summary.RejectedClaims));
        Assert.Contains(Large.Groups, g => g.Verdict == Verdict.Conflict);
        Assert.Contains(claims, c => c.Claim.Quote is not null && c.Claim.Quote.Contains('"', StringComparison.Ordinal));
        Assert.Contains(claims, c => c.Claim.Speaker is not null);
        Assert.Contains(claims, c => c.Claim.Negated);
        Assert.NotEmpty(Large.Issues);
    }

    [Fact]
    public void Write_PublicStreamOverload_SameBytesAsOneWriter()
    {
        var stream = new MemoryStream();

        ReportJson.Write(Large, stream);

        Assert.Equal(ReportJson.Write(Large), Encoding.UTF8.GetString(stream.ToArray()));
    }

    [Fact]
    public void Write_GroupLargerThanAPartMayHold_OneWriterAPartAtATime()
    {
        var stream = new RecordingStream();

        // Every group has four claims: with at most three to a part, no part may hold a group whole. Parts of 1,000
        // claims would each reach the stream in one write of some 300 KB; the single writer passes on 64 KB at a time.
        ReportJson.Write(Large, stream, indented: true, partClaims: 1_000, maxPartClaims: 3, parallelFromParts: 2);

        Assert.Equal(ReportJson.Write(Large), Encoding.UTF8.GetString(stream.ToArray()));
        Assert.True(stream.LargestWrite < 2 * JsonOutput.FlushThreshold, $"a write of {stream.LargestWrite} bytes");
    }

    [Fact]
    public void Write_ManyIssuesAfterTheGroups_PassedOnAPartAtATime()
    {
        var report = new Reconciler(clock: WorkedExample.Clock).Reconcile(ClaimSetJson.Read(LargeClaimSet(bad: 3_000)));
        var stream = new RecordingStream();

        ReportJson.Write(report, stream, indented: true, partClaims: 64, parallelFromParts: 2);

        // The sources and issues after the groups are some 700 KB: held whole, they would reach the stream in one write.
        Assert.Equal(3_000, report.Issues.Length);
        Assert.Equal(ReportJson.Write(report), Encoding.UTF8.GetString(stream.ToArray()));
        Assert.True(stream.LargestWrite < 2 * JsonOutput.FlushThreshold, $"a write of {stream.LargestWrite} bytes");
    }

    [Fact]
    public void Write_StreamFailsMidway_TheFailureReachesTheCaller()
    {
        var stream = new RecordingStream { FailAfter = 100_000 };

        var failure = Assert.Throws<IOException>(() => ReportJson.Write(Large, stream, indented: true, partClaims: 16, parallelFromParts: 2));

        Assert.Equal(RecordingStream.Failure, failure.Message);
    }

    private static string LargeClaimSet(int bad = 30)
    {
        var sources = string.Join(", ", Enumerable.Range(0, 12).Select(i => $$"""{"id": "s{{i}}", "name": "Quelle \"{{i}}\" – Zürich"}"""));
        var claims = Enumerable.Range(0, 2_400).Select(i =>
        {
            var (question, source) = (i / 4, $"s{i % 12}");
            var value = (question % 4) switch
            {
                0 => $$"""{"number": {{1_000 + (i % 3 == 0 ? 50 : 0)}}, "unit": "people", "hedge": "about"}""",
                1 => $$"""{"duration": "PT{{4 + (i % 2)}}H", "hedge": "almost"}""",
                2 => $$"""{"date": "2025-12-0{{1 + (i % 2)}}"}""",
                _ => $$"""{"text": "Ber\\lin {{i % 3}}"}""",
            };
            var extra = (i % 5) switch
            {
                0 => $", \"quote\": \"Er sagte: \\\"fast {i}\\\" <b>\"",
                1 => """, "speaker": "Olaf Scholz" """,
                2 => """, "negated": true""",
                _ => "",
            };
            return string.Create(CultureInfo.InvariantCulture,
                $$"""{"id": "c{{i:0000}}", "source": "{{source}}", "subject": "q{{question:000}}", "property": "p{{question % 4}}", "value": {{value}}""") + extra + "}";
        });
        var rejected = Enumerable.Range(0, bad).Select(i => $$"""{"id": "bad{{i}}", "source": "s1", "subject": "q1", "property": "p1", "value": {"duration": "soon"} }""");
        return $$"""{"format": "claimset/1", "sources": [{{sources}}], "claims": [{{string.Join(",\n", claims.Concat(rejected))}}]}""";
    }

    /// <summary>Keeps what is written, where each write began and the largest; can fail once past a number of bytes.</summary>
    private sealed class RecordingStream : MemoryStream
    {
        public const string Failure = "The disk is full.";

        public long FailAfter { get; init; } = long.MaxValue;

        public int LargestWrite { get; private set; }

        /// <summary>Where each write began, in bytes from the start.</summary>
        public HashSet<long> WriteStarts { get; } = [];

        // A stream derived from MemoryStream gets spans through the array overload: counting there counts every write once.
        public override void Write(ReadOnlySpan<byte> buffer) => Write(buffer.ToArray(), 0, buffer.Length);

        public override void Write(byte[] buffer, int offset, int count)
        {
            if (Length + count > FailAfter)
            {
                throw new IOException(Failure);
            }

            LargestWrite = Math.Max(LargestWrite, count);
            WriteStarts.Add(Length);
            base.Write(buffer, offset, count);
        }
    }
}
