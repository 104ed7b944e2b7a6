using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ClaimReconcile.Estimation;
using ClaimReconcile.Rendering;
using ClaimReconcile.Serialization;
using ClaimReconcile.Tests.Hostile;
using FsCheck;
using FsCheck.Fluent;

namespace ClaimReconcile.Tests.Properties;

/// <summary>The guarantees of DESIGN.md as properties over generated claim sets of every value kind.</summary>
public sealed partial class ReconcilerProperties
{
    private static readonly Reconciler Default = Some.Reconciler();
    private static readonly Reconciler MajorityVote = new(new ReconcilerOptions { Estimator = MajorityVoteEstimator.Instance }, Some.Clock);

    [Fact]
    public void Reconcile_AnyOrderOfClaimsAndSources_GivesByteIdenticalJson() =>
        PropertyCheck.Holds(ClaimSetGenerators.Sets(), generated =>
        {
            // With a repeated id the first claim wins, so the order matters by definition; ids are made unique here.
            generated = generated.WithUniqueIds();
            var expected = Report(generated.Claims, generated.Sources, generated.Events);
            foreach (var shuffle in new[] { 1, 2, 3 })
            {
                var claimOrder = Permutation(generated.Claims.Length, shuffle);
                var sourceOrder = Permutation(generated.Sources.Length, shuffle + 10);
                var actual = Report([.. claimOrder.Select(i => generated.Claims[i])], [.. sourceOrder.Select(i => generated.Sources[i])], generated.Events);

                // Everything but the issues is byte-identical. Issues point at positions, so they are compared after mapping
                // each position back to the original order; their order in the list is the input's order, so as a set.
                Assert.Equal(expected.Json, actual.Json);
                Assert.Equal(expected.Issues, actual.Issues.Select(i => MapPositions(i, claimOrder, sourceOrder)).Order(StringComparer.Ordinal));
            }
        });

    [Fact]
    public void Reconcile_AnyGeneratedSet_AccountsForEveryClaimAndRenders() =>
        PropertyCheck.Holds(ClaimSetGenerators.Sets(), generated =>
        {
            var set = generated.ToClaimSet();
            var report = Default.Reconcile(set);
            Assert.Null(Conservation.Violation(set, report));

            var json = JsonNode.Parse(ReportJson.Write(report))!;
            Assert.Equal(set.Claims.Length, (int)json["summary"]!["claims"]!);
            Assert.Contains($"{set.Claims.Length} claim", TextReport.Render(report), StringComparison.Ordinal);
        });

    [Fact]
    public void Reconcile_ValuesAtTheEdgesOfTheModel_NeverThrowAndAccountForEveryClaim() =>
        PropertyCheck.Holds(ClaimSetGenerators.ExtremeSets(), generated =>
        {
            var set = generated.ToClaimSet();
            var report = Default.Reconcile(set);
            Assert.Null(Conservation.Violation(set, report));
            Assert.Contains("\"format\": \"reconciliation/1\"", ReportJson.Write(report), StringComparison.Ordinal);
            Assert.NotEmpty(TextReport.Render(report));
        });

    [Fact]
    public void ReadAndReconcile_GeneratedSetWrittenAsJson_AccountsForEveryClaim() =>
        PropertyCheck.Holds(ClaimSetGenerators.Sets(), generated =>
        {
            var read = ClaimSetJson.Read(ClaimSetJson.Write(generated.ToClaimSet()));
            Assert.True(read.Succeeded);
            Assert.Equal(generated.Claims.Length, read.ClaimSet.Claims.Length);

            var report = Default.Reconcile(read);
            Assert.Null(Conservation.Violation(read, report));
            Assert.Equal(Default.Reconcile(generated.ToClaimSet()).Summary, report.Summary);
        });

    [Fact]
    public void Reconcile_SameDurationsInHoursOrMinutes_GiveSameVerdicts() =>
        PropertyCheck.Holds(Arb.From(Gen.ListOf(LengthGen(), 12)), lengths =>
        {
            var inHours = Verdicts(Lengths(lengths, minutes: false));
            var inMinutes = Verdicts(Lengths(lengths, minutes: true));
            Assert.Equal(inHours, inMinutes);
        });

    [Fact]
    public void Reconcile_AgreeingIndependentSourceAdded_NeverLowersConfidence_DefaultEstimator() =>
        Assert.InRange(CheckAgreeingSource(Default), 100, int.MaxValue);

    [Fact]
    public void Reconcile_AgreeingIndependentSourceAdded_NeverLowersConfidence_MajorityVote() =>
        Assert.InRange(CheckAgreeingSource(MajorityVote), 100, int.MaxValue);

    /// <summary>Checks the property over generated sets; returns how many groups it was checked on.</summary>
    private static int CheckAgreeingSource(Reconciler reconciler, [System.Runtime.CompilerServices.CallerMemberName] string name = "")
    {
        var groups = 0;
        PropertyCheck.Holds(ClaimSetGenerators.Sets(), generated => groups += AssertAgreeingSourceNeverLowersConfidence(reconciler, generated), name: name);
        return groups;
    }

