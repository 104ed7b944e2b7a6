namespace ClaimReconcile;

/// <summary>The stable issue codes, documented with examples in <c>docs/issue-codes.md</c>.</summary>
public static class IssueCodes
{
    /// <summary>The text is not JSON (or CSV) at all; the whole input is rejected with its line and position.</summary>
    public const string InvalidJson = "invalid-json";

    /// <summary>The <c>format</c> field names a contract this version cannot read.</summary>
    public const string UnsupportedFormat = "unsupported-format";

    /// <summary>A required field is missing.</summary>
    public const string MissingField = "missing-field";

    /// <summary>A field has the wrong JSON type (a number where text belongs, …).</summary>
    public const string InvalidType = "invalid-type";

    /// <summary>Two sources, entities, events or claims share an id.</summary>
    public const string DuplicateId = "duplicate-id";

    /// <summary>A claim names a source that is not declared.</summary>
    public const string UnknownSource = "unknown-source";

    /// <summary>A scope names an event that is not declared.</summary>
    public const string UnknownEvent = "unknown-event";

    /// <summary>A <c>derivedFrom</c> entry names a source that is not declared; it still counts as a shared upstream.</summary>
    public const string UnknownUpstream = "unknown-upstream";

    /// <summary>Sources derive from each other in a cycle; they are treated as one upstream.</summary>
    public const string DerivationCycle = "derivation-cycle";

    /// <summary>A value object has no kind, several kinds, or an unknown kind.</summary>
    public const string InvalidValue = "invalid-value";

    /// <summary>A number is not finite, or a range is inverted.</summary>
    public const string InvalidNumber = "invalid-number";

    /// <summary>A duration is not an ISO 8601 duration, or is negative.</summary>
    public const string InvalidDuration = "invalid-duration";

    /// <summary>A date, date span, part of day or instant cannot be read.</summary>
    public const string InvalidDate = "invalid-date";

    /// <summary>A hedge is not one of the known names, or is used on a kind that takes none.</summary>
    public const string InvalidHedge = "invalid-hedge";

    /// <summary>
    /// A text form that a version does not read yet. No longer reported: <c>{"text": …}</c> forms are read (see
    /// <see cref="UnreadableText"/>); the code stays so that tools matching on it keep compiling.
    /// </summary>
    public const string NotSupportedYet = "not-supported-yet";

    /// <summary>A source's <c>prior</c> is not strictly between 0 and 1; the default prior is used.</summary>
    public const string InvalidPrior = "invalid-prior";

    /// <summary>A time zone is not a known IANA id; UTC is used.</summary>
    public const string InvalidTimeZone = "invalid-time-zone";

    /// <summary>A publication date or time cannot be read; the source is treated as undated.</summary>
    public const string InvalidPublished = "invalid-published";

    /// <summary>A required text field is empty or white space.</summary>
    public const string EmptyText = "empty-text";

    /// <summary>A scope is malformed (no event, window or date, or more than one).</summary>
    public const string InvalidScope = "invalid-scope";

    /// <summary>A group holds values of different kinds or units that cannot be compared; they count as disagreeing.</summary>
    public const string IncomparableValues = "incomparable-values";

    // --- Issue 5 (reports, CSV in): codes of the CSV/TSV reader. ---

    /// <summary>A CSV/TSV table cannot be read at all: it is empty, or a quoted field is never closed or has text after its closing quote.</summary>
    public const string InvalidCsv = "invalid-csv";

    /// <summary>A CSV/TSV header names a column the reader does not know, or names one twice; the column is ignored.</summary>
    public const string UnknownColumn = "unknown-column";

    /// <summary>A CSV/TSV row has more fields than the header names columns; the row is left out.</summary>
    public const string ExtraFields = "extra-fields";
    // --- Entity resolution (issue 3, names) ---

    /// <summary>A mention reads as a name that two or more people fit (two known Klitschkos for "Klitschko"); it is left unresolved.</summary>
    public const string AmbiguousMention = "ambiguous-mention";
    // Text forms (issue 3: relative times, quantities in words, scope from text).

    /// <summary>A number, duration or date given in words (<c>{"text": "am Dienstagabend"}</c>) that cannot be read; the claim is left out.</summary>
    public const string UnreadableText = "unreadable-text";

    /// <summary>A claim scoped by time fits more than one declared event; it stays grouped by its time window.</summary>
    public const string AmbiguousScope = "ambiguous-scope";
    // Limits of the reader (issue 6: robust under hostile input); see docs/limits.md.

    /// <summary>The input is larger than <see cref="Serialization.ClaimSetReadOptions.MaxInputBytes"/>; the whole input is rejected.</summary>
    public const string InputTooLarge = "input-too-large";

    /// <summary>The claim set has more claims than <see cref="Serialization.ClaimSetReadOptions.MaxClaims"/>; the whole input is rejected.</summary>
    public const string TooManyClaims = "too-many-claims";

    /// <summary>A string is longer than <see cref="Serialization.ClaimSetReadOptions.MaxStringLength"/>; the item holding it is left out.</summary>
    public const string StringTooLong = "string-too-long";

    /// <summary>Objects and arrays nest deeper than <see cref="Serialization.ClaimSetReadOptions.MaxDepth"/>; the whole input is rejected.</summary>
    public const string TooDeep = "too-deep";

    /// <summary>The claim set names one of its top-level fields twice; the whole input is rejected rather than one copy silently dropped.</summary>
    public const string DuplicateField = "duplicate-field";
}
