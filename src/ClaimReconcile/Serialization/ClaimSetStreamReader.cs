using System.Buffers;
using System.Text.Json;
using System.Text.Unicode;

namespace ClaimReconcile.Serialization;

/// <summary>
/// Reads a claim set from a stream one item at a time: the top level is walked token by token over a pooled
/// buffer, and only one source, entity, event or claim at a time is parsed into a small <see cref="JsonDocument"/>
/// and handed to <see cref="ClaimSetReader"/>. Memory therefore grows with the items kept, not with the input.
/// Claims of the common, valid shape skip the document: <see cref="SimpleClaimReader"/> reads them from the tokens.
/// Enforces <see cref="ClaimSetReadOptions"/>; never throws on bad data.
/// </summary>
internal sealed class ClaimSetStreamReader : IDisposable
{
    private const int InitialBufferSize = 64 * 1024;
    /// <summary>The start of the message of an item whose value the model cannot hold; the fuzzer looks for it.</summary>
    internal const string Unrepresentable = "This item holds a value that cannot be represented";

    private static readonly string[] Sections = ["sources", "entities", "events", "claims"];

    private readonly Stream _stream;
    private readonly ClaimSetReadOptions _options;
    private readonly JsonReaderOptions _readerOptions;
    private readonly ClaimSetReader _items = new();
    private readonly SimpleClaimReader? _simple;
    private byte[] _buffer;
    private int _start;
    private int _end;
    private bool _final;
    private bool _started;
    private long _totalRead;
    private JsonReaderState _state;

    // Where _buffer[0] is in the input, for the line and position of errors found here rather than by the JSON reader.
    private long _bufferOffset;
    private long _lines;
    private long _lineStart;

    private ClaimSetStreamReader(Stream stream, ClaimSetReadOptions options, bool simpleClaims)
    {
        _stream = stream;
        _options = options;
        _simple = simpleClaims ? new SimpleClaimReader(options) : null;
        _readerOptions = new JsonReaderOptions
        {
            CommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = false,
            MaxDepth = options.MaxDepth + 1,
        };
        _state = new JsonReaderState(_readerOptions);
        _buffer = ArrayPool<byte>.Shared.Rent(InitialBufferSize);
    }

    /// <summary>Reads a claim set; <paramref name="simpleClaims"/> false reads every claim through a document (tests compare the two).</summary>
    public static ClaimSetReadResult Read(Stream stream, ClaimSetReadOptions options, bool simpleClaims = true)
    {
        using var reader = new ClaimSetStreamReader(stream, options, simpleClaims);
        try
        {
            return reader.ReadDocument();
        }
        catch (FatalReadException e)
        {
            return ClaimSetReadResult.Fatal(e.Issue);
        }
        catch (JsonException e)
        {
            var line = (e.LineNumber ?? 0) + 1;
            var position = (e.BytePositionInLine ?? 0) + 1;
            return ClaimSetReadResult.Fatal(new(IssueCodes.InvalidJson, $"line {line}, position {position}",
                $"The file is not valid JSON at line {line}, position {position}: {FirstSentence(e.Message)}"));
        }
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }

