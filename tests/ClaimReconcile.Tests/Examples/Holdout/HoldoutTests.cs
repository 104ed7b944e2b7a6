using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using ClaimReconcile.Pipeline;
using ClaimReconcile.Serialization;
using ClaimReconcile.Tests.Support;
using NodaTime;
using static VerifyXunit.Verifier;

namespace ClaimReconcile.Tests.Examples.Holdout;

/// <summary>
/// Scores the report on the held-out claim set (written without seeing the code) against the human judgement in
/// expected.json: grouping, verdicts, contradicted claims and person names. The scores and every disagreement are
/// pinned in a snapshot; the guarantees that must always hold are asserted.
/// </summary>
public sealed class HoldoutTests(ITestOutputHelper output)
{
    private static readonly string Folder = Path.Combine(TestPaths.RepositoryRoot, "tests", "ClaimReconcile.Tests", "Examples", "Holdout");

    private static readonly Lazy<Scores> Scored = new(Score);

    [Fact]
    public Task Reconcile_ScoresAgainstHumanJudgement_MatchSnapshot()
    {
        var text = Scored.Value.Text;
        output.WriteLine(text);
        return Verify(text);
    }

    [Fact]
    public void Reconcile_NameResolution_NeverJoinsTwoPeople()
    {
        var names = Scored.Value.Names;

        Assert.True(names.Actual > 0);
        Assert.Equal(1.0, names.Precision);
        Assert.Empty(Scored.Value.DistinctPeopleJoined);
    }

    [Fact]
    public void Reconcile_MustNotGroupPairs_AreNeverTogether()
    {
        Assert.Equal(19, Scored.Value.MustNotGroup);
        Assert.Empty(Scored.Value.MustNotGroupViolations);
    }

    [Fact]
    public void Reconcile_EveryClaim_IsAccountedFor()
    {
        var (report, input) = Reconcile();
        var ids = input.Claims.Select(c => c.Id!).ToList();
        var grouped = report.Groups.SelectMany(g => g.Claims).Select(c => c.Id).ToList();
        var named = report.Issues.Where(i => i.Severity == IssueSeverity.Error && i.Claim is not null).Select(i => i.Claim!).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(96, ids.Count);
        Assert.Equal(96, report.Summary.Claims);
        Assert.Equal(grouped.Count, grouped.Distinct(StringComparer.Ordinal).Count());
        Assert.All(ids, id => Assert.True(grouped.Contains(id, StringComparer.Ordinal) || named.Contains(id), $"{id} is neither grouped nor named by an issue"));
        Assert.Equal(96, grouped.Count + report.Summary.RejectedClaims);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(11)]
    public void Reconcile_ShuffledArrays_GiveByteIdenticalJson(int seed)
    {
        // Names in two scripts cluster and words are read per source: neither may depend on the order of the file.
        var original = File.ReadAllText(Path.Combine(Folder, "summits.claimset.json"));
        var document = JsonNode.Parse(original)!.AsObject();
        var random = new Random(seed);
        foreach (var section in new[] { "sources", "entities", "events", "claims" })
        {
            if (document[section] is JsonArray array)
            {
                var items = array.Select(n => n!.DeepClone()).ToArray();
                random.Shuffle(items);
                document[section] = new JsonArray(items);
            }
        }

        var shuffled = document.ToJsonString();
        var reconciler = new Reconciler(clock: new FakeClock(Instant.FromUtc(2026, 1, 1, 0, 0)));

        Assert.NotEqual(original, shuffled);
        Assert.Equal(ReportJson.Write(reconciler.Reconcile(ClaimSetJson.Read(original))), ReportJson.Write(reconciler.Reconcile(ClaimSetJson.Read(shuffled))));
    }

    private static (ReconciliationReport Report, ClaimSet Input) Reconcile()
    {
        var read = ClaimSetJson.Read(File.ReadAllText(Path.Combine(Folder, "summits.claimset.json")));
        var reconciler = new Reconciler(clock: new FakeClock(Instant.FromUtc(2026, 1, 1, 0, 0)));
        return (reconciler.Reconcile(read), read.ClaimSet);
    }

