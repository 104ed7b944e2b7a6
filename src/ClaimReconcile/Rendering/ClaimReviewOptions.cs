namespace ClaimReconcile.Rendering;

/// <summary>Who publishes the fact checks that <see cref="ClaimReviewJson"/> writes, and where.</summary>
/// <remarks>Immutable once built; the defaults name the tool itself and a placeholder page.</remarks>
public sealed class ClaimReviewOptions
{
    /// <summary>The placeholder page address used when <see cref="PageUrl"/> is not set (the <c>.invalid</c> domain never resolves).</summary>
    public const string PlaceholderPageUrl = "https://claimreconcile.invalid/report";

    /// <summary>The name of the organization (or person) publishing the reviews. Defaults to <c>ClaimReconcile</c>.</summary>
    public string AuthorName { get; init; } = "ClaimReconcile";

    /// <summary>The publisher's home page, if any.</summary>
    public string? AuthorUrl { get; init; }

    /// <summary>Whether the publisher is a person rather than an organization.</summary>
    public bool AuthorIsPerson { get; init; }

    /// <summary>
    /// The page that hosts the full fact check. Each review's <c>url</c> is this address with the fragment
    /// <c>#claim-&lt;id&gt;</c>. Search engines require it to be on the domain of the page carrying the markup.
    /// </summary>
    public string PageUrl { get; init; } = PlaceholderPageUrl;
}
