using ClaimReconcile.Pipeline;
using ClaimReconcile.Serialization;
using ClaimReconcile.Tests.Support;

namespace ClaimReconcile.Tests;

public sealed class ClaimPreparationTests
{
    [Fact]
    public void PrepareAll_ManyClaims_GivesEachClaimWhatPreparingItAloneGives()
    {
        var claims = Enumerable.Range(0, 20_000).Select(i => Some.Claim(
            i % 3 == 0 ? "zeit" : "tsp",
            i % 2 == 0 ? Some.Hours((i % 7) + 1) : ClaimValue.Text($"Name {i % 11}"),
            id: $"c{i}",
            subject: $"q{i % 500}",
            property: i % 5 == 0 ? "Duration" : "duration"));
        var (validation, preparation) = Setup(Some.ClaimSet([.. claims]));

        // Prepared on several threads (three ranges of claims), whatever the default threshold.
        var all = preparation.PrepareAll(validation.Claims, parallelFrom: 1_000);
        var alone = validation.Claims.Select(c => preparation.Prepare(c.Claim, c.Id, c.Source)).ToList();

        // Every claim prepared once, in input order (the preparation fills the validation's own objects in place).
        Assert.Equal(claims.Select(c => c.Id), all.Select(p => p.Id));
        Assert.Equal(alone.Select(p => Describe(p, preparation)), all.Select(p => Describe(p, preparation)));
        Assert.Equal("duration", all[0].PropertyKey);
        Assert.Equal(new KeyForm("text", "name 1"), all[1].Form);
    }

    [Fact]
    public void QuestionOf_GivesTheKeysPreparingGives()
    {
        // A session finds a withdrawn claim by the question it answers, so that key must be the one preparing gave it.
        var (validation, preparation) = Setup(ClaimSetJson.Read(File.ReadAllText(TestPaths.WorkedExample)).ClaimSet);

        var prepared = preparation.PrepareAll(validation.Claims);

        Assert.Equal(prepared.Select(p => (p.SubjectKey, p.PropertyKey)), prepared.Select(p => preparation.QuestionOf(p.Claim)));
        Assert.Contains(prepared, p => p.SubjectKey != TextFolding.Fold(p.Claim.Subject));
        Assert.Equal(("talks", "duration"), preparation.QuestionOf(Some.Claim("zeit", Some.Hours(5), subject: "Talks", property: "Duration")));
    }

    [Fact]
    public void Prepare_DerivedSourceAndSpeaker_SpeakAsTheFamilyRootAndAsTheSpeaker()
    {
        var set = new ClaimSet(
            [Some.Source("zeit", "afp"), Some.Source("afp")],
            [Some.Claim("zeit", Some.Hours(5), id: "z"), Some.Claim("zeit", Some.Hours(5), id: "u", speaker: "Uschakow")]);
        var (validation, preparation) = Setup(set);

        var prepared = preparation.PrepareAll(validation.Claims);

        Assert.Equal(["source:afp", "speaker:uschakow"], prepared.Select(p => p.Voice));
        Assert.Equal([null, "uschakow"], prepared.Select(p => p.SpeakerKey));
        Assert.All(prepared, p => Assert.Equal(Some.PublishedOn, preparation.AsOf(p)));
    }

    private static (Validation Validation, ClaimPreparation Preparation) Setup(ClaimSet set)
    {
        var validation = Validation.Run(set);
        return (validation, ClaimPreparation.For(validation, HedgeTable.Default, Some.Clock.GetCurrentInstant()));
    }

    private static string Describe(PreparedClaim p, ClaimPreparation preparation) =>
        $"{p.Id} {p.SubjectKey} {p.PropertyKey} {p.Voice} {p.ScopeKind} {p.ScopeKey} {preparation.AsOf(p)} {p.Form}";
}
