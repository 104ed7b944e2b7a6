using System.Collections.Immutable;
using ClaimReconcile.Estimation;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace ClaimReconcile.Tests;

public sealed class TruthDiscoveryEstimatorTests
{
    private static readonly Reconciler TruthDiscovery = new(new ReconcilerOptions(), Some.Clock);
    private static readonly Reconciler Vote = new(new ReconcilerOptions { Estimator = MajorityVoteEstimator.Instance }, Some.Clock);

    [Fact]
    public void Reconciler_Default_IsTruthDiscovery()
    {
        Assert.Equal("truth-discovery", new Reconciler().Estimator.Name);
        Assert.IsType<TruthDiscoveryEstimator>(new Reconciler().Estimator);
    }

    [Fact]
    public void AddClaimReconcile_Default_IsTruthDiscoveryWithConfiguredOptions()
    {
        using var plain = new ServiceCollection().AddClaimReconcile().BuildServiceProvider();
        using var vote = new ServiceCollection().AddClaimReconcile(o => o.Estimator = MajorityVoteEstimator.Instance).BuildServiceProvider();
        using var invalid = new ServiceCollection().AddClaimReconcile(o => o.TruthDiscovery.MaxIterations = 0).BuildServiceProvider();

        Assert.IsType<TruthDiscoveryEstimator>(plain.GetRequiredService<Reconciler>().Estimator);
        Assert.Same(MajorityVoteEstimator.Instance, vote.GetRequiredService<Reconciler>().Estimator);
        Assert.Throws<ArgumentException>(() => invalid.GetRequiredService<Reconciler>());
    }

    [Fact]
    public void Reconcile_ReliableMinorityWithHistory_BeatsUnreliableMajority()
    {
        // History: "good" agrees with two referees on six questions; "bad1" and "bad2" are wrong, each in its own way.
        var builder = Sources("good", "bad1", "bad2", "ref1", "ref2");
        for (var q = 0; q < 6; q++)
        {
            Say(builder, $"q{q}", ("good", "right"), ("ref1", "right"), ("ref2", "right"), ("bad1", $"wrong-a{q}"), ("bad2", $"wrong-b{q}"));
        }

        // Then a question the referees do not answer: the two unreliable sources outnumber the reliable one.
        Say(builder, "target", ("good", "x"), ("bad1", "y"), ("bad2", "y"));
        var claims = builder.Build();

        Assert.Equal("y", Consensus(Vote.Reconcile(claims), "target"));
        var report = TruthDiscovery.Reconcile(claims);
        Assert.Equal("x", Consensus(report, "target"));
        Assert.True(Reliability(report, "good") > 0.8);
        Assert.True(Reliability(report, "bad1") < 0.4);
        var target = Group(report, "target");
        Assert.Equal(ClaimStatus.Supported, target.Claims.Single(c => c.Claim.Source == "good").Status);
        Assert.True(target.Claims.Single(c => c.Claim.Source == "good").Confidence > target.Claims.Single(c => c.Claim.Source == "bad1").Confidence);
        Assert.Equal("1 of 3 independent sources support “x”, but bad1 says “y” and bad2 says “y”; its sources have proven more reliable on other questions.", target.Explanation);
    }

    [Fact]
    public void Reconcile_NoHistory_BehavesLikeAWeightedVote()
    {
        var claims = Say(Sources("a", "b", "c"), "q", ("a", "x"), ("b", "x"), ("c", "y")).Build();

        var group = Group(TruthDiscovery.Reconcile(claims), "q");

        Assert.Equal("x", ((TextValue)group.Consensus!).Value);
        Assert.InRange(group.Confidence!.Value, 0.5, 1);
        Assert.Equal(Verdict.Conflict, group.Verdict);
    }

