using ClaimReconcile.Pipeline;

namespace ClaimReconcile.Tests;

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
}
