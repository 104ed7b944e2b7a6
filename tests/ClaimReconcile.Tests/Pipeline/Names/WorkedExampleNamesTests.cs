using System.Text.Json.Nodes;
using ClaimReconcile.Serialization;
using ClaimReconcile.Tests.Support;
using NodaTime;

namespace ClaimReconcile.Tests.Pipeline.Names;

/// <summary>The worked example with its alias table for people removed: spelling alone must resolve the names.</summary>
public sealed class WorkedExampleNamesTests
{
    private static readonly Reconciler Reconciler = new(clock: new FakeClock(Instant.FromUtc(2026, 1, 1, 0, 0)));

    private static ReconciliationReport Report(string json) => Reconciler.Reconcile(ClaimSetJson.Read(json));

    private static List<string> Outline(ReconciliationReport report) =>
        [.. report.Groups.Select(g => $"{g.Subject}|{g.Property}|{g.Scope}|{g.Verdict}|{string.Join(",", g.Claims.Select(c => $"{c.Id}:{c.Status}"))}")];

    [Fact]
    public void Reconcile_WithoutAliasesOfPeople_GivesTheSameGroupsVerdictsAndStatuses()
    {
        var original = File.ReadAllText(TestPaths.WorkedExample);
        var document = JsonNode.Parse(original)!.AsObject();
        var people = 0;
        foreach (var entity in document["entities"]!.AsArray())
        {
            if ((string?)entity!["type"] == "person")
            {
                entity.AsObject().Remove("aliases");
                people++;
            }
        }

        var withAliases = Report(original);
        var withoutAliases = Report(document.ToJsonString());

        Assert.True(people >= 10, $"only {people} people in the example");
        Assert.Equal(Outline(withAliases), Outline(withoutAliases));
        Assert.Equal(withAliases.Summary, withoutAliases.Summary);
        Assert.DoesNotContain(withoutAliases.Issues, i => i.Code == IssueCodes.AmbiguousMention);
    }
}
