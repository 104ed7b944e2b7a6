using ClaimReconcile.Estimation;
using ClaimReconcile.Serialization;
using ClaimReconcile.Tests.Support;
using NodaTime;

namespace ClaimReconcile.Tests.Sessions;

/// <summary>
/// A session's report after every update is the report a full run on the same claims gives, written out byte for
/// byte; and the updates are incremental when they can be.
/// </summary>
public sealed class ReconciliationSessionTests
{
    private static readonly IClock Clock = new FakeClock(Instant.FromUtc(2026, 3, 1, 12, 0));

    [Fact]
    public void Updates_MatchFullRuns_AfterEveryStep()
    {
        var reconciler = new Reconciler(clock: Clock);
        var all = Generated.Claims(questions: 300, sources: 40, seed: 7);
        // Every tenth claim comes later: each answers a question the opening claims already ask.
        var opening = all.Claims.Where((_, i) => i % 10 != 0).ToList();
        var later = all.Claims.Where((_, i) => i % 10 == 0).ToList();
        var session = reconciler.Open(new ClaimSet(all.Sources, opening));
        AssertSameAsFullRun(reconciler, session);

        var random = new Random(11);
        var incremental = 0;
        for (var step = 0; step < 24; step++)
        {
            var current = session.Claims.Claims;
            switch (step % 4)
            {
                case 0:
                    session.Add(later[step]);
                    break;
                case 1:
                    session.Withdraw(current[random.Next(current.Length)].Id!);
                    break;
                case 2:
                    session.Add(later.Skip(40 + (step * 10)).Take(10));
                    break;
                default:
                    // A correction: the same claim id with another value.
                    var old = current[random.Next(current.Length)];
                    var corrected = new Claim(old.Source, old.Subject, old.Property, Generated.OtherValue(old.Value)) { Id = old.Id };
                    session.Update([corrected], [old.Id!]);
                    break;
            }

            incremental += session.LastUpdate.Incremental ? 1 : 0;
            AssertSameAsFullRun(reconciler, session);
        }

        Assert.Equal(24, incremental);
    }

    [Theory]
    [InlineData(21)]
    [InlineData(22)]
    [InlineData(23)]
    public void RandomUpdates_WithoutCopyDetection_MatchFullRuns(int seed)
    {
        // Random batches of adds and withdrawals. Copy detection is off: with 25 sources, some seeds let a pair of
        // sources share false values by chance, and a session keeps the dependence found at opening (tested apart).
        var reconciler = new Reconciler(new ReconcilerOptions { TruthDiscovery = new() { DetectCopying = false } }, Clock);
        var all = Generated.Claims(questions: 150, sources: 25, seed: seed);
        var random = new Random(seed);
        var pending = all.Claims.Where(_ => random.NextDouble() < 0.3).ToList();
        var session = reconciler.Open(new ClaimSet(all.Sources, all.Claims.Except(pending)));
        for (var step = 0; step < 12 && pending.Count > 0; step++)
        {
            var current = session.Claims.Claims;
            var add = pending.Take(random.Next(0, 4)).ToList();
            pending.RemoveRange(0, add.Count);
            var withdraw = Enumerable.Range(0, random.Next(0, 3)).Select(_ => current[random.Next(current.Length)].Id!).Distinct().ToList();
            session.Update(add, withdraw);
            AssertSameAsFullRun(reconciler, session);
        }
    }

    [Fact]
    public void Updates_WithTheMajorityVote_MatchFullRuns()
    {
        var reconciler = new Reconciler(new ReconcilerOptions { Estimator = MajorityVoteEstimator.Instance }, Clock);
        var all = Generated.Claims(questions: 120, sources: 15, seed: 3);
        var session = reconciler.Open(new ClaimSet(all.Sources, all.Claims.Skip(5)));
        session.Add(all.Claims.Take(5));
        Assert.True(session.LastUpdate.Incremental);
        AssertSameAsFullRun(reconciler, session);

        session.Withdraw(all.Claims[7].Id!, all.Claims[70].Id!);
        Assert.True(session.LastUpdate.Incremental);
        AssertSameAsFullRun(reconciler, session);
    }

