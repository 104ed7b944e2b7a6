using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ClaimReconcile.Tests.Fuzzing;

/// <summary>
/// A small seeded mutation fuzzer for claim sets. Each mutant is a valid seed file changed by one to three
/// mutations: byte flips, truncations, deleted or repeated byte ranges, nasty tokens spliced in at token boundaries,
/// literal values swapped for nasty ones, and structural edits on the parsed tree (remove, replace, duplicate, rename,
/// wrap). The same seed always gives the same mutants, so a failure can be replayed from its seed and iteration.
/// </summary>
internal sealed class MutationFuzzer(IReadOnlyList<byte[]> seeds, int seed)
{
    /// <summary>Tokens that have broken parsers before: limits of numbers, dates and durations, odd strings and shapes.</summary>
    public static readonly string[] NastyTokens =
    [
        "null", "true", "false", "0", "-0", "-1", "0.5", "1e400", "-1e400", "1e-400", "1.7976931348623157e308", "5e-324",
        "123456789012345678901234567890", "NaN", "Infinity", "-Infinity", "\"NaN\"", "\"Infinity\"",
        "\"\"", "\"   \"", "\"\\u0000\"", "\"\\ud800\"", "\"\\udc00\\ud800\"", "\"\\u202e\"", "\"\\t\\n\"", "\"x\\\\y\"",
        "[]", "{}", "[null]", "[[]]", "{\"\":\"\"}", "[1,2,3]",
        "\"9999\"", "\"9999-12\"", "\"9999-12-31\"", "\"0001\"", "\"0001-01-01\"", "\"0000-01-01\"", "\"-9998-01-01\"", "\"2025-02-29\"",
        "\"2025-12-02/2025-12-01\"", "\"2025-12-02/9999-12-31\"", "\"9999-12-31T23:59:59Z\"", "\"0001-01-01T00:00:00Z\"",
        "\"-9998-01-01T00:00:00Z\"", "\"9999-12-31T23:59:59-14:00\"", "\"9999-12-31T23:59:59+14:00\"",
        "\"P1000000Y\"", "\"P31000Y\"", "\"PT-5H\"", "\"PT0S\"", "\"P0D\"", "\"PT99999999999H\"", "\"PT0.000000001S\"", "\"P-1Y\"",
        "\"Europe/Berlinn\"", "\"Pacific/Kiritimati\"", "\"Etc/GMT+12\"", "\"America/St_Johns\"", "\"UTC\"",
        "\"about\"", "\"almost\"", "\"more-than\"", "\"at-least\"", "\"at-most\"", "\"up-to\"", "\"less-than\"", "\"exact\"",
        "\"night\"", "\"evening\"", "\"age\"", "\"duration\"", "\"year\"", "\"h\"", "\"min\"", "\"km\"", "\"zeit\"", "\"bild\"", "\"tsp\"",
        "{\"min\": 5, \"max\": 4}", "{\"min\": -1e308, \"max\": 1e308}", "{\"text\": \"stundenlang\"}", "{\"event\": \"moscow-talks\"}",
        "{\"asOf\": \"9999-12-31\"}", "{\"asOf\": \"0001-01-01\"}", "{\"when\": \"0001\"}", "{\"when\": \"9999\"}",
        "{\"number\": 1.7976931348623157e308, \"unit\": \"h\", \"hedge\": \"about\"}", "{\"number\": -1e308, \"unit\": \"year\"}",
        "{\"date\": \"9999\", \"hedge\": \"more-than\"}", "{\"date\": \"0001-01-01\", \"partOfDay\": \"night\", \"hedge\": \"about\"}",
        "{\"duration\": \"P31000Y\", \"hedge\": \"about\"}", "{\"instant\": \"9999-12-31T23:59:59Z\", \"hedge\": \"about\"}",
        "{\"set\": []}", "{\"set\": [\"a\", \"a\"]}", "[\"zeit\", \"zeit\"]",
    ];

    private static readonly string[] Names =
    [
        "id", "source", "subject", "property", "value", "scope", "speaker", "quote", "negated", "hedge", "unit", "number", "duration",
        "date", "instant", "entity", "text", "boolean", "set", "partOfDay", "min", "max", "event", "when", "asOf", "derivedFrom", "prior",
        "published", "timeZone", "kind", "aliases", "participants", "format", "sources", "claims", "entities", "events", "",
    ];

    private readonly Random _random = new(seed);

    /// <summary>The next mutant and a short description of how it was made.</summary>
    public (byte[] Bytes, string How) Next()
    {
        var index = _random.Next(seeds.Count);
        var bytes = seeds[index];
        var how = new List<string> { $"seed {index}" };
        var count = 1 + _random.Next(3);
        for (var i = 0; i < count; i++)
        {
            (bytes, var step) = Mutate(bytes);
            how.Add(step);
        }

        return (bytes, string.Join(", ", how));
    }

