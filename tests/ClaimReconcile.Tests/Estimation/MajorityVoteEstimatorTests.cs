using System.Collections.Immutable;
using ClaimReconcile.Estimation;

namespace ClaimReconcile.Tests;

public sealed class MajorityVoteEstimatorTests
{
    [Fact]
    public void Estimate_TwoVotesAgainstOne_MajorityWins()
    {
        // Claims 0 and 1 agree, claim 2 contradicts both.
        var group = Group([0, 1, 2], [0, 1, 2], [1, 1, 0, 1, 1, 0, 0, 0, 1]);

        var estimate = MajorityVoteEstimator.Instance.Estimate(Problem(3, group));

        var result = Assert.Single(estimate.Groups);
        Assert.Equal(0, result.Winner);
        Assert.Equal(3.0 / 5, result.Confidence, 12);
        Assert.True(result.ClaimProbabilities[0] > result.ClaimProbabilities[2]);
    }

    [Fact]
    public void Estimate_EqualVotesDisagreeing_NoWinner()
    {
        var group = Group([0, 1], [0, 1], [1, 0, 0, 1]);

        var result = Assert.Single(MajorityVoteEstimator.Instance.Estimate(Problem(2, group)).Groups);

        Assert.Null(result.Winner);
        Assert.Equal(0.5, result.Confidence);
        Assert.All(result.ClaimProbabilities, p => Assert.Equal(0.5, p));
    }

    [Fact]
    public void Estimate_EqualVotesAgreeing_NarrowerValueWins()
    {
        var claims = ImmutableArray.Create(new EstimationClaim(0, 0, true, 10), new EstimationClaim(1, 1, true, 2));
        var group = new EstimationGroup(claims, 2, [1, 1, 1, 1]);

        var result = Assert.Single(MajorityVoteEstimator.Instance.Estimate(Problem(2, group)).Groups);

        Assert.Equal(1, result.Winner);
    }

    [Fact]
    public void Estimate_OneVoice_ConfidenceIsTwoThirds()
    {
        var group = Group([0], [0], [1]);

        var result = Assert.Single(MajorityVoteEstimator.Instance.Estimate(Problem(1, group)).Groups);

        Assert.Equal(0, result.Winner);
        Assert.Equal(2.0 / 3, result.Confidence, 12);
    }

    [Fact]
    public void Estimate_TwoClaimsOfOneVoice_CountOnce()
    {
        // Claims 0 and 1 share voice 0 and agree; claim 2 (voice 1) contradicts them: one vote each.
        var group = Group([0, 1, 2], [0, 0, 1], [1, 1, 0, 1, 1, 0, 0, 0, 1], voices: 2);

        var result = Assert.Single(MajorityVoteEstimator.Instance.Estimate(Problem(3, group)).Groups);

        Assert.Null(result.Winner);
    }

    [Fact]
    public void Estimate_ReliabilityOfContestedSources_FollowsTheWinners()
    {
        var group = Group([0, 1, 2], [0, 1, 2], [1, 1, 0, 1, 1, 0, 0, 0, 1]);

        var reliabilities = MajorityVoteEstimator.Instance.Estimate(Problem(3, group)).SourceReliabilities;

        Assert.True(reliabilities[0] > MajorityVoteEstimator.DefaultPrior);
        Assert.True(reliabilities[2] < MajorityVoteEstimator.DefaultPrior);
    }

    [Fact]
    public void Estimate_UncontestedSource_KeepsItsPrior()
    {
        var group = Group([0], [0], [1]);
        var problem = new EstimationProblem(["zeit"], [0.8], [group]);

        Assert.Equal(0.8, Assert.Single(MajorityVoteEstimator.Instance.Estimate(problem).SourceReliabilities), 12);
    }

    [Fact]
    public void Reconcile_TwoAgainstOne_MajorityIsConsensus()
    {
        var report = Some.Reconcile(Some.ClaimSet(
            Some.Claim("zeit", Some.Hours(5), "zeit-1"),
            Some.Claim("tsp", Some.Hours(5, Hedge.Almost), "tsp-1"),
            Some.Claim("bild", Some.Hours(3), "bild-1")));

        var group = Assert.Single(report.Groups);
        Assert.Equal(Verdict.Conflict, group.Verdict);
        // Both majority values have two votes; the narrower one is the consensus.
        Assert.Equal(Some.Hours(5, Hedge.Almost), group.Consensus);
        Assert.Equal(ClaimStatus.Contradicted, group.Claims.Single(c => c.Id == "bild-1").Status);
        Assert.Equal(ClaimStatus.Supported, group.Claims.Single(c => c.Id == "zeit-1").Status);
    }

    [Fact]
    public void Reconcile_OneAgainstOne_NoConsensusAndConflict()
    {
        var group = Assert.Single(Some.Reconcile(Some.ClaimSet(
            Some.Claim("zeit", Some.Hours(5), "zeit-1"),
            Some.Claim("bild", Some.Hours(3), "bild-1"))).Groups);

        Assert.Equal(Verdict.Conflict, group.Verdict);
        Assert.Null(group.Consensus);
        Assert.Null(group.Confidence);
        Assert.All(group.Claims, c => Assert.Equal(ClaimStatus.Contradicted, c.Status));
    }

