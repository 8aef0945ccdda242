using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Influence.IO;

/// <summary>
/// Where a syntax error stopped the reading of a JSON file, as a JSON path: the file is read again up to the error's
/// offset, keeping the names and positions of the values open there. Used once per failed read, so a syntax error is
/// reported like every other problem (<c>$.evidence[4].magnitude (item 'x')</c>) rather than at <c>$</c>.
/// </summary>
internal static class JsonErrorPath
{
    /// <summary>The path of the value being read at <paramref name="offset"/>, and the id of the collection item it lies in.</summary>
    /// <param name="utf8">The file, without a byte-order mark.</param>
    /// <param name="offset">The byte offset at which the reader failed.</param>
    /// <returns>The path (<c>$</c> at the top) and the item's <c>id</c> if it was read before the error.</returns>
    public static (string Path, string? ItemId) At(ReadOnlySpan<byte> utf8, int offset)
    {
        var frames = new List<Frame>();
        string? itemId = null;
        var reader = new Utf8JsonReader(utf8[..Math.Clamp(offset, 0, utf8.Length)], isFinalBlock: false, new JsonReaderState(JsonTree.Options));
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                    case JsonTokenType.StartArray:
                        Begin(frames);
                        frames.Add(new Frame(reader.TokenType == JsonTokenType.StartArray));
                        if (frames.Count == 3)
                        {
                            itemId = null; // a new item of a top-level collection ($.collection[i])
                        }

                        break;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        frames.RemoveAt(frames.Count - 1);
                        End(frames);
                        break;
                    case JsonTokenType.PropertyName:
                        frames[^1].Property = reader.GetString();
                        break;
                    default:
                        Begin(frames);
                        if (frames.Count == 3 && frames[2].Property == "id" && reader.TokenType == JsonTokenType.String)
                        {
                            itemId = reader.GetString();
                        }

                        End(frames);
                        break;
                }
            }
        }
        catch (JsonException)
        {
            // The same error again, or one just before the offset: the path so far is where it is.
        }
        catch (InvalidOperationException)
        {
            // A string that does not decode: keep the path so far.
        }

        // Inside an item of a top-level collection, or just after one (a comma too many after it).
        var inItem = frames.Count >= 3 || (frames.Count == 2 && frames[1].IsArray && frames[1].Index >= 0);
        return (Format(frames), inItem ? itemId : null);
    }

    /// <summary>A hint for the commonest syntax slips, from the bytes at the error's offset; empty when none applies.</summary>
    /// <param name="utf8">The file.</param>
    /// <param name="offset">The byte offset at which the reader failed.</param>
    /// <param name="message">The reader's message.</param>
    /// <returns>The hint, starting with a space, or empty.</returns>
    public static string Hint(ReadOnlySpan<byte> utf8, int offset, string message)
    {
        offset = Math.Clamp(offset, 0, utf8.Length);
        var rest = utf8[offset..];
        if (message.Contains("is invalid after a value", StringComparison.Ordinal) && PreviousValueEnd(utf8, offset) is var end and >= 0)
        {
            // The reader fails where the next value starts, often lines after the slip: name where the last one ended.
            var (line, column) = JsonLines.Build(utf8).Locate(end);
            return string.Create(CultureInfo.InvariantCulture, $" (is a comma missing after the value that ends at line {line}, column {column}?)");
        }

        if (rest.StartsWith("NaN"u8) || rest.StartsWith("Infinity"u8) || rest.StartsWith("-Infinity"u8))
        {
            return " (JSON has no NaN or Infinity: write a number)";
        }

        return rest.StartsWith("'"u8) ? " (JSON strings and names take double quotes)" : string.Empty;
    }

    /// <summary>
    /// The offset of the last byte of the last token that ends before <paramref name="offset"/> (comments and white
    /// space between them skipped, as the case reader skips them), or −1.
    /// </summary>
    private static int PreviousValueEnd(ReadOnlySpan<byte> utf8, int offset)
    {
        var reader = new Utf8JsonReader(utf8[..offset], isFinalBlock: false, new JsonReaderState(new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip }));
        var end = -1;
        try
        {
            while (reader.Read())
            {
                end = (int)reader.BytesConsumed - 1;
            }
        }
        catch (JsonException)
        {
            // Only the tokens before the error matter, and the reader failed at or after the last of them.
        }

        return end;
    }

    // A value starts inside an array: it is the array's next item.
    private static void Begin(List<Frame> frames)
    {
        if (frames.Count > 0 && frames[^1].IsArray)
        {
            frames[^1].Index++;
        }
    }

    // A value ended inside an object: the object's next property is not known yet.
    private static void End(List<Frame> frames)
    {
        if (frames.Count > 0 && !frames[^1].IsArray)
        {
            frames[^1].Property = null;
        }
    }

    private static string Format(List<Frame> frames)
    {
        var sb = new StringBuilder("$");
        foreach (var f in frames)
        {
            if (f.IsArray && f.Index >= 0)
            {
                sb.Append(CultureInfo.InvariantCulture, $"[{f.Index}]");
            }
            else if (!f.IsArray && f.Property is { } name)
            {
                if (name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_') && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
                {
                    sb.Append('.').Append(name);
                }
                else
                {
                    sb.Append("['").Append(name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal)).Append("']");
                }
            }
        }

        return sb.ToString();
    }

    private sealed class Frame(bool isArray)
    {
        public bool IsArray { get; } = isArray;

        public int Index { get; set; } = -1;

        public string? Property { get; set; }
    }
}
