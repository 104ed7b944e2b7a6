using System.Text;
using System.Text.Json;

namespace ClaimReconcile.Serialization;

/// <summary>
/// Reads a claim of the common, valid shape straight from the JSON tokens, without building a document: the fields
/// <c>id</c>, <c>source</c>, <c>subject</c>, <c>property</c>, <c>value</c>, <c>scope</c> (an event), <c>speaker</c>,
/// <c>quote</c> and <c>negated</c>, each once, with values that need no trimming and no report. It declines everything
/// else — a missing or null field, a field it does not know, a duplicate, a value in words, a bad value — and
/// <see cref="ClaimSetReader"/> then reads the claim from a document and reports what is wrong, exactly as before.
/// So whenever this reader returns a claim, it is the claim the general reader would have returned. It checks the
/// reader's limits itself, token by token (nesting depth, string length, valid UTF-8), and declines where the general
/// reader would stop or report, so each claim is tokenized once instead of checked, then parsed, then looked up.
/// </summary>
/// <remarks>
/// Repeated texts (source ids, subjects, properties, units, mentions) come from one <see cref="StringPool"/>, and
/// repeated value objects, written alike, are read once and shared: values are immutable, and in real claim sets most
/// questions get the same few answers. One instance per read; not thread-safe.
/// </remarks>
internal sealed class SimpleClaimReader
{
    // Values written alike share one instance; the cache stops growing here so that a file of all-distinct values
    // costs a bounded amount of memory beyond the claims themselves.
    private const int MaxCachedValues = 1 << 16;
    private const int MaxCachedValueBytes = 256;

    private readonly int _maxDepth;
    private readonly int _maxStringLength;
    private readonly StringPool _strings = new();
    private readonly Dictionary<string, ClaimValue> _values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ClaimValue>.AlternateLookup<ReadOnlySpan<char>> _valueLookup;

    // Values written alike that were declined before: a file of many alike bad claims is not parsed twice per claim.
    private readonly HashSet<string> _declined = new(StringComparer.Ordinal);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _declinedLookup;
    private readonly List<ReconciliationIssue> _scratch = [];
    private char[] _chars = new char[256];
    private bool _incomplete;