    [Fact]
    public void Reconcile_CopiedFalsehoods_DoNotWin()
    {
        // "orig" and its three copiers give the very same values everywhere, false ones included. On the history
        // questions five honest sources outvote them; on the target only three honest sources speak.
        var claims = CopiedHistory(withTarget: true).Build();

        Assert.Equal("rumour", Consensus(Vote.Reconcile(claims), "target"));
        var report = TruthDiscovery.Reconcile(claims);
        Assert.Equal("fact", Consensus(report, "target"));

        var copier = report.Sources.Single(s => s.Id == "copy1");
        Assert.Contains(copier.DetectedDependence, d => d.Source == "orig");
        var dependence = copier.DetectedDependence.Single(d => d.Source == "orig");
        Assert.True(dependence.Probability > 0.5);
        Assert.Equal(9, dependence.CommonQuestions);
        Assert.Equal(9, dependence.SharedValues);
        Assert.Contains("same value as orig on 9 of 9 common questions", dependence.Reason, StringComparison.Ordinal);
        Assert.Empty(report.Sources.Single(s => s.Id == "h1").DetectedDependence);
    }

    [Fact]
    public void Reports_DetectedDependence_ShowTheEvidence()
    {
        var report = TruthDiscovery.Reconcile(CopiedHistory(withTarget: false).Build());
        var json = ClaimReconcile.Serialization.ReportJson.Write(report);
        var text = ClaimReconcile.Rendering.TextReport.Render(report);

        Assert.Contains("\"detectedDependence\": [", json, StringComparison.Ordinal);
        Assert.Contains("\"reason\": \"same value as copy1 on 8 of 8 common questions, 4 of them judged false\"", json, StringComparison.Ordinal);
        Assert.Contains("judged dependent on copy1 (1.00): same value as copy1 on 8 of 8 common questions, 4 of them judged false", text, StringComparison.Ordinal);
        Assert.DoesNotContain("judged dependent on h", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Reconcile_CopyDetectionOff_CopiedMajorityKeepsMoreWeight()
    {
        var claims = CopiedHistory(withTarget: true).Build();
        var off = new Reconciler(new ReconcilerOptions { TruthDiscovery = new() { DetectCopying = false } }, Some.Clock);

        var withDetection = Group(TruthDiscovery.Reconcile(claims), "target");
        var without = Group(off.Reconcile(claims), "target");

        Assert.All(off.Reconcile(claims).Sources, s => Assert.Empty(s.DetectedDependence));
        var factWith = withDetection.Claims.First(c => c.Claim.Source == "h1").Confidence;
        var factWithout = without.Claims.First(c => c.Claim.Source == "h1").Confidence;
        Assert.True(factWith > factWithout, $"{factWith} should exceed {factWithout}");
    }

    [Fact]
    public void Reconcile_CloseButDifferentNumbers_DoNotLookCopied()
    {
        // Two sources always within a minute of each other and of the referees, never identical.
        var builder = Sources("a", "b", "r1", "r2");
        var day = Instant.FromUtc(2025, 12, 2, 0, 0);
        for (var q = 0; q < 10; q++)
        {
            var at = day + Duration.FromHours(q);
            builder.AddClaim("a", $"q{q}", "departure", TemporalValue.AtInstant(at + Duration.FromSeconds(40)));
            builder.AddClaim("b", $"q{q}", "departure", TemporalValue.AtInstant(at + Duration.FromSeconds(50)));
            builder.AddClaim("r1", $"q{q}", "departure", TemporalValue.AtInstant(at));
            builder.AddClaim("r2", $"q{q}", "departure", TemporalValue.AtInstant(at));
        }

        var report = TruthDiscovery.Reconcile(builder.Build());

        Assert.All(report.Sources.Where(s => s.Id is "a" or "b"), s => Assert.Empty(s.DetectedDependence));
    }

    [Fact]
    public void Reconcile_CloseValues_SupportTheirNeighbour()
    {
        // 5:00 p.m. is close to both 4:55 p.m. and 5:02 p.m.; 8:00 p.m. is far from all. One voice each.
        var day = Instant.FromUtc(2025, 12, 2, 0, 0);
        var builder = Sources("a", "b", "c", "d");
        builder.AddClaim("a", "talks", "start", TemporalValue.AtInstant(day + Duration.FromMinutes((16 * 60) + 55)));
        builder.AddClaim("b", "talks", "start", TemporalValue.AtInstant(day + Duration.FromHours(17)));
        builder.AddClaim("c", "talks", "start", TemporalValue.AtInstant(day + Duration.FromMinutes((17 * 60) + 2)));
        builder.AddClaim("d", "talks", "start", TemporalValue.AtInstant(day + Duration.FromHours(20)));
        var claims = builder.Build();

        Assert.Null(Vote.Reconcile(claims).Groups.Single().Consensus);
        var group = TruthDiscovery.Reconcile(claims).Groups.Single();

        Assert.Equal(day + Duration.FromHours(17), ((TemporalValue)group.Consensus!).Instant);
        Assert.Equal(Verdict.Conflict, group.Verdict);
        Assert.All(group.Claims.Where(c => c.Claim.Source != "b"), c => Assert.Equal(ClaimStatus.Contradicted, c.Status));
    }

    [Theory]
    [MemberData(nameof(ValueKinds))]
    public void Reconcile_EveryValueKind_PicksTheBetterSupportedValue(string kind, ClaimValue right, ClaimValue wrong)
    {
        var claims = Sources("a", "b", "c").AddClaim("a", "s", kind, right).AddClaim("b", "s", kind, right).AddClaim("c", "s", kind, wrong).Build();

        var group = TruthDiscovery.Reconcile(claims).Groups.Single();

        Assert.Equal(right, group.Consensus);
        Assert.InRange(group.Confidence!.Value, 0.5, 1);
        Assert.All(group.Claims, c => Assert.InRange(c.Confidence, 0, 1));
        Assert.True(group.Claims.Single(c => c.Claim.Source == "a").Confidence > group.Claims.Single(c => c.Claim.Source == "c").Confidence);
    }

    public static TheoryData<string, ClaimValue, ClaimValue> ValueKinds() => new()
    {
        { "number", ClaimValue.Number(42, "km"), ClaimValue.Number(57, "km") },
        { "duration", ClaimValue.Duration(Duration.FromHours(5)), ClaimValue.Duration(Duration.FromHours(3)) },
        { "date", ClaimValue.Date(new LocalDate(2025, 12, 2)), ClaimValue.Date(new LocalDate(2025, 11, 20)) },
        { "instant", TemporalValue.AtInstant(Instant.FromUtc(2025, 12, 2, 17, 0)), TemporalValue.AtInstant(Instant.FromUtc(2025, 12, 2, 21, 0)) },
        { "text", ClaimValue.Text("Präsident"), ClaimValue.Text("Ex-Präsident") },
        { "entity", ClaimValue.Entity("Witkoff"), ClaimValue.Entity("Kushner") },
        { "boolean", ClaimValue.Boolean(true), ClaimValue.Boolean(false) },
        { "authors", ClaimValue.Set("knuth", "larson"), ClaimValue.Set("abrahams") },
    };

    [Fact]
    public void Reconcile_OverlappingSets_PartlySupportTheFullList()
    {
        // One source names both authors, two name one each: the full list is the value both partial ones overlap.
        var claims = Sources("a", "b", "c")
            .AddClaim("a", "book", "authors", ClaimValue.Set("knuth", "larson"))
            .AddClaim("b", "book", "authors", ClaimValue.Set("knuth"))
            .AddClaim("c", "book", "authors", ClaimValue.Set("larson"))
            .Build();

        var group = TruthDiscovery.Reconcile(claims).Groups.Single();

        Assert.Equal(ClaimValue.Set("knuth", "larson"), group.Consensus);
    }

    [Fact]
    public void Estimate_ManyGroups_ConvergesAndIsDeterministic()
    {
        var claims = Sources("a", "b", "c", "d");
        var random = new Random(7);
        for (var q = 0; q < 40; q++)
        {
            foreach (var source in new[] { "a", "b", "c", "d" })
            {
                var right = random.NextDouble() < (source == "d" ? 0.3 : 0.85);
                claims.AddClaim(source, $"q{q:00}", "p", ClaimValue.Text(right ? "t" : $"f{random.Next(3)}"), id: $"{source}-{q:00}");
            }
        }

        var set = claims.Build();
        var shuffled = new ClaimSet(set.Sources.Reverse().ToImmutableArray(), [.. set.Claims.OrderBy(c => c.Id!.GetHashCode(StringComparison.Ordinal))]);
        var first = ClaimReconcile.Serialization.ReportJson.Write(TruthDiscovery.Reconcile(set));
        var second = ClaimReconcile.Serialization.ReportJson.Write(TruthDiscovery.Reconcile(shuffled));
        var fewIterations = new Reconciler(new ReconcilerOptions { TruthDiscovery = new() { MaxIterations = 200, Tolerance = 1e-12 } }, Some.Clock).Reconcile(set);
        var report = TruthDiscovery.Reconcile(set);

        Assert.Equal(first, second);
        Assert.True(Reliability(report, "d") < Reliability(report, "a"));
        foreach (var source in report.Sources)
        {
            // Run to a much tighter tolerance, the reliabilities barely move: the default has converged.
            Assert.Equal(source.Reliability, Reliability(fewIterations, source.Id), 2);
        }
    }

    [Fact]
    public void Reconcile_CopiedCliqueWinsMostVotes_DefaultKeepsTheEarlyLook()
    {
        // The clique outvotes the three honest sources on eight targets; only three history questions, where six
        // honest sources speak, show it sharing false values. Looked for after the first estimate, the clique has
        // already won its own reliability; looked for first, it is caught. The default keeps the better explanation.
        var claims = CliqueMajority().Build();
        Reconciler Order(bool? first) => new(new ReconcilerOptions { TruthDiscovery = new() { DetectCopyingFirst = first } }, Some.Clock);

        var after = Order(false).Reconcile(claims);
        var before = Order(true).Reconcile(claims);
        var chosen = TruthDiscovery.Reconcile(claims);

        Assert.Equal("rumour0", Consensus(Vote.Reconcile(claims), "t0"));
        Assert.Equal("rumour0", Consensus(after, "t0"));
        Assert.Equal("fact", Consensus(before, "t0"));
        Assert.Equal(ClaimReconcile.Serialization.ReportJson.Write(before), ClaimReconcile.Serialization.ReportJson.Write(chosen));
        Assert.Contains(chosen.Sources.Single(s => s.Id == "copy1").DetectedDependence, d => d.Source == "orig");
    }

    [Fact]
    public void Estimate_BothOrders_KeepsTheStateWithTheHigherLikelihood()
    {
        var problem = Problem(CliqueMajority().Build());
        var estimator = TruthDiscoveryEstimator.Default;
        var before = new TruthDiscoveryEstimator(new TruthDiscoveryOptions { DetectCopyingFirst = true }).Estimate(problem);
        var after = new TruthDiscoveryEstimator(new TruthDiscoveryOptions { DetectCopyingFirst = false }).Estimate(problem);

        var beforeScore = estimator.LogLikelihood(problem, before);
        var afterScore = estimator.LogLikelihood(problem, after);

        // The copied state explains the claims better: the clique repeating one value is likelier than four
        // independent sources agreeing on it by chance while the honest sources keep agreeing on a false one.
        Assert.True(beforeScore > afterScore + 1, $"{beforeScore} should exceed {afterScore}");
        Assert.Equal(before.Groups.Select(g => g.Winner), estimator.Estimate(problem).Groups.Select(g => g.Winner));
    }

    [Fact]
    public void Estimate_VoicesNumberedOutOfClaimOrder_SameEstimate()
    {
        // One voice per claim, numbered in claim order or in reverse: the scores add the same votes (voice by voice),
        // so with copying found and discounted the estimates agree up to the order of the additions.
        var claims = CliqueMajority().Build();
        var inOrder = TruthDiscoveryEstimator.Default.Estimate(Problem(claims));
        var reversed = TruthDiscoveryEstimator.Default.Estimate(Problem(claims, reverseVoices: true));

        Assert.NotEmpty(inOrder.Dependencies);
        Assert.Equal(inOrder.Dependencies.Select(d => (d.Source, d.Other)), reversed.Dependencies.Select(d => (d.Source, d.Other)));
        Assert.Equal(inOrder.Groups.Select(g => g.Winner), reversed.Groups.Select(g => g.Winner));
        for (var s = 0; s < inOrder.SourceReliabilities.Length; s++)
        {
            Assert.Equal(inOrder.SourceReliabilities[s], reversed.SourceReliabilities[s], 12);
        }

        for (var g = 0; g < inOrder.Groups.Length; g++)
        {
            for (var c = 0; c < inOrder.Groups[g].ClaimProbabilities.Length; c++)
            {
                Assert.Equal(inOrder.Groups[g].ClaimProbabilities[c], reversed.Groups[g].ClaimProbabilities[c], 12);
            }
        }
    }

    [Fact]
    public void Reconcile_NoCopyingFoundEarly_DefaultIsTheUsualOrder()
    {
        var claims = CopiedHistory(withTarget: true).Build();
        var after = new Reconciler(new ReconcilerOptions { TruthDiscovery = new() { DetectCopyingFirst = false } }, Some.Clock);
        var honest = Sources("a", "b", "c");
        for (var q = 0; q < 5; q++)
        {
            Say(honest, $"q{q}", ("a", "x"), ("b", "x"), ("c", q == 2 ? "y" : "x"));
        }

        var plain = honest.Build();

        Assert.Equal(ClaimReconcile.Serialization.ReportJson.Write(after.Reconcile(plain)), ClaimReconcile.Serialization.ReportJson.Write(TruthDiscovery.Reconcile(plain)));
        Assert.Equal("fact", Consensus(TruthDiscovery.Reconcile(claims), "target"));
        Assert.Equal("fact", Consensus(after.Reconcile(claims), "target"));
    }

    [Fact]
    public void Reconcile_LittleCopyingFoundEarly_RunsTheEarlyOrderAlone()
    {
        // Thirty independent sources, right half the time, with two false values per question: the early look judges
        // two pairs dependent by chance, and their 20 shared values are 0.9 % of the 2,317 claims. Run to the end, the
        // other order explains the claims better (by some 9 nats) and ends with another pair; by default it is not run.
        var claims = Independent(seed: 4);
        Reconciler With(bool? first, double share = 0.01) =>
            new(new ReconcilerOptions { TruthDiscovery = new() { DetectCopyingFirst = first, BothOrdersMinShare = share } }, Some.Clock);
        string Json(Reconciler reconciler) => ClaimReconcile.Serialization.ReportJson.Write(reconciler.Reconcile(claims));

        var before = Json(With(first: true));
        var after = Json(With(first: false));

        Assert.NotEqual(before, after);
        Assert.Equal(before, Json(TruthDiscovery));
        Assert.Equal(after, Json(With(first: null, share: 0.008)));
        Assert.Equal(before, Json(With(first: null, share: 0.009)));
    }

    [Fact]
    public void Reconcile_BothOrders_ShuffledClaimsGiveTheSameReport()
    {
        var set = CliqueMajority().Build();
        var shuffled = new ClaimSet(set.Sources.Reverse().ToImmutableArray(), [.. set.Claims.OrderBy(c => c.Id!.GetHashCode(StringComparison.Ordinal))]);

        Assert.Equal(ClaimReconcile.Serialization.ReportJson.Write(TruthDiscovery.Reconcile(set)), ClaimReconcile.Serialization.ReportJson.Write(TruthDiscovery.Reconcile(shuffled)));
    }

    [Fact]
    public void Estimate_TellsItsParts_InOrder_AndTellingChangesNothing()
    {
        // The clique is caught early, so both orders run; with thirty independent sources little is found early, and
        // the early order runs alone, looking again after each estimate; without copy detection there is no look.
        List<(EstimatePart Part, int Steps)> Parts(EstimationProblem problem, TruthDiscoveryOptions options)
        {
            var told = new List<(EstimatePart, int)>();
            var telling = new TruthDiscoveryEstimator(options) { PartDone = (part, steps) => told.Add((part, steps)) }.Estimate(problem);
            var quiet = new TruthDiscoveryEstimator(options).Estimate(problem);
            Assert.Equal(quiet.SourceReliabilities, telling.SourceReliabilities);
            Assert.Equal(quiet.Groups.SelectMany(g => g.ClaimProbabilities), telling.Groups.SelectMany(g => g.ClaimProbabilities));
            return told;
        }

        var clique = Parts(Problem(CliqueMajority().Build()), new());
        var independent = Parts(Problem(Independent(seed: 4)), new());
        var withoutCopying = Parts(Problem(Independent(seed: 4)), new() { DetectCopying = false });

        Assert.Equal([EstimatePart.Models, EstimatePart.Settle, EstimatePart.Meet, EstimatePart.Look, EstimatePart.BothOrders, EstimatePart.Result], clique.Select(p => p.Part));
        Assert.Equal(
            [EstimatePart.Models, EstimatePart.Settle, EstimatePart.Meet, EstimatePart.Look, EstimatePart.Iterate, EstimatePart.Look, EstimatePart.Iterate, EstimatePart.Look, EstimatePart.Iterate, EstimatePart.Result],
            independent.Select(p => p.Part));
        Assert.Equal([EstimatePart.Models, EstimatePart.Iterate, EstimatePart.Result], withoutCopying.Select(p => p.Part));
        Assert.All(independent.Concat(withoutCopying), p => Assert.True(p.Part == EstimatePart.Iterate ? p.Steps >= 1 : p.Steps == 0, $"{p}"));
    }

    [Fact]
    public void Constructor_InvalidOptions_ListsAllProblems()
    {
        var options = new TruthDiscoveryOptions { DefaultPrior = 0, FalseValues = 0.5, MaxIterations = 0, CopyRate = 1, SimilarityWeight = 2, BothOrdersMinShare = -0.5 };

        var error = Assert.Throws<ArgumentException>(() => new TruthDiscoveryEstimator(options));

        foreach (var name in new[] { "DefaultPrior", "FalseValues", "MaxIterations", "CopyRate", "SimilarityWeight", "BothOrdersMinShare" })
        {
            Assert.Contains(name, error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Constructor_CopiesOptions_LaterChangesDoNotApply()
    {
        var options = new TruthDiscoveryOptions();
        var estimator = new TruthDiscoveryEstimator(options);
        options.MaxIterations = 0;

        var estimate = estimator.Estimate(Problem());

        Assert.Equal(0.8, estimate.SourceReliabilities[0], 12);
    }

    [Fact]
    public void Estimate_SingleVoice_ReliabilityStaysAtPrior()
    {
        var estimate = TruthDiscoveryEstimator.Default.Estimate(Problem());

        var group = Assert.Single(estimate.Groups);
        Assert.Equal(0, group.Winner);
        Assert.Equal(0.8, estimate.SourceReliabilities[0], 12);

        // A lone source of reliability r among n = 10 false values: P = 10r/(1−r) / (10r/(1−r) + 10) = r.
        Assert.Equal(0.8, group.Confidence, 9);
    }

    [Fact]
    public void GroupState_Shows_ComparesEveryShownNumber()
    {
        // A session asks the group state whether the estimate it reported still shows what the probabilities would,
        // instead of making an estimate for every group: the winner, the confidence and each claim probability, rounded.
        var claims = Say(Say(Sources("a", "b", "c", "d"), "q0", ("a", "x"), ("b", "x"), ("c", "y"), ("d", "x")), "q1", ("a", "u"), ("b", "v"), ("c", "u"), ("d", "u")).Build();
        var (estimate, state) = new TruthDiscoveryEstimator().EstimateAndKeep(Problem(claims));
        var group = state.Chain.Groups[0];
        var made = estimate.Groups[0];
        static double Shown(double value) => Math.Round(value, 3);
        Assert.NotNull(made.Winner);

        Assert.True(group.Shows(made, Shown));
        Assert.True(group.Shows(made with { Confidence = Shown(made.Confidence), ClaimProbabilities = [.. made.ClaimProbabilities.Select(Shown)] }, Shown));
        Assert.False(group.Shows(made with { Confidence = made.Confidence - 0.01 }, Shown));
        Assert.False(group.Shows(made with { Winner = null }, Shown));
        Assert.False(group.Shows(made with { ClaimProbabilities = [.. made.ClaimProbabilities.Select((p, c) => c == 2 ? p - 0.01 : p)] }, Shown));
        Assert.False(group.Shows(made with { ClaimProbabilities = made.ClaimProbabilities.RemoveAt(0) }, Shown));
    }

    [Fact]
    public void GroupState_Discount_RefreshesOnlyGroupsWhoseVotesChange()
    {
        // After a look for copying, the next step updates only the groups whose votes the discount changed: where a
        // dependent pair repeats a value. A group where the pair's claims differ keeps its probabilities as they are.
        var claims = Say(Say(Sources("a", "b", "c", "d"), "q0", ("a", "x"), ("b", "x"), ("c", "y"), ("d", "x")), "q1", ("a", "u"), ("b", "v"), ("c", "u"), ("d", "u")).Build();
        var (_, state) = new TruthDiscoveryEstimator().EstimateAndKeep(Problem(claims));
        var (repeats, differs) = (state.Chain.Groups[0], state.Chain.Groups[1]);
        var reliability = state.Chain.Reliability;
        var unchanged = new bool[4];
        var slab = new Slab<double>(0);
        var aAndB = new TruthDiscoveryEstimator.DependenceMap(new() { [1] = 0.9 }, [true, true, false, false]);
        var none = new TruthDiscoveryEstimator.DependenceMap([], new bool[4]);
        Assert.False(repeats.NeedsUpdate(unchanged));
        Assert.False(differs.NeedsUpdate(unchanged));

        repeats.Discount(aAndB, reliability, 0.8, 64, slab);
        differs.Discount(aAndB, reliability, 0.8, 64, slab);
        Assert.True(repeats.NeedsUpdate(unchanged));
        Assert.False(differs.NeedsUpdate(unchanged));

        // The same discount again changes nothing; lifting it changes the votes back.
        repeats.Update([0.5, 0.5, 0.5, 0.5], 10);
        repeats.Discount(aAndB, reliability, 0.8, 64, slab);
        Assert.False(repeats.NeedsUpdate(unchanged));
        repeats.Discount(none, reliability, 0.8, 64, slab);
        Assert.True(repeats.NeedsUpdate(unchanged));
    }

    private static EstimationProblem Problem() =>
        new(["a"], [null], [new EstimationGroup([new EstimationClaim(0, 0, true, 0)], 1, [1])]);

    private static ClaimSetBuilder Sources(params string[] ids)
    {
        var builder = ClaimSet.CreateBuilder();
        foreach (var id in ids)
        {
            builder.AddSource(id);
        }

        return builder;
    }

    private static ClaimSetBuilder Say(ClaimSetBuilder builder, string question, params (string Source, string Value)[] claims)
    {
        foreach (var (source, value) in claims)
        {
            builder.AddClaim(source, question, "answer", ClaimValue.Text(value), id: $"{source}-{question}");
        }

        return builder;
    }

    private static ClaimGroup Group(ReconciliationReport report, string subject) => report.Groups.Single(g => g.Subject == subject);

    private static string? Consensus(ReconciliationReport report, string subject) => (Group(report, subject).Consensus as TextValue)?.Value;

    private static double Reliability(ReconciliationReport report, string id) => report.Sources.Single(s => s.Id == id).Reliability;

    /// <summary>
    /// "orig" and three copiers repeat one value everywhere. On three history questions six honest sources say
    /// "right" against a shared false value; on eight targets only three honest sources say "fact" against it.
    /// </summary>
    private static ClaimSetBuilder CliqueMajority()
    {
        string[] honest = ["h1", "h2", "h3", "h4", "h5", "h6"];
        string[] clique = ["orig", "copy1", "copy2", "copy3"];
        var builder = Sources([.. clique, .. honest]);
        for (var q = 0; q < 3; q++)
        {
            Say(builder, $"q{q}", [.. clique.Select(s => (s, $"wrong{q}")), .. honest.Select(h => (h, "right"))]);
        }

        for (var t = 0; t < 8; t++)
        {
            Say(builder, $"t{t}", [.. clique.Select(s => (s, $"rumour{t}")), .. Enumerable.Range(0, 3).Select(i => (honest[(t + i) % 6], "fact"))]);
        }

        return builder;
    }

    /// <summary>Thirty independent sources, each right half the time and answering a fifth of 400 questions, with two false values.</summary>
    private static ClaimSet Independent(int seed)
    {
        var random = new Random(seed);
        var builder = ClaimSet.CreateBuilder();
        var sources = Enumerable.Range(1, 30).Select(i => $"s{i:00}").ToArray();
        foreach (var source in sources)
        {
            builder.AddSource(source);
        }

        for (var q = 0; q < 400; q++)
        {
            foreach (var source in sources.Where(_ => random.NextDouble() < 0.2))
            {
                builder.AddClaim(source, $"q{q:000}", "value", ClaimValue.Text(random.NextDouble() < 0.5 ? "true" : $"false{random.Next(2)}"), id: $"{source}/{q}");
            }
        }

        return builder.Build();
    }

    /// <summary>The estimation problem of a claim set of text answers, one voice per source (numbered in source order, or in reverse): values agree when equal.</summary>
    private static EstimationProblem Problem(ClaimSet claims, bool reverseVoices = false)
    {
        var sources = claims.Sources.Select(s => s.Id).Order(StringComparer.Ordinal).ToImmutableArray();
        var groups = claims.Claims.GroupBy(c => c.Subject, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var list = g.OrderBy(c => c.Source, StringComparer.Ordinal).ToList();
            var support = new double[list.Count * list.Count];
            for (var a = 0; a < list.Count; a++)
            {
                for (var b = 0; b < list.Count; b++)
                {
                    support[(a * list.Count) + b] = list[a].Value.Equals(list[b].Value) ? 1 : 0;
                }
            }

            var estimationClaims = list.Select((c, i) => new EstimationClaim(sources.IndexOf(c.Source), reverseVoices ? list.Count - 1 - i : i, true, 0)).ToImmutableArray();
            return new EstimationGroup(estimationClaims, list.Count, support);
        });
        return new EstimationProblem(sources, [.. sources.Select(_ => (double?)null)], [.. groups]);
    }

    /// <summary>
    /// "orig" and its three copiers give the very same values on eight history questions, half of them false, where
    /// five honest sources outvote them; with the target, only three honest sources speak against the clique.
    /// </summary>
    private static ClaimSetBuilder CopiedHistory(bool withTarget)
    {
        var builder = Sources("orig", "copy1", "copy2", "copy3", "h1", "h2", "h3", "h4", "h5");
        string[] clique = ["orig", "copy1", "copy2", "copy3"];
        for (var q = 0; q < 8; q++)
        {
            var cliqueValue = q % 2 == 0 ? "right" : $"rumour{q}";
            Say(builder, $"q{q}", [.. clique.Select(s => (s, cliqueValue)), ("h1", "right"), ("h2", "right"), ("h3", "right"), ("h4", "right"), ("h5", "right")]);
        }

        if (withTarget)
        {
            Say(builder, "target", [.. clique.Select(s => (s, "rumour")), ("h1", "fact"), ("h2", "fact"), ("h3", "fact")]);
        }

        return builder;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Reconcile_EveryClaimDeniesAValue_NoConsensus_AndEveryClaimAtOneHalf(bool vote)
    {
        // Denials name no value to weigh: nothing speaks for or against any, so there is no consensus, and both estimators give each claim ½.
        var reconciler = new Reconciler(vote ? new ReconcilerOptions { Estimator = MajorityVoteEstimator.Instance } : null);
        var group = Assert.Single(reconciler.Reconcile(Some.ClaimSet(
            Some.Claim("zeit", Some.Hours(5), "zeit-1", negated: true),
            Some.Claim("tsp", Some.Hours(3), "tsp-1", negated: true))).Groups);

        Assert.Null(group.Consensus);
        Assert.Null(group.Confidence);
        Assert.Equal([0.5, 0.5], group.Claims.Select(c => c.Confidence));
    }
}
