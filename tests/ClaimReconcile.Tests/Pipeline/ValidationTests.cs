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
}
