using System.Text.Json;
using System.Text.Json.Nodes;
using ClaimReconcile.Rendering;
using ClaimReconcile.Tests.Support;
using NodaTime;
using static VerifyXunit.Verifier;

namespace ClaimReconcile.Tests.Rendering;

/// <summary>
/// ClaimReview output against what consumers require. Google's fact-check markup documentation (Search Central,
/// "Fact check (ClaimReview) structured data") lists as required: ClaimReview.claimReviewed, .reviewRating and .url,
/// and Rating.alternateName; as recommended: ClaimReview.author, .datePublished, .itemReviewed; Claim.appearance,
/// .author, .datePublished, .firstAppearance; Rating.bestRating, .name, .ratingValue, .worstRating. schema.org
/// JSON-LD needs @context and @type on every top-level object, and an author (Organization or Person) needs a name.
/// </summary>
public sealed class ClaimReviewJsonTests
{
    private static readonly string[] RequiredReview = ["@context", "@type", "claimReviewed", "reviewRating", "url"];
    private static readonly string[] RecommendedReview = ["author", "datePublished", "itemReviewed", "name"];
    private static readonly string[] RequiredRating = ["@type", "alternateName"];
    private static readonly string[] RecommendedRating = ["ratingValue", "bestRating", "worstRating", "name", "ratingExplanation"];
    private static readonly string[] RecommendedClaim = ["@type", "appearance", "author", "datePublished"];

    [Fact]
    public Task Write_WorkedExample_MatchesSnapshot() => Verify(ClaimReviewJson.Write(WorkedExample.Report, clock: WorkedExample.Clock));

    [Fact]
    public void Write_ToAStream_GivesTheSameBytesAsTheString()
    {
        var options = new ClaimReviewOptions { AuthorName = "Fact Desk", PageUrl = "https://factdesk.example/checks/42" };
        using var stream = new MemoryStream();

        ClaimReviewJson.Write(WorkedExample.Report, stream, options, WorkedExample.Clock);

        Assert.Equal(System.Text.Encoding.UTF8.GetBytes(ClaimReviewJson.Write(WorkedExample.Report, options, WorkedExample.Clock)), stream.ToArray());
    }

    [Fact]
    public void Write_ManyReviewsToAStream_GoOutInPartsAndGiveTheSameBytesAsTheString()
    {
        // Three outlets agree and one disagrees on each of 500 questions: 500 reviews, far more than one flush holds.
        var builder = ClaimSet.CreateBuilder();
        foreach (var outlet in new[] { "a", "b", "c", "d" })
        {
            builder.AddSource(outlet);
        }

        for (var q = 0; q < 500; q++)
        {
            foreach (var outlet in new[] { "a", "b", "c" })
            {
                builder.AddClaim(outlet, $"event{q}", "attendance", ClaimValue.Number(1000 + q));
            }

            builder.AddClaim("d", $"event{q}", "attendance", ClaimValue.Number(5000 + q));
        }

        var report = new Reconciler().Reconcile(builder.Build());
        var stream = new CountingStream();

        ClaimReviewJson.Write(report, stream, clock: WorkedExample.Clock);

        var whole = System.Text.Encoding.UTF8.GetBytes(ClaimReviewJson.Write(report, clock: WorkedExample.Clock));
        Assert.Equal(500, Parse(System.Text.Encoding.UTF8.GetString(whole)).Count);
        Assert.Equal(whole, stream.ToArray());
        Assert.True(stream.Writes > 2, $"the reviews went out in {stream.Writes} writes");
    }

    /// <summary>A memory stream that counts how many times it was written to.</summary>
    private sealed class CountingStream : MemoryStream
    {
        public int Writes { get; private set; }

        public override void Write(byte[] buffer, int offset, int count)
        {
            Writes++;
            base.Write(buffer, offset, count);
        }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            Writes++;
            base.Write(buffer);
        }

