using System.Globalization;
using ClaimReconcile.Estimation;
using ClaimReconcile.Evaluation;

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

IConsensusEstimator[] estimators = [MajorityVoteEstimator.Instance, TruthDiscoveryEstimator.Default];
var flightClaims = FlightsData.LoadClaims(flights);
var flightTruth = FlightsData.LoadTruth(flights);
var bookClaims = BooksData.LoadClaims(books);
var bookTruth = BooksData.LoadTruth(books);

Console.WriteLine($"Flights: {flightClaims.Claims.Length} claims, {flightTruth.Count} gold items. Books: {bookClaims.Claims.Length} claims, {bookTruth.Count} gold books.");
Console.WriteLine();
Console.WriteLine("| data set | estimator | items | exact | published rule | Brier | ECE | claim Brier | ms |");
Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---:|");
var last = new List<string>();
foreach (var estimator in estimators)
{
    var f = Evaluations.Flights(flightClaims, flightTruth, estimator);
    var b = Evaluations.Books(bookClaims, bookTruth, estimator);
    Console.WriteLine(Row("flights", estimator.Name, f));
    Console.WriteLine(Row("books", estimator.Name, b));
    if (ReferenceEquals(estimator, estimators[^1]))
    {
        last.Add(string.Create(CultureInfo.InvariantCulture, $"flights precision={f.Matching:0.000}"));
        last.Add(string.Create(CultureInfo.InvariantCulture, $"books precision={b.Matching:0.000}"));
    }
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
