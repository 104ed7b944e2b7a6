using System.Globalization;
using ClaimReconcile.Estimation;
using ClaimReconcile.Evaluation;

if (args.Length == 2 && args[0] == "scale" && int.TryParse(args[1], CultureInfo.InvariantCulture, out var scaleClaims))
{
    // Speed on generated data: 10 claims per question from 1,000 sources; the whole reconciliation is timed.
    var (scaleSet, _) = new SyntheticData(Questions: scaleClaims / 10, Honest: 1000, Coverage: 0.0095, Copiers: 0).Generate();
    Console.WriteLine($"{scaleSet.Claims.Length} claims, {scaleClaims / 10} questions, 1000 sources");
    foreach (var estimator in new IConsensusEstimator[] { MajorityVoteEstimator.Instance, TruthDiscoveryEstimator.Default })
    {
        var (_, ms) = Evaluations.Reconcile(scaleSet, estimator);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{estimator.Name}: {ms:0} ms"));
    }

    return 0;
}

var data = args.Length > 0 ? args[0] : Path.Combine("..", "shared", "benchmarks");
var flights = Path.Combine(data, "flights");
var books = Path.Combine(data, "books");
string[] needed = [Path.Combine(flights, "claims.csv"), Path.Combine(flights, "truth.csv"), Path.Combine(books, "claims.txt"), Path.Combine(books, "truth.txt")];
var missing = needed.Where(p => !File.Exists(p)).ToList();
if (missing.Count > 0)
{
    Console.Error.WriteLine("Benchmark data not found: " + string.Join(", ", missing));
    Console.Error.WriteLine("Usage: dotnet run -c Release --project benchmarks/ClaimReconcile.Evaluation -- <folder with flights/ and books/>");
    return 2;
}

var copyingFirst = new TruthDiscoveryEstimator(new TruthDiscoveryOptions { DetectCopyingFirst = true });
var copyingAfter = new TruthDiscoveryEstimator(new TruthDiscoveryOptions { DetectCopyingFirst = false });

// The setting docs/accuracy.md suggests for thousands of sources, where two false values shared by chance are common.
var threeShared = new TruthDiscoveryEstimator(new TruthDiscoveryOptions { MinSharedFalse = 3 });

// The other setting it names: a lower prior probability that two sources are dependent.
var rareCopying = new TruthDiscoveryEstimator(new TruthDiscoveryOptions { CopyPrior = 0.01 });
(string Name, IConsensusEstimator Estimator)[] estimators =
[
    ("majority-vote", MajorityVoteEstimator.Instance),
    ("truth-discovery (default)", TruthDiscoveryEstimator.Default),
    ("truth-discovery, copying looked for after the first estimate", copyingAfter),
    ("truth-discovery, copying looked for first", copyingFirst),
    ("truth-discovery, at least 3 shared false values for dependence", threeShared),
    ("truth-discovery, prior of dependence 0.01", rareCopying),
];
var flightClaims = FlightsData.LoadClaims(flights);
var flightTruth = FlightsData.LoadTruth(flights);
var bookClaims = BooksData.LoadClaims(books);
var bookTruth = BooksData.LoadTruth(books);

Console.WriteLine($"Flights: {flightClaims.Claims.Length} claims, {flightTruth.Count} gold items. Books: {bookClaims.Claims.Length} claims, {bookTruth.Count} gold books.");
Console.WriteLine();
Console.WriteLine("| data set | estimator | items | exact | published rule | Brier | ECE | claim Brier | ms |");
Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---:|");
var last = new List<string>();
foreach (var (name, estimator) in estimators)
{
    var f = Evaluations.Flights(flightClaims, flightTruth, estimator);
    var b = Evaluations.Books(bookClaims, bookTruth, estimator);
    Console.WriteLine(Row("flights", name, f));
    Console.WriteLine(Row("books", name, b));
    if (ReferenceEquals(estimator, TruthDiscoveryEstimator.Default))
    {
        last.Add(string.Create(CultureInfo.InvariantCulture, $"flights precision={f.Matching:0.000}"));
        last.Add(string.Create(CultureInfo.InvariantCulture, $"books precision={b.Matching:0.000}"));
    }
}

