using System.Collections.Immutable;
using System.Text.Json;

namespace ClaimReconcile.Serialization;

/// <summary>Writes the report contract <c>reconciliation/1</c> (see <c>docs/report-format.md</c>).</summary>
/// <remarks>
/// Stateless and thread-safe. Output is deterministic: indented with two spaces, <c>\n</c> line ends, groups,
/// claims and sources in a fixed order, probabilities rounded to three decimals, so the same claims in any
/// order give byte-identical text. Compact output (<c>indented: false</c>) is the same JSON without the indentation
/// and the line ends inside it: one line, then a line end, about 45 % smaller for a large report.
/// </remarks>
public static class ReportJson
{
    /// <summary>The contract this version writes.</summary>
    public const string Format = "reconciliation/1";

    /// <summary>The report as JSON text.</summary>
    /// <param name="report">The report.</param>
    /// <param name="indented">Whether to indent (the default); <see langword="false"/> writes the same JSON on one line.</param>
    public static string Write(ReconciliationReport report, bool indented = true)
    {
        ArgumentNullException.ThrowIfNull(report);
        return JsonOutput.Write(w => WriteTo(w, report), indented);
    }

    /// <summary>
    /// Writes the report as UTF-8 JSON to a stream, a part at a time: the same bytes as <see cref="Write(ReconciliationReport, bool)"/>.
    /// A large report's groups are written on all cores, a few parts ahead of the stream; the stream itself is written
    /// only from the calling thread.
    /// </summary>
    /// <param name="report">The report.</param>
    /// <param name="stream">Where the JSON goes; left open.</param>
    /// <param name="indented">Whether to indent (the default); <see langword="false"/> writes the same JSON on one line.</param>
    public static void Write(ReconciliationReport report, Stream stream, bool indented = true)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(stream);
        Write(report, stream, indented, PartClaims);
    }

    /// <summary>
    /// About how many claims the groups of one part hold when a large report is written on all cores: some 300 KB of
    /// indented JSON, so that the parts in flight hold little memory.
    /// </summary>
    internal const int PartClaims = 1024;

    /// <summary>
    /// From how many parts a report is written on all cores: below, handing parts to other threads costs about what it
    /// saves (at ten thousand claims, ten parts, it measured no faster than one writer).
    /// </summary>
    internal const int ParallelFromParts = 16;

    /// <summary>A group with more claims than this is not held whole in a part: a report that has one is written on one thread, a part at a time.</summary>
    internal const int MaxPartClaims = 1 << 16;

    /// <summary>
    /// Writes to a stream; once the groups fill <paramref name="parallelFromParts"/> parts of about <paramref name="partClaims"/>
    /// claims, and none has more than <paramref name="maxPartClaims"/>, the groups are written on all cores
    /// (<see cref="JsonOutput.WriteInParts"/>). The bytes are the same either way.
    /// </summary>
    internal static void Write(ReconciliationReport report, Stream stream, bool indented, int partClaims, int maxPartClaims = MaxPartClaims,
        int parallelFromParts = ParallelFromParts)
    {
        if (Environment.ProcessorCount > 1 && Parts(report.Groups, partClaims, maxPartClaims) is { } parts && parts.Count >= parallelFromParts)
        {
            JsonOutput.WriteInParts(stream, indented, w => WriteHead(w, report), Names.Groups, report.Groups.Length, parts,
                (w, g) => WriteGroup(w, report.Groups[g]), w => WriteTail(w, report));
            return;
        }

        JsonOutput.Write(stream, w => WriteTo(w, report), indented);
    }

    /// <summary>
    /// Where each part of the groups starts: a part closes once it holds <paramref name="partClaims"/> claims. None when
    /// some group is too large to hold whole (more than <paramref name="maxPartClaims"/> claims).
    /// </summary>
    private static List<int>? Parts(ImmutableArray<ClaimGroup> groups, int partClaims, int maxPartClaims)
    {
        var starts = new List<int>();
        var held = partClaims;
        for (var g = 0; g < groups.Length; g++)
        {
            var claims = groups[g].ClaimCount;
            if (claims > maxPartClaims)
            {
                return null;
            }

            if (held >= partClaims)
            {
                starts.Add(g);
                held = 0;
            }

            held += claims;
        }

        return starts;
    }

    private static void WriteTo(Utf8JsonWriter writer, ReconciliationReport report)
    {
        WriteHead(writer, report);
        foreach (var group in report.Groups)
        {
            WriteGroup(writer, group);
            JsonOutput.FlushIfFull(writer);
        }

        WriteTail(writer, report);
    }

    /// <summary>The document up to the start of the groups' array.</summary>
    private static void WriteHead(Utf8JsonWriter writer, ReconciliationReport report)
    {
        writer.WriteStartObject();
        writer.WriteString("format", Format);
        writer.WriteString("estimator", report.Estimator);

        var s = report.Summary;
        writer.WriteStartObject("summary");
        writer.WriteNumber("claims", s.Claims);
        writer.WriteNumber("groups", s.Groups);
        writer.WriteNumber("agreements", s.Agreements);
        writer.WriteNumber("conflicts", s.Conflicts);
        writer.WriteNumber("singleSource", s.SingleSource);
        writer.WriteNumber("issues", s.Issues);
        writer.WriteNumber("groupedClaims", s.GroupedClaims);
        writer.WriteNumber("rejectedClaims", s.RejectedClaims);
        writer.WriteEndObject();

        writer.WriteStartArray(Names.Groups);
    }

    private static void WriteGroup(Utf8JsonWriter writer, ClaimGroup group)
    {
        writer.WriteStartObject();
        writer.WriteString("subject", group.Subject);
        ClaimSetJson.WriteOptional(writer, "subjectLabel", group.SubjectLabel);
        writer.WriteString("property", group.Property);
        ClaimSetJson.WriteOptional(writer, "scope", group.Scope);
        writer.WriteString("verdict", VerdictName(group.Verdict));
        writer.WriteNumber("independentSources", group.IndependentSources);
        if (group.Consensus is { } consensus)
        {
            writer.WritePropertyName("consensus");
            ValueWriter.Write(writer, consensus, withWords: false);
        }

        if (group.Confidence is { } confidence)
        {
            writer.WriteNumber("confidence", confidence);
        }

        writer.WriteStartArray("claims");
        for (var c = 0; c < group.ClaimCount; c++)
        {
            WriteClaim(writer, group, group.ClaimAt(c));
        }

        writer.WriteEndArray();
        writer.WriteString("explanation", group.Explanation);
        writer.WriteEndObject();
    }

    /// <summary>The document from the end of the groups' array on.</summary>
    private static void WriteTail(Utf8JsonWriter writer, ReconciliationReport report)
    {
        writer.WriteEndArray();

        writer.WriteStartArray("sources");
        foreach (var source in report.Sources)
        {
            writer.WriteStartObject();
            writer.WriteString("id", source.Id);
            ClaimSetJson.WriteOptional(writer, "name", source.Name);
            writer.WriteNumber("reliability", source.Reliability);
            writer.WriteNumber("claims", source.Claims);
            ClaimSetJson.WriteStrings(writer, "dependsOn", source.DependsOn);
            if (!source.DetectedDependence.IsEmpty)
            {
                // Undeclared dependence judged from shared values (present only when some was found).
                writer.WriteStartArray("detectedDependence");
                foreach (var dependence in source.DetectedDependence)
                {
                    writer.WriteStartObject();
                    writer.WriteString("source", dependence.Source);
                    writer.WriteNumber("probability", dependence.Probability);
                    writer.WriteNumber("commonQuestions", dependence.CommonQuestions);
                    writer.WriteNumber("sharedValues", dependence.SharedValues);
                    writer.WriteNumber("sharedFalse", dependence.SharedFalse);
                    writer.WriteString("reason", dependence.Reason);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
            JsonOutput.FlushIfFull(writer);
        }

        writer.WriteEndArray();

        writer.WriteStartArray("issues");
        foreach (var issue in report.Issues)
        {
            writer.WriteStartObject();
            ClaimSetJson.WriteOptional(writer, "claim", issue.Claim);
            writer.WriteString("code", issue.Code);
            writer.WriteString("severity", issue.Severity == IssueSeverity.Error ? "error" : "warning");
            writer.WriteString("path", issue.Path);
            writer.WriteString("message", issue.Message);
            writer.WriteEndObject();
            JsonOutput.FlushIfFull(writer);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>
    /// One claim of a group; the hot loop of a large report, so its names are encoded once (<see cref="Names"/>). The claim
    /// is read from the group without making its <see cref="ClaimAssessment"/> (<see cref="ClaimGroup.Claims"/> makes them on first use).
    /// </summary>
    private static void WriteClaim(Utf8JsonWriter writer, ClaimGroup group, AssessedClaim claim)
    {
        writer.WriteStartObject();
        writer.WriteString(Names.Id, claim.Id);
        writer.WriteString(Names.Source, claim.Claim.Source);
        if (!string.Equals(claim.Claim.Subject, group.Subject, StringComparison.Ordinal))
        {
            writer.WriteString(Names.StatedAs, claim.Claim.Subject);
        }

        if (claim.Claim.Speaker is { } speaker)
        {
            writer.WriteString(Names.Speaker, speaker);
        }

        writer.WritePropertyName(Names.Value);
        ValueWriter.Write(writer, claim.Claim.Value);
        if (claim.Claim.Scope?.When is { StatedAs: not null } when)
        {
            writer.WritePropertyName(Names.When);
            ValueWriter.Write(writer, when);
        }

        if (claim.Claim.Negated)
        {
            writer.WriteBoolean(Names.Negated, true);
        }

        writer.WriteString(Names.Status, claim.Status switch
        {
            ClaimStatus.Supported => Names.Supported,
            ClaimStatus.Contradicted => Names.Contradicted,
            _ => Names.Uncorroborated,
        });
        writer.WriteNumber(Names.Confidence, claim.Confidence);
        writer.WriteString(Names.Voice, claim.Voice);
        if (claim.Claim.Quote is { } quote)
        {
            writer.WriteString(Names.Quote, quote);
        }

        writer.WriteEndObject();
    }

    internal static string VerdictName(Verdict verdict) => verdict switch
    {
        Verdict.Agreement => "agreement",
        Verdict.Conflict => "conflict",
        _ => "single-source",
    };

    internal static string StatusName(ClaimStatus status) => status switch
    {
        ClaimStatus.Supported => "supported",
        ClaimStatus.Contradicted => "contradicted",
        _ => "uncorroborated",
    };

    /// <summary>Property names and values written once per claim, encoded once.</summary>
    private static class Names
    {
        public static readonly JsonEncodedText Groups = JsonEncodedText.Encode("groups");
        public static readonly JsonEncodedText Id = JsonEncodedText.Encode("id");
        public static readonly JsonEncodedText Source = JsonEncodedText.Encode("source");
        public static readonly JsonEncodedText StatedAs = JsonEncodedText.Encode("statedAs");
        public static readonly JsonEncodedText Speaker = JsonEncodedText.Encode("speaker");
        public static readonly JsonEncodedText Value = JsonEncodedText.Encode("value");
        public static readonly JsonEncodedText When = JsonEncodedText.Encode("when");
        public static readonly JsonEncodedText Negated = JsonEncodedText.Encode("negated");
        public static readonly JsonEncodedText Status = JsonEncodedText.Encode("status");
        public static readonly JsonEncodedText Confidence = JsonEncodedText.Encode("confidence");
        public static readonly JsonEncodedText Voice = JsonEncodedText.Encode("voice");
        public static readonly JsonEncodedText Quote = JsonEncodedText.Encode("quote");
        public static readonly JsonEncodedText Supported = JsonEncodedText.Encode(StatusName(ClaimStatus.Supported));
        public static readonly JsonEncodedText Contradicted = JsonEncodedText.Encode(StatusName(ClaimStatus.Contradicted));
        public static readonly JsonEncodedText Uncorroborated = JsonEncodedText.Encode(StatusName(ClaimStatus.Uncorroborated));
    }
}
