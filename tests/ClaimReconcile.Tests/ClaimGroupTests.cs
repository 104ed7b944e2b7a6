using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using ClaimReconcile.Estimation;
using ClaimReconcile.Serialization;
using ClaimReconcile.Tests.Support;
using NodaTime;

namespace ClaimReconcile.Tests;

/// <summary>
/// A group's claim assessments are made on first use: they say what the verdict implies, the report JSON (written
/// without making them) says the same, and every reader, on any thread, gets the one array made first.
/// </summary>
public sealed class ClaimGroupTests
{
    private static readonly IClock Clock = new FakeClock(Instant.FromUtc(2026, 3, 1, 12, 0));

    private static readonly Reconciler Reconciler = new(clock: Clock);

    private static ReconciliationReport Generated(int seed = 7) => Reconciler.Reconcile(Sessions.Generated.Claims(questions: 300, sources: 40, seed: seed));

    [Fact]
    public void Claims_FollowTheVerdict()
    {
        // The generated claims give agreements and conflicts, the worked example single sources: each way of giving statuses is used.
        var reports = new[] { Generated(), Reconciler.Reconcile(ClaimSetJson.Read(File.ReadAllText(TestPaths.WorkedExample))) };
        var groups = reports.SelectMany(r => r.Groups).ToList();
        Assert.All(Enum.GetValues<Verdict>(), verdict => Assert.Contains(groups, g => g.Verdict == verdict));
        foreach (var group in groups)
        {
            var statuses = group.Claims.Select(c => c.Status).ToList();
            switch (group.Verdict)
            {
                case Verdict.SingleSource:
                    Assert.All(statuses, s => Assert.Equal(ClaimStatus.Uncorroborated, s));
                    break;
                case Verdict.Agreement:
                    Assert.All(statuses, s => Assert.Equal(ClaimStatus.Supported, s));
                    break;
                default:
                    Assert.Contains(ClaimStatus.Contradicted, statuses);
                    Assert.DoesNotContain(ClaimStatus.Uncorroborated, statuses);
                    break;
            }

            Assert.Equal(group.Claims.Select(c => c.Id).Order(StringComparer.Ordinal), group.Claims.Select(c => c.Id));
            Assert.All(group.Claims, c => Assert.InRange(c.Confidence, 0, 1));
        }

        Assert.All(reports, report => Assert.Equal(report.Summary.GroupedClaims, report.Groups.Sum(g => g.Claims.Length)));
    }

    [Fact]
    public void Claims_MadeAfterTheReportWasWritten_SayWhatItsJsonSays()
    {
        var report = Generated();
        var json = ReportJson.Write(report);

        Assert.Equal(FromJson(json), FromAssessments(report));
        Assert.Equal(json, ReportJson.Write(report));
    }

    [Fact]
    public void Claims_ReadAgain_AreTheSameArray()
    {
        var group = Generated().Groups.First(g => g.Verdict == Verdict.Conflict);

        var first = group.Claims;

        Assert.True(first == group.Claims, "a second read made the assessments again");
        Assert.Same(first[0], group.Claims[0]);
    }

    [Fact]
    public void Claims_ReadFromManyThreadsAtOnce_AreOneArrayPerGroup()
    {
        const int threads = 8;
        var report = Reconciler.Reconcile(Sessions.Generated.Claims(questions: 3_000, sources: 40, seed: 3));
        var seen = new ImmutableArray<ClaimAssessment>[threads][];
        using var start = new Barrier(threads);
        var workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
        {
            start.SignalAndWait();
            seen[t] = [.. report.Groups.Select(g => g.Claims)];
        })).ToList();
        workers.ForEach(w => w.Start());
        workers.ForEach(w => w.Join());

        for (var g = 0; g < report.Groups.Length; g++)
        {
            Assert.All(seen, arrays => Assert.True(arrays[g] == report.Groups[g].Claims, $"group {g} was given two arrays"));
        }
    }

    [Fact]
    public void Reconcile_EstimatorGivingTooFewProbabilities_SaysWhichGroupAndWhy()
    {
        var reconciler = new Reconciler(new ReconcilerOptions { Estimator = new DroppingOneProbability() }, Clock);

        var error = Assert.Throws<InvalidOperationException>(() => reconciler.Reconcile(Sessions.Generated.Claims(questions: 20, sources: 5, seed: 1)));

        Assert.Matches(@"^The estimator gave (\d+) claim probabilities for the group \S+ of \d+ claims; it must give one per claim", error.Message);
    }

    /// <summary>Each claim as the report's JSON shows it: id, source, status, confidence and voice, group by group.</summary>
    internal static List<string> FromJson(string json)
    {
        using var document = JsonDocument.Parse(json);
        return [.. document.RootElement.GetProperty("groups").EnumerateArray().SelectMany((group, g) => group.GetProperty("claims").EnumerateArray().Select(claim =>
            $"{g} {claim.GetProperty("id").GetString()} {claim.GetProperty("source").GetString()} {claim.GetProperty("status").GetString()} " +
            $"{claim.GetProperty("confidence").GetDouble().ToString(CultureInfo.InvariantCulture)} {claim.GetProperty("voice").GetString()}"))];
    }

    /// <summary>The same from the assessments, made by reading <see cref="ClaimGroup.Claims"/>.</summary>
    internal static List<string> FromAssessments(ReconciliationReport report) =>
        [.. report.Groups.SelectMany((group, g) => group.Claims.Select(claim =>
            $"{g} {claim.Id} {claim.Source} {claim.Status.ToString().ToLowerInvariant()} {claim.Confidence.ToString(CultureInfo.InvariantCulture)} {claim.Voice}"))];

    /// <summary>The majority vote, with the last claim probability of the first group of two or more claims dropped.</summary>
    private sealed class DroppingOneProbability : IConsensusEstimator
    {
        public string Name => "dropping-one";

        public ConsensusEstimate Estimate(EstimationProblem problem)
        {
            var estimate = MajorityVoteEstimator.Instance.Estimate(problem);
            var g = estimate.Groups.IndexOf(estimate.Groups.First(e => e.ClaimProbabilities.Length > 1));
            var shortened = estimate.Groups[g] with { ClaimProbabilities = estimate.Groups[g].ClaimProbabilities.RemoveAt(estimate.Groups[g].ClaimProbabilities.Length - 1) };
            return estimate with { Groups = estimate.Groups.SetItem(g, shortened) };
        }
    }
}
