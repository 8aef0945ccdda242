using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Influence.IO;

/// <summary>
/// What the output writers share: their JSON layout (indented, non-ASCII text written as it is) and how they put
/// optional values into it (null when absent, never NaN or an infinity).
/// </summary>
internal static class JsonValues
{
    /// <summary>The writers' options: indented, with text written as it is (no \u escapes for non-ASCII).</summary>
    public static readonly JsonWriterOptions Indented = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The same as <see cref="Indented"/> without the whitespace.</summary>
    public static readonly JsonWriterOptions Compact = new() { Indented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// How many bytes a writer holds before <see cref="FlushWhenFull"/> passes them to its stream: without it,
    /// <see cref="Utf8JsonWriter"/> keeps the whole document in memory until it is disposed (about three times the
    /// size of the file at its peak, as its buffer doubles).
    /// </summary>
    public const int FlushThreshold = 1 << 16;

    /// <summary>Passes what the writer holds to its stream once it holds <see cref="FlushThreshold"/> bytes or more.</summary>
    public static void FlushWhenFull(Utf8JsonWriter w)
    {
        if (w.BytesPending >= FlushThreshold)
        {
            w.Flush();
        }
    }

    /// <summary>JSON written to a stream, as a string.</summary>
    public static string Text(Action<Stream> write)
    {
        using var m = new MemoryStream();
        write(m);
        return Encoding.UTF8.GetString(m.ToArray());
    }

    /// <summary>JSON written by <paramref name="write"/> with <see cref="Indented"/>, as a string.</summary>
    public static string Text(Action<Utf8JsonWriter> write) => Text(stream =>
    {
        using var w = new Utf8JsonWriter(stream, Indented);
        write(w);
    });

    /// <summary>Writes a number, or null when there is none.</summary>
    public static void Number(Utf8JsonWriter w, string name, double? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    /// <summary>
    /// The day the case's evidence ends (<see cref="Cases.Case.EvidenceEnds"/>) as <c>"evidenceEnds": "yyyy-MM-dd"</c>,
    /// or null: the key every output that reads a case carries under the same name.
    /// </summary>
    public static void EvidenceEnds(Utf8JsonWriter w, Cases.Case @case) =>
        String(w, "evidenceEnds", @case.EvidenceEnds?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Writes a string, or null when there is none.</summary>
    public static void String(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null)
        {
            w.WriteString(name, value);
        }
        else
        {
            w.WriteNull(name);
        }
    }
}
