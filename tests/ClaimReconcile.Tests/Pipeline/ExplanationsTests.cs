namespace ClaimReconcile.Tests.Pipeline;

/// <summary>
/// The sentence each verdict gets, word for word: these pin the branches the worked examples do not reach (no value
/// outweighing the others, a negated claim, two sources of one name, a family and a speaker counting once together).
/// </summary>
public sealed class ExplanationsTests
{
    [Fact]
    public void Explain_TwoEqualVoicesDisagree_NamesEveryClaim()
    {
        var group = Judge(
            Some.Claim("zeit", Some.Hours(5), "zeit-1"),
            Some.Claim("tsp", Some.Hours(3), "tsp-1"));

        Assert.Null(group.Consensus);
        Assert.Equal("2 independent sources disagree and none outweighs the others: tsp says 3 h and zeit says 5 h.", group.Explanation);
    }

    [Fact]
    public void Explain_NegatedClaimAgainstConsensus_SaysNot()
    {
        var group = Judge(
            Some.Claim("zeit", Some.Hours(5), "zeit-1"),
            Some.Claim("tsp", Some.Hours(5), "tsp-1"),
            Some.Claim("bild", Some.Hours(5), "bild-1", negated: true));

        Assert.Equal("2 of 3 independent sources support 5 h, but bild says not 5 h.", group.Explanation);
    }

    [Fact]
    public void Explain_SeveralContradictingClaims_ListsThemWithTheirGaps()
    {
        var group = Judge(
            Some.Claim("zeit", Some.Hours(5), "zeit-1"),
            Some.Claim("tsp", Some.Hours(5), "tsp-1"),
            Some.Claim("presse", Some.Hours(5), "presse-1"),
            Some.Claim("bild", Some.Hours(3), "bild-1"),
            Some.Claim("nyt", Some.Hours(8), "nyt-1"),
            Some.Claim("taz", NumberValue.Of(120, "min"), "taz-1"));

        // A bare "5 h" is read as 4.5–5.5 h and "120 min" as 119.5–120.5 min: the gaps run between the intervals.
        Assert.Equal("3 of 6 independent sources support 5 h, but bild says 3 h, 1 h below it, nyt says 8 h, 2 h above it and taz says 120 min, 2 h 29 min 30 s below it; "
            + "its sources have proven more reliable on other questions.", group.Explanation);
    }

    [Fact]
    public void Explain_TwoSourcesOfOneName_NamedOnce()
    {
        var set = new ClaimSet(
            [new Source("dpa-1") { Name = "dpa" }, new Source("dpa-2") { Name = "dpa" }, Some.Source("zeit")],
            [Some.Claim("dpa-1", Some.Hours(5), "a"), Some.Claim("dpa-2", Some.Hours(5), "b"), Some.Claim("zeit", NumberValue.Of(300, "min"), "c")]);

        var group = Assert.Single(Some.Reconcile(set).Groups);

        Assert.Equal("3 independent sources agree on 300 min (dpa and zeit).", group.Explanation);
    }

    [Fact]
    public void Explain_FamilyAndRepeatedSpeaker_BothCountOnce()
    {
        var set = new ClaimSet(
            [Some.Source("zeit", "afp"), Some.Source("presse", "afp"), Some.Source("afp"), Some.Source("tsp"), Some.Source("bild")],
            [
                Some.Claim("zeit", Some.Hours(5), "zeit-1"),
                Some.Claim("presse", Some.Hours(5), "presse-1"),
                Some.Claim("tsp", Some.Hours(5), "tsp-1", speaker: "Peskow"),
                Some.Claim("bild", Some.Hours(5), "bild-1", speaker: "Peskow"),
            ]);

        var group = Assert.Single(Some.Reconcile(set).Groups);

        Assert.Equal("2 independent sources agree on 5 h (bild (quoting Peskow), presse, tsp (quoting Peskow) and zeit); "
            + "presse and zeit share afp and count once; 2 reports quoting Peskow count once.", group.Explanation);
    }

    [Fact]
    public void Explain_OneFamilyOnly_SingleVoiceWithItsNote()
    {
        var set = new ClaimSet(
            [Some.Source("zeit", "afp"), Some.Source("presse", "afp"), Some.Source("afp")],
            [Some.Claim("zeit", Some.Hours(5), "zeit-1"), Some.Claim("presse", NumberValue.Of(300, "min"), "presse-1"), Some.Claim("zeit", Some.Hours(5), "zeit-2")]);

        var group = Assert.Single(Some.Reconcile(set).Groups);

        Assert.Equal(Verdict.SingleSource, group.Verdict);
        Assert.Equal("Only one independent voice speaks here: presse says 300 min and zeit says 5 h (presse and zeit share afp and count once).", group.Explanation);
    }

    [Fact]
    public void Explain_SourceRepeatingItself_NoNoteOnCountingOnce()
    {
        var group = Judge(
            Some.Claim("zeit", Some.Hours(5), "zeit-1"),
            Some.Claim("zeit", Some.Hours(5), "zeit-2"),
            Some.Claim("tsp", Some.Hours(5), "tsp-1"));

        Assert.Equal("2 independent sources agree on 5 h (tsp and zeit).", group.Explanation);
    }

    private static ClaimGroup Judge(params Claim[] claims) => Assert.Single(Some.Reconcile(Some.ClaimSet(claims)).Groups);
}