    private static int AssertAgreeingSourceNeverLowersConfidence(Reconciler reconciler, GeneratedSet generated)
    {
        var checkedGroups = 0;
        var before = reconciler.Reconcile(generated.ToClaimSet());
        foreach (var group in before.Groups.Where(g => g.Consensus is not null && g.Confidence is not null))
        {
            // The new source states the consensus value on its own (no upstream, no speaker), like a claim of the
            // group that states it and is not contradicted (negated or not), or plainly when no claim of the group is negated.
            // A plain statement is preferred; a negated one only when the consensus came from it.
            var same = group.Claims.Where(c => c.Status != ClaimStatus.Contradicted && c.Claim.Value.Equals(group.Consensus))
                .OrderBy(c => c.Claim.Negated).FirstOrDefault()?.Claim;
            if (same is null && group.Claims.Any(c => c.Claim.Negated))
            {
                continue;
            }

            var like = same ?? group.Claims[0].Claim;
            var negated = same?.Negated ?? false;

            // Dates and ages are read in the source's time zone and as of its publication: the new source shares both.
            var origin = generated.Sources.First(s => s.Id == like.Source);
            var added = new Claim("independent", like.Subject, like.Property, group.Consensus!) { Id = "agreeing", Scope = like.Scope, Negated = negated };
            var after = reconciler.Reconcile(new ClaimSet(
                [.. generated.Sources, new Source("independent") { TimeZone = origin.TimeZone, PublishedOn = origin.PublishedOn }],
                [.. generated.Claims, added],
                events: generated.Events));

            var grown = Assert.Single(after.Groups, g => g.Claims.Any(c => c.Id == "agreeing"));
            Assert.Contains(grown.Claims, c => c.Id == group.Claims[0].Id);
            Assert.Equal(group.Consensus, grown.Consensus);
            Assert.True(grown.Confidence >= group.Confidence - 1e-9,
                $"{group}: confidence {group.Confidence} fell to {grown.Confidence} when an independent source agreed with {group.Consensus}.");
            checkedGroups++;
        }

        return checkedGroups;
    }

    /// <summary>A length of time as a range or a hedged value that does not use the rounding step, or as an ISO duration.</summary>
    private static Gen<(double Low, double High, Hedge Hedge, bool Iso)> LengthGen() =>
        from low in Gen.Elements(3.0, 4.0, 4.5, 5.0, 5.5, 6.0)
        from width in Gen.Elements(0.0, 0.0, 0.5, 1.0)
        from hedge in Gen.Elements(Hedge.Exact, Hedge.About, Hedge.Almost, Hedge.MoreThan, Hedge.AtLeast, Hedge.AtMost, Hedge.LessThan)
        from iso in Gen.Elements(true, false)
        select (low, low + width, hedge, iso);

    /// <summary>
    /// The lengths as one question, in hours or in minutes. Single numbers are given only with hedges whose rule does not
    /// widen by the rounding step: a bare "300 min" is meant to be read more precisely (± 5 min) than a bare "5 h" (± 30 min),
    /// so bare round numbers are not unit-invariant by design. ISO durations (PT5H, PT300M) are always included.
    /// </summary>
    private static string Lengths(List<(double Low, double High, Hedge Hedge, bool Iso)> lengths, bool minutes)
    {
        var claims = lengths.Select((l, i) =>
        {
            var factor = minutes ? 60 : 1;
            var hedge = HedgeNames.ToName(l.Hedge);
            string value;
            if (l.Iso)
            {
                var total = (int)(l.Low * 60);
                value = $$"""{"duration": "{{(minutes ? $"PT{total}M" : $"PT{total / 60}H{(total % 60 == 0 ? "" : $"{total % 60}M")}")}}", "hedge": "{{hedge}}"}""";
            }
            else if (l.High > l.Low || HedgeTable.Default[l.Hedge].UsesRoundingStep)
            {
                value = $$"""{"number": {"min": {{l.Low * factor}}, "max": {{Math.Max(l.High, l.Low + 0.5) * factor}}}, "unit": "{{(minutes ? "min" : "h")}}", "hedge": "{{hedge}}"}""";
            }
            else
            {
                value = $$"""{"number": {{l.Low * factor}}, "unit": "{{(minutes ? "min" : "h")}}", "hedge": "{{hedge}}"}""";
            }

            return Some.ClaimJson(ClaimSetGenerators.SourceIds[i % ClaimSetGenerators.SourceIds.Length], value, $"c{i}");
        });
        return Some.Json(ClaimSetGenerators.SourceIds.Select(id => Some.SourceJson(id)), claims);
    }

    private static List<string> Verdicts(string json)
    {
        var read = ClaimSetJson.Read(json);
        Assert.True(read.Succeeded);
        Assert.Empty(read.Issues);
        var report = Default.Reconcile(read);
        return [.. report.Groups.Select(g => $"{g.Verdict} {g.Confidence:R} {g.IndependentSources}: " + string.Join(", ", g.Claims.Select(c => $"{c.Id} {c.Status} {c.Confidence:R}")))];
    }

    private static (string Json, List<string> Issues) Report(IEnumerable<Claim> claims, IEnumerable<Source> sources, IEnumerable<Event> events)
    {
        var report = Default.Reconcile(new ClaimSet(sources, claims, events: events));
        var json = JsonNode.Parse(ReportJson.Write(report))!.AsObject();
        json.Remove("issues");
        return (json.ToJsonString(), [.. report.Issues.Select(i => $"{i.Code} {i.Severity} {i.Claim} {i.Path}: {i.Message}").Order(StringComparer.Ordinal)]);
    }

    private static string MapPositions(string issue, int[] claimOrder, int[] sourceOrder) =>
        Position().Replace(issue, m => $"$.{m.Groups[1].Value}[{(m.Groups[1].Value == "claims" ? claimOrder : sourceOrder)[int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture)]}]");

    /// <summary>A fixed, seeded shuffle of 0..n-1.</summary>
    private static int[] Permutation(int n, int shuffle)
    {
        var order = Enumerable.Range(0, n).ToArray();
        new Random(shuffle * 7919 + n).Shuffle(order);
        return order;
    }

    [GeneratedRegex(@"\$\.(claims|sources)\[(\d+)\]")]
    private static partial Regex Position();
}
