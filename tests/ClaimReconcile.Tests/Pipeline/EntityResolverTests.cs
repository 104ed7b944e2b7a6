using ClaimReconcile.Pipeline;

namespace ClaimReconcile.Tests;

public sealed class EntityResolverTests
{
    private static readonly Entity Dmitriev = new("dmitriev") { Label = "Kirill Dmitriev", Aliases = ["Kirill Dmitrijew", "Dimitrijew"] };

    [Fact]
    public void TryResolve_Id_ResolvesToItself() =>
        Assert.Equal("dmitriev", new EntityResolver([Dmitriev], []).TryResolve("dmitriev"));

    [Theory]
    [InlineData("Dimitrijew")]
    [InlineData("dimitrijew")]
    [InlineData("KIRILL  DMITRIJEW")]
    [InlineData("Kirill Dmitriev")]
    public void TryResolve_AliasOrLabelFolded_ResolvesToEntity(string mention) =>
        Assert.Equal("dmitriev", new EntityResolver([Dmitriev], []).TryResolve(mention));

    [Fact]
    public void TryResolve_AliasSharedByTwoEntities_ResolvesToNothing()
    {
        var resolver = new EntityResolver(
            [new Entity("trump-donald") { Aliases = ["Trump"] }, new Entity("trump-melania") { Aliases = ["Trump"] }], []);

        Assert.Null(resolver.TryResolve("Trump"));
        Assert.Equal("trump", resolver.Key("Trump"));
    }

    [Fact]
    public void TryResolve_EventId_Resolves() =>
        Assert.Equal("moscow-talks", new EntityResolver([], [new Event("moscow-talks")]).TryResolve("moscow-talks"));

    [Fact]
    public void Key_UnknownMention_IsFoldedMention() =>
        Assert.Equal("selenskyj", new EntityResolver([Dmitriev], []).Key("Selenskyj"));

    [Fact]
    public void Label_KnownId_GivesLabelAndUnknownGivesNull()
    {
        var resolver = new EntityResolver([Dmitriev], []);

        Assert.Equal("Kirill Dmitriev", resolver.Label("dmitriev"));
        Assert.Null(resolver.Label("witkoff"));
    }

    [Fact]
    public void Reconcile_ClaimsNamingEntityByAliasAndId_FormOneGroupThatAgrees()
    {
        var set = ClaimSet.CreateBuilder()
            .AddSource("zeit").AddSource("tsp")
            .AddEntity("dmitriev", "Kirill Dmitriev", "Dimitrijew")
            .AddClaim("zeit", "Dimitrijew", "role", ClaimValue.Text("Sondergesandter"), id: "zeit-1")
            .AddClaim("tsp", "dmitriev", "Role", ClaimValue.Text("sondergesandter"), id: "tsp-1")
            .Build();

        var group = Assert.Single(Some.Reconcile(set).Groups);

        Assert.Equal("dmitriev", group.Subject);
        Assert.Equal("Kirill Dmitriev", group.SubjectLabel);
        Assert.Equal(Verdict.Agreement, group.Verdict);
    }
}
