using ClaimReconcile.Pipeline;
using ClaimReconcile.Serialization;

namespace ClaimReconcile.Tests;

public sealed class ReconcilerTests
{
    private static readonly string[] Claims =
    [
        Some.ClaimJson("zeit", """{"duration": "PT5H", "hedge": "almost"}""", "zeit-1", extra: "\"scope\": {\"event\": \"moscow-talks\"}"),
        Some.ClaimJson("tsp", """{"number": 300, "unit": "min"}""", "tsp-1", extra: "\"scope\": {\"event\": \"moscow-talks\"}"),
        Some.ClaimJson("presse", """{"duration": "PT5H"}""", "presse-1", extra: "\"scope\": {\"when\": \"2025-12-02\"}"),
        Some.ClaimJson("bild", """{"duration": "PT3H", "hedge": "about"}""", "bild-1", extra: "\"scope\": {\"event\": \"moscow-talks\"}"),
        Some.ClaimJson("zeit", """{"number": 68, "unit": "year"}""", "zeit-2", subject: "ushakov", property: "age"),
        Some.ClaimJson("tsp", """{"number": 78, "unit": "year"}""", "tsp-2", subject: "Uschakow", property: "age"),
        Some.ClaimJson("bild", """{"set": ["Witkoff", "Kushner"]}""", "bild-2", property: "participants"),
        Some.ClaimJson("presse", """{"set": ["kushner", "witkoff"]}""", "presse-2", property: "participants"),
        Some.ClaimJson("zeit", """{"boolean": false}""", "zeit-3", property: "breakthrough", extra: "\"speaker\": \"ushakov\""),
        Some.ClaimJson("presse", """{"text": "Moskau"}""", "presse-3", property: "place"),
        Some.ClaimJson("nyt", """{"text": "Moskau"}""", "nyt-1", property: "place"),
        Some.ClaimJson("zeit", """{"value": 3}""", "zeit-4", property: "place"),
    ];

    private static readonly string[] Sources =
    [
        Some.SourceJson("zeit", "\"derivedFrom\": [\"afp\"]"),
        Some.SourceJson("tsp", "\"prior\": 0.8"),
        Some.SourceJson("presse", "\"derivedFrom\": [\"afp\"]"),
        Some.SourceJson("bild"),
        Some.SourceJson("afp", "\"timeZone\": \"Europe/Paris\""),
    ];

    private static readonly string[] Events = [Some.EventJson("moscow-talks", "2025-12-02")];

    private static readonly string[] Entities = ["""{"id": "ushakov", "label": "Juri Uschakow", "aliases": ["Uschakow", "Ushakov"]}"""];

