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

        Assert.Equal(ReportJson.Write(Large, indented), Encoding.UTF8.GetString(stream.ToArray()));

        // Each part reaches the stream in a write of its own, and a part closes once it holds partClaims claims, so it
        // holds fewer than partClaims plus a group's: there were at least this many parts to join.
        var largest = Large.Groups.Max(g => g.Claims.Length);
        var parts = (int)Math.Ceiling(Large.Summary.GroupedClaims / (double)(partClaims + largest - 1));
        Assert.True(stream.Writes >= parts, $"{stream.Writes} writes for some {parts} parts");
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

    /// <summary>Keeps what is written, counting the writes and the largest; can fail once past a number of bytes.</summary>
    private sealed class RecordingStream : MemoryStream
    {
        public const string Failure = "The disk is full.";

        public long FailAfter { get; init; } = long.MaxValue;

        public int Writes { get; private set; }

        public int LargestWrite { get; private set; }

        // A stream derived from MemoryStream gets spans through the array overload: counting there counts every write once.
        public override void Write(ReadOnlySpan<byte> buffer) => Write(buffer.ToArray(), 0, buffer.Length);

        public override void Write(byte[] buffer, int offset, int count)
        {
            if (Length + count > FailAfter)
            {
                throw new IOException(Failure);
            }

            (Writes, LargestWrite) = (Writes + 1, Math.Max(LargestWrite, count));
            base.Write(buffer, offset, count);
        }
    }
}
