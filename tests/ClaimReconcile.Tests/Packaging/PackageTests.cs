using System.Diagnostics;
using System.IO.Compression;
using System.Xml.Linq;
using ClaimReconcile.Tests.Support;

namespace ClaimReconcile.Tests.Packaging;

/// <summary>
/// What <c>dotnet pack -c Release</c> puts in the library's package. <c>.ci/run</c> packs once and passes the
/// folder in <c>CLAIMRECONCILE_PACKAGES</c>; without it the test packs the library itself into a temporary folder.
/// </summary>
public sealed class PackageTests : IClassFixture<PackageTests.PackedLibrary>
{
    public const string PackagesVariable = "CLAIMRECONCILE_PACKAGES";

    private readonly PackedLibrary _packed;

    public PackageTests(PackedLibrary packed) => _packed = packed;

    [Fact]
    public void Package_HoldsReadmeXmlDocsAndTheAssembly()
    {
        using var zip = ZipFile.OpenRead(_packed.Package);
        var entries = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);

        Assert.Contains("README.md", entries);
        Assert.Contains("lib/net10.0/ClaimReconcile.dll", entries);
        Assert.Contains("lib/net10.0/ClaimReconcile.xml", entries);
        using var docs = new StreamReader(zip.GetEntry("lib/net10.0/ClaimReconcile.xml")!.Open());
        Assert.Contains("M:ClaimReconcile.Reconciler.Reconcile(ClaimReconcile.ClaimSet)", docs.ReadToEnd(), StringComparison.Ordinal);
        using var readme = new StreamReader(zip.GetEntry("README.md")!.Open());
        Assert.StartsWith("# ClaimReconcile", readme.ReadToEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public void Nuspec_DeclaresReadmeLicenseRepositoryAndOnlyTheAllowedDependencies()
    {
        using var zip = ZipFile.OpenRead(_packed.Package);
        using var stream = zip.GetEntry("ClaimReconcile.nuspec")!.Open();
        var metadata = XDocument.Load(stream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        string? Value(string name) => metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value;

        Assert.Equal("ClaimReconcile", Value("id"));
        Assert.Equal("README.md", Value("readme"));
        Assert.Equal("MIT", Value("license"));
        Assert.False(string.IsNullOrWhiteSpace(Value("description")));
        Assert.Contains("fact-checking", Value("tags"), StringComparison.Ordinal);
        var repository = metadata.Elements().Single(e => e.Name.LocalName == "repository");
        Assert.Matches("^[0-9a-f]{40}$", repository.Attribute("commit")!.Value);
        var dependencies = metadata.Descendants().Where(e => e.Name.LocalName == "dependency").Select(e => e.Attribute("id")!.Value).Order(StringComparer.Ordinal);
        Assert.Equal(["Microsoft.Extensions.DependencyInjection.Abstractions", "NodaTime"], dependencies);
    }

    [Fact]
    public void SymbolPackage_SitsBesideWithThePdb()
    {
        var symbols = Path.ChangeExtension(_packed.Package, ".snupkg");

        using var zip = ZipFile.OpenRead(symbols);
        Assert.Contains(zip.Entries, e => e.FullName == "lib/net10.0/ClaimReconcile.pdb");
    }

    /// <summary>Finds the package made by CI, or packs the library once for this test class.</summary>
    public sealed class PackedLibrary : IDisposable
    {
        private readonly string? _temporary;

        public PackedLibrary()
        {
            var folder = Environment.GetEnvironmentVariable(PackagesVariable);
            if (string.IsNullOrEmpty(folder))
            {
                folder = _temporary = Directory.CreateTempSubdirectory("claimreconcile-pack").FullName;
                Pack(folder);
            }

            // ClaimReconcile.<version>.nupkg, not ClaimReconcile.Tool.<version>.nupkg.
            Package = Directory.GetFiles(folder, "ClaimReconcile.*.nupkg").Single(p => char.IsAsciiDigit(Path.GetFileName(p)["ClaimReconcile.".Length]));
        }

        public string Package { get; }

        public void Dispose()
        {
            if (_temporary is not null)
            {
                Directory.Delete(_temporary, recursive: true);
            }
        }

        private static void Pack(string folder)
        {
            var project = Path.Combine(TestPaths.RepositoryRoot, "src", "ClaimReconcile", "ClaimReconcile.csproj");
            var start = new ProcessStartInfo("dotnet", ["pack", project, "-c", "Release", "-o", folder, "--nologo", "-v", "quiet"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("dotnet pack took more than 5 minutes.");
            }

            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"dotnet pack failed ({process.ExitCode}):\n{output.Result}\n{error.Result}");
            }
        }
    }
}
