using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Influence.IO;

/// <summary>The kinds of JSON value.</summary>
internal enum JsonKind
{
    Object,
    Array,
    String,
    Number,
    True,
    False,
    Null,
}

/// <summary>
/// A JSON value that remembers where it was in the file (line and column), so that every problem the case reader
/// finds can be located. Built with <see cref="Utf8JsonReader"/>; duplicate property names are kept and reported.
/// </summary>
internal sealed class JsonTree
{
    private JsonTree(JsonKind kind, int line, int column)
    {
        Kind = kind;
        Line = line;
        Column = column;
    }

    public JsonKind Kind { get; }

    public int Line { get; }

    public int Column { get; }

    public string? String { get; private init; }

    public string? RawNumber { get; private init; }

    public List<(string Name, JsonTree Value, int Line, int Column)> Properties { get; } = [];

    public List<JsonTree> Items { get; } = [];

    public string KindName => Kind switch
    {
        JsonKind.Object => "an object",
        JsonKind.Array => "an array",
        JsonKind.String => "a string",
        JsonKind.Number => "a number",
        JsonKind.True or JsonKind.False => "a boolean",
        _ => "null",
    };

    public JsonTree? this[string name] => Properties.FirstOrDefault(p => p.Name == name).Value;

    public bool TryNumber(out double value)
    {
        value = 0;
        return Kind == JsonKind.Number && double.TryParse(RawNumber, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
    }

    /// <summary>Parses UTF-8 JSON. Throws <see cref="JsonException"/> (with line and column) on a syntax error.</summary>
    public static JsonTree Parse(ReadOnlySpan<byte> utf8)
    {
        var lineStarts = LineStarts(utf8);
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = false, MaxDepth = 64 });
        if (!reader.Read())
        {
            throw new JsonException("the file is empty: expected a JSON object", null, 0, 0);
        }

        var root = ReadValue(ref reader, lineStarts);
        if (reader.Read())
        {
            var (line, col) = Locate(lineStarts, reader.TokenStartIndex);
            throw new JsonException($"unexpected content after the end of the JSON value at line {line}, column {col}", null, line - 1, col - 1);
        }

        return root;
    }

    private static JsonTree ReadValue(ref Utf8JsonReader reader, List<long> lineStarts)
    {
        var (line, col) = Locate(lineStarts, reader.TokenStartIndex);
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                {
                    var node = new JsonTree(JsonKind.Object, line, col);
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                    {
                        var (pl, pc) = Locate(lineStarts, reader.TokenStartIndex);
                        var name = reader.GetString()!;
                        reader.Read();
                        node.Properties.Add((name, ReadValue(ref reader, lineStarts), pl, pc));
                    }

                    return node;
                }

            case JsonTokenType.StartArray:
                {
                    var node = new JsonTree(JsonKind.Array, line, col);
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        node.Items.Add(ReadValue(ref reader, lineStarts));
                    }

                    return node;
                }

            case JsonTokenType.String:
                return new JsonTree(JsonKind.String, line, col) { String = reader.GetString() };
            case JsonTokenType.Number:
                return new JsonTree(JsonKind.Number, line, col) { RawNumber = Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan) };
            case JsonTokenType.True:
                return new JsonTree(JsonKind.True, line, col);
            case JsonTokenType.False:
                return new JsonTree(JsonKind.False, line, col);
            default:
                return new JsonTree(JsonKind.Null, line, col);
        }
    }

    private static List<long> LineStarts(ReadOnlySpan<byte> utf8)
    {
        var starts = new List<long> { 0 };
        for (var i = 0; i < utf8.Length; i++)
        {
            if (utf8[i] == (byte)'\n')
            {
                starts.Add(i + 1);
            }
        }

        return starts;
    }

    private static (int Line, int Column) Locate(List<long> lineStarts, long offset)
    {
        var i = lineStarts.BinarySearch(offset);
        var line = i >= 0 ? i : ~i - 1;
        return (line + 1, (int)(offset - lineStarts[line]) + 1);
    }
}
