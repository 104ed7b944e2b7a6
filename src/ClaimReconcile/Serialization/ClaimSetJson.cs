using System.Text;
using System.Text.Json;
using NodaTime.Text;

namespace ClaimReconcile.Serialization;

/// <summary>Reads and writes the claim-set contract <c>claimset/1</c> (see <c>docs/claimset-format.md</c>).</summary>
/// <remarks>
/// Stateless and thread-safe. Reading never throws on bad data: a file that is not JSON gives a failed
/// <see cref="ClaimSetReadResult"/> with the line and position of the error; bad parts of a good file are
/// reported as issues with their JSON path, and the rest is read. Comments and a byte-order mark are allowed.
/// Input is read one item at a time within the limits of <see cref="ClaimSetReadOptions"/> (see <c>docs/limits.md</c>).
/// </remarks>
public static class ClaimSetJson
{
    /// <summary>The contract this version reads and writes.</summary>
    public const string Format = "claimset/1";

    /// <summary>Reads a claim set from JSON text.</summary>
    /// <param name="json">The claim set.</param>
    /// <param name="options">Limits on the input; <see cref="ClaimSetReadOptions.Default"/> when omitted.</param>
    public static ClaimSetReadResult Read(string json, ClaimSetReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Read(Encoding.UTF8.GetBytes(json), options);
    }

    /// <summary>Reads a claim set from a stream of UTF-8 JSON, one item at a time; the stream is read to its end, not closed.</summary>
    /// <param name="utf8Json">The claim set.</param>
    /// <param name="options">Limits on the input; <see cref="ClaimSetReadOptions.Default"/> when omitted.</param>
    public static ClaimSetReadResult Read(Stream utf8Json, ClaimSetReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        options ??= ClaimSetReadOptions.Default;
        options.Validate();
        try
        {
            return ClaimSetStreamReader.Read(utf8Json, options);
        }
        catch (IOException e)
        {
            return ClaimSetReadResult.Fatal(new(IssueCodes.InvalidJson, "$", $"The input could not be read: {e.Message}"));
        }
    }

    /// <summary>Reads a claim set from UTF-8 JSON bytes.</summary>
    /// <param name="utf8Json">The claim set.</param>
    /// <param name="options">Limits on the input; <see cref="ClaimSetReadOptions.Default"/> when omitted.</param>
    public static ClaimSetReadResult Read(ReadOnlySpan<byte> utf8Json, ClaimSetReadOptions? options = null)
    {
        options ??= ClaimSetReadOptions.Default;
        options.Validate();
        if (utf8Json.Length > options.MaxInputBytes)
        {
            return ClaimSetReadResult.Fatal(new(IssueCodes.InputTooLarge, "$",
                $"The input is larger than {options.MaxInputBytes} bytes, the limit (MaxInputBytes, --max-input-bytes); split it or raise the limit."));
        }

        using var stream = new MemoryStream(utf8Json.ToArray(), writable: false);
        return ClaimSetStreamReader.Read(stream, options);
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
}
