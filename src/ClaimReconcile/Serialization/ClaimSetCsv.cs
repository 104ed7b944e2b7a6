using System.Buffers;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using NodaTime.Text;

namespace ClaimReconcile.Serialization;

/// <summary>
/// Reads claims from a long-format table, one claim per row, as spreadsheets and data frames keep them:
/// <c>source,subject,property,value[,unit,hedge,when,speaker,quote,kind,id,negated]</c> (see
/// <c>docs/claimset-csv.md</c>).
/// </summary>
/// <remarks>
/// <para>The first row names the columns (any order, any case); <c>source</c>, <c>subject</c>, <c>property</c> and
/// <c>value</c> are required. Fields follow RFC 4180: separated by commas (or tabs), quoted with <c>"</c> when they
/// hold a separator, a quote (doubled) or a line break. One source is created for each distinct id in the
/// <c>source</c> column.</para>
/// <para>A value's kind comes from the <c>kind</c> column when given, else from its text, in this order:
/// <c>true</c>/<c>false</c> → boolean; a number (<c>68</c>, <c>4.5</c>, <c>-3e2</c>, with the <c>unit</c> column)
/// → number; an ISO 8601 duration (<c>PT5H</c>) → duration; an ISO date-time with offset → instant; an ISO date,
/// month or date range (<c>2025-12-02</c>, <c>2025-12</c>, <c>2025-12-01/2025-12-07</c>) → date; text containing
/// <c>;</c> → set of the <c>;</c>-separated members; anything else → text. A bare year reads as a number; write
/// <c>date</c> in the <c>kind</c> column to make it a date, and <c>entity</c> to make a value an entity mention.</para>
/// <para>Stateless and thread-safe; never throws on bad data. Locations are <c>line L, column C (name)</c>, with
/// C the 1-based field number. A row that cannot be read is left out with an error and counted in
/// <see cref="ClaimSetReadResult.RejectedClaims"/>; only a table without a usable header or with an unterminated
/// quote fails as a whole.</para>
/// </remarks>
public static class ClaimSetCsv
{
    private static readonly string[] Required = ["source", "subject", "property", "value"];
    private static readonly string[] Optional = ["unit", "hedge", "when", "speaker", "quote", "kind", "id", "negated"];
    private static readonly SearchValues<char> NumberStart = SearchValues.Create("+-.0123456789");

    /// <summary>Reads claims from CSV or TSV text.</summary>
    /// <param name="text">The table.</param>
    /// <param name="delimiter"><c>,</c> or <c>\t</c>; when omitted, the one the header row uses more often (comma on a tie).</param>
    public static ClaimSetReadResult Read(string text, char? delimiter = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.StartsWith('\uFEFF'))
        {
            text = text[1..];
        }

