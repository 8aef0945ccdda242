using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Influence.Cases;
using Influence.Evidence;
using Influence.Internal;

namespace Influence.IO;

/// <summary>
/// Writes a <see cref="Case"/> as a case file (schema <c>influence.case/1</c>). The canonical form, used for the
/// input hash, sorts every collection by id and writes numbers in their shortest round-trip form, so two cases with
/// the same content give the same bytes however they were written.
/// </summary>
public static class CaseWriter
{
    /// <summary>Writes a case to a stream.</summary>
    /// <param name="case">The case.</param>
    /// <param name="stream">The stream (left open).</param>
    /// <param name="canonical">
    /// Sort every collection by id, write compactly, and leave out an <c>evidenceEnds</c> that is the last day the items
    /// cover anyway (the form the input hash is taken of: declaring that day changes no score, so not the hash either).
    /// </param>
    public static void Write(Case @case, Stream stream, bool canonical = false)
    {
        ArgumentNullException.ThrowIfNull(@case, nameof(@case));
        ArgumentNullException.ThrowIfNull(stream);
        using var w = new Utf8JsonWriter(stream, canonical ? JsonValues.Compact : JsonValues.Indented);
        Write(@case, w, canonical);
    }

    /// <summary>
    /// The evidence of a case as CSV, one item a row under a header row of the case format's field names (the columns
    /// the items use, in a fixed order; <c>sources</c> separated by <c>;</c>; numbers in invariant culture; lines end
    /// with LF): what <see cref="CaseReader.TryReadFileWithEvidenceCsv"/> reads back into the same case.
    /// </summary>
    /// <param name="case">The case.</param>
    /// <returns>The CSV text.</returns>
    public static string ToEvidenceCsv(Case @case) => EvidenceCsv.Write(@case);

    /// <summary>Writes the evidence of a case as CSV (see <see cref="ToEvidenceCsv"/>), UTF-8 with a byte order mark so that spreadsheets read it as UTF-8.</summary>
    /// <param name="case">The case.</param>
    /// <param name="stream">The stream (left open).</param>
    public static void WriteEvidenceCsv(Case @case, Stream stream) => WriteEvidenceCsv(@case, stream, citations: false);

