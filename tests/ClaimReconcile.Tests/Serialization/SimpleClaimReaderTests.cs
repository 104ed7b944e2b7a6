using System.Globalization;
using System.Text;
using ClaimReconcile.Serialization;
using ClaimReconcile.Tests.Hostile;

namespace ClaimReconcile.Tests;

/// <summary>
/// The stream reader reads claims of the common shape without a document (<see cref="SimpleClaimReader"/>) and hands
/// everything else to the general reader. These tests pin that the two paths give the same result: the same claims,
/// issues, counts and locations, on hostile input and on claims just off the common shape.
/// </summary>
public sealed class SimpleClaimReaderTests
{
    // Each claim is valid, or wrong or unusual in one way that the direct path must decline (or read just as the general reader does).
    private static readonly string[] Claims =
    [
        """{"id": "n1", "source": "zeit", "subject": "talks", "property": "attendance", "value": {"number": 1000, "unit": "people"}}""",
        """{"id": "n2", "source": "zeit", "subject": "talks", "property": "attendance", "value": {"number": 1000, "unit": "people", "hedge": "about"}}""",
        """{"id": "n3", "source": "zeit", "subject": "talks", "property": "attendance", "value": {"hedge": "up-to", "number": 2.5e3}}""",
        """{"id": "n4", "source": "zeit", "subject": "talks", "property": "attendance", "value": {"number": 1e400}}""",
        """{"id": "n5", "source": "zeit", "subject": "talks", "property": "attendance", "value": {"number": 5, "unit": " h "}}""",
        """{"id": "n6", "source": "zeit", "subject": "talks", "property": "attendance", "value": {"number": 5, "unit": ""}}""",
        """{"id": "n7", "source": "zeit", "subject": "talks", "property": "attendance", "value": {"number": 5, "unit": null}}""",
        """{"id": "n8", "source": "zeit", "subject": "talks", "property": "attendance", "value": {"number": {"min": 4, "max": 5}}}""",
        """{"id": "n9", "source": "zeit", "subject": "talks", "property": "attendance", "value": {"number": {"text": "fünf"}}}""",
        """{"id": "n10", "source": "zeit", "subject": "talks", "property": "attendance", "value": {"number": 1, "number": 2}}""",
        """{"id": "n11", "source": "zeit", "subject": "talks", "property": "attendance", "value": {"number": 1, "hedge": "roughly"}}""",
        """{"id": "n12", "source": "zeit", "subject": "talks", "property": "attendance", "value": {"number": "5"}}""",
        """{"id": "d1", "source": "zeit", "subject": "talks", "property": "duration", "value": {"duration": "PT5H", "hedge": "almost"}}""",
        """{"id": "d2", "source": "zeit", "subject": "talks", "property": "duration", "value": {"duration": "-PT5H"}}""",
        """{"id": "d3", "source": "zeit", "subject": "talks", "property": "duration", "value": {"duration": "P300000D"}}""",
        """{"id": "d4", "source": "zeit", "subject": "talks", "property": "duration", "value": {"duration": "five hours"}}""",
        """{"id": "d5", "source": "zeit", "subject": "talks", "property": "duration", "value": {"duration": "PT5H", "unit": "h"}}""",
        """{"id": "d6", "source": "zeit", "subject": "talks", "property": "duration", "value": {"duration": "P1Y2M3W4DT5H6M7.5S"}}""",
        """{"id": "t1", "source": "zeit", "subject": "talks", "property": "date", "value": {"date": "2025-12-02"}}""",
        """{"id": "t2", "source": "zeit", "subject": "talks", "property": "date", "value": {"date": "2025-12", "hedge": "about"}}""",
        """{"id": "t3", "source": "zeit", "subject": "talks", "property": "date", "value": {"date": "2025"}}""",
        """{"id": "t4", "source": "zeit", "subject": "talks", "property": "date", "value": {"date": "2025-11-29/2025-11-30"}}""",
        """{"id": "t5", "source": "zeit", "subject": "talks", "property": "date", "value": {"date": "2025-12-02", "partOfDay": "evening"}}""",
        """{"id": "t6", "source": "zeit", "subject": "talks", "property": "date", "value": {"date": "9999-12-31", "hedge": "about"}}""",
        """{"id": "t7", "source": "zeit", "subject": "talks", "property": "date", "value": {"date": "0000-01-01"}}""",
        """{"id": "t8", "source": "zeit", "subject": "talks", "property": "date", "value": {"date": "2025-13-01"}}""",
        """{"id": "t9", "source": "zeit", "subject": "talks", "property": "date", "value": {"date": {"text": "am Dienstagabend"}}}""",
        """{"id": "i1", "source": "zeit", "subject": "talks", "property": "start", "value": {"instant": "2025-12-02T17:00:00Z", "hedge": "about"}}""",
        """{"id": "i2", "source": "zeit", "subject": "talks", "property": "start", "value": {"instant": "2025-12-02T18:00:00+01:00"}}""",
        """{"id": "i3", "source": "zeit", "subject": "talks", "property": "start", "value": {"instant": "9999-12-31T23:59:59-01:00"}}""",
        """{"id": "i4", "source": "zeit", "subject": "talks", "property": "start", "value": {"instant": "yesterday"}}""",
        """{"id": "e1", "source": "zeit", "subject": "talks", "property": "envoy", "value": {"entity": "Dimitrijew"}}""",
        """{"id": "e2", "source": "zeit", "subject": "talks", "property": "envoy", "value": {"entity": " Dimitrijew "}}""",
        """{"id": "e3", "source": "zeit", "subject": "talks", "property": "envoy", "value": {"entity": "   "}}""",
        """{"id": "e4", "source": "zeit", "subject": "talks", "property": "envoy", "value": {"entity": "Dimitrijew", "hedge": "about"}}""",
        """{"id": "x1", "source": "zeit", "subject": "talks", "property": "role", "value": {"text": "Präsident"}}""",
        """{"id": "x2", "source": "zeit", "subject": "talks", "property": "role", "value": {"text": "Pr\u00e4sident \ud83d\ude00"}}""",
        """{"id": "b1", "source": "zeit", "subject": "talks", "property": "breakthrough", "value": {"boolean": false}, "negated": true}""",
        """{"id": "b2", "source": "zeit", "subject": "talks", "property": "breakthrough", "value": {"boolean": "no"}}""",
        """{"id": "s1", "source": "zeit", "subject": "talks", "property": "participants", "value": {"set": ["Witkoff", " Kushner "]}}""",
        """{"id": "s2", "source": "zeit", "subject": "talks", "property": "participants", "value": {"set": []}}""",
        """{"id": "s3", "source": "zeit", "subject": "talks", "property": "participants", "value": {"set": ["Witkoff", ""]}}""",
        """{"id": "k1", "source": "zeit", "subject": "talks", "property": "duration", "value": {"duration": "PT5H"}, "scope": {"event": "moscow-talks"}}""",
        """{"id": "k2", "source": "zeit", "subject": "talks", "property": "duration", "value": {"duration": "PT5H"}, "scope": {"event": "nowhere"}}""",
        """{"id": "k3", "source": "zeit", "subject": "talks", "property": "duration", "value": {"duration": "PT5H"}, "scope": {"when": "2025-12"}}""",
        """{"id": "k4", "source": "zeit", "subject": "talks", "property": "duration", "value": {"duration": "PT5H"}, "scope": {"event": "moscow-talks", "when": "2025-12"}}""",
        """{"id": "k5", "source": "zeit", "subject": "talks", "property": "duration", "value": {"duration": "PT5H"}, "scope": {"event": " moscow-talks "}}""",
        """{"id": " padded ", "source": " zeit ", "subject": " talks ", "property": " duration ", "value": {"duration": "PT5H"}}""",
        """{"id": "", "source": "zeit", "subject": "talks", "property": "duration", "value": {"duration": "PT5H"}}""",
        """{"id": "   ", "source": "zeit", "subject": "talks", "property": "duration", "value": {"duration": "PT5H"}}""",
        """{"source": "zeit", "subject": "talks", "property": "duration", "value": {"duration": "PT5H"}}""",
        """{"source": "tsp", "subject": "talks", "property": "duration", "value": {"duration": "PT5H"}, "speaker": "ushakov", "quote": "fast fünf Stunden"}""",
        """{"source": "zeit", "subject": "talks", "property": "duration", "value": {"duration": "PT5H"}, "speaker": "", "quote": " "}""",
        """{"source": "nobody", "subject": "talks", "property": "duration", "value": {"duration": "PT5H"}}""",
        """{"id": "dup", "source": "zeit", "subject": "talks", "property": "duration", "value": {"duration": "PT5H"}}""",
        """{"id": "dup", "source": "zeit", "subject": "talks", "property": "duration", "value": {"duration": "PT5H"}}""",
        """{"id": "m1", "source": "zeit", "source": "tsp", "subject": "talks", "property": "duration", "value": {"duration": "PT5H"}}""",
        """{"id": "m2", "source": "zeit", "subject": "talks", "property": "duration", "value": {"duration": "PT5H"}, "note": "unknown field"}""",
        """{"id": "m3", "s\u006furce": "zeit", "subject": "talks", "property": "duration", "value": {"duration": "PT5H"}}""",
        """{"id": "m4", "source": "zeit", "subject": "talks", "property": "duration"}""",
        """{"id": "m5", "source": "zeit", "subject": "talks", "property": "duration", "value": null}""",
        """{"id": "m6", "source": "zeit", "subject": "talks", "property": "duration", "value": {"duration": "PT5H"}, "negated": null}""",
        """{"id": "m7", "source": "zeit", "subject": "talks", "property": "duration", "value": {"duration": "PT5H"}, "negated": "yes"}""",
        """{"id": "m8", "source": 7, "subject": "talks", "property": "duration", "value": {"duration": "PT5H"}}""",
        """{"id": "m9", "source": "zeit", "subject": "", "property": "duration", "value": {"duration": "PT5H"}}""",
        """{"id": "m10", "source": "zeit", "subject": "talks", "property": "duration", "value": {}}""",
        """{"id": "m11", "source": "zeit", "subject": "talks", "property": "duration", "value": {"duration": "PT5H", "text": "five hours"}}""",
        "[1, 2]",
        "\"a claim\"",
        "null",
    ];