    [Fact]
    public void WorkedExample_WithdrawAndAddBack_MatchesFullRuns()
    {
        var reconciler = new Reconciler(clock: Clock);
        var set = ClaimSetJson.Read(File.ReadAllText(TestPaths.WorkedExample)).ClaimSet;
        var session = reconciler.Open(set);
        var original = ReportJson.Write(session.Report);
        Assert.Equal(original, ReportJson.Write(reconciler.Reconcile(set)));

        // Zeit's "almost five hours" leaves the duration question to the others, then comes back.
        var zeit = set.Claims.Single(c => c.Id == "zeit-4");
        session.Withdraw("zeit-4");
        Assert.True(session.LastUpdate.Incremental, session.LastUpdate.FullRunReason);
        AssertSameAsFullRun(reconciler, session);
        Assert.NotEqual(original, ReportJson.Write(session.Report));

        session.Add(zeit);
        Assert.True(session.LastUpdate.Incremental, session.LastUpdate.FullRunReason);
        Assert.Equal(original, ReportJson.Write(session.Report));
    }

    [Fact]
    public void Add_ClaimAboutANewSubject_RunsInFullAndSaysWhy()
    {
        var reconciler = new Reconciler(clock: Clock);
        var all = Generated.Claims(questions: 50, sources: 10, seed: 5);
        var session = reconciler.Open(new ClaimSet(all.Sources, all.Claims));

        session.Add(new Claim("s00", "a subject nobody named", "answer", ClaimValue.Text("yes")) { Id = "new-1" });

        Assert.False(session.LastUpdate.Incremental);
        Assert.Contains("\"a subject nobody named\" is named by no other claim", session.LastUpdate.FullRunReason, StringComparison.Ordinal);
        AssertSameAsFullRun(reconciler, session);

        // The next claim about it is incremental: the name is known now.
        session.Add(new Claim("s01", "a subject nobody named", "answer", ClaimValue.Text("no")) { Id = "new-2" });
        Assert.True(session.LastUpdate.Incremental, session.LastUpdate.FullRunReason);
        AssertSameAsFullRun(reconciler, session);
    }

    [Fact]
    public void Withdraw_TheOnlyClaimNamingASubject_RunsInFullAndSaysWhy()
    {
        var reconciler = new Reconciler(clock: Clock);
        var all = Generated.Claims(questions: 50, sources: 10, seed: 5);

        // Last in the set, so that its subject is the last one the session counts when it opens.
        var lone = new Claim("s00", "a subject only one claim names", "answer", ClaimValue.Text("yes")) { Id = "lone-1" };
        var session = reconciler.Open(new ClaimSet(all.Sources, [.. all.Claims, lone]));

        session.Withdraw(all.Claims[^1].Id!);
        Assert.True(session.LastUpdate.Incremental, session.LastUpdate.FullRunReason);

        session.Withdraw("lone-1");
        Assert.False(session.LastUpdate.Incremental);
        Assert.Contains("\"a subject only one claim names\" is no longer named by any claim", session.LastUpdate.FullRunReason, StringComparison.Ordinal);
        AssertSameAsFullRun(reconciler, session);
    }

    [Fact]
    public void Add_ClaimWithAnIssueOrWithoutId_RunsInFull_AndLosesNothing()
    {
        var reconciler = new Reconciler(clock: Clock);
        var all = Generated.Claims(questions: 40, sources: 8, seed: 9);
        var session = reconciler.Open(new ClaimSet(all.Sources, all.Claims));
        var subject = all.Claims[0].Subject;

        session.Add(new Claim("no-such-source", subject, "answer", ClaimValue.Text("x")) { Id = "bad-1" });
        Assert.False(session.LastUpdate.Incremental);
        Assert.Contains(session.Report.Issues, i => i.Code == IssueCodes.UnknownSource && i.Claim == "bad-1");
        Assert.Equal(all.Claims.Length + 1, session.Report.Summary.Claims);
        AssertSameAsFullRun(reconciler, session);

        // With an issue in the claims, later updates run in full too (issue positions would shift), and still agree.
        session.Add(new Claim("s02", subject, "answer", ClaimValue.Text("y")));
        Assert.False(session.LastUpdate.Incremental);
        AssertSameAsFullRun(reconciler, session);
    }