IConsensusEstimator[] syntheticEstimators =
[
    MajorityVoteEstimator.Instance,
    new TruthDiscoveryEstimator(new TruthDiscoveryOptions { DetectCopying = false }),
    TruthDiscoveryEstimator.Default,
    copyingAfter,
    copyingFirst,
    threeShared,
];
string[] syntheticNames =
[
    "majority-vote", "truth-discovery, copy detection off", "truth-discovery (default)",
    "truth-discovery, copying looked for after the first estimate", "truth-discovery, copying looked for first",
    "truth-discovery, at least 3 shared false values for dependence",
];
foreach (var (title, synthetic) in new[]
{
    ("honest sources answer 70 % of questions; the copied source is right 60 % of the time", new SyntheticData(Coverage: 0.7, OriginalAccuracy: 0.6)),
    ("hard: honest sources answer 50 %; the copied source is right 40 %", new SyntheticData(Coverage: 0.5, OriginalAccuracy: 0.4)),
})
{
    var (syntheticClaims, syntheticTruth) = synthetic.Generate();
    Console.WriteLine();
    Console.WriteLine($"Synthetic data, {synthetic.Questions} questions with known truth: {synthetic.Honest} independent sources right {synthetic.HonestAccuracy:P0} of the time; "
        + $"one source copied by {synthetic.Copiers} others on every question; {title}.");
    Console.WriteLine();
    Console.WriteLine("| estimator | precision | questions with a copied false majority | of those right |");
    Console.WriteLine("|---|---:|---:|---:|");
    for (var e = 0; e < syntheticEstimators.Length; e++)
    {
        var (_, precision, copied, copiedRight) = SyntheticData.Score(syntheticClaims, syntheticTruth, syntheticEstimators[e]);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {syntheticNames[e]} | {precision:0.000} | {copied} | {copiedRight} |"));
    }
}

// Independent sources only: the early look for copying finds a few pairs by chance, and by default the early order then
// runs alone when they share under 1 % of the claims (TruthDiscoveryOptions.BothOrdersMinShare). How much does the order matter?
(string Name, IConsensusEstimator Estimator)[] orderEstimators =
[
    ("truth-discovery (default)", TruthDiscoveryEstimator.Default),
    ("truth-discovery, both orders whenever the early look finds anything", new TruthDiscoveryEstimator(new TruthDiscoveryOptions { BothOrdersMinShare = 0 })),
    ("truth-discovery, copying looked for first", copyingFirst),
    ("truth-discovery, copying looked for after the first estimate", copyingAfter),
];
var independentSets = (
    from shape in new (int Sources, double Accuracy, double Coverage, int FalseValues)[] { (30, 0.5, 0.2, 2), (40, 0.6, 0.15, 3), (60, 0.55, 0.1, 3) }
    from seed in Enumerable.Range(1, 30)
    select new SyntheticData(Questions: 400, Honest: shape.Sources - 1, HonestAccuracy: shape.Accuracy, Coverage: shape.Coverage, Copiers: 0,
        OriginalAccuracy: shape.Accuracy, FalseValues: shape.FalseValues, Seed: seed).Generate()).ToList();
var precisions = orderEstimators.Select(_ => new List<double>()).ToArray();
var differing = new int[orderEstimators.Length];
foreach (var (claims, truth) in independentSets)
{
    string? defaultReport = null;
    for (var e = 0; e < orderEstimators.Length; e++)
    {
        var (report, _) = Evaluations.Reconcile(claims, orderEstimators[e].Estimator);
        precisions[e].Add(report.Groups.Count(g => SyntheticData.IsRight(g, truth)) / (double)report.Groups.Length);
        var json = ClaimReconcile.Serialization.ReportJson.Write(report);
        defaultReport ??= json;
        differing[e] += json == defaultReport ? 0 : 1;
    }
}

Console.WriteLine();
Console.WriteLine($"Synthetic data, {independentSets.Count} sets of 400 questions from independent sources only (30 right 50 % of the time with two false values, "
    + "40 right 60 % with three, 60 right 55 % with three; 30 seeds each; one source answers every question, the others 10-20 %).");
Console.WriteLine();
Console.WriteLine("| estimator | mean precision | sets whose report differs from the default's |");
Console.WriteLine("|---|---:|---:|");
for (var e = 0; e < orderEstimators.Length; e++)
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {orderEstimators[e].Name} | {precisions[e].Average():0.0000} | {differing[e]} |"));
}

Console.WriteLine();
Console.WriteLine("Published rule: Flights within 10 minutes of the truth; Books the whole list of family names right.");
Console.WriteLine();
foreach (var line in last)
{
    Console.WriteLine(line);
}

return 0;

static string Row(string set, string name, Scores s) => string.Create(CultureInfo.InvariantCulture,
    $"| {set} | {name} | {s.Items} | {s.Exact:0.000} | {s.Matching:0.000} | {s.Brier:0.000} | {s.Ece:0.000} | {s.ClaimBrier:0.000} | {s.Milliseconds:0} |");