    private ClaimSetReadResult ReadDocument()
    {
        var first = ReadToken(out _);
        if (first != JsonTokenType.StartObject)
        {
            return DrainThenFail(new(IssueCodes.InvalidType, "$", $"A claim set is a JSON object; this is {Describe(first)}."));
        }

        var buckets = Sections.ToDictionary(s => s, _ => new List<ReconciliationIssue>(), StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var sources = new List<Source>();
        var entities = new List<Entity>();
        var events = new List<Event>();
        var claims = new List<Claim>();
        var rejected = 0;
        var hasFormat = false;

        while (ReadToken(out var name) == JsonTokenType.PropertyName)
        {
            if (name is "format" or "sources" or "entities" or "events" or "claims" && !seen.Add(name))
            {
                return DrainThenFail(new(IssueCodes.DuplicateField, $"$.{name}",
                    $"The claim set has two \"{name}\" fields; merge them into one so that nothing is silently dropped."));
            }

            switch (name)
            {
                case "format":
                    hasFormat = true;
                    if (CheckFormat() is { } wrongFormat)
                    {
                        return DrainThenFail(wrongFormat);
                    }

                    break;
                case "sources":
                    ReadSection(name, buckets[name], (element, path, _) => Keep(sources, _items.ReadSource(element, path)));
                    break;
                case "entities":
                    ReadSection(name, buckets[name], (element, path, _) => Keep(entities, _items.ReadEntity(element, path)));
                    break;
                case "events":
                    ReadSection(name, buckets[name], (element, path, _) => Keep(events, _items.ReadEvent(element, path)));
                    break;
                case "claims":
                    ReadSection(name, buckets[name], (element, path, index) =>
                    {
                        if (!Keep(claims, _items.ReadClaim(element, path, index)))
                        {
                            rejected++;
                        }
                    }, claimSection: true, onRejected: () => rejected++, readSimple: _simple is null ? null : index => TryReadSimpleClaim(_simple, index, claims));
                    break;
                default:
                    SkipValue();
                    break;
            }
        }

        // The root object is closed; anything but white space or comments after it is an error of the JSON reader.
        ReadToken(out _);

        var issues = new List<ReconciliationIssue>();
        if (!hasFormat)
        {
            issues.Add(new(IssueCodes.MissingField, "$.format", "No \"format\" field; reading the file as \"claimset/1\".", null, IssueSeverity.Warning));
        }

        foreach (var section in Sections)
        {
            if (section is "sources" or "claims" && !seen.Contains(section))
            {
                buckets[section].Add(new(IssueCodes.MissingField, $"$.{section}", $"The claim set has no \"{section}\" array."));
            }

            issues.AddRange(buckets[section]);
        }

        return new ClaimSetReadResult(new ClaimSet(sources, claims, entities, events), [.. issues], rejected, succeeded: true);
    }

    private static bool Keep<T>(List<T> items, T? item)
        where T : class
    {
        if (item is null)
        {
            return false;
        }

        items.Add(item);
        return true;
    }

    private ReconciliationIssue? CheckFormat()
    {
        using var document = ParseValue("$.format", out var longStrings);
        var format = document.RootElement;
        if (longStrings is null && format.ValueKind == JsonValueKind.String && format.GetString() == ClaimSetJson.Format)
        {
            return null;
        }

        return new(IssueCodes.UnsupportedFormat, "$.format", $"This version reads \"claimset/1\"; the file says {ClaimSetReader.Truncate(format.GetRawText())}.");
    }

    private void ReadSection(string name, List<ReconciliationIssue> issues, Action<JsonElement, string, int> read, bool claimSection = false, Action? onRejected = null,
        Func<int, bool>? readSimple = null)
    {
        var kind = PeekToken();
        if (kind != JsonTokenType.StartArray)
        {
            if (kind != JsonTokenType.Null)
            {
                issues.Add(new(IssueCodes.InvalidType, $"$.{name}", $"\"{name}\" must be an array; it is {Describe(kind)}."));
            }
            else if (name is "sources" or "claims")
            {
                issues.Add(new(IssueCodes.MissingField, $"$.{name}", $"The claim set has no \"{name}\" array."));
            }

            SkipValue();
            return;
        }

        ReadToken(out _);
        for (var index = 0; PeekToken() != JsonTokenType.EndArray; index++)
        {
            if (claimSection && index >= _options.MaxClaims)
            {
                throw new FatalReadException(new(IssueCodes.TooManyClaims, $"$.{name}[{index}]",
                    $"The claim set has more than {_options.MaxClaims} claims, the limit (MaxClaims, --max-claims); split it or raise the limit."));
            }

            if (readSimple is not null && readSimple(index))
            {
                continue;
            }

            var path = $"$.{name}[{index}]";

            using (var document = ParseValue(path, out var longStrings))
            {
                if (longStrings is null)
                {
                    try
                    {
                        read(document.RootElement, path, index);
                    }
                    catch (Exception e) when (e is ArgumentException or OverflowException)
                    {
                        // Defence in depth: a value that passes every check but that the model cannot hold (a date past
                        // the calendar's end, …) is reported like any other bad value, never thrown. Tests treat this as a bug.
                        _items.MoveIssuesTo(issues);
                        issues.Add(new(IssueCodes.InvalidValue, path, $"{Unrepresentable} ({FirstSentence(e.Message)}); the item is left out.",
                            claimSection ? ClaimIdOf(document.RootElement, index) : null));
                        onRejected?.Invoke();
                    }
                }
                else
                {
                    var claim = claimSection ? ClaimIdOf(document.RootElement, index) : null;
                    foreach (var longPath in longStrings)
                    {
                        issues.Add(new(IssueCodes.StringTooLong, longPath,
                            $"A string here is longer than {_options.MaxStringLength} bytes, the limit (MaxStringLength, --max-string-length); the item is left out.", claim));
                    }

                    onRejected?.Invoke();
                }
            }

            _items.MoveIssuesTo(issues);
        }

        ReadToken(out _);
    }

    /// <summary>
    /// Reads the next claim without a document when it has the common, valid shape (see <see cref="SimpleClaimReader"/>);
    /// false leaves it unread for the general reader, which reports whatever is wrong with it.
    /// </summary>
    private bool TryReadSimpleClaim(SimpleClaimReader simple, int index, List<Claim> claims)
    {
        while (true)
        {
            var reader = CreateReader();
            Claim? claim;
            bool incomplete;
            try
            {
                claim = simple.TryRead(ref reader, _buffer.AsSpan(_start, _end - _start), index, out incomplete);
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException or ArgumentException or OverflowException)
            {
                // Broken JSON or text, or a value the model cannot hold: the general reader reports it as such.
                return false;
            }

            if (claim is not null)
            {
                Commit(ref reader);
                claims.Add(claim);
                return true;
            }

            if (!incomplete || !Fill())
            {
                return false;
            }
        }
    }

    private string ClaimIdOf(JsonElement element, int index)
    {
        string? Short(string name) =>
            element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            && value.GetString() is { Length: > 0 } text && text.Length <= _options.MaxStringLength && !string.IsNullOrWhiteSpace(text)
                ? text.Trim()
                : null;

        return Short("id") ?? $"{Short("source") ?? "?"}#{index}";
    }

    // ---- Tokens over the pooled buffer -----------------------------------------------------------------------------

    private Utf8JsonReader CreateReader() => new(_buffer.AsSpan(_start, _end - _start), _final, _state);

    private void Commit(ref Utf8JsonReader reader)
    {
        _start += (int)reader.BytesConsumed;
        _state = reader.CurrentState;
    }

    /// <summary>Reads and consumes the next token; <see cref="JsonTokenType.None"/> at the end of the input.</summary>
    private JsonTokenType ReadToken(out string? propertyName) => ReadToken(decodeName: true, out propertyName);

    /// <summary>Reads and consumes the next token, decoding a property name only when asked (skipping allocates nothing).</summary>
    private JsonTokenType ReadToken(bool decodeName, out string? propertyName)
    {
        while (true)
        {
            var reader = CreateReader();
            if (reader.Read())
            {
                CheckToken(ref reader, checkLength: false, out _);
                propertyName = decodeName && reader.TokenType == JsonTokenType.PropertyName ? reader.GetString() : null;
                Commit(ref reader);
                return reader.TokenType;
            }

            if (!Fill())
            {
                propertyName = null;
                return JsonTokenType.None;
            }
        }
    }

    /// <summary>The type of the next token, without consuming it.</summary>
    private JsonTokenType PeekToken()
    {
        while (true)
        {
            var reader = CreateReader();
            if (reader.Read())
            {
                return reader.TokenType;
            }

            if (!Fill())
            {
                return JsonTokenType.None;
            }
        }
    }

    /// <summary>Consumes the next value token by token, checking syntax, depth and encoding, without holding all of it.</summary>
    private void SkipValue()
    {
        var depth = 0;
        do
        {
            switch (ReadToken(decodeName: false, out _))
            {
                case JsonTokenType.StartObject or JsonTokenType.StartArray:
                    depth++;
                    break;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    depth--;
                    break;
                case JsonTokenType.None:
                    // The JSON reader throws on a truncated final block before this is reached.
                    throw new FatalReadException(new(IssueCodes.InvalidJson, Position(_end), "The file ends in the middle of a value."));
            }
        }
        while (depth > 0);
    }

    /// <summary>
    /// Parses the next value into its own document once all of it is in the buffer; <paramref name="longStrings"/>
    /// lists the paths of strings over the length limit (null when there are none).
    /// </summary>
    private JsonDocument ParseValue(string path, out List<string>? longStrings)
    {
        while (true)
        {
            var reader = CreateReader();
            var probe = reader;
            if (probe.Read() && Walk(ref probe, path: null, out var tooLong))
            {
                longStrings = null;
                if (tooLong)
                {
                    // Rare: walk again, this time naming where the long strings are.
                    var named = reader;
                    named.Read();
                    longStrings = [];
                    Walk(ref named, path: new PathTracker(path, longStrings), out _);
                }

                reader.Read();
                var document = JsonDocument.ParseValue(ref reader);
                Commit(ref reader);
                return document;
            }

            if (!Fill())
            {
                throw new FatalReadException(new(IssueCodes.InvalidJson, Position(_end), "The file ends in the middle of a value."));
            }
        }
    }

    /// <summary>
    /// From the first token of a value to its last, checking every token; false when the buffer ends first.
    /// </summary>
    private bool Walk(ref Utf8JsonReader reader, PathTracker? path, out bool tooLong)
    {
        tooLong = false;
        var depth = reader.CurrentDepth;
        while (true)
        {
            path?.OnToken(ref reader);
            CheckToken(ref reader, checkLength: true, out var longString);
            if (longString)
            {
                tooLong = true;
                path?.AddLong();
            }

            if (reader.CurrentDepth == depth && reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray or JsonTokenType.PropertyName))
            {
                return true;
            }

            if (!reader.Read())
            {
                return false;
            }
        }
    }