    [Fact]
    public void Reconcile_AgesStatedADayApart_ExplainTheGapInDays()
    {
        // 54 on 24 November puts the birth in (1970-11-24, 1971-11-24]; 53 on 26 November puts it in
        // (1971-11-26, 1972-11-26]: a conflict by two days, not by "0 years".
        var report = Some.Reconcile("""
            {"format": "claimset/1",
             "sources": [{"id": "a", "published": "2025-11-24"}, {"id": "b", "published": "2025-11-24"}, {"id": "c", "published": "2025-11-26"}],
             "claims": [
               {"id": "a-1", "source": "a", "subject": "Andrij Jermak", "property": "age", "value": {"number": 54, "unit": "year"}},
               {"id": "b-1", "source": "b", "subject": "Andrij Jermak", "property": "age", "value": {"number": 54, "unit": "year"}},
               {"id": "c-1", "source": "c", "subject": "Andrij Jermak", "property": "age", "value": {"number": 53, "unit": "year"}}]}
            """);

        var group = Assert.Single(report.Groups);
        Assert.Equal(Verdict.Conflict, group.Verdict);
        Assert.EndsWith("but c says 53 year, 2 days below it.", group.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Reconcile_MixedInput_AccountsForEveryClaim()
    {
        var report = Some.Reconcile(Some.Json(Sources, Claims, Events, Entities));

        Assert.Equal(Claims.Length, report.Summary.Claims);
        Assert.Equal(report.Summary.Claims, report.Summary.GroupedClaims + report.Summary.RejectedClaims);
        Assert.Equal(2, report.Summary.RejectedClaims);
        Assert.Equal(report.Summary.GroupedClaims, report.Groups.Sum(g => g.Claims.Length));
        Assert.Equal(Claims.Length, report.Groups.SelectMany(g => g.Claims).Select(c => c.Id)
            .Concat(report.Issues.Where(i => i.Severity == IssueSeverity.Error).Select(i => i.Claim!)).Distinct().Count());
    }

    [Fact]
    public void Reconcile_ShuffledArrays_GiveByteIdenticalJson()
    {
        var expected = ReportJson.Write(Some.Reconcile(Some.Json(Sources, Claims.Where(c => !c.Contains("nyt") && !c.Contains("zeit-4")), Events, Entities)));
        var random = new Random(20251203);
        for (var round = 0; round < 10; round++)
        {
            var json = Some.Json(Shuffle(Sources, random), Shuffle(Claims.Where(c => !c.Contains("nyt") && !c.Contains("zeit-4")), random), Events, Entities);

            Assert.Equal(expected, ReportJson.Write(Some.Reconcile(json)));
        }
    }

    [Fact]
    public void Build_WithAStageObserver_NamesEveryStageOnceInOrder_AndReportsTheSame()
    {
        var read = ClaimSetJson.Read(Some.Json(Sources, Claims, Events, Entities));
        var reconciler = new Reconciler(clock: Some.Clock);
        var stages = new List<RunStage>();

        var observed = reconciler.Build(read.ClaimSet, read.Issues, read.RejectedClaims, keep: false, stageDone: stages.Add).Report;

        Assert.Equal([RunStage.Front, RunStage.Group, RunStage.Compare, RunStage.Estimate, RunStage.Judge, RunStage.Report], stages);
        Assert.Equal(Enum.GetValues<RunStage>(), stages);
        Assert.Equal(ReportJson.Write(reconciler.Reconcile(read)), ReportJson.Write(observed));
    }

    [Fact]
    public void Reconcile_SameInputTwice_GivesSameJson()
    {
        var json = Some.Json(Sources, Claims, Events, Entities);

        Assert.Equal(ReportJson.Write(Some.Reconcile(json)), ReportJson.Write(Some.Reconcile(json)));
    }

    [Fact]
    public void Reconcile_AgreeingIndependentSources_AgreementAndSupported()
    {
        var report = Some.Reconcile(Some.ClaimSet(
            Some.Claim("zeit", Some.Hours(5, Hedge.Almost), "zeit-1"),
            Some.Claim("tsp", NumberValue.Of(300, "min"), "tsp-1")));

        var group = Assert.Single(report.Groups);
        Assert.Equal(Verdict.Agreement, group.Verdict);
        Assert.Equal(2, group.IndependentSources);
        Assert.All(group.Claims, c => Assert.Equal(ClaimStatus.Supported, c.Status));
        Assert.Equal(1, report.Summary.Agreements);
        Assert.Contains("agree", group.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Reconcile_ConflictingSources_ConflictWithContradictedClaim()
    {
        var report = Some.Reconcile(Some.ClaimSet(
            Some.Claim("zeit", Some.Hours(5, Hedge.Almost), "zeit-1"),
            Some.Claim("tsp", Some.Hours(5), "tsp-1"),
            Some.Claim("bild", Some.Hours(3, Hedge.About), "bild-1")));

        var group = Assert.Single(report.Groups);
        Assert.Equal(Verdict.Conflict, group.Verdict);
        Assert.Equal(ClaimStatus.Contradicted, group.Claims.Single(c => c.Id == "bild-1").Status);
        Assert.Equal(1, report.Summary.Conflicts);
    }

    [Fact]
    public void Reconcile_OneSource_SingleSourceAndUncorroborated()
    {
        var report = Some.Reconcile(Some.ClaimSet(Some.Claim("zeit", Some.Hours(5), "zeit-1")));

        var group = Assert.Single(report.Groups);
        Assert.Equal(Verdict.SingleSource, group.Verdict);
        Assert.Equal(ClaimStatus.Uncorroborated, Assert.Single(group.Claims).Status);
        Assert.Equal(Some.Hours(5), group.Consensus);
        Assert.Equal(1, report.Summary.SingleSource);
        Assert.StartsWith("Only zeit says 5 h", group.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Reconcile_TwoWireCopies_SingleSource()
    {
        var set = new ClaimSet(
            [Some.Source("zeit", "afp"), Some.Source("tsp", "afp")],
            [Some.Claim("zeit", Some.Hours(5), "zeit-1"), Some.Claim("tsp", Some.Hours(5), "tsp-1")]);

        var group = Assert.Single(Some.Reconcile(set).Groups);

        Assert.Equal(Verdict.SingleSource, group.Verdict);
        Assert.Equal(1, group.IndependentSources);
    }

    [Fact]
    public void Reconcile_ClaimWithoutId_IsNamedSourceAndIndex()
    {
        var report = Some.Reconcile(Some.ClaimSet(Some.Claim("zeit", Some.Hours(5)), Some.Claim("tsp", Some.Hours(5))));

        Assert.Equal(["tsp#1", "zeit#0"], Assert.Single(report.Groups).Claims.Select(c => c.Id));
    }

    [Fact]
    public void Reconcile_Sources_OrderedByIdWithClaimCounts()
    {
        var report = Some.Reconcile(Some.ClaimSet(
            Some.Claim("zeit", Some.Hours(5), "zeit-1"), Some.Claim("zeit", ClaimValue.Text("Moskau"), "zeit-2", property: "place"),
            Some.Claim("bild", Some.Hours(5), "bild-1")));

        Assert.Equal(["bild", "zeit"], report.Sources.Select(s => s.Id));
        Assert.Equal([1, 2], report.Sources.Select(s => s.Claims));
    }

    [Fact]
    public void Reconcile_FindGroup_MatchesIgnoringCase()
    {
        var report = Some.Reconcile(Some.ClaimSet(Some.Claim("zeit", Some.Hours(5), "zeit-1")));

        Assert.NotNull(report.FindGroup("TALKS", "Duration"));
        Assert.Null(report.FindGroup("talks", "place"));
    }

    [Fact]
    public void Constructor_NullOptions_ThrowArgumentExceptionListingAll()
    {
        var options = new ReconcilerOptions { Hedges = null!, TruthDiscovery = new() { MaxIterations = 0, DefaultPrior = 1 } };

        var error = Assert.Throws<ArgumentException>(() => new Reconciler(options));

        Assert.Contains("Hedges", error.Message, StringComparison.Ordinal);
        Assert.Contains("TruthDiscovery.MaxIterations", error.Message, StringComparison.Ordinal);
        Assert.Contains("TruthDiscovery.DefaultPrior", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reconcile_AgeWithoutPublicationDate_UsesClock()
    {
        var set = new ClaimSet(
            [new Source("zeit"), new Source("tsp") { PublishedOn = new NodaTime.LocalDate(2025, 12, 10) }],
            [Some.Claim("zeit", NumberValue.Of(44, "year"), "zeit-1", property: "age"), Some.Claim("tsp", NumberValue.Of(44, "year"), "tsp-1", property: "age")]);

        Assert.Equal(Verdict.Agreement, Assert.Single(Some.Reconcile(set).Groups).Verdict);
    }

    private static List<string> Shuffle(IEnumerable<string> items, Random random)
    {
        var list = items.ToList();
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }

        return list;
    }
}
