using System.Collections.Immutable;
using System.Runtime.InteropServices;
using ClaimReconcile.Pipeline;

namespace ClaimReconcile.Estimation;

/// <summary>
/// The baseline: every independent voice has one vote; a value wins with the most votes of voices that agree
/// with it. Source reliability is the share of a source's contested claims that agree with the winners.
/// </summary>
/// <remarks>
/// Stateless and thread-safe. Confidence is the smoothed share of voices for the winner,
/// <c>(votes + 1) / (voices + 2)</c>, so one voice alone gives 0.67 and three in agreement 0.8. When two
/// values that do not agree have the same number of votes there is no winner. Among agreeing candidates
/// with equal votes the narrower (more precise) value wins.
/// </remarks>
public sealed class MajorityVoteEstimator : IConsensusEstimator
{
    /// <summary>The prior reliability of a source that declares none.</summary>
    public const double DefaultPrior = 0.5;

    /// <summary>The shared instance.</summary>
    public static MajorityVoteEstimator Instance { get; } = new();

    /// <inheritdoc />
    public string Name => "majority-vote";

    /// <inheritdoc />
    public ConsensusEstimate Estimate(EstimationProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);

        // Groups are independent: each lands in its own slot, so the result does not depend on the schedule.
        var estimates = new GroupEstimate[problem.Groups.Length];
        Partitioned.For(estimates.Length, g => estimates[g] = EstimateGroup(problem.Groups[g]));
        var groups = ImmutableCollectionsMarshal.AsImmutableArray(estimates);

        var sums = new double[problem.SourceIds.Length];
        var counts = new int[problem.SourceIds.Length];
        for (var g = 0; g < groups.Length; g++)
        {
            var group = problem.Groups[g];
            if (group.Voices < 2)
            {
                continue;
            }

            for (var c = 0; c < group.Claims.Length; c++)
            {
                sums[group.Claims[c].Source] += groups[g].ClaimProbabilities[c];
                counts[group.Claims[c].Source]++;
            }
        }

        var reliabilities = ImmutableArray.CreateBuilder<double>(sums.Length);
        for (var s = 0; s < sums.Length; s++)
        {
            var prior = problem.Priors[s] ?? DefaultPrior;
            reliabilities.Add((sums[s] + (2 * prior)) / (counts[s] + 2));
        }

        return new ConsensusEstimate(groups, reliabilities.MoveToImmutable());
    }

    private static GroupEstimate EstimateGroup(EstimationGroup group)
    {
        var n = group.Claims.Length;
        Span<double> votes = n <= Scratch.StackLimit ? stackalloc double[n] : new double[n];
        Span<double> perVoice = group.Voices <= Scratch.StackLimit ? stackalloc double[group.Voices] : new double[group.Voices];
        var best = -1;
        for (var candidate = 0; candidate < n; candidate++)
        {
            if (!group.Claims[candidate].IsCandidate)
            {
                continue;
            }

            votes[candidate] = Votes(group, candidate, perVoice);
            if (best < 0 || votes[candidate] > votes[best] + 1e-9
                || (Math.Abs(votes[candidate] - votes[best]) <= 1e-9 && group.Claims[candidate].Spread < group.Claims[best].Spread))
            {
                // More votes wins; with equal votes, the narrower value is the more precise answer.
                best = candidate;
            }
        }

        if (best < 0)
        {
            return GroupEstimate.WithoutCandidates(n);
        }

        var tie = false;
        for (var candidate = 0; candidate < n; candidate++)
        {
            if (candidate != best && group.Claims[candidate].IsCandidate && Math.Abs(votes[candidate] - votes[best]) <= 1e-9
                && group.Support(best, candidate) < 0.5)
            {
                tie = true;
            }
        }

        var confidence = (votes[best] + 1) / (group.Voices + 2);
        var probabilities = ImmutableArray.CreateBuilder<double>(n);
        for (var c = 0; c < n; c++)
        {
            var support = group.Support(best, c);
            probabilities.Add(tie ? 0.5 : (support * confidence) + ((1 - support) * (1 - confidence)));
        }

        return new GroupEstimate(tie ? null : best, tie ? 0.5 : confidence, probabilities.MoveToImmutable());
    }

    /// <summary>The votes for <paramref name="candidate"/>: each voice's strongest support, added in voice order. <paramref name="perVoice"/> is scratch space, one slot per voice.</summary>
    private static double Votes(EstimationGroup group, int candidate, Span<double> perVoice)
    {
        perVoice.Clear();
        for (var c = 0; c < group.Claims.Length; c++)
        {
            var voice = group.Claims[c].Voice;
            perVoice[voice] = Math.Max(perVoice[voice], group.Support(candidate, c));
        }

        var votes = 0.0;
        foreach (var vote in perVoice)
        {
            votes += vote;
        }

        return votes;
    }
}
