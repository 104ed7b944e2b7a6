#:project ../../src/ClaimReconcile/ClaimReconcile.csproj
#:property PublishAot=false

// A C# file-based app: `dotnet run docs/examples/quickstart.cs` reconciles the worked example and prints what
// a script would want from it. Pass another claim set (JSON, CSV or TSV) as the first argument to use that.
using ClaimReconcile;
using ClaimReconcile.Rendering;
using ClaimReconcile.Serialization;

var here = AppContext.GetData("EntryPointFileDirectoryPath") as string ?? Path.Combine("docs", "examples");
var file = args.Length > 0 ? args[0] : Path.Combine(here, "moscow-talks.claimset.json");

var read = ClaimSetCsv.DelimiterFor(file) is { } delimiter
    ? ClaimSetCsv.Read(File.ReadAllText(file), delimiter)
    : ClaimSetJson.Read(File.ReadAllBytes(file));
if (!read.Succeeded)
{
    Console.Error.WriteLine($"{file}: {read.Issues[0]}");
    return 2;
}

var report = new Reconciler().Reconcile(read);
Console.WriteLine(report);

// The conflicts, each with the claims that disagree with the consensus.
foreach (var group in report.Groups.Where(g => g.Verdict == Verdict.Conflict))
{
    Console.WriteLine($"conflict: {group.SubjectLabel ?? group.Subject} / {group.Property}: {group.Explanation}");
    foreach (var claim in group.Claims.Where(c => c.Status == ClaimStatus.Contradicted))
    {
        Console.WriteLine($"  contradicted: {claim.Id} ({claim.Source}) says {claim.Claim.Value}");
    }
}

// The most reliable sources first.
foreach (var source in report.Sources.Where(s => s.Claims > 0).OrderByDescending(s => s.Reliability).ThenBy(s => s.Id, StringComparer.Ordinal))
{
    Console.WriteLine($"source: {source.Id} reliability {source.Reliability:0.00} over {source.Claims} claims");
}

// The whole report as one self-contained HTML page, to open in a browser (report.ToMarkdown() gives Markdown).
var html = Path.Combine(Path.GetTempPath(), "claimreconcile-quickstart.html");
File.WriteAllText(html, report.ToHtml());
Console.WriteLine($"html: {html}");
Console.WriteLine(MarkdownReport.Render(report.Groups.First(g => g.Verdict == Verdict.Conflict)));
return 0;