    private (byte[], string) Mutate(byte[] bytes)
    {
        if (bytes.Length == 0)
        {
            return (Encoding.UTF8.GetBytes(Pick(NastyTokens)), "replace empty");
        }

        // Weighted toward edits that keep the JSON readable, so that most mutants reach the per-claim checks.
        switch (_random.Next(16))
        {
            case 0:
                {
                    var copy = (byte[])bytes.Clone();
                    var at = _random.Next(copy.Length);
                    copy[at] = _random.Next(3) == 0 ? (byte)_random.Next(256) : (byte)(copy[at] ^ (1 << _random.Next(8)));
                    return (copy, $"flip byte {at}");
                }

            case 1:
                {
                    var at = _random.Next(bytes.Length);
                    return (bytes[..at], $"truncate at {at}");
                }

            case 2:
                {
                    var (from, length) = Range(bytes.Length);
                    return ([.. bytes[..from], .. bytes[(from + length)..]], $"delete {from}+{length}");
                }

            case 3:
                {
                    var (from, length) = Range(bytes.Length);
                    return ([.. bytes[..(from + length)], .. bytes[from..]], $"repeat {from}+{length}");
                }

            case 4 or 5:
                {
                    var boundaries = Boundaries(bytes, ":,[");
                    var at = boundaries.Count == 0 ? _random.Next(bytes.Length) : boundaries[_random.Next(boundaries.Count)];
                    var token = Pick(NastyTokens) + (_random.Next(2) == 0 ? "," : "");
                    return ([.. bytes[..at], .. Encoding.UTF8.GetBytes(token), .. bytes[at..]], $"splice {token} at {at}");
                }

            case >= 6 and <= 9:
                return SwapLiteral(bytes);
            default:
                try
                {
                    return Structural(bytes);
                }
                catch (Exception e) when (e is InvalidOperationException or ArgumentException)
                {
                    // System.Text.Json.Nodes refuses invalid UTF-8, a lone surrogate or a repeated key left by an earlier mutation.
                    return (bytes, "not UTF-8, no structural edit");
                }
        }
    }

    /// <summary>Replaces one string or number literal with a nasty token.</summary>
    private (byte[], string) SwapLiteral(byte[] bytes)
    {
        var literals = new List<(int Start, int Length)>();
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.String or JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False or JsonTokenType.Null)
                {
                    var length = reader.TokenType == JsonTokenType.String ? reader.ValueSpan.Length + 2 : reader.ValueSpan.Length;
                    literals.Add(((int)reader.TokenStartIndex, length));
                }
            }
        }
        catch (JsonException)
        {
            // An earlier mutation broke the syntax; use the literals found before the break.
        }

        if (literals.Count == 0)
        {
            return (bytes, "no literal to swap");
        }

        var (start, count) = literals[_random.Next(literals.Count)];
        var token = Pick(NastyTokens);
        return ([.. bytes[..start], .. Encoding.UTF8.GetBytes(token), .. bytes[(start + count)..]], $"swap literal at {start} for {token}");
    }

    /// <summary>Edits the parsed tree: remove, replace, duplicate, rename or wrap one node.</summary>
    private (byte[], string) Structural(byte[] bytes)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(bytes, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException)
        {
            return (bytes, "not JSON, no structural edit");
        }

        var nodes = new List<JsonNode>();
        Collect(root, nodes);
        if (root is null || nodes.Count < 2)
        {
            return (bytes, "too small for a structural edit");
        }

        var node = nodes[1 + _random.Next(nodes.Count - 1)];
        var parent = node.Parent!;
        var operation = _random.Next(5);
        JsonNode? replacement = operation switch
        {
            0 => null,
            1 => JsonNode.Parse(Pick(ParsableTokens.Value)),
            2 => nodes[_random.Next(nodes.Count)].DeepClone(),
            3 => node.DeepClone(),
            _ => _random.Next(2) == 0 ? new JsonArray(node.DeepClone()) : new JsonObject { [Pick(Names)] = node.DeepClone() },
        };
        string how;
        if (parent is JsonArray array)
        {
            var at = array.IndexOf(node);
            array.RemoveAt(at);
            if (operation == 3)
            {
                array.Insert(at, replacement);
                array.Insert(at, node.DeepClone());
                how = "duplicate array item";
            }
            else if (operation != 0)
            {
                array.Insert(at, replacement);
                how = "replace array item";
            }
            else
            {
                how = "remove array item";
            }
        }
        else
        {
            var obj = (JsonObject)parent;
            var name = node.GetPropertyName();
            obj.Remove(name);
            how = operation switch
            {
                0 => $"remove \"{name}\"",
                3 => $"rename \"{name}\"",
                _ => $"replace \"{name}\"",
            };
            if (operation != 0)
            {
                obj[operation == 3 ? Pick(Names) : name] = replacement;
            }
        }

        return (Encoding.UTF8.GetBytes(root.ToJsonString()), how);
    }

    private static readonly Lazy<string[]> ParsableTokens = new(() => [.. NastyTokens.Where(IsParsable)]);

    private static bool IsParsable(string token)
    {
        try
        {
            var node = JsonNode.Parse(token);
            _ = node?.ToJsonString();
            return true;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return false;
        }
    }

    private static void Collect(JsonNode? node, List<JsonNode> nodes)
    {
        if (node is null)
        {
            return;
        }

        nodes.Add(node);
        switch (node)
        {
            case JsonObject obj:
                foreach (var (_, child) in obj)
                {
                    Collect(child, nodes);
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    Collect(child, nodes);
                }

                break;
        }
    }

    private static List<int> Boundaries(byte[] bytes, string after)
    {
        var positions = new List<int>();
        for (var i = 0; i < bytes.Length; i++)
        {
            if (after.Contains((char)bytes[i], StringComparison.Ordinal))
            {
                positions.Add(i + 1);
            }
        }

        return positions;
    }

    private (int From, int Length) Range(int size)
    {
        var from = _random.Next(size);
        return (from, 1 + _random.Next(Math.Min(size - from, 64)));
    }

    private string Pick(string[] items) => items[_random.Next(items.Length)];
}
