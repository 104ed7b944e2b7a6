using ClaimReconcile.Estimation;

namespace ClaimReconcile.Evaluation;

/// <summary>
/// A generated data set with known truth and copiers: independent honest sources that each answer about half the
/// questions, and a clique of one unreliable source with copiers that repeat its values (false ones included) on
/// every question. Where the clique's false value outnumbers the honest voices, the majority is copied.
/// </summary>
/// <param name="Questions">How many questions.</param>
/// <param name="Honest">How many independent honest sources.</param>
/// <param name="HonestAccuracy">How often an honest source is right.</param>
/// <param name="Coverage">The share of questions each honest source answers.</param>
/// <param name="Copiers">How many sources copy the unreliable one.</param>
/// <param name="OriginalAccuracy">How often the copied (unreliable) source is right.</param>
/// <param name="CopyRate">How often a copier repeats the copied source's value rather than finding its own.</param>
/// <param name="FalseValues">How many false values each question has.</param>
/// <param name="Seed">The random seed: the same seed gives the same data.</param>
public sealed record SyntheticData(int Questions = 200, int Honest = 10, double HonestAccuracy = 0.8, double Coverage = 0.5,
    int Copiers = 4, double OriginalAccuracy = 0.4, double CopyRate = 0.95, int FalseValues = 20, int Seed = 2026)
{
    /// <summary>Generates the claims and the truth of every question.</summary>
    public (ClaimSet Claims, Dictionary<string, string> Truth) Generate()
    {
        var random = new Random(Seed);
        var builder = ClaimSet.CreateBuilder();
        var honest = Enumerable.Range(1, Honest).Select(i => $"honest{i:00}").ToArray();
        var copiers = Enumerable.Range(1, Copiers).Select(i => $"copier{i}").ToArray();
        foreach (var id in honest.Append("original").Concat(copiers))
        {
            builder.AddSource(id);
        }

        var truth = new Dictionary<string, string>(StringComparer.Ordinal);
        string Value(string question, double accuracy) => random.NextDouble() < accuracy ? "true" : $"false{random.Next(FalseValues)}";
        for (var q = 0; q < Questions; q++)
        {
            var question = $"q{q:000}";
            truth[question] = "true";
            foreach (var source in honest)
            {
                if (random.NextDouble() < Coverage)
                {
                    builder.AddClaim(source, question, "answer", ClaimValue.Text(Value(question, HonestAccuracy)), id: $"{source}/{question}");
                }
            }

            var original = Value(question, OriginalAccuracy);
            builder.AddClaim("original", question, "answer", ClaimValue.Text(original), id: $"original/{question}");
            foreach (var copier in copiers)
            {
                builder.AddClaim(copier, question, "answer", ClaimValue.Text(random.NextDouble() < CopyRate ? original : Value(question, OriginalAccuracy)), id: $"{copier}/{question}");
            }
        }

        return (builder.Build(), truth);
    }

    /// <summary>
    /// Runs an estimator; returns its precision over all questions and over the questions where a copied false
    /// value has more sources than the truth (the copied majorities).
    /// </summary>
    public static (int Questions, double Precision, int CopiedMajorities, int CopiedMajoritiesRight) Score(ClaimSet claims, Dictionary<string, string> truth, IConsensusEstimator estimator)
    {
        var (report, _) = Evaluations.Reconcile(claims, estimator);
        var right = 0;
        var copied = 0;
        var copiedRight = 0;
        foreach (var group in report.Groups)
        {
            var ok = IsRight(group, truth);
            right += ok ? 1 : 0;
            var counts = group.Claims.GroupBy(c => ((TextValue)c.Claim.Value).Value).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
            var trueCount = counts.GetValueOrDefault(truth[group.Subject]);
            if (counts.Any(c => c.Key != truth[group.Subject] && c.Value > trueCount))
            {
                copied++;
                copiedRight += ok ? 1 : 0;
            }
        }

        return (report.Groups.Length, right / (double)report.Groups.Length, copied, copiedRight);
    }

    /// <summary>Whether a group's consensus is its question's true value.</summary>
    public static bool IsRight(ClaimGroup group, Dictionary<string, string> truth) =>
        group.Consensus is TextValue t && t.Value == truth[group.Subject];
}
