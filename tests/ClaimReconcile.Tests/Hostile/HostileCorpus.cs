using System.Text;
using ClaimReconcile.Serialization;
using ClaimReconcile.Tests.Support;

namespace ClaimReconcile.Tests.Hostile;

/// <summary>One hostile input: its bytes, and the limits to read it with (the defaults when null).</summary>
internal sealed record HostileCase(string Name, Func<byte[]> Bytes, ClaimSetReadOptions? Options = null)
{
    /// <summary>The CLI flags that give <see cref="Options"/>.</summary>
    public string[] CliFlags => Options is not { } o
        ? []
        : ["--max-input-bytes", $"{o.MaxInputBytes}", "--max-claims", $"{o.MaxClaims}", "--max-string-length", $"{o.MaxStringLength}", "--max-depth", $"{o.MaxDepth}"];
}

/// <summary>
/// The hostile-input corpus: the files under <c>Hostile/Corpus</c> (small, committed, each named after what is wrong
/// with it), and inputs too big to commit, generated here at test time.
/// </summary>
internal static class HostileCorpus
{
    public static string Directory => Path.Combine(TestPaths.RepositoryRoot, "tests", "ClaimReconcile.Tests", "Hostile", "Corpus");

    public static IReadOnlyList<HostileCase> All { get; } = [.. Files(), .. Generated()];

    private static IEnumerable<HostileCase> Files() =>
        System.IO.Directory.GetFiles(Directory, "*.json").Order(StringComparer.Ordinal)
            .Select(path => new HostileCase(Path.GetFileNameWithoutExtension(path), () => File.ReadAllBytes(path)));

    private static IEnumerable<HostileCase> Generated()
    {
        yield return new("gen-10000-bad-claims", () => Utf8(Document(Enumerable.Range(0, 10_000).Select(BadClaim))));
        yield return new("gen-1mb-strings", () => Utf8(Document(
            [Claim("c1", """{"duration": "PT5H"}""", extra: $"\"quote\": \"{new string('x', 1 << 20)}\""),
             Claim("c2", $"{{\"text\": \"{new string('ü', 40_000)}\"}}", property: "role"),
             Claim("c3", """{"duration": "PT5H"}""", subject: new string('s', 70_000)),
             Claim("c4", """{"duration": "PT5H"}""", source: "tsp")],
            sources: $$"""[{"id": "zeit"}, {"id": "tsp", "name": "{{new string('n', 100_000)}}"}]""")));
        yield return new("gen-string-at-limit", () => Utf8(Document(
            [Claim("c1", """{"duration": "PT5H"}""", extra: $"\"quote\": \"{new string('x', ClaimSetReadOptions.Default.MaxStringLength)}\""),
             Claim("c2", """{"duration": "PT5H"}""", source: "tsp", extra: $"\"quote\": \"{new string('x', ClaimSetReadOptions.Default.MaxStringLength + 1)}\"")])));
        yield return new("gen-claims-larger-than-the-read-buffer", () => Utf8(Document(Enumerable.Range(0, 6).Select(i =>
            Claim($"c{i}", """{"duration": "PT5H"}""", source: i % 2 == 0 ? "zeit" : "tsp", extra: $"\"quote\": \"{new string((char)('a' + i), 60_000 + (i * 997))}\"")))));
        yield return new("gen-nesting-100000-deep", () => Utf8(Document([Claim("c1", """{"duration": "PT5H"}""", extra: "\"x\": " + new string('[', 100_000) + new string(']', 100_000))])));
        yield return new("gen-root-nesting-100000-deep", () => Utf8(new string('[', 100_000) + new string(']', 100_000)));
        yield return new("gen-derivation-cycle-of-5000-sources", () => Utf8(Document(
            [Claim("c1", """{"duration": "PT5H"}""", source: "s0"), Claim("c2", """{"duration": "PT5H"}""", source: "s4999")],
            sources: "[" + string.Join(", ", Enumerable.Range(0, 5_000).Select(i => $$"""{"id": "s{{i}}", "derivedFrom": ["s{{(i + 1) % 5_000}}"]}""")) + "]")));
        yield return new("gen-set-of-5000-members", () => Utf8(Document(
            [Claim("c1", "{\"set\": [" + string.Join(", ", Enumerable.Range(0, 5_000).Select(i => $"\"m{i}\"")) + "]}", property: "members"),
             Claim("c2", "{\"set\": [" + string.Join(", ", Enumerable.Range(2_500, 5_000).Select(i => $"\"m{i}\"")) + "]}", source: "tsp", property: "members")])));
        yield return new("gen-claim-with-20000-unknown-fields", () => Utf8(Document(
            [Claim("c1", """{"duration": "PT5H"}""", extra: string.Join(", ", Enumerable.Range(0, 20_000).Select(i => $"\"f{i}\": {i}")))])));
        yield return new("gen-limit-max-claims", () => Utf8(Document(Enumerable.Range(0, 100).Select(i => Claim($"c{i}", """{"duration": "PT5H"}""")))),
            new ClaimSetReadOptions { MaxClaims = 10 });
        yield return new("gen-limit-max-input-bytes", () => File.ReadAllBytes(TestPaths.WorkedExample), new ClaimSetReadOptions { MaxInputBytes = 1000 });
        yield return new("gen-limit-max-depth", () => Utf8(Document([Claim("c1", """{"number": {"min": 4, "max": 5}, "unit": "h"}""")])),
            new ClaimSetReadOptions { MaxDepth = 4 });
        yield return new("gen-limit-max-string-length", () => File.ReadAllBytes(TestPaths.WorkedExample), new ClaimSetReadOptions { MaxStringLength = 24 });
    }

    private static string BadClaim(int i) => (i % 10) switch
    {
        0 => "null",
        1 => Claim($"c{i}", """{"duration": "five hours"}"""),
        2 => Claim($"c{i}", """{"duration": "PT5H"}""", source: "nobody"),
        3 => Claim($"c{i}", """{"number": {"min": 5, "max": 4}}"""),
        4 => $$"""{"id": "c{{i}}", "source": "zeit"}""",
        5 => Claim($"c{i}", """{"date": "2025-13-45"}""", property: "date"),
        6 => Claim("same-id", """{"duration": "PT5H"}"""),
        7 => Claim($"c{i}", """{"duration": "PT5H", "hedge": "roughly"}"""),
        8 => "[1, 2, 3]",
        _ => Claim($"c{i}", """{"text": "", "number": 1}"""),
    };

    private static string Claim(string id, string value, string source = "zeit", string subject = "talks", string property = "duration", string? extra = null) =>
        $$"""{"id": "{{id}}", "source": "{{source}}", "subject": "{{subject}}", "property": "{{property}}", "value": {{value}}{{(extra is null ? "" : ", " + extra)}}}""";

    private static string Document(IEnumerable<string> claims, string sources = """[{"id": "zeit"}, {"id": "tsp"}]""") =>
        $"{{\"format\": \"claimset/1\",\n\"sources\": {sources},\n\"claims\": [\n{string.Join(",\n", claims)}\n]}}\n";

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
