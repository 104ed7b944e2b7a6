using System.Text.Json;
using ClaimReconcile.Serialization;
using NodaTime;
using NodaTime.Text;

namespace ClaimReconcile.Rendering;

/// <summary>
/// Writes the report's contradicted claims as schema.org <c>ClaimReview</c> JSON-LD, the form fact-check tools
/// and search engines exchange: one review per contradicted claim, as a JSON array.
/// </summary>
/// <remarks>
/// <para>Each review carries the fields schema.org and Google's fact-check markup require (<c>claimReviewed</c>,
/// <c>reviewRating</c> with <c>alternateName</c>, <c>url</c>) and those they recommend (<c>author</c>,
/// <c>datePublished</c>, <c>itemReviewed</c> as a <c>Claim</c> with its <c>author</c>, <c>datePublished</c> and
/// <c>appearance</c>). The rating is on a 1–5 scale, 1 = the claim is very likely false, 5 = very likely true,
/// from the claim's confidence: <c>1 + round(4 × confidence)</c>.</para>
/// <para>Stateless and thread-safe. The output depends only on the report, the options and the clock's date (UTC).</para>
/// </remarks>
public static class ClaimReviewJson
{
    /// <summary>The text rating of every review: what the reconciliation found.</summary>
    public const string Rating = "Contradicted by other sources";

    /// <summary>The reviews as a JSON array.</summary>
    /// <param name="report">The report.</param>
    /// <param name="options">Who publishes the reviews, and where; the defaults when omitted.</param>
    /// <param name="clock">Gives the review's publication date; the system clock when omitted.</param>
    public static string Write(ReconciliationReport report, ClaimReviewOptions? options = null, IClock? clock = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        options ??= new ClaimReviewOptions();
        var today = LocalDatePattern.Iso.Format((clock ?? SystemClock.Instance).GetCurrentInstant().InUtc().Date);
        return JsonOutput.Write(w => WriteTo(w, report, options, today));
    }

    /// <summary>Writes the reviews as a UTF-8 JSON array to a stream, a part at a time: the same bytes as <see cref="Write(ReconciliationReport, ClaimReviewOptions?, IClock?)"/>.</summary>
    /// <param name="report">The report.</param>
    /// <param name="stream">Where the JSON goes; left open.</param>
    /// <param name="options">Who publishes the reviews, and where; the defaults when omitted.</param>
    /// <param name="clock">Gives the review's publication date; the system clock when omitted.</param>
    public static void Write(ReconciliationReport report, Stream stream, ClaimReviewOptions? options = null, IClock? clock = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(stream);
        options ??= new ClaimReviewOptions();
        var today = LocalDatePattern.Iso.Format((clock ?? SystemClock.Instance).GetCurrentInstant().InUtc().Date);
        JsonOutput.Write(stream, w => WriteTo(w, report, options, today));
    }

    private static void WriteTo(Utf8JsonWriter writer, ReconciliationReport report, ClaimReviewOptions options, string today)
    {
        var sources = report.Sources.ToDictionary(s => s.Id, StringComparer.Ordinal);
        writer.WriteStartArray();
        foreach (var group in report.Groups)
        {
            foreach (var claim in group.Claims.Where(c => c.Status == ClaimStatus.Contradicted))
            {
                var source = sources.GetValueOrDefault(claim.Source);
                var claimReviewed = $"{ReportWords.Subject(group)}, {group.Property}: {ReportWords.Value(claim.Claim)}";
                writer.WriteStartObject();
                writer.WriteString("@context", "https://schema.org");
                writer.WriteString("@type", "ClaimReview");
                writer.WriteString("url", $"{options.PageUrl}#claim-{Uri.EscapeDataString(claim.Id)}");
                writer.WriteString("name", $"Fact check: {claimReviewed}");
                writer.WriteString("claimReviewed", claimReviewed);
                writer.WriteString("datePublished", today);
                writer.WritePropertyName("author");
                WriteParty(writer, options.AuthorIsPerson, options.AuthorName, options.AuthorUrl);

                writer.WriteStartObject("reviewRating");
                writer.WriteString("@type", "Rating");
                writer.WriteNumber("ratingValue", 1 + (int)Math.Round(4 * Math.Clamp(claim.Confidence, 0, 1), MidpointRounding.AwayFromZero));
                writer.WriteNumber("bestRating", 5);
                writer.WriteNumber("worstRating", 1);
                writer.WriteString("name", Rating);
                writer.WriteString("alternateName", Rating);
                writer.WriteString("ratingExplanation", group.Consensus is null ? group.Explanation : $"{group.Explanation} The consensus is {group.Consensus}.");
                writer.WriteEndObject();

                writer.WriteStartObject("itemReviewed");
                writer.WriteString("@type", "Claim");
                writer.WritePropertyName("author");
                var declared = source?.Source;
                if (claim.Claim.Speaker is { } speaker)
                {
                    WriteParty(writer, isPerson: true, speaker, url: null);
                }
                else
                {
                    WriteParty(writer, declared?.Kind == SourceKind.Person, source?.Name ?? claim.Source, url: null);
                }

                if (declared?.PublicationDate is { } published)
                {
                    writer.WriteString("datePublished", LocalDatePattern.Iso.Format(published));
                }

                writer.WriteStartObject("appearance");
                writer.WriteString("@type", "CreativeWork");
                if (declared?.Url is { } url)
                {
                    writer.WriteString("url", url);
                }

                writer.WriteStartObject("publisher");
                writer.WriteString("@type", declared?.Kind == SourceKind.Person ? "Person" : "Organization");
                writer.WriteString("name", source?.Name ?? claim.Source);
                writer.WriteEndObject();
                if (claim.Claim.Quote is { } quote)
                {
                    writer.WriteString("text", quote);
                }

                writer.WriteEndObject();
                writer.WriteEndObject();
                writer.WriteEndObject();
                JsonOutput.FlushIfFull(writer);
            }
        }

        writer.WriteEndArray();
    }

    private static void WriteParty(Utf8JsonWriter writer, bool isPerson, string name, string? url)
    {
        writer.WriteStartObject();
        writer.WriteString("@type", isPerson ? "Person" : "Organization");
        writer.WriteString("name", name);
        if (url is not null)
        {
            writer.WriteString("url", url);
        }

        writer.WriteEndObject();
    }
}