    /// <summary>Checks nesting depth and string encoding (both fatal), and string length (reported to the caller).</summary>
    private void CheckToken(ref Utf8JsonReader reader, bool checkLength, out bool tooLong)
    {
        tooLong = false;
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject or JsonTokenType.StartArray when reader.CurrentDepth + 1 > _options.MaxDepth:
                throw new FatalReadException(new(IssueCodes.TooDeep, Position(_start + (int)reader.TokenStartIndex),
                    $"Objects and arrays nest deeper than {_options.MaxDepth} levels here, the limit (MaxDepth, --max-depth); a claim set needs 5."));
            case JsonTokenType.String or JsonTokenType.PropertyName:
                if (!IsValidText(ref reader))
                {
                    throw new FatalReadException(new(IssueCodes.InvalidJson, Position(_start + (int)reader.TokenStartIndex),
                        "The file is not valid UTF-8 text here (a broken byte sequence, or an escaped half of a surrogate pair); save it as UTF-8."));
                }

                tooLong = checkLength && reader.ValueSpan.Length > _options.MaxStringLength;
                break;
        }
    }

    private static bool IsValidText(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped)
        {
            return Utf8.IsValid(reader.ValueSpan);
        }

        try
        {
            _ = reader.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>After a fatal problem, reads to the end so that broken JSON is still reported as such (it takes precedence).</summary>
    private ClaimSetReadResult DrainThenFail(ReconciliationIssue issue)
    {
        while (ReadToken(decodeName: false, out _) != JsonTokenType.None)
        {
        }

        return ClaimSetReadResult.Fatal(issue);
    }

    /// <summary>Moves unread bytes to the front, grows the buffer when it is full, and reads more; false at the end.</summary>
    private bool Fill()
    {
        if (_final)
        {
            return false;
        }

        if (_start > 0)
        {
            CountLines(_buffer.AsSpan(0, _start), _bufferOffset, ref _lines, ref _lineStart);
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _bufferOffset += _start;
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
            _buffer.AsSpan(0, _end).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }

        var wanted = _buffer.Length - _end;
        var read = _stream.ReadAtLeast(_buffer.AsSpan(_end, wanted), wanted, throwOnEndOfStream: false);
        _end += read;
        _totalRead += read;
        _final = read < wanted;
        if (_totalRead > _options.MaxInputBytes)
        {
            throw new FatalReadException(new(IssueCodes.InputTooLarge, "$",
                $"The input is larger than {_options.MaxInputBytes} bytes, the limit (MaxInputBytes, --max-input-bytes); split it or raise the limit."));
        }

        if (!_started)
        {
            _started = true;
            StartOfInput();
        }

        return true;
    }

    /// <summary>Skips a UTF-8 byte-order mark and names UTF-16 and UTF-32 input instead of reporting a syntax error.</summary>
    private void StartOfInput()
    {
        var head = _buffer.AsSpan(0, _end);
        if (head.StartsWith("\uFEFF"u8))
        {
            head[3..].CopyTo(_buffer);
            _end -= 3;
            return;
        }

        var wide = (head.Length >= 2 && ((head[0] == 0xFF && head[1] == 0xFE) || (head[0] == 0xFE && head[1] == 0xFF) || (head[0] == 0) != (head[1] == 0)))
            || (head.Length >= 4 && head[0] == 0 && head[1] == 0 && head[2] == 0xFE && head[3] == 0xFF);
        if (wide)
        {
            throw new FatalReadException(new(IssueCodes.InvalidJson, "line 1, position 1",
                "The file is UTF-16 or UTF-32 text, not UTF-8; save it as UTF-8."));
        }
    }

    private string Position(int bufferIndex)
    {
        var (lines, lineStart) = (_lines, _lineStart);
        CountLines(_buffer.AsSpan(0, Math.Min(bufferIndex, _end)), _bufferOffset, ref lines, ref lineStart);
        return $"line {lines + 1}, position {_bufferOffset + bufferIndex - lineStart + 1}";
    }

    private static void CountLines(ReadOnlySpan<byte> bytes, long offset, ref long lines, ref long lineStart)
    {
        var at = 0;
        while (bytes[at..].IndexOf((byte)'\n') is var next and >= 0)
        {
            at += next + 1;
            lines++;
            lineStart = offset + at;
        }
    }

    private static string Describe(JsonTokenType token) => ClaimSetReader.Describe(token switch
    {
        JsonTokenType.StartObject => JsonValueKind.Object,
        JsonTokenType.StartArray => JsonValueKind.Array,
        JsonTokenType.String => JsonValueKind.String,
        JsonTokenType.Number => JsonValueKind.Number,
        JsonTokenType.True => JsonValueKind.True,
        JsonTokenType.False => JsonValueKind.False,
        JsonTokenType.Null => JsonValueKind.Null,
        _ => JsonValueKind.Undefined,
    });

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(" LineNumber", StringComparison.Ordinal);
        return (end > 0 ? message[..end] : message).Trim();
    }

    /// <summary>Names the JSON path of the current token while walking one item, to locate strings over the limit.</summary>
    private sealed class PathTracker(string root, List<string> found)
    {
        private readonly List<(bool IsArray, int Index, string? Name)> _frames = [];
        private string? _current;

        public void OnToken(ref Utf8JsonReader reader)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    _frames[^1] = (false, 0, ClaimSetReader.Truncate(reader.GetString()!));
                    _current = Current();
                    return;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    _frames.RemoveAt(_frames.Count - 1);
                    _current = Current();
                    return;
            }

            if (_frames.Count > 0 && _frames[^1].IsArray)
            {
                var (_, index, _) = _frames[^1];
                _frames[^1] = (true, index + 1, null);
            }

            _current = Current();
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                _frames.Add((reader.TokenType == JsonTokenType.StartArray, -1, null));
            }
        }

        public void AddLong()
        {
            if (_current is not null && !found.Contains(_current))
            {
                found.Add(_current);
            }
        }

        private string Current() => root + string.Concat(_frames.Select(f => f.IsArray ? $"[{f.Index}]" : f.Name is null ? "" : "." + f.Name));
    }

    private sealed class FatalReadException(ReconciliationIssue issue) : Exception(issue.Message)
    {
        public ReconciliationIssue Issue { get; } = issue;
    }
}