        public override void WriteByte(byte value)
        {
            Writes++;
            base.WriteByte(value);
        }
    }

    [Fact]
    public void Write_WorkedExample_EveryReviewHasTheRequiredFields()
    {
        var reviews = Parse(ClaimReviewJson.Write(WorkedExample.Report, clock: WorkedExample.Clock));

        Assert.NotEmpty(reviews);
        Assert.All(reviews, AssertValid);
    }

    [Fact]
    public void Write_OneReviewPerContradictedClaim()
    {
        var contradicted = WorkedExample.Report.Groups.SelectMany(g => g.Claims).Where(c => c.Status == ClaimStatus.Contradicted).Select(c => c.Id).ToList();

        var reviews = Parse(ClaimReviewJson.Write(WorkedExample.Report, clock: WorkedExample.Clock));

        Assert.Equal(contradicted.Select(id => $"{ClaimReviewOptions.PlaceholderPageUrl}#claim-{id}"), reviews.Select(r => (string)r["url"]!));
    }

    [Fact]
    public void Write_SourceWithUrlAndQuotedSpeaker_CitesAppearanceAndPerson()
    {
        var set = new ClaimSet(
            [
                new Source("tass") { Name = "TASS", Url = "https://tass.example/article/1", PublishedOn = new LocalDate(2025, 12, 2) },
                new Source("zeit") { Name = "Zeit Online" }, new Source("bild") { Name = "Bild" },
            ],
            [
                new Claim("tass", "talks", "duration", ClaimValue.Duration(Duration.FromHours(1))) { Id = "t1", Speaker = "ushakov", Quote = "one hour" },
                new Claim("zeit", "talks", "duration", ClaimValue.Duration(Duration.FromHours(5))) { Id = "z1" },
                new Claim("bild", "talks", "duration", ClaimValue.Duration(Duration.FromHours(5))) { Id = "b1" },
            ]);
        var options = new ClaimReviewOptions { AuthorName = "Fact Desk", AuthorUrl = "https://factdesk.example", PageUrl = "https://factdesk.example/checks/42" };

        var report = Some.Reconcile(set);
        var review = Assert.Single(Parse(ClaimReviewJson.Write(report, options, new FakeClock(Instant.FromUtc(2025, 12, 24, 23, 30)))));

        AssertValid(review);
        Assert.Equal("https://factdesk.example/checks/42#claim-t1", (string)review["url"]!);
        Assert.Equal("2025-12-24", (string)review["datePublished"]!);
        Assert.Equal("Fact Desk", (string)review["author"]!["name"]!);
        Assert.Equal("https://factdesk.example", (string)review["author"]!["url"]!);
        var item = review["itemReviewed"]!;
        Assert.Equal("Person", (string)item["author"]!["@type"]!);
        Assert.Equal("ushakov", (string)item["author"]!["name"]!);
        Assert.Equal("2025-12-02", (string)item["datePublished"]!);
        Assert.Equal("https://tass.example/article/1", (string)item["appearance"]!["url"]!);
        Assert.Equal("TASS", (string)item["appearance"]!["publisher"]!["name"]!);
        Assert.Equal("one hour", (string)item["appearance"]!["text"]!);
        Assert.Equal("talks, duration: 1 h", (string)review["claimReviewed"]!);
        Assert.Equal(1 + (int)Math.Round(4 * report.Groups.Single().Claims.Single(c => c.Id == "t1").Confidence, MidpointRounding.AwayFromZero), (int)review["reviewRating"]!["ratingValue"]!);
    }

    [Fact]
    public void Write_NoConflicts_IsAnEmptyArray()
    {
        var set = Some.ClaimSet(Some.Claim("zeit", Some.Hours(5)), Some.Claim("tsp", Some.Hours(5)));

        Assert.Equal("[]\n", ClaimReviewJson.Write(Some.Reconcile(set), clock: WorkedExample.Clock));
    }

    private static List<JsonObject> Parse(string json) =>
        JsonNode.Parse(json)!.AsArray().Select(n => n!.AsObject()).ToList();

    private static void AssertValid(JsonObject review)
    {
        foreach (var field in RequiredReview.Concat(RecommendedReview))
        {
            Assert.True(review[field] is not null, $"ClaimReview lacks \"{field}\"");
        }

        Assert.Equal("https://schema.org", (string)review["@context"]!);
        Assert.Equal("ClaimReview", (string)review["@type"]!);
        Assert.False(string.IsNullOrWhiteSpace((string)review["claimReviewed"]!));
        Assert.True(Uri.TryCreate((string)review["url"]!, UriKind.Absolute, out _), "url is absolute");
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", (string)review["datePublished"]!);
        AssertParty(review["author"]!.AsObject());

        var rating = review["reviewRating"]!.AsObject();
        foreach (var field in RequiredRating.Concat(RecommendedRating))
        {
            Assert.True(rating[field] is not null, $"Rating lacks \"{field}\"");
        }

        Assert.Equal("Rating", (string)rating["@type"]!);
        Assert.False(string.IsNullOrWhiteSpace((string)rating["alternateName"]!));
        Assert.InRange((int)rating["ratingValue"]!, (int)rating["worstRating"]!, (int)rating["bestRating"]!);

        var claim = review["itemReviewed"]!.AsObject();
        foreach (var field in RecommendedClaim)
        {
            Assert.True(claim[field] is not null, $"Claim lacks \"{field}\"");
        }

        Assert.Equal("Claim", (string)claim["@type"]!);
        AssertParty(claim["author"]!.AsObject());
        Assert.Equal("CreativeWork", (string)claim["appearance"]!["@type"]!);
        Assert.Equal(JsonValueKind.Object, claim["appearance"]!.GetValueKind());
    }

    private static void AssertParty(JsonObject party)
    {
        Assert.Contains((string)party["@type"]!, new[] { "Organization", "Person" });
        Assert.False(string.IsNullOrWhiteSpace((string)party["name"]!));
    }
}