    public SimpleClaimReader(ClaimSetReadOptions options)
    {
        _maxDepth = options.MaxDepth;
        _maxStringLength = options.MaxStringLength;
        _valueLookup = _values.GetAlternateLookup<ReadOnlySpan<char>>();
        _declinedLookup = _declined.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    [Flags]
    private enum Field
    {
        None = 0,
        Id = 1,
        Source = 2,
        Subject = 4,
        Property = 8,
        Value = 16,
        Scope = 32,
        Speaker = 64,
        Quote = 128,
        Negated = 256,
    }

    /// <summary>
    /// Reads the claim that starts at the reader's next token from <paramref name="input"/> (the reader's input); on
    /// success the reader is on the claim's end. Null declines the claim; <paramref name="incomplete"/> then says that the
    /// input ended first, and the caller may read more and try again. Invalid UTF-8 text throws
    /// <see cref="InvalidOperationException"/>, broken JSON <see cref="JsonException"/>: the caller declines those too.
    /// </summary>
    public Claim? TryRead(ref Utf8JsonReader reader, ReadOnlySpan<byte> input, int index, out bool incomplete)
    {
        _incomplete = false;
        var claim = Next(ref reader) && reader.TokenType == JsonTokenType.StartObject ? ReadClaim(ref reader, input, index) : null;
        incomplete = _incomplete;
        return incomplete ? null : claim;
    }

    private Claim? ReadClaim(ref Utf8JsonReader reader, ReadOnlySpan<byte> input, int index)
    {
        string? id = null, source = null, subject = null, property = null, speaker = null, quote = null;
        ClaimValue? value = null;
        ClaimScope? scope = null;
        var negated = false;
        var seen = Field.None;
        while (Next(ref reader) && reader.TokenType == JsonTokenType.PropertyName)
        {
            var field = FieldOf(ref reader);
            if (field == Field.None || (seen & field) != 0 || !Next(ref reader))
            {
                return null;
            }

            seen |= field;
            var ok = field switch
            {
                Field.Id => TryText(ref reader, pooled: false, out id),
                Field.Source => TryText(ref reader, pooled: true, out source),
                Field.Subject => TryText(ref reader, pooled: true, out subject),
                Field.Property => TryText(ref reader, pooled: true, out property),
                Field.Speaker => TryText(ref reader, pooled: true, out speaker),
                Field.Quote => TryText(ref reader, pooled: false, out quote),
                Field.Negated => TryBoolean(ref reader, out negated),
                Field.Scope => TryEventScope(ref reader, out scope),
                _ => TryValue(ref reader, input, out value),
            };
            if (!ok)
            {
                return null;
            }
        }

        // The loop also ends at the end of the input, where the last token read may be the end of the value object.
        if (_incomplete || reader.TokenType != JsonTokenType.EndObject || source is null || subject is null || property is null || value is null)
        {
            return null;
        }

        return new Claim(source, subject, property, value)
        {
            Id = id ?? $"{source}#{index}",
            Scope = scope,
            Speaker = speaker,
            Quote = quote,
            Negated = negated,
            InputIndex = index,
        };
    }

    /// <summary>
    /// The next token, within the limits the general reader enforces (nesting depth, string length), so that a claim this
    /// reader takes is one the general reader would have taken; false at the end of the input or past a limit.
    /// </summary>
    private bool Next(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
        {
            _incomplete = true;
            return false;
        }

        return reader.TokenType switch
        {
            JsonTokenType.StartObject or JsonTokenType.StartArray => reader.CurrentDepth + 1 <= _maxDepth,
            JsonTokenType.String or JsonTokenType.PropertyName => reader.ValueSpan.Length <= _maxStringLength,
            _ => true,
        };
    }

    private static Field FieldOf(ref Utf8JsonReader reader) =>
        reader.ValueTextEquals("id"u8) ? Field.Id
        : reader.ValueTextEquals("source"u8) ? Field.Source
        : reader.ValueTextEquals("subject"u8) ? Field.Subject
        : reader.ValueTextEquals("property"u8) ? Field.Property
        : reader.ValueTextEquals("value"u8) ? Field.Value
        : reader.ValueTextEquals("scope"u8) ? Field.Scope
        : reader.ValueTextEquals("speaker"u8) ? Field.Speaker
        : reader.ValueTextEquals("quote"u8) ? Field.Quote
        : reader.ValueTextEquals("negated"u8) ? Field.Negated
        : Field.None;

    /// <summary>A string that is not empty and has no white space at either end (the general reader trims).</summary>
    private bool TryText(ref Utf8JsonReader reader, bool pooled, out string? text)
    {
        text = null;
        if (reader.TokenType != JsonTokenType.String)
        {
            return false;
        }

        var chars = Chars(ref reader);
        if (chars.IsEmpty || char.IsWhiteSpace(chars[0]) || char.IsWhiteSpace(chars[^1]))
        {
            return false;
        }

        text = pooled ? _strings.Get(chars) : chars.ToString();
        return true;
    }

    /// <summary>A string that is not only white space, as written (values are not trimmed).</summary>
    private bool TryWords(ref Utf8JsonReader reader, bool pooled, out string? text)
    {
        text = null;
        if (reader.TokenType != JsonTokenType.String)
        {
            return false;
        }

        var chars = Chars(ref reader);
        if (chars.IsWhiteSpace())
        {
            return false;
        }

        text = pooled ? _strings.Get(chars) : chars.ToString();
        return true;
    }

    private ReadOnlySpan<char> Chars(ref Utf8JsonReader reader)
    {
        // Unescaped, a string has at most as many UTF-16 chars as UTF-8 bytes.
        var most = reader.HasValueSequence ? (int)reader.ValueSequence.Length : reader.ValueSpan.Length;
        if (_chars.Length < most)
        {
            _chars = new char[Math.Max(most, _chars.Length * 2)];
        }

        return _chars.AsSpan(0, reader.CopyString(_chars));
    }

    private static bool TryBoolean(ref Utf8JsonReader reader, out bool value)
    {
        value = reader.TokenType == JsonTokenType.True;
        return reader.TokenType is JsonTokenType.True or JsonTokenType.False;
    }

    /// <summary>Only <c>{"event": "id"}</c>; a time scope goes to the general reader.</summary>
    private bool TryEventScope(ref Utf8JsonReader reader, out ClaimScope? scope)
    {
        scope = null;
        if (reader.TokenType != JsonTokenType.StartObject || !Next(ref reader) || reader.TokenType != JsonTokenType.PropertyName
            || !reader.ValueTextEquals("event"u8) || !Next(ref reader) || !TryText(ref reader, pooled: true, out var eventId)
            || !Next(ref reader) || reader.TokenType != JsonTokenType.EndObject)
        {
            return false;
        }

        scope = ClaimScope.ForEvent(eventId!);
        return true;
    }

    /// <summary>A value object, from the cache when one was written alike before.</summary>
    private bool TryValue(ref Utf8JsonReader reader, ReadOnlySpan<byte> input, out ClaimValue? value)
    {
        value = null;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        // A value written exactly like an earlier one passed the same checks there, so skipping its tokens is safe.
        var end = reader;
        if (!end.TrySkip())
        {
            _incomplete = true;
            return false;
        }

        var raw = input[(int)reader.TokenStartIndex..(int)end.BytesConsumed];
        if (raw.Length > MaxCachedValueBytes)
        {
            return TryReadValue(ref reader, out value);
        }

        Span<char> key = stackalloc char[MaxCachedValueBytes];
        key = key[..Encoding.UTF8.GetChars(raw, key)];
        if (_valueLookup.TryGetValue(key, out value))
        {
            reader = end;
            return true;
        }

        if (_declinedLookup.Contains(key))
        {
            return false;
        }

        if (!TryReadValue(ref reader, out value))
        {
            if (_declined.Count < MaxCachedValues)
            {
                _declined.Add(key.ToString());
            }

            return false;
        }

        if (_values.Count < MaxCachedValues)
        {
            _values.Add(key.ToString(), value!);
        }

        return true;
    }

    /// <summary>One kind key with a plain body, and a hedge or unit where the kind takes one.</summary>
    private bool TryReadValue(ref Utf8JsonReader reader, out ClaimValue? value)
    {
        value = null;
        string? kind = null, text = null, unit = null, hedgeName = null;
        var number = 0.0;
        var boolean = false;
        List<string>? members = null;
        while (Next(ref reader) && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("hedge"u8))
            {
                if (hedgeName is not null || !Next(ref reader) || !TryWords(ref reader, pooled: true, out hedgeName))
                {
                    return false;
                }

                continue;
            }

            if (reader.ValueTextEquals("unit"u8))
            {
                if (unit is not null || !Next(ref reader) || reader.TokenType != JsonTokenType.String)
                {
                    return false;
                }

                unit = _strings.Get(Chars(ref reader));
                continue;
            }

            if (kind is not null || KindOf(ref reader) is not { } named || !Next(ref reader))
            {
                return false;
            }

            kind = named;
            var ok = kind switch
            {
                "number" => reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out number) && double.IsFinite(number),
                "boolean" => TryBoolean(ref reader, out boolean),
                "set" => TryMembers(ref reader, out members),
                "entity" => TryWords(ref reader, pooled: true, out text),
                _ => TryWords(ref reader, pooled: false, out text),
            };
            if (!ok)
            {
                return false;
            }
        }