    [Fact]
    public void Withdraw_UnknownId_IsListedAndChangesNothing()
    {
        var reconciler = new Reconciler(clock: Clock);
        var all = Generated.Claims(questions: 30, sources: 6, seed: 1);
        var session = reconciler.Open(new ClaimSet(all.Sources, all.Claims));
        var before = ReportJson.Write(session.Report);

        session.Withdraw("nobody-said-this");

        Assert.Equal(["nobody-said-this"], session.LastUpdate.NotFound);
        Assert.Equal(before, ReportJson.Write(session.Report));
    }

    [Fact]
    public void WithCopyingFound_TheDependenceIsKept_AndRefreshLooksAgain()
    {
        // With two false values per question, wrong sources often agree, and some pairs look like copiers.
        var reconciler = new Reconciler(clock: Clock);
        var all = Generated.Claims(questions: 300, sources: 40, seed: 7, falseValues: 2);
        var session = reconciler.Open(new ClaimSet(all.Sources, all.Claims.Skip(1)));
        var dependence = Dependence(session.Report);
        Assert.NotEmpty(dependence);

        session.Add(all.Claims[0]);
        Assert.True(session.LastUpdate.Incremental);
        Assert.Equal(dependence, Dependence(session.Report));

        // Verdicts and values are the full run's; a number that the copy discount touches may differ in its last digit.
        var full = reconciler.Reconcile(session.Claims);
        Assert.Equal(full.Groups.Select(g => (g.Verdict, g.Consensus)), session.Report.Groups.Select(g => (g.Verdict, g.Consensus)));
        Assert.All(full.Groups.Zip(session.Report.Groups), p => Assert.InRange(Math.Abs((p.First.Confidence ?? 0) - (p.Second.Confidence ?? 0)), 0, 0.01));

        session.Refresh();
        Assert.False(session.LastUpdate.Incremental);
        AssertSameAsFullRun(reconciler, session);
    }

    [Fact]
    public void LocalSettling_StaysCloseToFullRuns_AndRefreshCatchesUp()
    {
        var reconciler = new Reconciler(clock: Clock);
        var all = Generated.Claims(questions: 300, sources: 40, seed: 12);
        var session = reconciler.Open(new ClaimSet(all.Sources, all.Claims.Where((_, i) => i % 10 != 0)), SessionSettling.Local);
        Assert.True(session.KeepsLocalLookups);
        Assert.Equal(0, session.TotalsDrift());
        foreach (var claim in all.Claims.Where((_, i) => i % 10 == 0).Take(20))
        {
            session.Add(claim);
            Assert.True(session.LastUpdate.Incremental);

            // Every group the update moved was judged again, though only the groups it updated were looked at.
            Assert.Equal(0, session.GroupsShownStale());
        }

        // Twenty updates later: the same verdicts and values as a full run, numbers within a hundredth.
        var full = reconciler.Reconcile(session.Claims);
        Assert.Equal(full.Groups.Select(g => (g.Subject, g.Verdict, g.Consensus)), session.Report.Groups.Select(g => (g.Subject, g.Verdict, g.Consensus)));
        Assert.All(full.Groups.Zip(session.Report.Groups), p => Assert.InRange(Math.Abs((p.First.Confidence ?? 0) - (p.Second.Confidence ?? 0)), 0, 0.01));
        Assert.All(full.Sources.Zip(session.Report.Sources), p => Assert.InRange(Math.Abs(p.First.Reliability - p.Second.Reliability), 0, 0.01));
        Assert.NotEqual(ReportJson.Write(full), ReportJson.Write(session.Report));

        session.Refresh();
        AssertSameAsFullRun(reconciler, session);
        Assert.True(session.KeepsLocalLookups);
    }

