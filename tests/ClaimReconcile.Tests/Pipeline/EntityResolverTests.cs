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
    public void CountMentions_CountsWhatMentionsLists_AndForgetsMentionsNoClaimNames()
    {
        Claim[] claims =
        [
            new("zeit", "Dimitrijew", "role", ClaimValue.Text("Sondergesandter")) { Speaker = "Uschakow" },
            new("tsp", "talks", "attendees", ClaimValue.Set("Witkoff", "Kushner", "Dimitrijew")),
            new("bild", "talks", "host", ClaimValue.Entity("Putin")) { Speaker = "Peskow" },
        ];
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);

        foreach (var claim in claims)
        {
            EntityResolver.CountMentions(counts, claim, +1);
        }

        var listed = claims.SelectMany(c => EntityResolver.Mentions(c)).GroupBy(m => m.Mention).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(listed.OrderBy(p => p.Key, StringComparer.Ordinal), counts.OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.Equal(2, counts["talks"]);
        Assert.Equal(2, counts["Dimitrijew"]);

        EntityResolver.CountMentions(counts, claims[0], -1);
        Assert.False(counts.ContainsKey("Uschakow"));
        Assert.Equal(1, counts["Dimitrijew"]);

        EntityResolver.CountMentions(counts, claims[1], -1);
        EntityResolver.CountMentions(counts, claims[2], -1);
        Assert.Empty(counts);
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

    private static readonly Entity Umerov = new("umerov") { Label = "Rustem Umerov", Type = "person" };
    private static readonly Entity Ushakov = new("ushakov") { Label = "Yuri Ushakov", Type = "person" };
    private static readonly Entity Peskov = new("peskov") { Label = "Dmitry Peskov", Type = "person" };
    private static readonly Entity Zelensky = new("zelensky") { Label = "Volodymyr Zelensky", Type = "person" };
    private static readonly Entity VitaliKlitschko = new("vitali") { Label = "Vitali Klitschko", Type = "person" };
    private static readonly Entity WladimirKlitschko = new("wladimir") { Label = "Wladimir Klitschko" };

    [Theory]
    [InlineData("Dimitrijew", "dmitriev")]
    [InlineData("Kirill Dmitrijew", "dmitriev")]
    [InlineData("Кирилл Дмитриев", "dmitriev")]
    [InlineData("Umerow", "umerov")]
    [InlineData("Rustem Umerow", "umerov")]
    [InlineData("R. Umerow", "umerov")]
    [InlineData("Умєров", "umerov")]
    [InlineData("Juri Uschakow", "ushakov")]
    [InlineData("Uschakow", "ushakov")]
    [InlineData("Dmitri Peskow", "peskov")]
    [InlineData("Selenskyj", "zelensky")]
    [InlineData("Zelenskyy", "zelensky")]
    [InlineData("Зеленський", "zelensky")]
    [InlineData("Зеленский", "zelensky")]
    [InlineData("Präsident Selenskyj", "zelensky")]
    public void TryResolve_SpellingOfDeclaredPersonWithoutAlias_ResolvesByName(string mention, string id)
    {
        var resolver = new EntityResolver([new Entity("dmitriev") { Label = "Kirill Dmitriev" }, Umerov, Ushakov, Peskov, Zelensky], [], [mention]);

        Assert.Equal(id, resolver.TryResolve(mention));
        Assert.Equal(id, new EntityResolver([new Entity("dmitriev") { Label = "Kirill Dmitriev" }, Umerov, Ushakov, Peskov, Zelensky], []).TryResolve(mention));
    }

    [Theory]
    [InlineData("Dmitri")]
    [InlineData("Dmitri Dmitrijew")]
    [InlineData("Petrow")]
    [InlineData("Witkoff")]
    [InlineData("Iwanowa")]
    public void TryResolve_DifferentPerson_DoesNotMerge(string mention)
    {
        var resolver = new EntityResolver([Dmitriev, Peskov, Ushakov, new Entity("ivanov") { Label = "Ivan Ivanov" }], [], [mention]);

        Assert.Null(resolver.TryResolve(mention));
        Assert.Equal(TextFolding.Fold(mention), resolver.Key(mention));
    }

    [Fact]
    public void TryResolve_SurnameOfTwoDeclaredPeople_IsAmbiguousAndFullNamesStillResolve()
    {
        var resolver = new EntityResolver([VitaliKlitschko, WladimirKlitschko], [], ["Klitschko", "Vitali Klitschko", "W. Klitschko"]);

        Assert.Null(resolver.TryResolve("Klitschko"));
        Assert.True(resolver.IsAmbiguous("Klitschko"));
        Assert.Equal("klitschko", resolver.Key("Klitschko"));
        Assert.Equal("vitali", resolver.TryResolve("Vitali Klitschko"));
        Assert.True(resolver.IsAmbiguous("W. Klitschko")); // W and V are one letter across the languages: Wladimir, Vitali
        Assert.Null(new EntityResolver([VitaliKlitschko, WladimirKlitschko], []).TryResolve("Klitschko"));
    }

    [Fact]
    public void TryResolve_SurnameOfDeclaredPersonAndOfAnotherFullNameInClaims_IsAmbiguous()
    {
        var resolver = new EntityResolver([WladimirKlitschko], [], ["Vitali Klitschko", "Klitschko"]);

        Assert.True(resolver.IsAmbiguous("Klitschko"));
        Assert.Null(resolver.TryResolve("Klitschko"));
        Assert.Null(resolver.TryResolve("Vitali Klitschko"));
        Assert.Equal("vitali klitschko", resolver.Key("Vitali Klitschko"));
    }

    [Fact]
    public void TryResolve_ExplicitAliasOfOtherEntity_WinsOverSpelling()
    {
        var resolver = new EntityResolver([Ushakov, new Entity("other") { Aliases = ["Uschakow"] }], [], ["Uschakow", "Ushakov"]);

        Assert.Equal("other", resolver.TryResolve("Uschakow"));
        Assert.Equal("ushakov", resolver.TryResolve("Ushakov"));
    }

    [Fact]
    public void TryResolve_OrganizationOrPlace_IsMatchedOnlyByAlias()
    {
        var resolver = new EntityResolver([new Entity("gazprom") { Label = "Gazprom", Type = "organization" }], [], ["Gasprom"]);

        Assert.Null(resolver.TryResolve("Gasprom"));
        Assert.Equal("gazprom", resolver.TryResolve("GAZPROM"));
    }

    [Fact]
    public void Key_FreeSpellingsOfOneName_ShareOneKey()
    {
        var resolver = new EntityResolver([], [], ["Uschakow", "Ushakov", "Ушаков", "Witkoff", "Wittkoff"]);

        Assert.Equal("uschakow", resolver.Key("Ushakov"));
        Assert.Equal("uschakow", resolver.Key("Ушаков"));
        Assert.Equal("uschakow", resolver.Key("Uschakow"));
        Assert.Equal("witkoff", resolver.Key("Wittkoff"));
        Assert.Null(resolver.TryResolve("Ushakov"));
    }

    [Fact]
    public void Key_FreeSurnameWithUniqueFullName_JoinsItAndSurnameWithTwo_StaysApart()
    {
        var resolver = new EntityResolver([], [], ["Umerow", "Rustem Umerow", "Rustem Umerov", "Klitschko", "Vitali Klitschko", "Wladimir Klitschko"]);

        Assert.Equal("rustem umerov", resolver.Key("Umerow"));
        Assert.Equal("rustem umerov", resolver.Key("Rustem Umerow"));
        Assert.Equal("klitschko", resolver.Key("Klitschko"));
        Assert.True(resolver.IsAmbiguous("Klitschko"));
        Assert.NotEqual(resolver.Key("Vitali Klitschko"), resolver.Key("Wladimir Klitschko"));
    }

    [Fact]
    public void Key_FreeMentionsInAnyOrder_GiveTheSameKeys()
    {
        string[] mentions = ["Juri Uschakow", "Ushakov", "Yuri Ushakov", "J. Uschakow", "Umerow", "Rustem Umerov", "Dmitri Peskow", "Peskov", "Kirill Dmitrijew", "Dimitrijew", "US-Friedensplan"];
        var expected = new EntityResolver([], [], mentions);

        foreach (var seed in (int[])[1, 2, 3])
        {
            var shuffled = mentions.ToArray();
            new Random(seed).Shuffle(shuffled);
            var resolver = new EntityResolver([], [], shuffled);
            Assert.All(mentions, m => Assert.Equal(expected.Key(m), resolver.Key(m)));
        }

        Assert.Equal("juri uschakow", expected.Key("J. Uschakow"));
        Assert.Equal("juri uschakow", expected.Key("Ushakov"));
        Assert.Equal("kirill dmitrijew", expected.Key("Dimitrijew"));
        Assert.Equal("dmitri peskow", expected.Key("Peskov"));
        Assert.Equal("us-friedensplan", expected.Key("US-Friedensplan"));
    }

    [Fact]
    public void Reconcile_FreeSpellingsWithoutEntities_FormOneGroupThatKeepsTheSurfaceForms()
    {
        var set = ClaimSet.CreateBuilder()
            .AddSource("zeit").AddSource("tsp").AddSource("bild")
            .AddClaim("zeit", "Uschakow", "role", ClaimValue.Text("Berater"), id: "zeit-1")
            .AddClaim("tsp", "Yuri Ushakov", "role", ClaimValue.Text("Berater"), id: "tsp-1")
            .AddClaim("bild", "Juri Uschakow", "role", ClaimValue.Text("berater"), id: "bild-1")
            .Build();

        var report = Some.Reconcile(set);
        var group = Assert.Single(report.Groups);
        var json = global::ClaimReconcile.Serialization.ReportJson.Write(report);

        Assert.Equal(Verdict.Agreement, group.Verdict);
        Assert.Equal(3, group.IndependentSources);
        Assert.Equal("Juri Uschakow", group.Subject);
        Assert.Contains("\"statedAs\": \"Uschakow\"", json, StringComparison.Ordinal);
        Assert.Contains("\"statedAs\": \"Yuri Ushakov\"", json, StringComparison.Ordinal);
        Assert.Contains("(as \"Yuri Ushakov\")", global::ClaimReconcile.Rendering.TextReport.Render(report), StringComparison.Ordinal);
        Assert.Empty(report.Issues);
    }

    [Fact]
    public void Reconcile_SpeakerInTwoSpellings_CountsAsOneVoice()
    {
        var set = ClaimSet.CreateBuilder()
            .AddSource("zeit").AddSource("tsp")
            .AddClaim("zeit", "talks", "outcome", ClaimValue.Text("kein Kompromiss"), id: "zeit-1", speaker: "Uschakow")
            .AddClaim("tsp", "talks", "outcome", ClaimValue.Text("kein Kompromiss"), id: "tsp-1", speaker: "Juri Uschakow")
            .Build();

        var group = Assert.Single(Some.Reconcile(set).Groups);

        Assert.Equal(Verdict.SingleSource, group.Verdict);
        Assert.Equal(1, group.IndependentSources);
        Assert.Equal(group.Claims[0].Voice, group.Claims[1].Voice);
    }

    /// <summary>Two outlets, and two declared people who share the surname Klitschko.</summary>
    private static ClaimSetBuilder TwoKlitschkos() => ClaimSet.CreateBuilder()
        .AddSource("zeit").AddSource("tsp")
        .AddEntity("vitali", "Vitali Klitschko").AddEntity("wladimir", "Wladimir Klitschko");

    /// <summary>Asserts that the report's only issue is an ambiguous-mention warning on the first claim's subject.</summary>
    private static ReconciliationIssue AssertOneSurnameWarning(ReconciliationReport report, string claim)
    {
        var issue = Assert.Single(report.Issues);
        Assert.Equal(IssueCodes.AmbiguousMention, issue.Code);
        Assert.Equal("$.claims[0].subject", issue.Path);
        Assert.Equal(claim, issue.Claim);
        return issue;
    }

    [Fact]
    public void Reconcile_AmbiguousSurname_KeepsClaimUnderMentionAndWarns()
    {
        var set = TwoKlitschkos()
            .AddClaim("zeit", "Klitschko", "role", ClaimValue.Text("Bürgermeister"), id: "zeit-1")
            .AddClaim("tsp", "Vitali Klitschko", "role", ClaimValue.Text("Bürgermeister"), id: "tsp-1")
            .Build();

        var report = Some.Reconcile(set);

        var issue = AssertOneSurnameWarning(report, "zeit-1");
        Assert.Contains("Vitali Klitschko", issue.Message, StringComparison.Ordinal);
        Assert.Contains("Wladimir Klitschko", issue.Message, StringComparison.Ordinal);
        Assert.Equal(["Klitschko", "vitali"], report.Groups.Select(g => g.Subject).Order(StringComparer.Ordinal));
        Assert.Equal(2, report.Summary.GroupedClaims);
    }

    [Fact]
    public void Reconcile_AmbiguousSurnameOnAClaimInWords_WarnsToo()
    {
        // The claim's words are read in validation, which makes a new claim object; the warning must still find it.
        var set = TwoKlitschkos()
            .AddClaim("zeit", "Klitschko", "speech", WordedValue.Duration("fast fünf Stunden"), id: "zeit-1")
            .AddClaim("tsp", "Vitali Klitschko", "speech", ClaimValue.Duration(NodaTime.Duration.FromHours(5)), id: "tsp-1")
            .Build();

        AssertOneSurnameWarning(Some.Reconcile(set), "zeit-1");
    }

    [Fact]
    public void Reconcile_AmbiguousSurnameOnALeftOutDuplicate_WarnsOnlyForTheKeptClaim()
    {
        var set = TwoKlitschkos()
            .AddClaim("zeit", "Klitschko", "role", ClaimValue.Text("Bürgermeister"), id: "same")
            .AddClaim("tsp", "Klitschko", "role", ClaimValue.Text("Boxer"), id: "same")
            .Build();

        var report = Some.Reconcile(set);

        Assert.Equal([(IssueCodes.AmbiguousMention, "$.claims[0].subject"), (IssueCodes.DuplicateId, "$.claims[1].id")], report.Issues.Select(i => (i.Code, i.Path)).Order());
    }

    [Fact]
    public void TryResolve_UkrainianNameInRussianCyrillic_GivenNameFitsByItsConsonants()
    {
        // Андрей is read as Andrej, one full edit from Andrij; across scripts the given names fit by first letter and
        // consonants (a-n-d-r), while a Cyrillic given name with other consonants still does not.
        var resolver = new EntityResolver([new Entity("hnatov") { Label = "Andrij Hnatow" }], []);

        Assert.Equal("hnatov", resolver.TryResolve("Гнатов"));
        Assert.Equal("hnatov", resolver.TryResolve("Андрій Гнатов"));
        Assert.Equal("hnatov", resolver.TryResolve("Андрей Гнатов"));
        Assert.Null(resolver.TryResolve("Олег Гнатов"));
    }

    [Fact]
    public void Reconcile_GermanEnglishAndCyrillicArticlesWithoutEntities_GroupAsAReaderWould()
    {
        var set = ClaimSet.CreateBuilder()
            .AddSource("zeit").AddSource("guardian").AddSource("kyiv").AddSource("meduza")
            // Who led the delegation: one person in four spellings, two scripts.
            .AddClaim("zeit", "ukrainische Delegation", "leader", ClaimValue.Entity("Rustem Umerow"), id: "zeit-1")
            .AddClaim("guardian", "ukrainische Delegation", "leader", ClaimValue.Entity("Umerov"), id: "guardian-1")
            .AddClaim("kyiv", "ukrainische Delegation", "leader", ClaimValue.Entity("Рустем Умєров"), id: "kyiv-1")
            // Who met Putin: sets of names in different spellings agree as sets.
            .AddClaim("zeit", "Wladimir Putin", "met", ClaimValue.Set("Steve Witkoff", "Jared Kuschner"), id: "zeit-2")
            .AddClaim("guardian", "Vladimir Putin", "met", ClaimValue.Set("Wittkoff", "Kushner"), id: "guardian-2")
            .AddClaim("meduza", "Владимир Путин", "met", ClaimValue.Set("Уиткофф", "Кушнер"), id: "meduza-2")
            // The Kremlin spokesman, and a different Dmitri who must stay apart.
            .AddClaim("zeit", "Dmitri Peskow", "role", ClaimValue.Text("Kremlsprecher"), id: "zeit-3")
            .AddClaim("meduza", "Дмитрий Песков", "role", ClaimValue.Text("kremlsprecher"), id: "meduza-3")
            .AddClaim("guardian", "Kirill Dmitriev", "role", ClaimValue.Text("Kremlsprecher"), id: "guardian-3")
            .Build();

        var report = Some.Reconcile(set);
        ClaimGroup Group(string id) => Assert.Single(report.Groups, g => g.Claims.Any(c => c.Id == id));

        Assert.Equal(["guardian-1", "kyiv-1", "zeit-1"], Group("zeit-1").Claims.Select(c => c.Id));
        Assert.Equal(Verdict.Agreement, Group("zeit-1").Verdict);
        Assert.Equal(["guardian-2", "meduza-2", "zeit-2"], Group("zeit-2").Claims.Select(c => c.Id));
        Assert.Equal(Verdict.Agreement, Group("zeit-2").Verdict);
        Assert.Equal(["meduza-3", "zeit-3"], Group("zeit-3").Claims.Select(c => c.Id));
        Assert.Equal(["guardian-3"], Group("guardian-3").Claims.Select(c => c.Id));
        Assert.Equal(4, report.Groups.Length);
        Assert.Empty(report.Issues);
    }

    [Fact]
    public void Reconcile_FreeSpellingsInAnyOrder_GiveIdenticalGroupsAndSources()
    {
        Claim[] claims =
        [
            new("zeit", "Uschakow", "age", ClaimValue.Number(78, "year")) { Id = "zeit-1" },
            new("tsp", "Yuri Ushakov", "age", ClaimValue.Number(78, "year")) { Id = "tsp-1" },
            new("bild", "Ушаков", "age", ClaimValue.Number(77, "year")) { Id = "bild-1" },
            new("zeit", "Klitschko", "role", ClaimValue.Text("Bürgermeister")) { Id = "zeit-2" },
            new("tsp", "Vitali Klitschko", "role", ClaimValue.Text("Bürgermeister")) { Id = "tsp-2" },
            new("bild", "Wladimir Klitschko", "role", ClaimValue.Text("Boxer")) { Id = "bild-2" },
            new("zeit", "talks", "participants", ClaimValue.Set("Witkoff", "Kushner")) { Id = "zeit-3" },
            new("tsp", "talks", "participants", ClaimValue.Set("Kuschner", "Steve Wittkoff")) { Id = "tsp-3" },
        ];

        var expected = global::ClaimReconcile.Serialization.ReportJson.Write(Some.Reconcile(Some.ClaimSet(claims)));
        var reversed = global::ClaimReconcile.Serialization.ReportJson.Write(Some.Reconcile(Some.ClaimSet([.. claims.Reverse()])));

        // Issue paths name input positions, so only everything before the issues must be identical.
        static string BeforeIssues(string json) => json[..json.IndexOf("\"issues\"", StringComparison.Ordinal)];
        Assert.Equal(BeforeIssues(expected), BeforeIssues(reversed));
        Assert.Contains("\"statedAs\": \"Ушаков\"", expected, StringComparison.Ordinal);
        Assert.Contains(IssueCodes.AmbiguousMention, expected, StringComparison.Ordinal);
    }

    [Fact]
    public void Reconcile_OneNameInSeveralSpellings_TheOrdinallyFirstNamesItInAnyOrder()
    {
        // Two free people, each in two spellings of one folded form; "Klitschko" alone could be either.
        Claim[] claims =
        [
            new("zeit", "vitali klitschko", "role", ClaimValue.Text("Bürgermeister")) { Id = "zeit-1" },
            new("tsp", "Vitali Klitschko", "role", ClaimValue.Text("Bürgermeister")) { Id = "tsp-1" },
            new("zeit", "Wladimir Klitschko", "role", ClaimValue.Text("Boxer")) { Id = "zeit-2" },
            new("tsp", "WLADIMIR KLITSCHKO", "role", ClaimValue.Text("Boxer")) { Id = "tsp-2" },
            new("bild", "Klitschko", "role", ClaimValue.Text("Boxer")) { Id = "bild-1" },
        ];

        string Warning(IEnumerable<Claim> ordered) =>
            Assert.Single(Some.Reconcile(Some.ClaimSet([.. ordered])).Issues, i => i.Code == IssueCodes.AmbiguousMention).Message;

        var warning = Warning(claims);
        Assert.Equal(warning, Warning(claims.Reverse()));
        Assert.Contains("(Vitali Klitschko, WLADIMIR KLITSCHKO)", warning, StringComparison.Ordinal);
    }
}