        return new Reader(text, delimiter ?? Sniff(text)).Read();
    }

    /// <summary>Reads claims from a stream of UTF-8 CSV or TSV.</summary>
    /// <param name="utf8">The table as UTF-8 (a byte-order mark is skipped).</param>
    /// <param name="delimiter"><c>,</c> or <c>\t</c>; sniffed from the header row when omitted.</param>
    public static ClaimSetReadResult Read(Stream utf8, char? delimiter = null)
    {
        ArgumentNullException.ThrowIfNull(utf8);
        using var reader = new StreamReader(utf8, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return Read(reader.ReadToEnd(), delimiter);
    }

    /// <summary>The delimiter of a file name: tab for <c>.tsv</c> and <c>.tab</c>, comma for <c>.csv</c>, else <see langword="null"/> (sniff).</summary>
    public static char? DelimiterFor(string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        return extension switch
        {
            ".tsv" or ".tab" => '\t',
            ".csv" => ',',
            _ => null,
        };
    }

    private static char Sniff(string text)
    {
        var end = text.AsSpan().IndexOfAny('\r', '\n');
        var header = end < 0 ? text.AsSpan() : text.AsSpan(0, end);
        return header.Count('\t') > header.Count(',') ? '\t' : ',';
    }

    private sealed class Reader(string text, char delimiter)
    {
        private readonly List<ReconciliationIssue> _issues = [];
        private int _errors;
        private int _position;
        private int _line = 1;

        public ClaimSetReadResult Read()
        {
            if (!TryReadRecord(out var header, out var fatal))
            {
                return ClaimSetReadResult.Fatal(fatal ?? new(IssueCodes.InvalidCsv, "line 1", "The table is empty; the first row must name the columns, such as source,subject,property,value."));
            }

            var columns = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < header.Count; i++)
            {
                var name = header[i].Text.Trim().ToLowerInvariant();
                var where = $"line 1, column {i + 1}";
                if (name.Length == 0)
                {
                    continue;
                }

                if (!Required.Contains(name) && !Optional.Contains(name))
                {
                    _issues.Add(new(IssueCodes.UnknownColumn, where, $"Column \"{ClaimSetReader.Truncate(header[i].Text)}\" is not one this reader knows ({string.Join(", ", Required.Concat(Optional))}); it is ignored.", Severity: IssueSeverity.Warning));
                }
                else if (!columns.TryAdd(name, i))
                {
                    _issues.Add(new(IssueCodes.UnknownColumn, where, $"Column \"{name}\" appears twice; the first one (column {columns[name] + 1}) is read.", Severity: IssueSeverity.Warning));
                }
            }

            var missing = Required.Where(r => !columns.ContainsKey(r)).ToList();
            if (missing.Count > 0)
            {
                return ClaimSetReadResult.Fatal(new(IssueCodes.MissingField, "line 1",
                    $"The header row has no {string.Join(", ", missing.Select(m => $"\"{m}\""))} column; the first row must name the columns, at least source,subject,property,value (found: {ClaimSetReader.Truncate(string.Join(delimiter, header.Select(h => h.Text)))})."));
            }

            var claims = new List<Claim>();
            var sources = new SortedSet<string>(StringComparer.Ordinal);
            var rejected = 0;
            while (TryReadRecord(out var record, out fatal))
            {
                if (record.All(f => f.Text.Length == 0 && !f.Quoted))
                {
                    continue;
                }

                if (ReadClaim(record, columns, header.Count) is { } claim)
                {
                    claims.Add(claim);
                    sources.Add(claim.Source);
                }
                else
                {
                    rejected++;
                }
            }

            if (fatal is not null)
            {
                return ClaimSetReadResult.Fatal(fatal);
            }

            var set = new ClaimSet(sources.Select(id => new Source(id) { Location = $"source column ({id})" }), claims);
            return new ClaimSetReadResult(set, [.. _issues], rejected, succeeded: true);
        }

        private Claim? ReadClaim(List<Field> record, Dictionary<string, int> columns, int width)
        {
            var line = record[0].Line;
            var errors = _errors;
            string? Get(string name) => columns.TryGetValue(name, out var i) && i < record.Count ? record[i].Text : null;
            string Where(string name) => columns.TryGetValue(name, out var i) ? $"line {(i < record.Count ? record[i].Line : line)}, column {i + 1} ({name})" : $"line {line}";

            var source = Get("source")?.Trim();
            var id = NullIfEmpty(Get("id")?.Trim()) ?? $"{(string.IsNullOrEmpty(source) ? "?" : source)}#{line}";
            if (record.Count > width && record.Skip(width).Any(f => f.Text.Length > 0))
            {
                var extra = record[width];
                Error(IssueCodes.ExtraFields, $"line {extra.Line}, column {width + 1}", $"This row has {record.Count} fields but the header names {width}; check for an unquoted separator. The row is left out.", id);
            }

            foreach (var name in Required)
            {
                if (string.IsNullOrWhiteSpace(Get(name)))
                {
                    Error(IssueCodes.MissingField, Where(name), $"The \"{name}\" field is empty; the row is left out.", id);
                }
            }

            var value = ReadValue(Get("value")?.Trim() ?? "", NullIfEmpty(Get("kind")?.Trim()), NullIfEmpty(Get("unit")?.Trim()), NullIfEmpty(Get("hedge")?.Trim()), Where, id);

            ClaimScope? scope = null;
            if (NullIfEmpty(Get("when")?.Trim()) is { } when)
            {
                if (ClaimSetReader.ParseDate(when, Hedge.Exact) is { } window)
                {
                    scope = ClaimScope.During(window);
                }
                else
                {
                    Error(IssueCodes.InvalidDate, Where("when"), $"\"{ClaimSetReader.Truncate(when)}\" is not an ISO date, month, year or date range such as 2025-12-02 or 2025-12-01/2025-12-07.", id);
                }
            }

            var negated = false;
            if (NullIfEmpty(Get("negated")?.Trim()) is { } negatedText && !bool.TryParse(negatedText, out negated))
            {
                Error(IssueCodes.InvalidValue, Where("negated"), $"\"{ClaimSetReader.Truncate(negatedText)}\" is not true or false.", id);
            }

            if (_errors > errors || value is null)
            {
                return null;
            }

            return new Claim(source!, Get("subject")!.Trim(), Get("property")!.Trim(), value)
            {
                Id = id,
                Scope = scope,
                Speaker = NullIfEmpty(Get("speaker")?.Trim()),
                Quote = NullIfEmpty(Get("quote")),
                Negated = negated,
                Location = $"line {line}",
            };
        }

        private ClaimValue? ReadValue(string text, string? kind, string? unit, string? hedge, Func<string, string> where, string id)
        {
            if (text.Length == 0)
            {
                return null;
            }

            kind = kind?.ToLowerInvariant() ?? Sniff(text);
            var buffer = new ArrayBufferWriter<byte>();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                switch (kind)
                {
                    case "number" when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number):
                        writer.WriteNumber("number", number);
                        break;
                    case "number":
                        Error(IssueCodes.InvalidNumber, where("value"), $"\"{ClaimSetReader.Truncate(text)}\" is not a number such as 68 or 4.5 (a point, not a comma, before decimals).", id);
                        return null;
                    case "boolean" when bool.TryParse(text, out var flag):
                        writer.WriteBoolean("boolean", flag);
                        break;
                    case "boolean":
                        Error(IssueCodes.InvalidValue, where("value"), $"\"{ClaimSetReader.Truncate(text)}\" is not true or false.", id);
                        return null;
                    case "set":
                        writer.WriteStartArray("set");
                        foreach (var member in text.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                        {
                            writer.WriteStringValue(member);
                        }

                        writer.WriteEndArray();
                        break;
                    case "duration" or "date" or "instant" or "entity" or "text":
                        writer.WriteString(kind, text);
                        break;
                    default:
                        Error(IssueCodes.InvalidValue, where("kind"), $"Unknown kind \"{ClaimSetReader.Truncate(kind)}\"; expected number, duration, date, instant, entity, text, boolean or set.", id);
                        return null;
                }

                if (unit is not null)
                {
                    writer.WriteString("unit", unit);
                }

                if (hedge is not null)
                {
                    writer.WriteString("hedge", hedge);
                }

                writer.WriteEndObject();
            }

            using var document = JsonDocument.Parse(buffer.WrittenMemory);
            var found = new List<ReconciliationIssue>();
            var value = ValueReader.Read(document.RootElement, "value", id, found);

            // The JSON reader names fields by path ("value.hedge"); point at the table's cells instead.
            foreach (var issue in found)
            {
                var column = issue.Path switch
                {
                    "value.hedge" => "hedge",
                    "value.unit" => "unit",
                    _ => "value",
                };
                var message = kind is not ("number" or "duration" or "date" or "instant") && column == "unit"
                    ? $"A {kind} value takes no unit; units go on numbers."
                    : issue.Message;
                _issues.Add(issue with { Path = where(column), Message = message });
                _errors += issue.Severity == IssueSeverity.Error ? 1 : 0;
            }

            return found.Any(i => i.Severity == IssueSeverity.Error) ? null : value;
        }

        private static string Sniff(string text)
        {
            if (bool.TryParse(text, out _))
            {
                return "boolean";
            }

            if (NumberStart.Contains(text[0]) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number))
            {
                return "number";
            }

            if (text[0] is 'P' or 'p' && PeriodPattern.NormalizingIso.Parse(text.ToUpperInvariant()).Success)
            {
                return "duration";
            }

            if (text.Length > 10 && text[10] == 'T' && OffsetDateTimePattern.ExtendedIso.Parse(text).Success)
            {
                return "instant";
            }

            if (text.Length >= 7 && char.IsAsciiDigit(text[0]) && ClaimSetReader.ParseDate(text, Hedge.Exact) is not null)
            {
                return "date";
            }

            return text.Contains(';', StringComparison.Ordinal) ? "set" : "text";
        }

        private void Error(string code, string path, string message, string id)
        {
            _issues.Add(new(code, path, message, id));
            _errors++;
        }

        private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;

        /// <summary>Reads one record (RFC 4180); false at the end of the text or on a fatal quoting error.</summary>
        private bool TryReadRecord(out List<Field> record, out ReconciliationIssue? fatal)
        {
            record = [];
            fatal = null;
            if (_position >= text.Length)
            {
                return false;
            }

            var field = new StringBuilder();
            while (true)
            {
                var startLine = _line;
                var startColumn = record.Count + 1;
                field.Clear();
                var quoted = _position < text.Length && text[_position] == '"';
                if (quoted)
                {
                    _position++;
                    while (true)
                    {
                        if (_position >= text.Length)
                        {
                            fatal = new(IssueCodes.InvalidCsv, $"line {startLine}, column {startColumn}",
                                $"The quoted field that starts at line {startLine}, column {startColumn} is never closed; add the closing \" (write a quote inside a field as \"\").");
                            return false;
                        }

                        var c = text[_position++];
                        if (c == '"')
                        {
                            if (_position < text.Length && text[_position] == '"')
                            {
                                field.Append('"');
                                _position++;
                                continue;
                            }

                            break;
                        }

                        if (c == '\n' || (c == '\r' && (_position >= text.Length || text[_position] != '\n')))
                        {
                            _line++;
                        }

                        field.Append(c);
                    }

                    // After the closing quote only a separator or the end of the row may follow.
                    if (_position < text.Length && text[_position] != delimiter && text[_position] is not ('\r' or '\n'))
                    {
                        fatal = new(IssueCodes.InvalidCsv, $"line {_line}, column {startColumn}",
                            $"Text follows the closing quote of the field at line {startLine}, column {startColumn}; write a quote inside a quoted field as \"\".");
                        return false;
                    }
                }
                else
                {
                    while (_position < text.Length && text[_position] != delimiter && text[_position] is not ('\r' or '\n'))
                    {
                        field.Append(text[_position++]);
                    }
                }

                record.Add(new Field(field.ToString(), startLine, quoted));
                if (_position >= text.Length)
                {
                    return true;
                }

                var next = text[_position++];
                if (next == delimiter)
                {
                    continue;
                }

                if (next == '\r' && _position < text.Length && text[_position] == '\n')
                {
                    _position++;
                }

                _line++;
                return true;
            }
        }
    }

    private readonly record struct Field(string Text, int Line, bool Quoted);
}