    public static TheoryData<string> HostileCases => new(HostileCorpus.All.Select(c => c.Name));

    [Fact]
    public void Read_ClaimsOnAndOffTheCommonShape_SameAsTheGeneralReader()
    {
        var json = Document(Claims);

        var direct = Read(json, simpleClaims: true);
        var general = Read(json, simpleClaims: false);

        Assert.Equal(Describe(general), Describe(direct));
        // Guard against comparing the general reader with itself: the common shapes did take the direct path.
        Assert.Contains(direct.ClaimSet.Claims, c => c.Id == "n1");
        Assert.True(direct.RejectedClaims > 20, $"only {direct.RejectedClaims} claims were rejected");
    }

    [Fact]
    public void Read_ClaimsAcrossTheReadBufferEnd_SameAsTheGeneralReader()
    {
        // The reader fills a 64 KiB buffer; padding before the claims moves that buffer's end across every byte of them.
        var claims = string.Join(",\n", Claims[0], Claims[1], Claims[12], Claims[39], Claims[42], Claims[51]);
        var fill = (65_536 - 200 - claims.Length) / 102;
        var mismatches = new List<int>();
        for (var shift = 0; shift < claims.Length + 200; shift++)
        {
            var padding = string.Join(", ", Enumerable.Repeat($"\"{new string('x', 98)}\"", fill)) + $", \"{new string('y', shift)}\"";
            var json = $$"""{"format": "claimset/1", "sources": [{"id": "zeit"}, {"id": "tsp"}], "padding": [{{padding}}], "claims": [{{claims}}]}""";
            if (Describe(Read(json, simpleClaims: true)) != Describe(Read(json, simpleClaims: false)))
            {
                mismatches.Add(shift);
            }
        }

        Assert.Empty(mismatches);
    }

