using ClaimReconcile.Pipeline;

namespace ClaimReconcile.Tests;

public sealed class ValidationTests
{
    private const int Many = 50_000;

    [Fact]
    public void Run_ManyClaimsWithRepeatedIds_FirstUseWinsAndEveryRepeatIsReportedInOrder()
    {
        // Claim i has id "c{i}", except the repeats below; claims 100 and 101 have no id ("zeit#100", "zeit#101").
        var repeats = new Dictionary<int, string> { [7] = "c3", [40_000] = "c39999", [Many - 1] = "c5", [Many - 2] = "zeit#100" };
        var claims = Enumerable.Range(0, Many).Select(i =>
            Some.Claim("zeit", Some.Hours(5), id: i is 100 or 101 ? null : repeats.GetValueOrDefault(i, $"c{i}"), subject: $"q{i % 1000}"));

        var validation = Validation.Run(Some.ClaimSet([.. claims]));

        Assert.Equal(
            ["$.claims[7].id", "$.claims[40000].id", $"$.claims[{Many - 2}].id", $"$.claims[{Many - 1}].id"],
            validation.Issues.Select(i => i.Path));
        Assert.All(validation.Issues, i => Assert.Equal(IssueCodes.DuplicateId, i.Code));
        Assert.Equal(4, validation.Rejected);
        Assert.Equal(Many - 4, validation.Claims.Count);
        Assert.Equal("q3", validation.Claims.Single(c => c.Id == "c3").Claim.Subject);
        Assert.Equal("q5", validation.Claims.Single(c => c.Id == "c5").Claim.Subject);
        Assert.Equal("zeit#100", validation.Claims[99].Id);
    }

    [Fact]
    public void Run_FewClaimsWithARepeatedId_ReportsTheLaterOne()
    {
        var validation = Validation.Run(Some.ClaimSet(
            Some.Claim("zeit", Some.Hours(5), id: "a"), Some.Claim("zeit", Some.Hours(4), id: "b"), Some.Claim("zeit", Some.Hours(3), id: "a")));

        var issue = Assert.Single(validation.Issues);
        Assert.Equal(("$.claims[2].id", "a"), (issue.Path, issue.Claim));
        Assert.Equal(["a", "b"], validation.Claims.Select(c => c.Id));
        Assert.Equal(Some.Hours(5), validation.Claims[0].Claim.Value);
    }

    [Fact]
    public void Run_InParallel_GivesTheIssuesAndClaimsOfOneThreadInOrder()
    {
        // Every kind of claim the checks treat apart: repeated ids, no id, an undeclared source or event, words read well
        // or not at all, and several problems in one claim.
        var claims = Enumerable.Range(0, 20_000).Select(i => (i % 11) switch
        {
            0 => Some.Claim("zeit", Some.Hours(5), id: $"c{i / 3}"),
            1 => Some.Claim("ghost", Some.Hours(4), id: $"c{i}"),
            2 => Some.Claim("tsp", Some.Hours(3), id: $"c{i}", scope: ClaimScope.ForEvent(i % 2 == 0 ? "talks" : "nowhere")),
            3 => Some.Claim("tsp", WordedValue.Duration("fast fünf Stunden"), id: $"c{i}"),
            4 => Some.Claim("tsp", WordedValue.Duration("xyzzy"), id: $"c{i}"),
            5 => Some.Claim("ghost", Some.Hours(2), id: $"c{i - 5}", scope: ClaimScope.ForEvent("nowhere")),
            6 => Some.Claim("zeit", Some.Hours(1)),
            _ => Some.Claim("presse", Some.Hours(i % 7), id: $"c{i}", subject: $"q{i % 500}"),
        }).ToArray();
        var set = new ClaimSet([Some.Source("zeit"), Some.Source("tsp"), Some.Source("presse")], claims, events: [new Event("talks")]);

        var alone = Validation.Run(set, parallelFrom: int.MaxValue);
        var parallel = Validation.Run(set, parallelFrom: 0);

        Assert.Contains(alone.Issues, i => i.Code == IssueCodes.DuplicateId);
        Assert.Contains(alone.Issues, i => i.Code == IssueCodes.UnknownSource);
        Assert.Contains(alone.Issues, i => i.Code == IssueCodes.UnknownEvent);
        Assert.Contains(alone.Issues, i => i.Code == IssueCodes.UnreadableText);
        Assert.Equal(alone.Issues.Select(i => (i.Code, i.Path, i.Message, i.Claim)), parallel.Issues.Select(i => (i.Code, i.Path, i.Message, i.Claim)));
        Assert.Equal(alone.Rejected, parallel.Rejected);
        Assert.Equal(claims.Length, alone.Claims.Count + alone.Rejected);
        Assert.Equal(alone.Claims.Select(c => (c.Id, c.Claim.Value, c.Source.Id)), parallel.Claims.Select(c => (c.Id, c.Claim.Value, c.Source.Id)));
    }

    [Fact]
    public void Run_ClaimsAgainstAFrame_ChecksTheClaimsAloneAgainstTheFramesSourcesAndEvents()
    {
        // The frame's sources derive from each other in a cycle: a warning of the frame's own, which checking only the
        // claims against it does not repeat.
        var frame = Validation.Run(new ClaimSet(
            [new Source("zeit") { DerivedFrom = ["tsp"] }, new Source("tsp") { DerivedFrom = ["zeit"] }], [], events: [new Event("talks")]));
        Assert.Contains(frame.Issues, i => i.Code == IssueCodes.DerivationCycle);

        var claims = Validation.Run(
            [
                Some.Claim("zeit", Some.Hours(5), id: "a", scope: ClaimScope.ForEvent("talks")),
                Some.Claim("ghost", Some.Hours(4), id: "b"),
                Some.Claim("tsp", Some.Hours(3), id: "c", scope: ClaimScope.ForEvent("nowhere")),
                Some.Claim("tsp", Some.Hours(2), id: "a"),
            ],
            frame);

        Assert.Equal(
            [(IssueCodes.UnknownSource, "$.claims[1].source"), (IssueCodes.UnknownEvent, "$.claims[2].scope.event"), (IssueCodes.DuplicateId, "$.claims[3].id")],
            claims.Issues.Select(i => (i.Code, i.Path)));
        Assert.Equal(["a"], claims.Claims.Select(c => c.Id));
        Assert.Same(frame.Sources["zeit"], claims.Claims[0].Source);
        Assert.Same(frame.Sources, claims.Sources);
        Assert.Same(frame.Events, claims.Events);
    }
}
