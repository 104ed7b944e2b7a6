using System.Text.Json.Nodes;
using ClaimReconcile.Pipeline;
using ClaimReconcile.Serialization;
using ClaimReconcile.Tests.Support;
using NodaTime;

namespace ClaimReconcile.Tests.Pipeline.Names;

/// <summary>
/// The worked example names people as the articles write them and declares no aliases for them: spelling alone must
/// resolve every name to the person the old alias table (kept in the canonical copy) named.
/// </summary>
public sealed class WorkedExampleNamesTests(ITestOutputHelper output)
{
    private static readonly Reconciler Reconciler = new(clock: new FakeClock(Instant.FromUtc(2026, 1, 1, 0, 0)));

    private static readonly string Example = File.ReadAllText(TestPaths.WorkedExample);

    private static ClaimSet Read(string json) => ClaimSetJson.Read(json).ClaimSet;

    private static List<string> Outline(ReconciliationReport report) =>
        [.. report.Groups.Select(g => $"{g.Subject}|{g.Property}|{g.Scope}|{g.Verdict}|{string.Join(",", g.Claims.Select(c => $"{c.Id}:{c.Status}"))}")];

    private static EntityResolver Resolver(ClaimSet set) =>
        new(set.Entities, set.Events, set.Claims.SelectMany(c => EntityResolver.Mentions(c).Select(m => m.Mention)));

    [Fact]
    public void WorkedExample_DeclaresPeopleWithoutAliasesAndNamesThemAsWritten()
    {
        var set = Read(Example);
        var people = set.Entities.Where(e => e.Type == "person").ToList();
        var ids = people.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);

        Assert.True(people.Count >= 10, $"only {people.Count} people in the example");
        Assert.All(people, p => Assert.Empty(p.Aliases));
        Assert.All(people, p => Assert.False(string.IsNullOrEmpty(p.Label), $"{p.Id} has no label"));

        // No claim names a person by id: subjects, speakers, entity values and set members are all written forms.
        var byId = set.Claims.SelectMany(c => EntityResolver.Mentions(c).Where(m => ids.Contains(m.Mention)).Select(m => $"{c.Id}{m.Path}"));
        Assert.Empty(byId);
    }

    [Fact]
    public void EveryMention_ResolvesBySpelling_ToTheEntityTheAliasTableNamed()
    {
        var surface = Read(Example);
        var canonical = Read(File.ReadAllText(TestPaths.WorkedExampleCanonical));
        var (bySpelling, byAlias) = (Resolver(surface), Resolver(canonical));
        var people = surface.Entities.Where(e => e.Type == "person").Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        var canonicalClaims = canonical.Claims.ToDictionary(c => c.Id!, StringComparer.Ordinal);

        var mismatches = new List<string>();
        var resolvedPeople = 0;
        foreach (var claim in surface.Claims)
        {
            var written = EntityResolver.Mentions(claim).ToList();
            var expected = EntityResolver.Mentions(canonicalClaims[claim.Id!]).ToList();
            Assert.Equal(expected.Select(m => m.Path), written.Select(m => m.Path));
            foreach (var (mention, old) in written.Zip(expected))
            {
                var id = bySpelling.TryResolve(mention.Mention);
                if (id != byAlias.TryResolve(old.Mention) || bySpelling.IsAmbiguous(mention.Mention))
                {
                    mismatches.Add($"{claim.Id}{mention.Path}: \"{mention.Mention}\" resolved to {id ?? "nothing"}, the alias table to {byAlias.TryResolve(old.Mention) ?? "nothing"}");
                }

                resolvedPeople += id is not null && people.Contains(id) ? 1 : 0;
            }
        }

        output.WriteLine($"{resolvedPeople} mentions of people resolved by spelling; {mismatches.Count} differ from the alias table");
        Assert.Empty(mismatches);
        Assert.True(resolvedPeople >= 120, $"only {resolvedPeople} mentions of people resolved");
    }

    [Fact]
    public void Reconcile_WithTheOldAliasTablePutBack_GivesTheSameGroupsVerdictsAndStatuses()
    {
        var document = JsonNode.Parse(Example)!.AsObject();
        document["entities"] = JsonNode.Parse(File.ReadAllText(TestPaths.WorkedExampleCanonical))!["entities"]!.DeepClone();
        var aliases = document["entities"]!.AsArray().Sum(e => e!["aliases"]?.AsArray().Count ?? 0);

        var bySpelling = Reconciler.Reconcile(ClaimSetJson.Read(Example));
        var withAliases = Reconciler.Reconcile(ClaimSetJson.Read(document.ToJsonString()));

        Assert.True(aliases >= 40, $"only {aliases} aliases in the canonical copy");
        Assert.Equal(Outline(withAliases), Outline(bySpelling));
        Assert.Equal(withAliases.Summary, bySpelling.Summary);
        Assert.DoesNotContain(bySpelling.Issues, i => i.Code == IssueCodes.AmbiguousMention);
    }
}
