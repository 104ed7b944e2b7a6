namespace ClaimReconcile.Evaluation;

/// <summary>How one method did on one data set.</summary>
/// <param name="Items">Gold items that have claims.</param>
/// <param name="Exact">Share of items whose consensus equals the truth exactly (after normalization).</param>
/// <param name="Matching">Share of items right under the data set's published matching rule.</param>
/// <param name="Brier">Mean squared error of the consensus confidence against "right under the matching rule".</param>
/// <param name="Ece">Expected calibration error of the consensus confidence (10 equal-width bins).</param>
/// <param name="ClaimBrier">Brier score of the claims' probabilities against "the claim is right under the rule".</param>
/// <param name="Milliseconds">Reconciliation time.</param>
public sealed record Scores(int Items, double Exact, double Matching, double Brier, double Ece, double ClaimBrier, double Milliseconds)
{
    /// <summary>Scores a list of (confidence, right) outcomes.</summary>
    public static (double Brier, double Ece) Calibration(IReadOnlyList<(double Confidence, bool Right)> outcomes)
    {
        if (outcomes.Count == 0)
        {
            return (double.NaN, double.NaN);
        }

        var brier = outcomes.Average(o => Math.Pow(o.Confidence - (o.Right ? 1 : 0), 2));
        const int bins = 10;
        var ece = 0.0;
        for (var b = 0; b < bins; b++)
        {
            var inBin = outcomes.Where(o => Math.Min((int)(o.Confidence * bins), bins - 1) == b).ToList();
            if (inBin.Count > 0)
            {
                ece += inBin.Count / (double)outcomes.Count * Math.Abs(inBin.Average(o => o.Confidence) - inBin.Average(o => o.Right ? 1.0 : 0.0));
            }
        }

        return (brier, ece);
    }
}
