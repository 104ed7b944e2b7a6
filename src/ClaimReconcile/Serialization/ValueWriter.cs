using System.Text.Json;

namespace ClaimReconcile.Serialization;

/// <summary>Writes a value in the shape the claim-set contract reads, so reports and claim sets round-trip.</summary>
internal static class ValueWriter
{
    /// <summary>Writes a value; <paramref name="withWords"/> adds <c>statedAs</c> when the value was read from words.</summary>
    public static void Write(Utf8JsonWriter writer, ClaimValue value, bool withWords = true)
    {
        writer.WriteStartObject();
        switch (value)
        {
            case NumberValue number:
                writer.WritePropertyName(Names.Number);
                if (number.IsSingle)
                {
                    writer.WriteNumberValue(number.Min);
                }
                else
                {
                    writer.WriteStartObject();
                    writer.WriteNumber(Names.Min, number.Min);
                    writer.WriteNumber(Names.Max, number.Max);
                    writer.WriteEndObject();
                }

                if (number.Unit is not null)
                {
                    writer.WriteString(Names.Unit, number.Unit);
                }

                WriteHedge(writer, number.Hedge);
                break;
            case DurationValue duration:
                writer.WriteString(Names.Duration, duration.ToIsoString());
                WriteHedge(writer, duration.Hedge);
                break;
            case TemporalValue { Granularity: TemporalGranularity.Instant } instant:
                writer.WriteString(Names.Instant, instant.ToIsoString());
                WriteHedge(writer, instant.Hedge);
                break;
            case TemporalValue date:
                writer.WriteString(Names.Date, date.ToIsoString());
                if (date.PartOfDay is { } part)
                {
                    writer.WriteString(Names.PartOfDay, PartOfDayNames.ToName(part));
                }

                WriteHedge(writer, date.Hedge);
                break;
            case EntityValue entity:
                writer.WriteString(Names.Entity, entity.Mention);
                break;
            case TextValue text:
                writer.WriteString(Names.Text, text.Value);
                break;
            case BooleanValue boolean:
                writer.WriteBoolean(Names.Boolean, boolean.Value);
                break;
            case WordedValue worded:
                writer.WriteStartObject(worded.Kind);
                writer.WriteString(Names.Text, worded.Words);
                writer.WriteEndObject();
                if (worded.Unit is not null)
                {
                    writer.WriteString(Names.Unit, worded.Unit);
                }

                WriteHedge(writer, worded.Hedge);
                break;
            case SetValue set:
                writer.WriteStartArray(Names.Set);
                foreach (var member in set.Members)
                {
                    writer.WriteStringValue(member);
                }

                writer.WriteEndArray();
                break;
            default:
                throw new InvalidOperationException($"Unknown value kind {value.GetType().Name}.");
        }

        if (withWords && value.StatedAs is { } words)
        {
            writer.WriteString(Names.StatedAs, words);
        }

        writer.WriteEndObject();
    }

    private static void WriteHedge(Utf8JsonWriter writer, Hedge hedge)
    {
        if (hedge != Hedge.Exact)
        {
            writer.WriteString(Names.Hedge, HedgeNames.ToName(hedge));
        }
    }

    /// <summary>
    /// Writes a scope as the contract reads it: <c>{"event": …}</c>, <c>{"when": "2025-12-02", "partOfDay": "evening"}</c>,
    /// <c>{"when": "2025-12-02T17:00:00Z"}</c>, <c>{"when": {"text": "am Dienstagabend"}}</c> or <c>{"asOf": …}</c>.
    /// </summary>
    public static void WriteScope(Utf8JsonWriter writer, ClaimScope scope)
    {
        writer.WriteStartObject();
        if (scope.Event is { } eventId)
        {
            writer.WriteString("event", eventId);
        }
        else if (scope.WhenText is { } words)
        {
            writer.WriteStartObject("when");
            writer.WriteString("text", words);
            writer.WriteEndObject();
        }
        else if (scope.When is { } when)
        {
            writer.WriteString("when", when.ToIsoString());
            if (when.PartOfDay is { } part)
            {
                writer.WriteString("partOfDay", PartOfDayNames.ToName(part));
            }

            WriteHedge(writer, when.Hedge);
        }
        else if (scope.AsOf is { } asOf)
        {
            writer.WriteString("asOf", NodaTime.Text.LocalDatePattern.Iso.Format(asOf));
        }

        writer.WriteEndObject();
    }

    /// <summary>Property names written once per value, encoded once (a large report writes a million values).</summary>
    private static class Names
    {
        public static readonly JsonEncodedText Number = JsonEncodedText.Encode("number");
        public static readonly JsonEncodedText Unit = JsonEncodedText.Encode("unit");
        public static readonly JsonEncodedText Hedge = JsonEncodedText.Encode("hedge");
        public static readonly JsonEncodedText Duration = JsonEncodedText.Encode("duration");
        public static readonly JsonEncodedText Date = JsonEncodedText.Encode("date");
        public static readonly JsonEncodedText Instant = JsonEncodedText.Encode("instant");
        public static readonly JsonEncodedText Entity = JsonEncodedText.Encode("entity");
        public static readonly JsonEncodedText Text = JsonEncodedText.Encode("text");
        public static readonly JsonEncodedText Boolean = JsonEncodedText.Encode("boolean");
        public static readonly JsonEncodedText Set = JsonEncodedText.Encode("set");
        public static readonly JsonEncodedText StatedAs = JsonEncodedText.Encode("statedAs");
        public static readonly JsonEncodedText PartOfDay = JsonEncodedText.Encode("partOfDay");
        public static readonly JsonEncodedText Min = JsonEncodedText.Encode("min");
        public static readonly JsonEncodedText Max = JsonEncodedText.Encode("max");
    }
}