    [Theory]
    [InlineData(SessionSettling.Local)]
    [InlineData(SessionSettling.Full)]
    public void PatchedReports_EqualReportsAssembledFromEveryGroup(SessionSettling settling)
    {
        // An update that keeps the groups in place copies the last report and replaces the groups judged again: the
        // result must be the report assembled from every group and source, counts and assessments included.
        var reconciler = new Reconciler(clock: Clock);
        var all = Generated.Claims(questions: 200, sources: 30, seed: 9);
        var session = reconciler.Open(new ClaimSet(all.Sources, all.Claims.Where((_, i) => i % 7 != 0)), settling);

        // Settling locally, the session has what its updates keep ready when it opens, so that its first update costs
        // what later ones do; settling in full, it never needs them.
        Assert.Equal(settling == SessionSettling.Local, session.KeepsLocalLookups);
        var later = all.Claims.Where((_, i) => i % 7 == 0).ToList();
        var random = new Random(5);
        var (judged, verdictsMoved) = (0, 0);
        for (var step = 0; step < 30; step++)
        {
            var current = session.Claims.Claims;
            var before = session.Report.Summary;
            if (step % 3 == 2)
            {
                var old = current[random.Next(current.Length)];
                session.Update([new Claim(old.Source, old.Subject, old.Property, Generated.OtherValue(old.Value)) { Id = old.Id }], [old.Id!]);
            }
            else if (step % 3 == 1)
            {
                session.Withdraw(current[random.Next(current.Length)].Id!);
            }
            else
            {
                session.Add(later[step]);
            }

            Assert.True(session.LastUpdate.Incremental, session.LastUpdate.FullRunReason);
            Assert.Equal(0, session.GroupsShownStale());

            // A local update keeps each source's totals as claims come, go and move: they stay those of every group.
            Assert.InRange(session.TotalsDrift(), 0, 1e-9);
            judged += session.LastUpdate.GroupsJudged;
            verdictsMoved += before.Agreements != session.Report.Summary.Agreements ? 1 : 0;
            Assert.Equal(ReportJson.Write(session.AssembleInFull()), ReportJson.Write(session.Report));
        }

        // The updates did judge groups again, and moved the verdict counts: the patching had something to get right.
        Assert.True(judged > 30, $"{judged} groups judged again");
        Assert.True(verdictsMoved > 0);
    }

    [Theory]
    [InlineData(SessionSettling.Full)]
    [InlineData(SessionSettling.Local)]
    public void Update_ThatSplitsAQuestionIntoTimeWindows_RegroupsIt(SessionSettling settling)
    {
        // Claims scoped to years far apart answer the question for different windows: the question gains groups, so the
        // update cannot replace its groups where they lie and builds the order anew.
        var reconciler = new Reconciler(clock: Clock);
        var all = Generated.Claims(questions: 120, sources: 20, seed: 8);
        var session = reconciler.Open(all, settling);
        var groups = session.Report.Groups.Length;
        var asked = all.Claims[40];
        var windows = new[] { 2019, 2031 }.Select((year, i) =>
            new Claim(all.Claims[i].Source, asked.Subject, asked.Property, asked.Value) { Id = $"window-{year}", Scope = ClaimScope.During(TemporalValue.InYear(year)) }).ToList();

        session.Add(windows);
        Assert.True(session.LastUpdate.Incremental, session.LastUpdate.FullRunReason);
        Assert.True(session.Report.Groups.Length > groups, $"{session.Report.Groups.Length} groups");
        if (settling == SessionSettling.Full)
        {
            AssertSameAsFullRun(reconciler, session);
        }

        Assert.Equal(ReportJson.Write(session.AssembleInFull()), ReportJson.Write(session.Report));

        session.Withdraw(windows.Select(c => c.Id!));
        Assert.True(session.LastUpdate.Incremental, session.LastUpdate.FullRunReason);
        Assert.Equal(groups, session.Report.Groups.Length);
        if (settling == SessionSettling.Full)
        {
            AssertSameAsFullRun(reconciler, session);
        }

        Assert.Equal(ReportJson.Write(session.AssembleInFull()), ReportJson.Write(session.Report));
    }

