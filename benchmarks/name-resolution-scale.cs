#:project ../src/ClaimReconcile
#:property PublishAot=false

// How much name resolution costs at scale (docs/entity-resolution.md, "Speed").
// Usage, from benchmarks/:  dotnet run -c Release name-resolution-scale.cs -- <people> <claims> [ids]
// Makes <people> synthetic Russian-style names, each written four ways (German and English surname, with and
// without a first name), and <claims> claims whose subjects are drawn from those spellings. With "ids", every
// spelling is replaced by an opaque id ("p17-2") that no name matching touches: the difference is the cost of
// name resolution. Prints the best of three runs in CPU seconds (the machine may be shared).
using System.Diagnostics;
using ClaimReconcile;

var people = int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture);
var claimCount = int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture);
var opaque = args.Length > 2;

string[] givens = ["Dmitri", "Kirill", "Juri", "Sergej", "Wladimir", "Rustem", "Andrij", "Alexej", "Maria", "Olena", "Boris", "Michail"];
string[] stems = ["Uschak", "Dmitri", "Pesk", "Umer", "Lawr", "Medwed", "Schoig", "Gnat", "Kadyr", "Wolod", "Belous", "Patrusch", "Naryschk", "Rjabk", "Sacharow", "Jermak", "Budan", "Kulebk", "Tschernys", "Gorbatsch"];
var random = new Random(42);
string Syllable() => "bcdfgklmnprstvz"[random.Next(15)].ToString() + "aeiou"[random.Next(5)];

var spellings = new List<string[]>();
for (var p = 0; p < people; p++)
{
    var stem = stems[p % stems.Length] + Syllable() + Syllable();
    var given = givens[random.Next(givens.Length)];
    var german = char.ToUpperInvariant(stem[0]) + stem[1..] + "ow";
    var english = german.Replace("sch", "sh", StringComparison.Ordinal).Replace('w', 'v').Replace('W', 'V');
    spellings.Add([german, english, $"{given} {german}", $"{given} {english}"]);
}

var builder = ClaimSet.CreateBuilder().AddSource("a").AddSource("b").AddSource("c");
for (var i = 0; i < claimCount; i++)
{
    var person = random.Next(spellings.Count);
    var variant = random.Next(4);
    var subject = opaque ? $"p{person}-{variant}" : spellings[person][variant];
    builder.AddClaim(((char)('a' + (i % 3))).ToString(), subject, "role", ClaimValue.Text("x"), id: $"c{i}");
}

var set = builder.Build();
var reconciler = new Reconciler();
ReconciliationReport report = reconciler.Reconcile(set);
var best = double.MaxValue;
for (var run = 0; run < 3; run++)
{
    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    report = reconciler.Reconcile(set);
    best = Math.Min(best, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds);
}

Console.WriteLine(FormattableString.Invariant(
    $"{(opaque ? "opaque ids" : "names")}: {people} people, {people * 4} spellings, {claimCount} claims: best of 3 runs {best:0.00} s CPU, {report.Groups.Length} groups, {report.Issues.Length} issues"));
