using System.Globalization;
using ClaimReconcile.Pipeline;

namespace ClaimReconcile.Tests.Pipeline;

/// <summary>Accent folding must not depend on ICU: the test host runs with invariant globalization, like many apps.</summary>
public sealed class AccentFoldingTests
{
    [Fact]
    public void Host_RunsWithInvariantGlobalization() =>
        Assert.Equal("", CultureInfo.CurrentCulture.Name);

    [Theory]
    [InlineData("Präsident", "prasident")]
    [InlineData("Straße", "strasse")]
    [InlineData("Søren Ørsted", "soren orsted")]
    [InlineData("Łódź", "lodz")]
    [InlineData("François  Hollande", "francois hollande")]
    [InlineData("US–Präsident", "us-prasident")]
    [InlineData("„sehr gut“", "sehr gut")]
    [InlineData("Зеленський", "зеленський")]
    public void Fold_UnderInvariantGlobalization_FoldsLatinAccentsCaseDashesAndQuotes(string text, string expected) =>
        Assert.Equal(expected, TextFolding.Fold(text));

    [Fact]
    public void Reconcile_SameWordWithAndWithoutUmlaut_Agree()
    {
        var claims = ClaimSet.CreateBuilder()
            .AddSource("a").AddSource("b")
            .AddClaim("a", "trump", "role", ClaimValue.Text("US-Präsident"))
            .AddClaim("b", "trump", "role", ClaimValue.Text("us–prasident"))
            .Build();

        Assert.Equal(Verdict.Agreement, new Reconciler().Reconcile(claims).Groups.Single().Verdict);
    }
}
