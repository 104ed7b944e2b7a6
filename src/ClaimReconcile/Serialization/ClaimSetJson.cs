using System.Text;
using System.Text.Json;
using NodaTime.Text;

namespace ClaimReconcile.Serialization;

/// <summary>Reads and writes the claim-set contract <c>claimset/1</c> (see <c>docs/claimset-format.md</c>).</summary>
/// <remarks>
/// Stateless and thread-safe. Reading never throws on bad data: a file that is not JSON gives a failed
/// <see cref="ClaimSetReadResult"/> with the line and position of the error; bad parts of a good file are
/// reported as issues with their JSON path, and the rest is read. Comments and a byte-order mark are allowed.
/// </remarks>
public static class ClaimSetJson
{
    /// <summary>The contract this version reads and writes.</summary>
    public const string Format = "claimset/1";

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = false,
        MaxDepth = 64,
    };

    /// <summary>Reads a claim set from JSON text.</summary>
    public static ClaimSetReadResult Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Read(Encoding.UTF8.GetBytes(json));
    }

    /// <summary>Reads a claim set from a stream of UTF-8 JSON.</summary>
    public static ClaimSetReadResult Read(Stream utf8Json)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        using var buffer = new MemoryStream();
        utf8Json.CopyTo(buffer);
        return Read(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    }

    /// <summary>Reads a claim set from UTF-8 JSON bytes.</summary>
    public static ClaimSetReadResult Read(ReadOnlySpan<byte> utf8Json)
    {
        if (utf8Json.StartsWith("\uFEFF"u8))
        {
            utf8Json = utf8Json[3..];
        }

        JsonDocument document;
        try
        {
            var copy = utf8Json.ToArray();
            document = JsonDocument.Parse(copy, DocumentOptions);
        }
        catch (JsonException e)
        {
            var line = (e.LineNumber ?? 0) + 1;
            var position = (e.BytePositionInLine ?? 0) + 1;
            return ClaimSetReadResult.Fatal(new(IssueCodes.InvalidJson, $"line {line}, position {position}",
                $"The file is not valid JSON at line {line}, position {position}: {FirstSentence(e.Message)}"));
        }
        catch (ArgumentException e)
        {
            return ClaimSetReadResult.Fatal(new(IssueCodes.InvalidJson, "line 1, position 1", $"The file is not UTF-8 JSON: {FirstSentence(e.Message)}"));
        }

        using (document)
        {
            return ClaimSetReader.Read(document.RootElement);
        }
    }

    /// <summary>Writes a claim set as <c>claimset/1</c> JSON text, indented, with <c>\n</c> line ends.</summary>
    public static string Write(ClaimSet claimSet)
    {
        ArgumentNullException.ThrowIfNull(claimSet);
        return JsonOutput.Write(w => WriteTo(w, claimSet));
    }

    private static void WriteTo(Utf8JsonWriter writer, ClaimSet set)
    {
        writer.WriteStartObject();
        writer.WriteString("format", Format);
        writer.WriteStartArray("sources");
        foreach (var source in set.Sources)
        {
            writer.WriteStartObject();
            writer.WriteString("id", source.Id);
            WriteOptional(writer, "name", source.Name);
            if (source.Kind != SourceKind.Other)
            {
                writer.WriteString("kind", source.Kind.ToString().ToLowerInvariant());
            }

            WriteOptional(writer, "url", source.Url);
            if (source.PublishedAt is { } at)
            {
                writer.WriteString("published", OffsetDateTimePattern.Rfc3339.Format(at));
            }
            else if (source.PublishedOn is { } on)
            {
                writer.WriteString("published", LocalDatePattern.Iso.Format(on));
            }

            if (source.TimeZone != NodaTime.DateTimeZone.Utc)
            {
                writer.WriteString("timeZone", source.TimeZone.Id);
            }

            WriteOptional(writer, "language", source.Language);
            WriteStrings(writer, "derivedFrom", source.DerivedFrom);
            if (source.Prior is { } prior)
            {
                writer.WriteNumber("prior", prior);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        if (!set.Entities.IsEmpty)
        {
            writer.WriteStartArray("entities");
            foreach (var entity in set.Entities)
            {
                writer.WriteStartObject();
                writer.WriteString("id", entity.Id);
                WriteOptional(writer, "label", entity.Label);
                WriteOptional(writer, "type", entity.Type);
                WriteStrings(writer, "aliases", entity.Aliases);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        if (!set.Events.IsEmpty)
        {
            writer.WriteStartArray("events");
            foreach (var @event in set.Events)
            {
                writer.WriteStartObject();
                writer.WriteString("id", @event.Id);
                WriteOptional(writer, "label", @event.Label);
                WriteOptional(writer, "when", @event.When?.ToIsoString());
                WriteOptional(writer, "where", @event.Where);
                WriteStrings(writer, "participants", @event.Participants);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        writer.WriteStartArray("claims");
        foreach (var claim in set.Claims)
        {
            writer.WriteStartObject();
            WriteOptional(writer, "id", claim.Id);
            writer.WriteString("source", claim.Source);
            writer.WriteString("subject", claim.Subject);
            writer.WriteString("property", claim.Property);
            writer.WritePropertyName("value");
            ValueWriter.Write(writer, claim.Value);
            if (claim.Scope is { } scope)
            {
                writer.WritePropertyName("scope");
                ValueWriter.WriteScope(writer, scope);
            }

            WriteOptional(writer, "speaker", claim.Speaker);
            WriteOptional(writer, "quote", claim.Quote);
            if (claim.Negated)
            {
                writer.WriteBoolean("negated", true);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    internal static void WriteOptional(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    internal static void WriteStrings(Utf8JsonWriter writer, string name, IEnumerable<string> values)
    {
        var list = values.ToList();
        if (list.Count == 0)
        {
            return;
        }

        writer.WriteStartArray(name);
        foreach (var value in list)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(" LineNumber", StringComparison.Ordinal);
        return (end > 0 ? message[..end] : message).Trim();
    }
}
