using System.Collections.Immutable;
using NodaTime;

namespace ClaimReconcile;

/// <summary>Where claims come from: an outlet, an agency, an official, a data set.</summary>
/// <remarks>
/// Immutable once built; equality is reference equality. Only <see cref="Id"/> is required. Values that
/// come from user data (a prior outside 0–1, a derivation from an unknown source) are not rejected here:
/// the reconciler reports them as issues.
/// </remarks>
public sealed class Source
{
    /// <summary>Creates a source with the given id.</summary>
    /// <exception cref="ArgumentException"><paramref name="id"/> is empty or white space.</exception>
    public Source(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        Id = id;
    }

    /// <summary>The unique id claims use to name this source.</summary>
    public string Id { get; }

    /// <summary>A display name ("Zeit Online").</summary>
    public string? Name { get; init; }

    /// <summary>What kind of source this is.</summary>
    public SourceKind Kind { get; init; }

    /// <summary>Where the source can be read.</summary>
    public string? Url { get; init; }

    /// <summary>When the source was published, with its UTC offset, if known to the minute.</summary>
    public OffsetDateTime? PublishedAt { get; init; }

    /// <summary>The day the source was published, if only the day is known.</summary>
    public LocalDate? PublishedOn { get; init; }

    /// <summary>The source's time zone, against which its local dates and relative times are read. Defaults to UTC.</summary>
    public DateTimeZone TimeZone { get; init; } = DateTimeZone.Utc;

    /// <summary>The source's language as a BCP 47 tag ("de"); it decides how digits in words are grouped ("1.500" or "1,500").</summary>
    public string? Language { get; init; }

    /// <summary>Ids of the upstream sources this one copies (wire copy): they count once toward corroboration.</summary>
    public ImmutableArray<string> DerivedFrom { get; init; } = [];

    /// <summary>Prior reliability, strictly between 0 and 1, if known.</summary>
    public double? Prior { get; init; }

    /// <summary>
    /// The local date on which the source was published: <see cref="PublishedOn"/>, or the date of
    /// <see cref="PublishedAt"/> in <see cref="TimeZone"/>.
    /// </summary>
    public LocalDate? PublicationDate => PublishedOn ?? PublishedAt?.ToInstant().InZone(TimeZone).Date;

    internal string? Location { get; init; }

    /// <inheritdoc />
    public override string ToString() => Name is null ? Id : $"{Name} ({Id})";
}
