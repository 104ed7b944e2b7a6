using System.Globalization;
using ClaimReconcile.Pipeline;

namespace ClaimReconcile.Tests;

/// <summary>Folding must not depend on ICU: the test host runs with invariant globalization, like many apps.</summary>
public sealed class TextFoldingTests
{
    [Fact]
    public void Fold_CaseAndEnDash_Match() =>
        Assert.Equal(TextFolding.Fold("US-President"), TextFolding.Fold("us–president"));

    [Fact]
    public void Fold_EmDashAndHyphen_BothBecomeHyphen() =>
        Assert.Equal("us-president", TextFolding.Fold("US—President"));

    [Fact]
    public void Fold_SharpS_BecomesDoubleS() =>
        Assert.Equal("strasse", TextFolding.Fold("Straße"));

    [Fact]
    public void Fold_WhiteSpaceRuns_CollapseAndTrim() =>
        Assert.Equal("kirill dmitriev", TextFolding.Fold("  Kirill \t\n Dmitriev  "));

    [Fact]
    public void Fold_Quotes_AreDropped() =>
        Assert.Equal("durchbruch ja", TextFolding.Fold("\u201CDurchbruch\u201D 'ja'"));

    [Fact]
    public void Fold_DifferentWords_StayDifferent() =>
        Assert.NotEqual(TextFolding.Fold("Witkoff"), TextFolding.Fold("Uschakow"));

    [Fact]
    public void Host_RunsWithInvariantGlobalization() =>
        Assert.Equal("", CultureInfo.CurrentCulture.Name);

    [Theory]
    [InlineData("Präsident", "prasident")]
    [InlineData("Søren Ørsted", "soren orsted")]
    [InlineData("Łódź", "lodz")]
    [InlineData("François  Hollande", "francois hollande")]
    [InlineData("US–Präsident", "us-prasident")]
    [InlineData("„sehr gut“", "sehr gut")]
    [InlineData("Зеленський", "зеленський")]
    public void Fold_UnderInvariantGlobalization_FoldsLatinAccentsCaseDashesAndQuotes(string text, string expected) =>
        Assert.Equal(expected, TextFolding.Fold(text));

    [Fact]
    public void Fold_TextAlreadyFolded_ComesBackAsTheSameString()
    {
        var folded = "attendance 2025-12-02 (moscow) #3";

        Assert.Same(folded, TextFolding.Fold(folded));
    }

    [Theory]
    [InlineData(" talks", "talks")]
    [InlineData("talks ", "talks")]
    [InlineData("moscow  talks", "moscow talks")]
    [InlineData("moscow\ttalks", "moscow talks")]
    [InlineData("Talks", "talks")]
    [InlineData("\"talks\"", "talks")]
    [InlineData("it's", "its")]
    [InlineData("tal\u00ADks", "talks")]
    [InlineData("caf\u00E9", "cafe")]
    [InlineData("talks\u0007", "talks")]
    public void Fold_AsciiTextThatIsNotYetFolded_IsFolded(string text, string expected) =>
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