        if (_incomplete || reader.TokenType != JsonTokenType.EndObject || kind is null || (unit is not null && kind != "number"))
        {
            return false;
        }

        var hedge = Hedge.Exact;
        if (hedgeName is not null && (kind is not ("number" or "duration" or "date" or "instant") || !HedgeNames.TryParse(hedgeName, out hedge)))
        {
            return false;
        }

        value = kind switch
        {
            "number" => NumberValue.Of(number, unit, hedge),
            "duration" => ValueReader.ValidLength(text!) is { } length ? DurationValue.Of(length, hedge) : null,
            "date" => ClaimSetReader.ParseDate(text!, hedge),
            "instant" => Instant(text!, hedge),
            "entity" => EntityValue.Of(text!),
            "text" => TextValue.Of(text!),
            "boolean" => BooleanValue.Of(boolean),
            _ => SetValue.Of(members!),
        };
        return value is not null;
    }

    private static string? KindOf(ref Utf8JsonReader reader) =>
        reader.ValueTextEquals("number"u8) ? "number"
        : reader.ValueTextEquals("duration"u8) ? "duration"
        : reader.ValueTextEquals("date"u8) ? "date"
        : reader.ValueTextEquals("instant"u8) ? "instant"
        : reader.ValueTextEquals("entity"u8) ? "entity"
        : reader.ValueTextEquals("text"u8) ? "text"
        : reader.ValueTextEquals("boolean"u8) ? "boolean"
        : reader.ValueTextEquals("set"u8) ? "set"
        : null;

    private bool TryMembers(ref Utf8JsonReader reader, out List<string>? members)
    {
        members = null;
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }

        var list = new List<string>();
        while (Next(ref reader) && reader.TokenType != JsonTokenType.EndArray)
        {
            if (!TryWords(ref reader, pooled: true, out var member))
            {
                return false;
            }

            list.Add(member!);
        }

        members = list;
        return !_incomplete && list.Count > 0;
    }

    private TemporalValue? Instant(string text, Hedge hedge)
    {
        // Issues only arise for an instant past the calendar's end; the claim is then declined and reported by the general reader.
        var at = ValueReader.ParseInstant(text, "", null, _scratch, out _);
        _scratch.Clear();
        return at is { } instant ? TemporalValue.AtInstant(instant, hedge) : null;
    }
}
