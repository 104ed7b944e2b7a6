using System.Diagnostics;
using ClaimReconcile.Estimation;
using NodaTime;

namespace ClaimReconcile.Evaluation;

/// <summary>Runs an estimator on a data set and scores its consensus against the gold standard; the gold is read only here.</summary>
public static class Evaluations
{
    /// <summary>The Flights matching rule of Li et al.: a time is right within 10 minutes of the truth.</summary>
    public static readonly Duration FlightsTolerance = Duration.FromMinutes(10);

    /// <summary>Reconciles Flights with <paramref name="estimator"/> and scores it.</summary>
    public static Scores Flights(ClaimSet claims, Dictionary<(string Flight, string Attribute), LocalTime> truth, IConsensusEstimator estimator)
    {
        var (report, ms) = Reconcile(claims, estimator);
        var items = 0;
        var exact = 0;
        var close = 0;
        var outcomes = new List<(double, bool)>();
        var claimOutcomes = new List<(double, bool)>();
        foreach (var group in report.Groups)
        {
            if (!truth.TryGetValue((group.Subject, group.Property), out var gold))
            {
                continue;
            }

            var goldInstant = FlightsData.ToInstant(gold);
            bool Right(ClaimValue? value) => value is TemporalValue { Instant: { } i } && Abs(i - goldInstant) <= FlightsTolerance;
            items++;
            var right = Right(group.Consensus);
            exact += group.Consensus is TemporalValue { Instant: { } c } && c == goldInstant ? 1 : 0;
            close += right ? 1 : 0;
            outcomes.Add((group.Confidence ?? 0, right));
            claimOutcomes.AddRange(group.Claims.Select(c => (c.Confidence, Right(c.Claim.Value))));
        }

        return Score(items, exact, close, outcomes, claimOutcomes, ms);
    }

    /// <summary>Reconciles Books with <paramref name="estimator"/> and scores it: right when the family names equal the gold's.</summary>
    public static Scores Books(ClaimSet claims, Dictionary<string, string[]> truth, IConsensusEstimator estimator)
    {
        var (report, ms) = Reconcile(claims, estimator);
        var items = 0;
        var right = 0;
        var outcomes = new List<(double, bool)>();
        var claimOutcomes = new List<(double, bool)>();
        foreach (var group in report.Groups)
        {
            if (!truth.TryGetValue(group.Subject, out var gold))
            {
                continue;
            }

            bool Right(ClaimValue? value) => value is SetValue s && s.Members.Order(StringComparer.Ordinal).SequenceEqual(gold, StringComparer.Ordinal);
            items++;
            var ok = Right(group.Consensus);
            right += ok ? 1 : 0;
            outcomes.Add((group.Confidence ?? 0, ok));
            claimOutcomes.AddRange(group.Claims.Select(c => (c.Confidence, Right(c.Claim.Value))));
        }

        return Score(items, right, right, outcomes, claimOutcomes, ms);
    }

    /// <summary>Reconciles with the given estimator and the default everything else.</summary>
    public static (ReconciliationReport Report, double Milliseconds) Reconcile(ClaimSet claims, IConsensusEstimator estimator)
    {
        var reconciler = new Reconciler(new ReconcilerOptions { Estimator = estimator }, new FixedClock());
        var watch = Stopwatch.StartNew();
        var report = reconciler.Reconcile(claims);
        return (report, watch.Elapsed.TotalMilliseconds);
    }

    private static Scores Score(int items, int exact, int right, List<(double, bool)> outcomes, List<(double, bool)> claimOutcomes, double ms)
    {
        var (brier, ece) = Scores.Calibration(outcomes);
        var (claimBrier, _) = Scores.Calibration(claimOutcomes);
        return new Scores(items, items == 0 ? 0 : exact / (double)items, items == 0 ? 0 : right / (double)items, brier, ece, claimBrier, ms);
    }

    private static Duration Abs(Duration d) => d < Duration.Zero ? -d : d;

    private sealed class FixedClock : IClock
    {
        public Instant GetCurrentInstant() => Instant.FromUtc(2012, 1, 1, 0, 0);
    }
}