    [Fact]
    public void CompareWarnings_StayUntilTheirGroupChanges_AndFollowIt()
    {
        // Kilometres against a duration cannot be compared: the question's group carries an incomparable-values warning.
        var reconciler = new Reconciler(clock: Clock);
        var all = Generated.Claims(questions: 150, sources: 20, seed: 6);
        var timed = all.Claims.First(c => c.Value is DurationValue);
        var odd = new Claim(all.Claims.First(c => c.Source != timed.Source).Source, timed.Subject, timed.Property, ClaimValue.Number(5, "km")) { Id = "odd-1" };
        var session = reconciler.Open(new ClaimSet(all.Sources, [.. all.Claims, odd]));
        var warnings = Warnings(session.Report);
        Assert.True(warnings > 0);

        // A change elsewhere keeps the warnings; withdrawing the odd claim takes its warning away; adding it back brings it back.
        session.Withdraw(all.Claims.Last(c => c.Subject != timed.Subject).Id!);
        Assert.True(session.LastUpdate.Incremental, session.LastUpdate.FullRunReason);
        AssertSameAsFullRun(reconciler, session);
        Assert.Equal(warnings, Warnings(session.Report));

        session.Withdraw("odd-1");
        Assert.True(session.LastUpdate.Incremental, session.LastUpdate.FullRunReason);
        AssertSameAsFullRun(reconciler, session);
        Assert.Equal(warnings - 1, Warnings(session.Report));

        session.Add(odd);
        Assert.True(session.LastUpdate.Incremental, session.LastUpdate.FullRunReason);
        AssertSameAsFullRun(reconciler, session);
        Assert.Equal(warnings, Warnings(session.Report));

        static int Warnings(ReconciliationReport report) => report.Issues.Count(i => i.Code == IssueCodes.IncomparableValues);
    }

    [Fact]
    public void Update_TouchesOnlyTheChangedQuestion()
    {
        var reconciler = new Reconciler(clock: Clock);
        var all = Generated.Claims(questions: 400, sources: 30, seed: 4);
        var session = reconciler.Open(new ClaimSet(all.Sources, all.Claims.Skip(1)));

        session.Add(all.Claims[0]);

        Assert.True(session.LastUpdate.Incremental);
        Assert.Equal(1, session.LastUpdate.GroupsCompared);

        // The reliabilities move a little everywhere, but few groups show it in their rounded numbers.
        Assert.InRange(session.LastUpdate.GroupsJudged, 1, session.Report.Groups.Length / 4);
        AssertSameAsFullRun(reconciler, session);
    }

    [Fact]
    public void EarlierReports_ReadAfterLaterUpdates_StayAsTheyWere()
    {
        // A report's claim assessments are made when first read, from what the run prepared: later updates must not reach them.
        var reconciler = new Reconciler(clock: Clock);
        var all = Generated.Claims(questions: 300, sources: 40, seed: 5);
        var session = reconciler.Open(new ClaimSet(all.Sources, all.Claims.Skip(20)));
        var reports = new List<(ReconciliationReport Report, string Json)> { (session.Report, ReportJson.Write(session.Report)) };
        for (var step = 0; step < 20; step++)
        {
            var current = session.Claims.Claims;
            var report = step % 2 == 0
                ? session.Add(all.Claims[step])
                : session.Update([new Claim(current[step].Source, current[step].Subject, current[step].Property, Generated.OtherValue(current[step].Value)) { Id = current[step].Id }], [current[step].Id!]);
            reports.Add((report, ReportJson.Write(report)));
        }

        Assert.Equal(20, reports.Skip(1).Select(r => r.Json).Distinct().Count());
        Assert.All(reports, r =>
        {
            Assert.Equal(ClaimGroupTests.FromJson(r.Json), ClaimGroupTests.FromAssessments(r.Report));
            Assert.Equal(r.Json, ReportJson.Write(r.Report));
        });
    }

    private static List<string> Dependence(ReconciliationReport report) =>
        [.. report.Sources.SelectMany(s => s.DetectedDependence.Select(d => $"{s.Id}~{d.Source}"))];

    private static void AssertSameAsFullRun(Reconciler reconciler, ReconciliationSession session)
    {
        var full = ReportJson.Write(reconciler.Reconcile(session.Claims));
        var kept = ReportJson.Write(session.Report);
        if (full != kept)
        {
            var (a, b) = (full.Split('\n'), kept.Split('\n'));
            var line = Enumerable.Range(0, Math.Min(a.Length, b.Length)).FirstOrDefault(i => a[i] != b[i]);
            Assert.Fail($"The session's report differs from a full run at line {line + 1}:\n  full:    {a.ElementAtOrDefault(line)}\n  session: {b.ElementAtOrDefault(line)}\n(last update: {session.LastUpdate})");
        }
    }
}