    [Theory]
    [MemberData(nameof(HostileCases))]
    public void Read_HostileInput_SameAsTheGeneralReader(string name)
    {
        var hostile = HostileCorpus.All.Single(c => c.Name == name);
        var bytes = hostile.Bytes();
        var options = hostile.Options ?? ClaimSetReadOptions.Default;

        var direct = ClaimSetStreamReader.Read(new MemoryStream(bytes), options, simpleClaims: true);
        var general = ClaimSetStreamReader.Read(new MemoryStream(bytes), options, simpleClaims: false);

        Assert.Equal(Describe(general), Describe(direct));
    }

    [Fact]
    public void Read_RepeatedTexts_ShareOneInstanceAndRoundTripUnchanged()
    {
        // 3,000 claims over 12 sources, 40 subjects and 3 properties, with a handful of distinct values, as in real data.
        var values = new[] { """{"number": 41, "unit": "%"}""", """{"number": 41, "unit": "%", "hedge": "about"}""", """{"duration": "PT5H"}""", """{"date": "2025-12-02"}""", """{"entity": "Dimitrijew"}""" };
        var properties = new[] { "turnout", "duration", "envoy" };
        var claims = Enumerable.Range(0, 3_000).Select(i => string.Create(CultureInfo.InvariantCulture,
            $$"""{"id": "c{{i}}", "source": "s{{i % 12}}", "subject": "q{{i % 40}}", "property": "{{properties[i % 3]}}", "value": {{values[i % 5]}}}"""));

        var first = Read(Document(claims, sources: 12), simpleClaims: true);
        var written = ClaimSetJson.Write(first.ClaimSet);
        var again = ClaimSetJson.Read(written);

        Assert.Empty(first.Issues);
        var read = first.ClaimSet.Claims;
        Assert.Equal(3_000, read.Length);
        Assert.Equal(12, read.Select(c => c.Source).Distinct(ReferenceEqualityComparer.Instance).Count());
        Assert.Equal(40, read.Select(c => c.Subject).Distinct(ReferenceEqualityComparer.Instance).Count());
        Assert.Equal(3, read.Select(c => c.Property).Distinct(ReferenceEqualityComparer.Instance).Count());
        Assert.Equal(5, read.Select(c => c.Value).Distinct(ReferenceEqualityComparer.Instance).Count());
        Assert.Equal("$.claims[2999]", read[^1].Location);
        Assert.Equal(NumberValue.Of(41, "%", Hedge.About), read[1].Value);
        Assert.Equal(written, ClaimSetJson.Write(again.ClaimSet));
        Assert.Equal(Describe(Read(Document(claims, sources: 12), simpleClaims: false)), Describe(first));
    }