    private static Scores Score()
    {
        var (report, input) = Reconcile();
        var expected = JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, "expected.json")))!;
        var questions = expected["questions"]!.AsArray().Select(q => new Question(
            (string)q!["id"]!,
            [.. q["claims"]!.AsArray().Select(c => (string)c!)],
            (string)q["verdict"]!,
            [.. q["wrong"]!.AsArray().Select(c => (string)c!)],
            (int)q["voices"]!)).ToList();

        var groupOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var g = 0; g < report.Groups.Length; g++)
        {
            foreach (var claim in report.Groups[g].Claims)
            {
                groupOf[claim.Id] = g;
            }
        }

        var text = new StringBuilder();
        var disagreements = new List<string>();
        text.Append(Invariant($"Held-out claim set: {input.Claims.Length} claims, {questions.Count} questions; report: {report.Groups.Length} groups, {report.Issues.Length} issues, {report.Summary.RejectedClaims} claims rejected\n"));

        // (a) Grouping: claim pairs that share a question vs claim pairs that share a group.
        var expectedPairs = Pairs(questions.Select(q => q.Claims));
        var actualPairs = Pairs(report.Groups.Select(g => g.Claims.Select(c => c.Id).ToArray()));
        var grouping = new PairScore(expectedPairs, actualPairs);
        var exact = 0;
        foreach (var question in questions)
        {
            var groups = question.Claims.Select(c => groupOf.TryGetValue(c, out var g) ? g : -1).Distinct().Order().ToList();
            if (groups is [var only] && only >= 0 && report.Groups[only].Claims.Length == question.Claims.Length)
            {
                exact++;
                continue;
            }

            var found = string.Join(" | ", groups.Select(g => g < 0 ? "(no group)" : Describe(report.Groups[g])));
            disagreements.Add($"grouping {question.Id} [{string.Join(", ", question.Claims)}]: found {found}");
        }

        var mustNot = expected["mustNotGroup"]!.AsArray().Select(p => p!["claims"]!.AsArray().Select(c => (string)c!).ToArray()).ToList();
        var violations = mustNot
            .Where(p => groupOf.TryGetValue(p[0], out var a) && groupOf.TryGetValue(p[1], out var b) && a == b)
            .Select(p => $"must-not-group {p[0]} + {p[1]}: together in {Describe(report.Groups[groupOf[p[0]]])}")
            .ToList();
        disagreements.AddRange(violations);
        text.Append(Invariant($"grouping: pair precision {grouping.Precision:F3} ({grouping.Both}/{grouping.Actual}), pair recall {grouping.Recall:F3} ({grouping.Both}/{grouping.Expected}); questions grouped exactly {exact}/{questions.Count}; must-not-group pairs together {violations.Count}/{mustNot.Count}\n"));

        // (b) Verdicts and independent voices: the group holding most of the question's claims (first group among equals).
        var verdicts = 0;
        var voices = 0;
        var perQuestion = new StringBuilder();
        foreach (var question in questions)
        {
            var best = question.Claims.Where(groupOf.ContainsKey).GroupBy(c => groupOf[c]).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).FirstOrDefault();
            var group = best is null ? null : report.Groups[best.Key];
            var verdict = group is null ? "(no group)" : Name(group.Verdict);
            if (verdict == question.Verdict)
            {
                verdicts++;
            }
            else
            {
                disagreements.Add($"verdict {question.Id}: expected {question.Verdict}, found {verdict}{(group is null ? "" : " in " + Describe(group))}");
            }

            if (group?.IndependentSources == question.Voices)
            {
                voices++;
            }
            else
            {
                disagreements.Add(Invariant($"voices {question.Id}: expected {question.Voices}, found {group?.IndependentSources}"));
            }

            perQuestion.Append(Invariant($"{question.Id} {(group is null ? "(no group)" : Describe(group))}, {group?.IndependentSources} voices, consensus {group?.Consensus?.ToString() ?? "-"}\n"));
        }

        text.Append(Invariant($"verdicts: {verdicts}/{questions.Count} = {(double)verdicts / questions.Count:F3}; independent voices as expected: {voices}/{questions.Count}\n"));

        // (c) Claims judged wrong: contradicted in the report vs named wrong by the human.
        var wrong = questions.SelectMany(q => q.Wrong).ToHashSet(StringComparer.Ordinal);
        var contradicted = report.Groups.SelectMany(g => g.Claims).Where(c => c.Status == ClaimStatus.Contradicted).Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var caught = wrong.Count(contradicted.Contains);
        text.Append(Invariant($"wrong claims: {caught}/{wrong.Count} planted errors contradicted, {contradicted.Count - caught} other claims contradicted\n"));
        disagreements.AddRange(wrong.Where(c => !contradicted.Contains(c)).Order(StringComparer.Ordinal).Select(c => $"wrong {c}: not contradicted ({Status(report, c)})"));
        disagreements.AddRange(contradicted.Where(c => !wrong.Contains(c)).Order(StringComparer.Ordinal).Select(c => $"wrong {c}: contradicted, but the human judges it right"));

        // (d) Names: distinct person mentions, pairwise: same person in expected.json vs same entity key in the resolver.
        var mentions = expected["mentions"]!.AsArray().Select(m => ((string)m!["text"]!, (string)m["person"]!))
            .Concat(expected["eventParticipants"]!.AsArray().Select(m => ((string)m!["text"]!, (string)m["person"]!)))
            .Distinct()
            .Order()
            .ToList();
        var resolver = new EntityResolver(input.Entities, input.Events, input.Claims.SelectMany(c => EntityResolver.Mentions(c)).Select(m => m.Mention));
        var names = new PairScore(
            Pairs(mentions.GroupBy(m => m.Item2, StringComparer.Ordinal).Select(g => g.Select(m => m.Item1).ToArray())),
            Pairs(mentions.GroupBy(m => resolver.Key(m.Item1), StringComparer.Ordinal).Select(g => g.Select(m => m.Item1).ToArray())));
        text.Append(Invariant($"names: {mentions.Count} distinct person mentions; pair precision {names.Precision:F3} ({names.Both}/{names.Actual}), pair recall {names.Recall:F3} ({names.Both}/{names.Expected})\n"));
        foreach (var person in mentions.GroupBy(m => m.Item2, StringComparer.Ordinal))
        {
            var keys = person.GroupBy(m => resolver.Key(m.Item1), StringComparer.Ordinal).Select(k => "{" + string.Join(", ", k.Select(m => m.Item1)) + "}").ToList();
            if (keys.Count > 1)
            {
                disagreements.Add($"names {person.Key}: split into {string.Join(" ", keys)}");
            }
        }

        foreach (var key in mentions.GroupBy(m => resolver.Key(m.Item1), StringComparer.Ordinal).Where(k => k.Select(m => m.Item2).Distinct().Count() > 1))
        {
            disagreements.Add($"names joined under {key.Key}: {string.Join(", ", key.Select(m => $"{m.Item1} ({m.Item2})"))}");
        }

        var joined = expected["distinctPeople"]!.AsArray()
            .Select(p => ((string)p!["a"]!, (string)p["b"]!))
            .Where(p => resolver.Key(p.Item1) == resolver.Key(p.Item2))
            .Select(p => $"names {p.Item1} = {p.Item2}, but they are different people")
            .ToList();
        disagreements.AddRange(joined);

        text.Append(Invariant($"disagreements with the human judgement: {disagreements.Count}\n"));
        foreach (var line in disagreements)
        {
            text.Append("- ").Append(line).Append('\n');
        }

        text.Append("groups, one per question:\n").Append(perQuestion);
        foreach (var issue in report.Issues.OrderBy(i => i.Claim, StringComparer.Ordinal).ThenBy(i => i.Code, StringComparer.Ordinal))
        {
            text.Append(Invariant($"issue {issue.Code} {issue.Claim ?? "-"} {issue.Path}\n"));
        }

        return new Scores(text.ToString(), grouping, names, mustNot.Count, violations, joined);
    }

    private static string Describe(ClaimGroup group) =>
        $"{group.Subject}.{group.Property} [{group.Scope ?? "-"}] {Name(group.Verdict)} ({string.Join(", ", group.Claims.Select(c => c.Id))})";

    private static string Status(ReconciliationReport report, string id) =>
        report.Groups.SelectMany(g => g.Claims).FirstOrDefault(c => c.Id == id) is { } claim
            ? claim.Status.ToString().ToLowerInvariant()
            : "not grouped";

    private static string Name(Verdict verdict) => verdict switch
    {
        Verdict.Agreement => "agreement",
        Verdict.Conflict => "conflict",
        Verdict.SingleSource => "single-source",
        _ => throw new ArgumentOutOfRangeException(nameof(verdict)),
    };

    private static HashSet<(string, string)> Pairs(IEnumerable<string[]> clusters)
    {
        var pairs = new HashSet<(string, string)>();
        foreach (var cluster in clusters)
        {
            var members = cluster.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
            for (var i = 0; i < members.Length; i++)
            {
                for (var j = i + 1; j < members.Length; j++)
                {
                    pairs.Add((members[i], members[j]));
                }
            }
        }

        return pairs;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private sealed record Question(string Id, string[] Claims, string Verdict, string[] Wrong, int Voices);

    private sealed record Scores(string Text, PairScore Grouping, PairScore Names, int MustNotGroup, List<string> MustNotGroupViolations, List<string> DistinctPeopleJoined);

    private sealed class PairScore(HashSet<(string, string)> expected, HashSet<(string, string)> actual)
    {
        public int Expected { get; } = expected.Count;

        public int Actual { get; } = actual.Count;

        public int Both { get; } = expected.Count(actual.Contains);

        public double Precision => Actual == 0 ? 1.0 : (double)Both / Actual;

        public double Recall => Expected == 0 ? 1.0 : (double)Both / Expected;
    }
}