    [Fact]
    public void Reconcile_TwoCopiesOfOneWire_CountOnce()
    {
        var set = new ClaimSet(
            [Some.Source("afp"), Some.Source("zeit", "afp"), Some.Source("tsp", "afp"), Some.Source("bild")],
            [
                Some.Claim("zeit", Some.Hours(5), "zeit-1"),
                Some.Claim("tsp", Some.Hours(5), "tsp-1"),
                Some.Claim("bild", Some.Hours(3), "bild-1"),
            ]);

        var group = Assert.Single(Some.Reconcile(set).Groups);

        Assert.Equal(2, group.IndependentSources);
        Assert.Null(group.Consensus);
        Assert.Equal("source:afp", group.Claims.Single(c => c.Id == "zeit-1").Voice);
        Assert.Equal("source:afp", group.Claims.Single(c => c.Id == "tsp-1").Voice);
    }

    [Fact]
    public void Reconcile_TwoIndependentSources_OutvoteOne()
    {
        var set = new ClaimSet(
            [Some.Source("zeit"), Some.Source("tsp"), Some.Source("bild")],
            [
                Some.Claim("zeit", Some.Hours(5), "zeit-1"),
                Some.Claim("tsp", Some.Hours(5), "tsp-1"),
                Some.Claim("bild", Some.Hours(3), "bild-1"),
            ]);

        var group = Assert.Single(Some.Reconcile(set).Groups);

        Assert.Equal(3, group.IndependentSources);
        Assert.Equal(Some.Hours(5), group.Consensus);
    }

    [Fact]
    public void Reconcile_TwoOutletsQuotingOneSpeaker_CountOnce()
    {
        var group = Assert.Single(Some.Reconcile(Some.ClaimSet(
            Some.Claim("zeit", Some.Hours(5), "zeit-1", speaker: "Uschakow"),
            Some.Claim("tsp", Some.Hours(5), "tsp-1", speaker: "uschakow"),
            Some.Claim("bild", Some.Hours(3), "bild-1"))).Groups);

        Assert.Equal(2, group.IndependentSources);
        Assert.Null(group.Consensus);
        Assert.Equal("speaker:uschakow", group.Claims.Single(c => c.Id == "tsp-1").Voice);
    }

    [Fact]
    public void Reconcile_NegatedClaimOfTheSameValue_Contradicts()
    {
        var group = Assert.Single(Some.Reconcile(Some.ClaimSet(
            Some.Claim("zeit", Some.Hours(5), "zeit-1"),
            Some.Claim("tsp", Some.Hours(5), "tsp-1", negated: true))).Groups);

        Assert.Equal(Verdict.Conflict, group.Verdict);
        Assert.Equal(Some.Hours(5), group.Consensus);
        Assert.Equal(ClaimStatus.Contradicted, group.Claims.Single(c => c.Id == "tsp-1").Status);
    }

    [Fact]
    public void Reconcile_NegatedClaimOfAnotherValue_Supports()
    {
        var group = Assert.Single(Some.Reconcile(Some.ClaimSet(
            Some.Claim("zeit", Some.Hours(5), "zeit-1"),
            Some.Claim("tsp", Some.Hours(3), "tsp-1", negated: true))).Groups);

        Assert.Equal(Verdict.Agreement, group.Verdict);
        Assert.Equal(Some.Hours(5), group.Consensus);
    }

    [Fact]
    public void Reconcile_NegatedBooleanFalseAndTrue_Agree()
    {
        var group = Assert.Single(Some.Reconcile(Some.ClaimSet(
            Some.Claim("zeit", ClaimValue.Boolean(false), "zeit-1", property: "breakthrough", negated: true),
            Some.Claim("tsp", ClaimValue.Boolean(true), "tsp-1", property: "breakthrough"))).Groups);

        Assert.Equal(Verdict.Agreement, group.Verdict);
    }

    [Fact]
    public void Estimate_ManyGroups_EachGetsItsOwnEstimate()
    {
        // Enough groups to be estimated on several threads, whose winners alternate, and one group of 300 voices, more
        // than fit the stack: 160 agree with the first claim, 140 with the last.
        var small = Enumerable.Range(0, 9000)
            .Select(g => g % 2 == 0
                ? Group([0, 1, 2], [0, 1, 2], [1, 1, 0, 1, 1, 0, 0, 0, 1])
                : Group([0, 1, 2], [0, 1, 2], [1, 0, 0, 0, 1, 1, 0, 1, 1]));
        var support = new double[300 * 300];
        for (var a = 0; a < 300; a++)
        {
            for (var b = 0; b < 300; b++)
            {
                support[(a * 300) + b] = (a < 160) == (b < 160) ? 1 : 0;
            }
        }

        var large = Group([.. Enumerable.Range(0, 300)], [.. Enumerable.Range(0, 300)], support);

        var estimate = MajorityVoteEstimator.Instance.Estimate(Problem(300, [.. small, large]));

        Assert.Equal(9001, estimate.Groups.Length);
        for (var g = 0; g < 9000; g++)
        {
            Assert.Equal(g % 2 == 0 ? 0 : 1, estimate.Groups[g].Winner);
            Assert.Equal(3.0 / 5, estimate.Groups[g].Confidence, 12);
        }

        Assert.Equal(0, estimate.Groups[9000].Winner);
        Assert.Equal(161.0 / 302, estimate.Groups[9000].Confidence, 12);
    }

    /// <summary>A group of candidate claims; <paramref name="support"/> is row-major, [candidate, claim].</summary>
    private static EstimationGroup Group(int[] sources, int[] voiceOf, double[] support, int? voices = null) =>
        new([.. sources.Select((s, i) => new EstimationClaim(s, voiceOf[i], true, 1))], voices ?? voiceOf.Distinct().Count(), support);

    private static EstimationProblem Problem(int sources, params EstimationGroup[] groups) =>
        new([.. Enumerable.Range(0, sources).Select(i => $"s{i}")], [.. Enumerable.Repeat<double?>(null, sources)], [.. groups]);
}