    private static ClaimSetReadResult Read(string json, bool simpleClaims) =>
        ClaimSetStreamReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(json)), ClaimSetReadOptions.Default, simpleClaims);

    private static string Document(IEnumerable<string> claims, int sources = 0)
    {
        var sourceList = sources == 0
            ? """[{"id": "zeit"}, {"id": "tsp"}]"""
            : "[" + string.Join(", ", Enumerable.Range(0, sources).Select(i => $$"""{"id": "s{{i}}"}""")) + "]";
        return $$"""
            {"format": "claimset/1", "sources": {{sourceList}},
             "events": [{"id": "moscow-talks", "when": "2025-12-02"}],
             "claims": [
            {{string.Join(",\n", claims)}}
            ]}
            """;
    }

    /// <summary>Everything a read gives: success, counts, every issue, and every claim as written, with its id and location.</summary>
    private static string Describe(ClaimSetReadResult read)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"succeeded {read.Succeeded}, rejected {read.RejectedClaims}\n");
        foreach (var issue in read.Issues)
        {
            text.Append(CultureInfo.InvariantCulture, $"{issue.Severity} {issue.Code} {issue.Path} [{issue.Claim}] {issue.Message}\n");
        }

        if (read.Succeeded)
        {
            foreach (var claim in read.ClaimSet.Claims)
            {
                text.Append(CultureInfo.InvariantCulture, $"{claim.Id} at {claim.Location}: {claim} ({claim.Value.GetType().Name}, scope {claim.Scope?.Event}{claim.Scope?.When}, quote {claim.Quote})\n");
            }

            text.Append(ClaimSetJson.Write(read.ClaimSet));
        }

        return text.ToString();
    }
}
