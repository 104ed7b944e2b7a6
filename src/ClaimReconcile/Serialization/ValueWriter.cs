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
                writer.WritePropertyName("number");
                if (number.IsSingle)
                {
                    writer.WriteNumberValue(number.Min);
                }
                else
                {
                    writer.WriteStartObject();
                    writer.WriteNumber("min", number.Min);
                    writer.WriteNumber("max", number.Max);
                    writer.WriteEndObject();
                }

                if (number.Unit is not null)
                {
                    writer.WriteString("unit", number.Unit);
                }

                WriteHedge(writer, number.Hedge);
                break;
            case DurationValue duration:
                writer.WriteString("duration", duration.ToIsoString());
                WriteHedge(writer, duration.Hedge);
                break;
            case TemporalValue { Granularity: TemporalGranularity.Instant } instant:
                writer.WriteString("instant", instant.ToIsoString());
                WriteHedge(writer, instant.Hedge);
                break;
            case TemporalValue date:
                writer.WriteString("date", date.ToIsoString());
                if (date.PartOfDay is { } part)
                {
                    writer.WriteString("partOfDay", PartOfDayNames.ToName(part));
                }

                WriteHedge(writer, date.Hedge);
                break;
            case EntityValue entity:
                writer.WriteString("entity", entity.Mention);
                break;
            case TextValue text:
                writer.WriteString("text", text.Value);
                break;
            case BooleanValue boolean:
                writer.WriteBoolean("boolean", boolean.Value);
                break;
            case WordedValue worded:
                writer.WriteStartObject(worded.Kind);
                writer.WriteString("text", worded.Words);
                writer.WriteEndObject();
                if (worded.Unit is not null)
                {
                    writer.WriteString("unit", worded.Unit);
                }

                WriteHedge(writer, worded.Hedge);
                break;
            case SetValue set:
                writer.WriteStartArray("set");
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
            writer.WriteString("statedAs", words);
        }

        writer.WriteEndObject();
    }

    private static void WriteHedge(Utf8JsonWriter writer, Hedge hedge)
    {
        if (hedge != Hedge.Exact)
        {
            writer.WriteString("hedge", HedgeNames.ToName(hedge));
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
}