    /// <summary>
    /// Writes the evidence of a case as CSV (see <see cref="ToEvidenceCsv"/>), with <paramref name="citations"/> also
    /// the sources' citations and URLs in columns the reader ignores (<see cref="EvidenceCsv.CitationColumns"/>).
    /// </summary>
    internal static void WriteEvidenceCsv(Case @case, Stream stream, bool citations)
    {
        ArgumentNullException.ThrowIfNull(@case, nameof(@case));
        ArgumentNullException.ThrowIfNull(stream);
        stream.Write([0xEF, 0xBB, 0xBF]);
        using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 1 << 16, leaveOpen: true);
        EvidenceCsv.Write(@case, writer, citations);
    }

    /// <summary>Writes a case as a JSON string.</summary>
    /// <param name="case">The case.</param>
    /// <param name="canonical">See <see cref="Write(Case, Stream, bool)"/>.</param>
    /// <returns>The JSON.</returns>
    public static string ToJson(Case @case, bool canonical = false) => JsonValues.Text((Stream stream) => Write(@case, stream, canonical));

    private static IEnumerable<T> Order<T>(IEnumerable<T> items, Func<T, string> key, bool canonical) =>
        canonical ? items.OrderBy(key, StringComparer.Ordinal) : items;

    private static void Write(Case c, Utf8JsonWriter w, bool canonical)
    {
        w.WriteStartObject();
        w.WriteString("schema", CaseReader.Schema);
        w.WriteString("id", c.Id);
        w.WriteString("name", c.Name);
        Optional(w, "description", c.Description);
        Optional(w, "capabilityIndex", c.CapabilityIndex);
        w.WriteString("granularity", c.Granularity.ToName());
        Optional(w, "from", c.From?.ToString());
        Optional(w, "to", c.To?.ToString());
        Optional(w, "evidenceEnds", (canonical ? c.EvidenceEndsBeyondItems : c.EvidenceEndsToWrite)?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

        w.WriteStartArray("units");
        foreach (var u in Order(c.Units, u => u.Id, canonical))
        {
            w.WriteStartObject();
            w.WriteString("id", u.Id);
            w.WriteString("name", u.Name);
            w.WriteNumber("reference", u.Reference);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("sources");
        foreach (var s in Order(c.Sources, s => s.Id, canonical))
        {
            w.WriteStartObject();
            w.WriteString("id", s.Id);
            w.WriteString("citation", s.Citation);
            Optional(w, "url", s.Url);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("actors");
        foreach (var a in Order(c.Actors, a => a.Id, canonical))
        {
            w.WriteStartObject();
            w.WriteString("id", a.Id);
            w.WriteString("name", a.Name);
            w.WriteString("kind", Names.ActorKind[a.Kind]);
            Optional(w, "parent", a.Parent);
            if (!a.Aliases.IsEmpty)
            {
                w.WriteStartArray("aliases");
                foreach (var alias in a.Aliases)
                {
                    w.WriteStringValue(alias);
                }

                w.WriteEndArray();
            }

            Optional(w, "note", a.Note);
            Optional(w, "activeFrom", a.ActiveFrom?.ToString());
            Optional(w, "activeTo", a.ActiveTo?.ToString());
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("issues");
        foreach (var i in Order(c.Issues, i => i.Id, canonical))
        {
            w.WriteStartObject();
            w.WriteString("id", i.Id);
            w.WriteString("name", i.Name);
            w.WriteBoolean("core", i.Core);
            Optional(w, "description", i.Description);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("objectives");
        foreach (var o in Order(c.Objectives, o => o.Id, canonical))
        {
            w.WriteStartObject();
            w.WriteString("id", o.Id);
            w.WriteString("holder", o.Holder);
            w.WriteString("name", o.Name);
            w.WriteNumber("salience", o.Salience);
            Optional(w, "toward", o.Toward);
            Optional(w, "issue", o.Issue);
            Optional(w, "description", o.Description);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("indicators");
        foreach (var i in Order(c.Indicators, i => i.Id, canonical))
        {
            w.WriteStartObject();
            w.WriteString("id", i.Id);
            w.WriteString("objective", i.Objective);
            w.WriteString("name", i.Name);
            w.WriteString("direction", Names.Direction[i.Direction]);
            w.WriteNumber("best", i.Best);
            w.WriteNumber("worst", i.Worst);
            Optional(w, "unit", i.Unit);
            Optional(w, "description", i.Description);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("dyads");
        foreach (var d in Order(c.Dyads, d => $"{d.Patron}\u0000{d.Client}", canonical))
        {
            w.WriteStartObject();
            w.WriteString("patron", d.Patron);
            w.WriteString("client", d.Client);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("evidence");
        foreach (var e in c.Evidence)
        {
            WriteItem(w, e);
            JsonValues.FlushWhenFull(w);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>Writes one evidence item as a case-file object.</summary>
    /// <param name="w">The writer.</param>
    /// <param name="e">The item.</param>
    public static void WriteItem(Utf8JsonWriter w, EvidenceItem e)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(e);
        w.WriteStartObject();
        var sink = new JsonFields(w);
        EvidenceFields.Visit(e, ref sink);
        w.WriteEndObject();
    }

    /// <summary>An evidence item's fields as the properties of a JSON object.</summary>
    private readonly struct JsonFields : IEvidenceFieldSink
    {
        private static readonly JsonEncodedText[] FieldNames = [.. EvidenceCsv.Columns.Select(c => JsonEncodedText.Encode(c))];

        private readonly Utf8JsonWriter _w;

        public JsonFields(Utf8JsonWriter w) => _w = w;

        public void Text(EvidenceField field, string value) => _w.WriteString(FieldNames[(int)field], value);

        public void Number(EvidenceField field, double value) => _w.WriteNumber(FieldNames[(int)field], value);

        public void Date(EvidenceField field, EvidenceDate date)
        {
            Span<char> text = stackalloc char[EvidenceDate.MaxTextLength];
            _w.WriteString(FieldNames[(int)field], text[..EvidenceFields.FormatDate(field, date, text)]);
        }

        public void Sources(ImmutableArray<string> sources)
        {
            _w.WriteStartArray(FieldNames[(int)EvidenceField.Sources]);
            foreach (var s in sources)
            {
                _w.WriteStringValue(s);
            }

            _w.WriteEndArray();
        }
    }

    private static void Optional(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null)
        {
            w.WriteString(name, value);
        }
    }
}
