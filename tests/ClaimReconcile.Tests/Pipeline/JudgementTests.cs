using ClaimReconcile.Pipeline;

namespace ClaimReconcile.Tests.Pipeline;

/// <summary>
/// The compare stage's table for one group: each pattern's support for each other in both directions (worked out once
/// per pair), closeness, the warning for values that cannot be compared, and the numbering of voices.
/// </summary>
public sealed class JudgementTests
{
    private static readonly Dictionary<string, int> SourceIndex = new(StringComparer.Ordinal) { ["a"] = 0, ["b"] = 1, ["c"] = 2, ["d"] = 3 };

    [Fact]
    public void BuildGroup_EveryPairOfClaims_SupportsAsTheirRelationSays()
    {
        PreparedClaim[] claims =
        [
            Prepared("a", Time(0, 10)),
            Prepared("b", Time(5, 20)),
            Prepared("c", Time(0, 10)),
            Prepared("d", Time(30, 40), negated: true),
            Prepared("a", new SetForm(["x", "y", "z"])),
            Prepared("b", new SetForm(["w", "y", "z"])),
            Prepared("c", new KeyForm("text", "moskau")),
            Prepared("d", new KeyForm("text", "moskau"), negated: true),
        ];

        var group = Judgement.BuildGroup([.. claims], SourceIndex, out _);

        for (var candidate = 0; candidate < claims.Length; candidate++)
        {
            for (var claim = 0; claim < claims.Length; claim++)
            {
                Assert.Equal(ExpectedSupport(claims[candidate], claims[claim], candidate == claim), group.Support(candidate, claim));
            }
        }
    }

    [Fact]
    public void BuildGroup_SameFormSameNegation_SharesOnePattern()
    {
        var group = Judgement.BuildGroup([Prepared("a", Time(0, 10)), Prepared("b", Time(0, 10)), Prepared("c", Time(0, 10), negated: true)], SourceIndex, out _);

        Assert.Equal(1, group.Support(0, 1));
        Assert.Equal(1, group.Support(1, 0));
        Assert.Equal(0, group.Support(0, 2));
        Assert.Equal(0, group.Support(2, 2));
    }

    [Fact]
    public void BuildGroup_CloseDisjointInstants_CloseBothWaysExceptTowardANegatedClaim()
    {
        // Five minutes apart: 0.45 · e^(−(300 s / 300 s)²).
        var group = Judgement.BuildGroup(
            [Prepared("a", Instant(0)), Prepared("b", Instant(300)), Prepared("c", Instant(600), negated: true)], SourceIndex, out _);

        var expected = (double)(float)(Judgement.MaxCloseSupport * Math.Exp(-1));
        Assert.Equal(expected, group.Closeness(0, 1));
        Assert.Equal(expected, group.Closeness(1, 0));
        Assert.Equal(expected, group.Closeness(2, 1));
        Assert.Equal(0, group.Closeness(1, 2));
        Assert.Equal(0, group.Closeness(0, 0));
    }

    [Fact]
    public void BuildGroup_ValuesOfDifferentUnits_WarnsOnceNamingTheFirstPair()
    {
        var group = Judgement.BuildGroup(
            [Prepared("a", Time(0, 10)), Prepared("b", new IntervalForm("m", 0, 10, false, false)), Prepared("c", new IntervalForm("kg", 0, 10, false, false))],
            SourceIndex, out var warning);

        Assert.NotNull(warning);
        Assert.Equal(IssueCodes.IncomparableValues, warning.Code);
        Assert.Equal("b#0", warning.Claim);
        Assert.Equal(0, group.Support(0, 1));
        Assert.Equal(0, group.Support(2, 1));
    }

    [Fact]
    public void BuildGroup_ComparableValues_NoWarning()
    {
        Judgement.BuildGroup([Prepared("a", Time(0, 10)), Prepared("b", Time(20, 30))], SourceIndex, out var warning);

        Assert.Null(warning);
    }

    [Fact]
    public void BuildGroup_VoicesInOrder_NumberedInOnePass()
    {
        var group = Judgement.BuildGroup(
            [Prepared("a", Time(0, 10), voice: "source:a"), Prepared("b", Time(0, 10), voice: "source:a"), Prepared("c", Time(0, 10), voice: "source:c")],
            SourceIndex, out _);

        Assert.Equal(2, group.Voices);
        Assert.Equal<int>([0, 0, 1], group.Claims.Select(c => c.Voice));
        Assert.Equal<int>([0, 1, 2], group.Claims.Select(c => c.Source));
    }

    [Fact]
    public void BuildGroup_VoicesOutOfOrder_NumberedByTheOrdinalOrderOfTheirKeys()
    {
        var group = Judgement.BuildGroup(
        [
            Prepared("b", Time(0, 10), voice: "source:b"),
            Prepared("c", Time(0, 10), voice: "speaker:x"),
            Prepared("a", Time(0, 10), voice: "source:a"),
            Prepared("d", Time(0, 10), voice: "source:b"),
        ],
            SourceIndex, out _);

        // "source:a" < "source:b" < "speaker:x" ordinally ('o' comes before 'p').
        Assert.Equal(3, group.Voices);
        Assert.Equal<int>([1, 2, 0, 1], group.Claims.Select(c => c.Voice));
    }

    /// <summary>What the support of <paramref name="claim"/> for <paramref name="candidate"/> must be, from the relation of their forms.</summary>
    private static double ExpectedSupport(PreparedClaim candidate, PreparedClaim claim, bool same)
    {
        var relation = same ? Relation.Agree : Relation.Compare(candidate.Form, claim.Form);
        var degree = relation.Kind switch
        {
            RelationKind.Agree => 1,
            RelationKind.Partial => relation.Degree,
            _ => 0,
        };
        return claim.Claim.Negated && relation.Kind != RelationKind.Incomparable ? 1 - degree : degree;
    }

    private static PreparedClaim Prepared(string source, Form form, bool negated = false, string? voice = null) =>
        new(Some.Claim(source, Some.Hours(1), negated: negated), $"{source}#0", new Source(source))
        {
            Form = form,
            Voice = voice ?? "source:" + source,
            SubjectKey = "talks",
            PropertyKey = "duration",
        };

    private static IntervalForm Time(double low, double high) => new(Units.Time, low, high, false, false);

    private static IntervalForm Instant(double at) => new(ValueNormalizer.InstantDimension, at, at, false, false);
}
