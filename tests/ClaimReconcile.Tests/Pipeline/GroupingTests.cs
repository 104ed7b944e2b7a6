using ClaimReconcile.Pipeline;
using NodaTime;

namespace ClaimReconcile.Tests;

public sealed class GroupingTests
{
    private static readonly LocalDate Aug6 = new(2025, 8, 6);
    private static readonly LocalDate Dec2 = new(2025, 12, 2);

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(601)]
    public void Build_InTwoHalves_SameAsInOnePass(int claims)
    {
        // Claims in no order, so that both halves meet most questions; every fifth is scoped to a day of its own.
        var random = new Random(claims);
        var builder = ClaimSet.CreateBuilder().AddSource("a").AddSource("b").AddSource("c");
        foreach (var i in Enumerable.Range(0, claims).OrderBy(_ => random.Next()))
        {
            var scope = i % 5 == 0 ? ClaimScope.During(TemporalValue.OnDay(Aug6.PlusDays(i % 3))) : null;
            builder.AddClaim(((char)('a' + (i % 3))).ToString(), $"q{i % 37}", i % 2 == 0 ? "height" : "age", Some.Hours(i % 4), scope, id: $"c{i:D4}");
        }

        var set = builder.Build();
        var validation = Validation.Run(set);
        var prepared = ClaimPreparation.For(validation, HedgeTable.Default, Some.Clock.GetCurrentInstant()).PrepareAll(validation.Claims);
        static string[] Shape(List<(string Subject, string Property, string? Scope, List<PreparedClaim> Claims)> groups) =>
            [.. groups.Select(g => $"{g.Subject} {g.Property} {g.Scope}: {string.Join(" ", g.Claims.Select(c => c.Id))}")];

        var onePass = Shape(Grouping.Build(prepared, parallelFrom: int.MaxValue));
        var halves = Shape(Grouping.Build(prepared, parallelFrom: 0));

        Assert.Equal(onePass, halves);
        Assert.Equal(claims, onePass.Sum(g => g.Split(' ').Length - 3));
    }

    [Fact]
    public void Build_AugustAndDecemberEvents_NeverShareAGroup()
    {
        var set = ClaimSet.CreateBuilder()
            .AddSource("zeit").AddSource("tsp")
            .AddEvent("august-talks", Aug6).AddEvent("december-talks", Dec2)
            .AddClaim("zeit", "witkoff-putin", "duration", Some.Hours(3, Hedge.About), ClaimScope.ForEvent("august-talks"), id: "zeit-1")
            .AddClaim("tsp", "witkoff-putin", "duration", Some.Hours(5), ClaimScope.ForEvent("december-talks"), id: "tsp-1")
            .Build();

        var report = Some.Reconcile(set);

        Assert.Equal(2, report.Groups.Length);
        Assert.Equal(["event:august-talks", "event:december-talks"], report.Groups.Select(g => g.Scope));
        Assert.All(report.Groups, g => Assert.Equal(Verdict.SingleSource, g.Verdict));
        Assert.Equal(0, report.Summary.Conflicts);
    }

    [Fact]
    public void Build_SameEventScope_GroupsAndCompares()
    {
        var set = ClaimSet.CreateBuilder()
            .AddSource("zeit").AddSource("tsp")
            .AddEvent("december-talks", Dec2)
            .AddClaim("zeit", "witkoff-putin", "duration", Some.Hours(3, Hedge.About), ClaimScope.ForEvent("december-talks"), id: "zeit-1")
            .AddClaim("tsp", "witkoff-putin", "duration", Some.Hours(5), ClaimScope.ForEvent("december-talks"), id: "tsp-1")
            .Build();

        var group = Assert.Single(Some.Reconcile(set).Groups);

        Assert.Equal(Verdict.Conflict, group.Verdict);
    }

    [Fact]
    public void Build_OverlappingWhenWindows_GroupTogether()
    {
        var set = Some.ClaimSet(
            Some.Claim("zeit", Some.Hours(5), "zeit-1", scope: ClaimScope.During(TemporalValue.InMonth(new YearMonth(2025, 12)))),
            Some.Claim("tsp", Some.Hours(5, Hedge.Almost), "tsp-1", scope: ClaimScope.During(TemporalValue.OnDay(Dec2))));

        var group = Assert.Single(Some.Reconcile(set).Groups);

        Assert.Equal("when:2025-12-01/2025-12-31", group.Scope);
        Assert.Equal(Verdict.Agreement, group.Verdict);
    }

    [Fact]
    public void Build_DisjointWhenWindows_FormSeparateGroups()
    {
        var set = Some.ClaimSet(
            Some.Claim("zeit", Some.Hours(3), "zeit-1", scope: ClaimScope.During(TemporalValue.OnDay(Aug6))),
            Some.Claim("tsp", Some.Hours(5), "tsp-1", scope: ClaimScope.During(TemporalValue.OnDay(Dec2))));

        var report = Some.Reconcile(set);

        Assert.Equal(["when:2025-08-06", "when:2025-12-02"], report.Groups.Select(g => g.Scope));
    }

    [Fact]
    public void Build_AdjacentDays_DoNotOverlap()
    {
        var set = Some.ClaimSet(
            Some.Claim("zeit", Some.Hours(3), "zeit-1", scope: ClaimScope.During(TemporalValue.OnDay(Dec2))),
            Some.Claim("tsp", Some.Hours(5), "tsp-1", scope: ClaimScope.During(TemporalValue.OnDay(Dec2.PlusDays(1)))));

        Assert.Equal(2, Some.Reconcile(set).Groups.Length);
    }

    [Fact]
    public void Build_WhenOverlappingEventDate_JoinsTheEventGroup()
    {
        var set = ClaimSet.CreateBuilder()
            .AddSource("zeit").AddSource("tsp")
            .AddEvent("december-talks", Dec2)
            .AddClaim("zeit", "talks", "duration", Some.Hours(5), ClaimScope.ForEvent("december-talks"), id: "zeit-1")
            .AddClaim("tsp", "talks", "duration", Some.Hours(5, Hedge.Almost), ClaimScope.During(TemporalValue.OnPartOfDay(Dec2, PartOfDay.Evening)), id: "tsp-1")
            .Build();

        var group = Assert.Single(Some.Reconcile(set).Groups);

        Assert.Equal("event:december-talks", group.Scope);
        Assert.Equal(["tsp-1", "zeit-1"], group.Claims.Select(c => c.Id));
    }

    [Fact]
    public void Build_WhenOutsideEventDate_StaysApart()
    {
        var set = ClaimSet.CreateBuilder()
            .AddSource("zeit").AddSource("tsp")
            .AddEvent("december-talks", Dec2)
            .AddClaim("zeit", "talks", "duration", Some.Hours(5), ClaimScope.ForEvent("december-talks"), id: "zeit-1")
            .AddClaim("tsp", "talks", "duration", Some.Hours(3), ClaimScope.During(TemporalValue.OnDay(Aug6)), id: "tsp-1")
            .Build();

        var report = Some.Reconcile(set);

        Assert.Equal(["event:december-talks", "when:2025-08-06"], report.Groups.Select(g => g.Scope));
    }

    [Fact]
    public void Build_DifferentAsOfDates_FormSeparateGroups()
    {
        var set = Some.ClaimSet(
            Some.Claim("zeit", ClaimValue.Text("Sondergesandter"), "zeit-1", property: "role", scope: ClaimScope.AsOfDate(Aug6)),
            Some.Claim("tsp", ClaimValue.Text("Minister"), "tsp-1", property: "role", scope: ClaimScope.AsOfDate(Dec2)));

        var report = Some.Reconcile(set);

        Assert.Equal(["asOf:2025-08-06", "asOf:2025-12-02"], report.Groups.Select(g => g.Scope));
    }

    [Fact]
    public void Build_AgesAsOfDifferentDates_StillCompareInOneGroup()
    {
        var set = Some.ClaimSet(
            Some.Claim("zeit", NumberValue.Of(68, "year"), "zeit-1", subject: "ushakov", property: "age", scope: ClaimScope.AsOfDate(new LocalDate(2025, 8, 7))),
            Some.Claim("tsp", NumberValue.Of(68, "year"), "tsp-1", subject: "ushakov", property: "age", scope: ClaimScope.AsOfDate(new LocalDate(2025, 12, 3))));

        var group = Assert.Single(Some.Reconcile(set).Groups);

        Assert.Null(group.Scope);
        Assert.Equal(Verdict.Agreement, group.Verdict);
    }

    [Fact]
    public void Build_PropertyCase_IsIgnored()
    {
        var set = Some.ClaimSet(
            Some.Claim("zeit", Some.Hours(5), "zeit-1", property: "Duration"),
            Some.Claim("tsp", Some.Hours(5), "tsp-1", property: "duration "));

        Assert.Equal("duration", Assert.Single(Some.Reconcile(set).Groups).Property);
    }

    [Fact]
    public void Build_Groups_AreOrderedBySubjectPropertyScope()
    {
        var set = Some.ClaimSet(
            Some.Claim("zeit", Some.Hours(5), "a", subject: "zz"),
            Some.Claim("zeit", Some.Hours(5), "b", subject: "aa", property: "z"),
            Some.Claim("zeit", Some.Hours(5), "c", subject: "aa", property: "a"));

        Assert.Equal(["aa.a", "aa.z", "zz.duration"], Some.Reconcile(set).Groups.Select(g => $"{g.Subject}.{g.Property}"));
    }

    [Fact]
    public void Build_ClaimsOfAQuestionOutOfIdOrder_AreOrderedByIdInEveryGroup()
    {
        // Question "a" is written in id order, "b" is not (and interleaved with "a"), "c" is split by scope with its
        // ids out of order.
        var set = Some.ClaimSet(
            Some.Claim("zeit", Some.Hours(5), "a1", subject: "a"),
            Some.Claim("tsp", Some.Hours(5), "b3", subject: "b"),
            Some.Claim("tsp", Some.Hours(5), "a2", subject: "a"),
            Some.Claim("zeit", Some.Hours(5), "b1", subject: "b"),
            Some.Claim("presse", Some.Hours(5), "b2", subject: "b"),
            Some.Claim("zeit", Some.Hours(5), "c4", subject: "c", scope: ClaimScope.AsOfDate(Dec2)),
            Some.Claim("tsp", Some.Hours(5), "c3", subject: "c"),
            Some.Claim("presse", Some.Hours(5), "c2", subject: "c", scope: ClaimScope.AsOfDate(Dec2)),
            Some.Claim("bild", Some.Hours(5), "c1", subject: "c"));

        Assert.Equal(["a: a1 a2", "b: b1 b2 b3", "c: c1 c3", "c: c2 c4"],
            Some.Reconcile(set).Groups.Select(g => $"{g.Subject}: {string.Join(' ', g.Claims.Select(c => c.Id))}"));
    }
}
