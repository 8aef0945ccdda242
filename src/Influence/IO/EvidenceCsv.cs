using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Influence.Cases;
using Influence.Internal;
using nietras.SeparatedValues;

namespace Influence.IO;

/// <summary>
/// Evidence as CSV: one item a row, a header row naming the columns after the case format's evidence fields. Reading
/// turns each row into the JSON object the case format defines, so the case reader checks it as it checks a case file,
/// and its problems are located back in the CSV (<see cref="Locate"/>).
/// </summary>
internal sealed partial class EvidenceCsv
{
    /// <summary>Every evidence field of the case format, in the order the columns are written.</summary>
    public static readonly string[] Columns =
    [
        "id", "kind", "date", "start", "end", "confidence", "sources", "from", "to", "actor", "resource", "type", "formality",
        "magnitude", "amount", "unit", "severity", "level", "scope", "issue", "salience", "response", "objective", "indicator",
        "value", "note",
    ];

    /// <summary>Separates the source ids in a <c>sources</c> cell.</summary>
    public const char SourceSeparator = ';';

    /// <summary>Starts the name of a column the reader ignores: the analyst's own (<c>#checked by</c>, <c>#url</c>).</summary>
    public const char IgnoredColumnMark = '#';

    /// <summary>
    /// The columns written after <c>sources</c> when citations are asked for: each cited source's citation, and its URL,
    /// in the order of the <c>sources</c> cell. Their names start with <see cref="IgnoredColumnMark"/>, so the reader
    /// ignores them and the file still reads back as the same case.
    /// </summary>
    public static readonly string[] CitationColumns = ["#source citations", "#source urls"];

    /// <summary>Separates the citations (and the URLs) of one row's sources in the <see cref="CitationColumns"/>.</summary>
    public const string CitationSeparator = " | ";

    /// <summary>What the <c>#source urls</c> cell holds, in its place, for a source without a URL.</summary>
    public const string NoUrl = "(no URL)";

    /// <summary>What a cell of each column becomes in the item's JSON object, by <see cref="EvidenceField"/>.</summary>
    private static readonly CellKind[] KindOf = [.. Columns.Select(c => c switch
    {
        "sources" => CellKind.Sources,
        "note" => CellKind.Note,
        "magnitude" or "amount" or "severity" or "level" or "scope" or "salience" or "value" => CellKind.Number,
        _ => CellKind.Text,
    })];

    /// <summary>Each field's <c>"name":</c> in the item's JSON object (UTF-8), by <see cref="EvidenceField"/>.</summary>
    private static readonly byte[][] JsonNames = [.. Columns.Select(c => Encoding.UTF8.GetBytes($"\"{c}\":"))];

    /// <summary>
    /// Escapes what must be escaped in a JSON string and nothing more: the rows' JSON is read by the case reader only,
    /// and text it need not unescape (non-ASCII letters included) is read on its quick path. The values are the same.
    /// </summary>
    private static readonly System.Text.Encodings.Web.JavaScriptEncoder JsonEscaping = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    /// <summary>The characters a JSON string holds as they are, one byte each: printable ASCII but the quote and the backslash.</summary>
    private static readonly System.Buffers.SearchValues<char> PlainJsonText =
        System.Buffers.SearchValues.Create(string.Concat(Enumerable.Range(' ', '~' - ' ' + 1).Select(c => (char)c).Where(c => c is not ('"' or '\\'))));

    private readonly string? _file;

    /// <summary>The buffer the rows' JSON array is written to (the caller's, which may hold bytes before and after it).</summary>
    private readonly NativeBuffer _json;

    /// <summary>
    /// The cells of the row being read that hold a quote, unquoted, one after another (where each starts and how
    /// long it is, by column); the other cells are read from the CSV reader's row as they are.
    /// </summary>
    private char[] _unquoted = new char[256];
    private int[] _unquotedStart = new int[32];
    private int[] _unquotedLength = new int[32];
    private bool[] _quoted = new bool[32];
    private bool _rowQuoted;

    /// <summary>Whether the text read is the file repaired (<see cref="Repair"/>), whose quoting problems are already reported.</summary>
    private bool _repaired;

    /// <summary>Whether a reading of the file as it is met a quoting problem: it is read again, repaired.</summary>
    private bool _quoteFailed;

    /// <summary>Whether each column is one of the analyst's own (its name starts with <see cref="IgnoredColumnMark"/>), by index.</summary>
    private bool[] _ownColumn = [];

    /// <summary>
    /// The rows with a malformed cell, by the row's first line: the cell's index (0-based). The rest of the cell's line
    /// was read into that cell, so what the row lacks after it is not reported.
    /// </summary>
    private readonly Dictionary<int, int> _malformed = [];
    private int _cellCount;

    /// <summary>Text that needs escaping, as UTF-8 before it is escaped.</summary>
    private byte[] _utf8 = new byte[256];

    private EvidenceCsv(string? file, NativeBuffer json) => (_file, _json) = (file, json);

    private enum CellKind
    {
        Text,
        Number,
        Sources,
        Note,
    }

    /// <summary>The header's names (as written, trimmed) by column index.</summary>
    public List<string> Header { get; } = [];

    /// <summary>The column index of each known field the header names (the first, if named twice); columns of the analyst's own (<see cref="IgnoredColumnMark"/>) are not read.</summary>
    public Dictionary<string, int> ColumnOf { get; } = new(StringComparer.Ordinal);

    /// <summary>The rows that are not blank, in order.</summary>
    public List<Row> Rows { get; } = [];

    /// <summary>The problems of the CSV itself (encoding, header, cell counts).</summary>
    public List<CaseProblem> Problems { get; } = [];

    /// <summary>One row: its first line in the file, and where its item's JSON object is in the buffer written to.</summary>
    public readonly record struct Row(int Line, int Start, int End);

    /// <summary>A column whose cells go into the items: the field's JSON name, the column's index, what its cells become.</summary>
    private readonly record struct ItemColumn(byte[] Name, int Index, CellKind Kind);

    /// <summary>
    /// Parses CSV bytes (UTF-8, with or without a byte order mark; any line ends; RFC 4180 quoting) and appends the
    /// rows to <paramref name="json"/> as the case format's JSON array of evidence items, on one line: empty cells are
    /// left out, a number cell of a numeric field is a JSON number, <c>sources</c> an array. The array is <c>[]</c>
    /// when the file is refused as a whole (not UTF-8, no header, not comma-separated).
    /// </summary>
    public static EvidenceCsv Parse(ReadOnlySpan<byte> utf8, string? file, NativeBuffer json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var table = new EvidenceCsv(file, json);
        if (utf8.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            utf8 = utf8[3..];
        }

        if (utf8.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || utf8.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            // A UTF-16 byte-order mark (a spreadsheet's "Unicode text"): named as such, not as a byte that is not UTF-8.
            table.Add("header", null, 1, 1, "expected UTF-8 text; the file starts with a UTF-16 byte-order mark (saved as \"Unicode text\" or UTF-16): save the spreadsheet as \"CSV UTF-8\"");
            json.Write("[]"u8);
            return table;
        }

        if (!System.Text.Unicode.Utf8.IsValid(utf8))
        {
            try
            {
                _ = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(utf8);
            }
            catch (DecoderFallbackException e)
            {
                var at = Math.Clamp(e.Index, 0, utf8.Length);
                var line = utf8[..at].Count((byte)'\n') + 1;
                var b = at < utf8.Length ? utf8[at] : (byte)0;
                table.Add(line == 1 ? "header" : "row", null, line, null, string.Create(
                    CultureInfo.InvariantCulture,
                    $"expected UTF-8 text; byte 0x{b:X2} on this line is not UTF-8 (save the spreadsheet as \"CSV UTF-8\")"));
                json.Write("[]"u8);
                return table;
            }
        }

        if (utf8.TrimStart(" \t\r\n"u8) is [(byte)'{' or (byte)'[', ..])
        {
            // A JSON file (the case file, most often) given as the evidence sheet: one problem, not one per line.
            table.Add("header", null, 1, 1, "expected a CSV sheet with a header row; this file is JSON (it starts with '{' or '['): give the case file as the case, and the evidence sheet with --evidence");
            json.Write("[]"u8);
            return table;
        }

        // Decoded as it is read, not into one string of the whole file first. The bytes are pinned while they are read.
        if (utf8.IsEmpty)
        {
            table.Read(TextReader.Null);
            return table;
        }

        var arrayStart = json.WrittenCount;
        unsafe
        {
            fixed (byte* bytes = utf8)
            {
                using var stream = new UnmanagedMemoryStream(bytes, utf8.Length);
                using var text = new StreamReader(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16);
                table.Read(text);
            }
        }

        if (table._quoteFailed)
        {
            // A quote out of place: read the file again, each malformed cell taken to the end of its line and reported,
            // so that the rows after it are read as rows and every other problem is reported too.
            table.ReadRepaired(Encoding.UTF8.GetString(utf8), arrayStart);
        }

        return table;
    }

    /// <summary>
    /// Reads the rows in one pass, writing each row's JSON object as it goes (which columns go into it, and in what
    /// order, is found once, from the header). The problems are in the order of checking every row's quotes first,
    /// then the header, then the rows' cell counts.
    /// </summary>
    private void Read(TextReader text)
    {
        _emptySourceIds.Clear();
        _severalIds.Clear();
        var arrayStart = _json.WrittenCount;
        ItemColumn[] order = [];
        string[] header = [];
        int[] unnamed = [];
        bool[] unnamedUsed = [];
        var writing = false;
        var first = true;
        var failed = false;
        List<(int Line, int Cells, string? Id)> uneven = [];
        int? titleLine = null;
        static bool IsIdColumn(string cell) => cell.Trim().Equals("id", StringComparison.OrdinalIgnoreCase);
        try
        {
            // Cells are unquoted here rather than by Sep, which would silently take the rest of the file into a cell
            // whose quote is never closed.
            using var reader = Sep.New(',').Reader(o => o with { HasHeader = false, Unescape = false, DisableColCountCheck = true }).From(text);
            foreach (var row in reader)
            {
                var line = first ? 1 : row.LineNumberFrom;
                ReadCells(row, line);
                if (_quoteFailed)
                {
                    return;
                }

                if (first)
                {
                    first = false;
                    header = new string[_cellCount];
                    for (var i = 0; i < header.Length; i++)
                    {
                        header[i] = new string(Cell(row, i));
                    }

                    _ownColumn = [.. header.Select(h => h.TrimStart().StartsWith(IgnoredColumnMark))];
                    if (header.Length == 1 && header[0].IndexOfAny([';', '\t']) >= 0)
                    {
                        // Separated by semicolons or tabs: the refusal below is the one problem. Its rows, split at
                        // commas, would only add problems of the wrong separator (a quoted cell read in halves).
                        break;
                    }

                    if (!header.All(string.IsNullOrWhiteSpace))
                    {
                        writing = true;
                        order = Order(header);
                        unnamed = [.. Enumerable.Range(0, header.Length).Where(i => string.IsNullOrWhiteSpace(header[i]))];
                        unnamedUsed = new bool[unnamed.Length];
                        _json.Write((byte)'[');
                    }

                    continue;
                }

                if (!writing || Blank(row))
                {
                    continue;
                }

                if (Rows.Count < 3 && !header.Any(IsIdColumn))
                {
                    var (hasId, hasKind) = (false, false);
                    for (var i = 0; i < _cellCount; i++)
                    {
                        var cell = Cell(row, i).Trim();
                        hasId |= cell.Equals("id", StringComparison.OrdinalIgnoreCase);
                        hasKind |= cell.Equals("kind", StringComparison.OrdinalIgnoreCase);
                    }

                    if (hasId && hasKind)
                    {
                        // A title above the header (a spreadsheet's first row): the one problem, not every column's.
                        (titleLine, writing) = (line, false);
                        break;
                    }
                }

                for (var u = 0; u < unnamed.Length; u++)
                {
                    unnamedUsed[u] |= unnamed[u] < _cellCount && !Cell(row, unnamed[u]).IsWhiteSpace();
                }

                if (_cellCount != header.Length && !_malformed.ContainsKey(line))
                {
                    uneven.Add((line, _cellCount, ColumnOf.TryGetValue("id", out var c) && c < _cellCount && Cell(row, c).Trim() is { Length: > 0 } id ? new string(id) : null));
                }

                if (Rows.Count > 0)
                {
                    _json.Write((byte)',');
                }

                var start = _json.WrittenCount;
                WriteItem(row, order);
                Rows.Add(new Row(line, start, _json.WrittenCount));
            }
        }
        catch (InvalidDataException e)
        {
            if (!_repaired)
            {
                // Read again, repaired, by Parse.
                _quoteFailed = true;
                return;
            }

            Add("file", null, null, null, $"expected well-formed CSV: {e.Message.Split('\n')[0].TrimEnd('\r')}");
            (writing, failed) = (false, true);
        }

        if (writing)
        {
            _json.Write((byte)']');
        }
        else
        {
            _json.Truncate(arrayStart);
            _json.Write("[]"u8);
            Rows.Clear();
            ColumnOf.Clear();
        }

        if (failed)
        {
            return;
        }

        if (first || header.All(string.IsNullOrWhiteSpace))
        {
            // No line at all is an empty file (0 bytes, or a byte order mark only), not an empty first line.
            Add("header", null, 1, null, $"expected a header row naming the columns (for example {string.Join(",", Columns.Take(6))}); {(first ? "the file is empty" : "the first line is empty")}");
            return;
        }

        if (titleLine is { } named)
        {
            Add("header", null, 1, null, string.Create(CultureInfo.InvariantCulture, $"expected the header row (id, kind, date, …) on the first line; line 1 has no id column, and line {named} names the columns: delete the line{(named > 2 ? "s" : string.Empty)} above it (a title)"));
            return;
        }

        if (header.Length == 1 && header[0].IndexOfAny([';', '\t']) is var separator and >= 0)
        {
            Add("header", null, 1, null, $"expected columns separated by commas; the header is separated by '{(header[0][separator] == ';' ? ";" : "\\t")}' (save the sheet as \"CSV UTF-8 (comma delimited)\"; where Excel's list separator is ';' it writes ';' even so: import the file with Data › From Text/CSV, or set the list separator to ',' first)");
            return;
        }

        // The header is the first line: blank lines before it were refused above.
        // A column with no name and nothing in it (a spreadsheet's trailing empty columns) is no column.
        var unused = unnamed.Where((_, u) => !unnamedUsed[u]).ToHashSet();
        ReadHeader(header, unused);
        var used = Enumerable.Range(0, header.Length).LastOrDefault(i => !unused.Contains(i), -1) + 1;
        _short.Clear();
        foreach (var (line, cells, id) in uneven)
        {
            var expected = string.Create(CultureInfo.InvariantCulture, $"expected {Header.Count} cell{(Header.Count == 1 ? string.Empty : "s")}, as the header has; the row has {cells}");
            if (cells > Header.Count)
            {
                Add("row", id, line, Header.Count + 1, $"{expected} (a comma in a cell needs the cell in double quotes)");
            }
            else if (cells < used)
            {
                // Located at the row's last cell (where it ends); its missing cells are this problem, not each a
                // problem of its own (an empty value), so the case reader's problems in them are left out (InMissingCell).
                _short[line] = cells;
                var missing = Header.Skip(cells).Take(used - cells).Where(h => h.Length > 0).Select(h => $"\"{h}\"").ToList();
                var absent = missing.Count <= 3 ? string.Join(", ", missing) : $"{string.Join(", ", missing.Take(3))}, …";
                Add("row", id, line, Math.Max(cells, 1), string.Create(
                    CultureInfo.InvariantCulture,
                    $"{expected}: it ends before column {cells + 1}, so it has no cell for {absent}; every row needs a cell for each column, an empty one too (a comma for each)"));
            }
        }

        AddEmptySourceIds();
    }

    /// <summary>
    /// The known fields the header names, each at its first column, in the order of the columns: what each row's
    /// object holds, in that order.
    /// </summary>
    private ItemColumn[] Order(string[] header)
    {
        _renamed.Clear();
        _suggested.Clear();
        for (var i = 0; i < header.Length; i++)
        {
            var name = header[i].Trim();
            if (Array.IndexOf(Columns, name) >= 0)
            {
                ColumnOf.TryAdd(name, i);
            }
        }

        // A field's name in capitals ("ID", "Date") or a known near-miss ("source"): read as the field, so that the
        // rows are checked as they were meant, and the name is one problem at its cell (ReadHeader).
        for (var i = 0; i < header.Length; i++)
        {
            var name = header[i].Trim();
            if (Array.IndexOf(Columns, name) < 0 && Meant(name) is { } meant && ColumnOf.TryAdd(meant, i))
            {
                _renamed[i] = meant;
            }
        }

        return [.. ColumnOf
            .OrderBy(c => c.Value)
            .Select(c =>
            {
                var field = Array.IndexOf(Columns, c.Key);
                return new ItemColumn(JsonNames[field], c.Value, KindOf[field]);
            })];
    }

    /// <summary>
    /// Takes in a row's cells: those with a quote are unquoted (a cell quoted wrongly is kept as it is, with a
    /// problem); the others are read from the row as they are.
    /// </summary>
    private void ReadCells(SepReader.Row row, int line)
    {
        _cellCount = row.ColCount;
        _rowQuoted = row.Span.Contains('"');
        if (!_rowQuoted)
        {
            return;
        }

        if (_quoted.Length < _cellCount)
        {
            var size = Math.Max(_cellCount, _quoted.Length * 2);
            Array.Resize(ref _quoted, size);
            Array.Resize(ref _unquotedStart, size);
            Array.Resize(ref _unquotedLength, size);
        }

        var at = 0;
        for (var i = 0; i < _cellCount; i++)
        {
            var raw = row[i].Span;
            _quoted[i] = raw.Contains('"');
            if (!_quoted[i])
            {
                continue;
            }

            if (_unquoted.Length - at < raw.Length)
            {
                Array.Resize(ref _unquoted, Math.Max(_unquoted.Length * 2, at + raw.Length));
            }

            _unquotedStart[i] = at;
            _unquotedLength[i] = Unquote(raw, _unquoted.AsSpan(at), line, i);
            at += _unquotedLength[i];
        }
    }

    /// <summary>The row's cell <paramref name="i"/>, unquoted.</summary>
    private ReadOnlySpan<char> Cell(SepReader.Row row, int i) =>
        _rowQuoted && _quoted[i] ? _unquoted.AsSpan(_unquotedStart[i], _unquotedLength[i]) : row[i].Span;

    /// <summary>
    /// Whether every cell of the row is empty or spaces, the analyst's own columns (<see cref="IgnoredColumnMark"/>)
    /// aside: a row with a note only in one of them ("TODO: add 2022") is no evidence item.
    /// </summary>
    private bool Blank(SepReader.Row row)
    {
        for (var i = 0; i < _cellCount; i++)
        {
            if (!(i < _ownColumn.Length && _ownColumn[i]) && !Cell(row, i).IsWhiteSpace())
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The row as the case format's JSON object.</summary>
    private void WriteItem(SepReader.Row row, ItemColumn[] order)
    {
        _json.Write((byte)'{');
        var any = false;
        foreach (var (name, column, kind) in order)
        {
            if (column >= _cellCount)
            {
                continue;
            }

            var cell = kind == CellKind.Note ? Cell(row, column) : Cell(row, column).Trim();
            if (cell.IsEmpty)
            {
                continue;
            }

            if (any)
            {
                _json.Write((byte)',');
            }

            any = true;
            _json.Write(name);
            if (kind == CellKind.Sources)
            {
                _json.Write((byte)'[');
                List<int>? empty = null;
                for (var place = 0; ; place++)
                {
                    var cut = cell.IndexOf(SourceSeparator);
                    var sourceId = (cut < 0 ? cell : cell[..cut]).Trim();
                    if (sourceId.IsEmpty)
                    {
                        (empty ??= []).Add(place);
                    }
                    else if (SeveralIds().IsMatch(sourceId))
                    {
                        // Most likely several ids (no id has a space or a comma): said with the id's problem, in Locate.
                        _severalIds[(Rows.Count, place)] = SeveralIds().Replace(new string(sourceId).Trim(' ', ','), ";");
                    }

                    WriteJsonString(sourceId);
                    if (cut < 0)
                    {
                        if (empty is not null)
                        {
                            _emptySourceIds[Rows.Count] = new EmptyIds(column, [.. empty], place + 1);
                        }

                        break;
                    }

                    _json.Write((byte)',');
                    cell = cell[(cut + 1)..];
                }

                _json.Write((byte)']');
            }
            else if (kind == CellKind.Number && IsShortestNumber(cell))
            {
                // As it is: the text the number would be written as.
                var into = _json.GetSpan(cell.Length);
                System.Text.Ascii.FromUtf16(cell, into, out _);
                _json.Advance(cell.Length);
            }
            else if (kind == CellKind.Number
                && double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                && double.IsFinite(number))
            {
                WriteJsonNumber(_json, number);
            }
            else
            {
                WriteJsonString(cell);
            }
        }

        _json.Write((byte)'}');
    }

    /// <summary>
    /// A finite number as <see cref="Utf8JsonWriter"/> writes it: the shortest text that reads back as the same
    /// number, in invariant culture (<c>0.5</c>, <c>1E-07</c>).
    /// </summary>
    private static void WriteJsonNumber(NativeBuffer json, double number)
    {
        var into = json.GetSpan(32);
        if (!number.TryFormat(into, out var written, default, CultureInfo.InvariantCulture))
        {
            throw new InvalidOperationException($"{number} did not fit in 32 bytes");
        }

        json.Advance(written);
    }

    /// <summary>
    /// Whether a number cell is already the text <see cref="WriteJsonNumber"/> would write for it, so need not be
    /// parsed and written again: an optional minus, an integer part without leading zeros, an optional fraction not
    /// ending in 0, at most 15 significant digits (so no shorter text reads as the same number, and this one reads
    /// back as itself), and a magnitude that is written without an exponent (from 10⁻⁴ up to, not including, 10¹⁵).
    /// </summary>
    internal static bool IsShortestNumber(ReadOnlySpan<char> text)
    {
        var i = text.Length > 0 && text[0] == '-' ? 1 : 0;
        var digits = text[i..];
        var point = digits.IndexOf('.');
        var whole = point < 0 ? digits : digits[..point];
        if (whole.Length == 0 || whole.IndexOfAnyExceptInRange('0', '9') >= 0 || (whole.Length > 1 && whole[0] == '0'))
        {
            return false;
        }

        var fraction = point < 0 ? [] : digits[(point + 1)..];
        if (point >= 0 && (fraction.Length == 0 || fraction.IndexOfAnyExceptInRange('0', '9') >= 0 || fraction[^1] == '0'))
        {
            return false;
        }

        if (whole[0] != '0')
        {
            // Significant digits: all of the integer part and the fraction (which does not end in 0); below 10¹⁵.
            return whole.Length + fraction.Length <= 15;
        }

        // 0, or 0.000ddd: the leading zeros of the fraction are not significant; 10⁻⁴ and above have at most three.
        var zeros = fraction.IndexOfAnyExcept('0');
        return fraction.Length == 0 || (zeros <= 3 && fraction.Length - zeros <= 15);
    }

    /// <summary>Text as a JSON string: printable ASCII without a quote or a backslash as it is, anything else escaped as JSON needs.</summary>
    private void WriteJsonString(ReadOnlySpan<char> text)
    {
        if (text.IndexOfAnyExcept(PlainJsonText) < 0)
        {
            var into = _json.GetSpan(text.Length + 2);
            into[0] = (byte)'"';
            System.Text.Ascii.FromUtf16(text, into[1..], out _);
            into[text.Length + 1] = (byte)'"';
            _json.Advance(text.Length + 2);
            return;
        }

        // The text was decoded from UTF-8, so it is whole characters and encodes back exactly.
        if (_utf8.Length < text.Length * 3)
        {
            _utf8 = new byte[Math.Max(_utf8.Length * 2, text.Length * 3)];
        }

        var utf8 = _utf8.AsSpan(0, Encoding.UTF8.GetBytes(text, _utf8));
        var escaped = _json.GetSpan((utf8.Length * 6) + 2);
        escaped[0] = (byte)'"';
        if (JsonEscaping.EncodeUtf8(utf8, escaped[1..], out _, out var written) != System.Buffers.OperationStatus.Done)
        {
            throw new InvalidOperationException("the text could not be escaped for JSON");
        }

        escaped[written + 1] = (byte)'"';
        _json.Advance(written + 2);
    }

    /// <summary>
    /// Writes a cell's text, unquoted, into <paramref name="into"/> (as long as <paramref name="raw"/> at least): a
    /// quoted cell without its quotes and with its doubled quotes single; a cell quoted wrongly as it is, with a
    /// problem. Returns the length written.
    /// </summary>
    private int Unquote(ReadOnlySpan<char> raw, Span<char> into, int line, int column)
    {
        if (raw.IsEmpty || raw[0] != '"')
        {
            if (raw.Contains('"'))
            {
                // The CSV reader opens a quoted section at any quote, so a stray one would swallow the rows after it:
                // the file is read again, repaired (see Repair), which reports it.
                QuoteProblem(line, column, StrayQuote);
            }

            raw.CopyTo(into);
            return raw.Length;
        }

        if (raw.Length < 2 || raw[^1] != '"' || Unescape(raw[1..^1], into) is not { } length)
        {
            QuoteProblem(line, column, NotClosed);
            raw.CopyTo(into);
            return raw.Length;
        }

        return length;
    }

    /// <summary>The problem of a cell that holds a quote without starting with one.</summary>
    private const string StrayQuote = "expected a cell with a quote in it to be quoted whole, its quotes written twice (\"a 5\"\" gun\"); this cell does not start with a quote but holds one (it is read to the end of its line, and the next line as the next row)";

    /// <summary>The problem of a quoted cell whose closing quote never comes.</summary>
    private const string NotClosed = "expected a quoted cell to end with its closing quote, right before the next comma or line end (a quote inside a quoted cell is written twice: \"\"); this one is never closed (it is read to the end of its line, and the next line as the next row)";

    /// <summary>The problem of a quoted cell with more after its closing quote.</summary>
    private const string TextAfterClose = "expected a quoted cell to end with its closing quote, right before the next comma or line end (a quote inside a quoted cell is written twice: \"\"); this one goes on after it (it is read to the end of that line, and the next line as the next row)";

    /// <summary>
    /// A quoting problem met while reading: reading the file as it is stops, and <see cref="Parse"/> reads it again
    /// repaired, which reports the problem. (In the repaired text there is none; were there one, it is reported.)
    /// </summary>
    private void QuoteProblem(int line, int column, string message)
    {
        if (_repaired)
        {
            Add("row", null, line, column + 1, message);
        }
        else
        {
            _quoteFailed = true;
        }
    }

    /// <summary>
    /// Reads the file again from <paramref name="text"/> repaired (<see cref="Repair"/>), after a reading of it as it is
    /// met a quote out of place: what that reading wrote and found is dropped, each malformed cell is a problem (with
    /// the row's item id, when it has one), and every other problem of the file is found as in a well-formed file.
    /// </summary>
    private void ReadRepaired(string text, int arrayStart)
    {
        _json.Truncate(arrayStart);
        Rows.Clear();
        ColumnOf.Clear();
        Header.Clear();
        Problems.Clear();
        _quoteFailed = false;
        _repaired = true;
        var repaired = Repair(text, out var bad);
        foreach (var b in bad)
        {
            _malformed.TryAdd(b.RowLine, b.Cell);
            Add(b.Column, null, b.Line, b.Cell + 1, b.Message);
        }

        using (var reader = new StringReader(repaired))
        {
            Read(reader);
        }

        var rowAt = Rows.ToDictionary(r => r.Line);
        for (var i = 0; i < bad.Count; i++)
        {
            if (rowAt.TryGetValue(bad[i].RowLine, out var row) && IdOf(row) is { } id)
            {
                Problems[i] = Problems[i] with { ItemId = id };
            }
        }
    }

    /// <summary>
    /// Whether a problem the case reader found in a row is in or after the row's malformed cell, whose line's rest was
    /// read into that cell: a problem of the reading, not of the row, and not reported (the cell's own problem is).
    /// </summary>
    public bool InOrAfterMalformedCell(CaseProblem problem) =>
        problem.Line is { } line && _malformed.TryGetValue(line, out var cell) && problem.Column is { } column && column >= cell + 1;

    /// <summary>
    /// Whether a problem the case reader found in a row is in a cell the row does not have (it has fewer cells than the
    /// header): the row's own problem says so, and a missing cell is not also an empty value.
    /// </summary>
    public bool InMissingCell(CaseProblem problem) =>
        problem.Line is { } line && _short.TryGetValue(line, out var cells) && problem.Column is { } column && column > cells;

    /// <summary>The rows with fewer cells than the header (a problem of each), by line: how many cells each has.</summary>
    private readonly Dictionary<int, int> _short = [];

    /// <summary>A malformed cell: where it starts, its row's first line, its index, the column's name (or <c>header</c>, <c>row</c>), and what is wrong.</summary>
    private readonly record struct BadCell(int Line, int RowLine, int Cell, string Column, string Message);

    /// <summary>
    /// The CSV text with each malformed cell quoted whole, so that it reads as one cell: a cell holding a quote it does
    /// not start with, a quoted cell never closed (from its quote to the end of its line; the next line is the next
    /// row; so is one whose first quote after it, on a later line, has more after it: that is a later cell's opening
    /// quote, and the rows between are rows) and a quoted cell with more after its closing quote on its own line (to
    /// the end of that line). Line breaks are kept, so
    /// lines are where they were; well-formed cells are copied as they are.
    /// </summary>
    private static string Repair(string s, out List<BadCell> bad)
    {
        bad = [];
        var names = new List<string>();
        var into = new StringBuilder(s.Length + 64);
        var pos = 0;
        var line = 1;
        while (pos < s.Length)
        {
            var rowLine = line;
            for (var cell = 0; ; cell++)
            {
                var cellLine = line;
                string? problem = null;
                int end;
                if (pos < s.Length && s[pos] == '"')
                {
                    var (close, closeLine) = ClosingQuote(s, pos, line);
                    if (close < 0)
                    {
                        (problem, end) = (NotClosed, LineEnd(s, pos));
                    }
                    else if (close + 1 == s.Length || s[close + 1] is ',' or '\r' or '\n')
                    {
                        (end, line) = (close + 1, closeLine);
                    }
                    else if (closeLine > cellLine)
                    {
                        // A quote followed by more on a later line is no closing quote but a later cell's opening one
                        // (most often): this cell's quote is never closed, and the rows between are rows, not its text.
                        (problem, end) = (NotClosed, LineEnd(s, pos));
                    }
                    else
                    {
                        (problem, end, line) = (TextAfterClose, LineEnd(s, close), closeLine);
                    }
                }
                else
                {
                    end = s.AsSpan(pos).IndexOfAny(",\r\n") is var next and >= 0 ? pos + next : s.Length;
                    if (s.AsSpan(pos, end - pos).Contains('"'))
                    {
                        (problem, end) = (StrayQuote, LineEnd(s, pos));
                    }
                }

                var raw = s.AsSpan(pos, end - pos);
                if (problem is null)
                {
                    into.Append(raw);
                }
                else
                {
                    into.Append('"').Append(raw.ToString().Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
                    // The column as the other problems of its cells name it: the field a header cell in capitals or a
                    // near miss is read as ("END" as "end"), else the name as written.
                    var column = rowLine == 1 ? "header" : cell < names.Count && names[cell].Length > 0 ? FieldOrName(names[cell]) : "row";
                    bad.Add(new BadCell(cellLine, rowLine, cell, column, problem));
                }

                if (rowLine == 1)
                {
                    names.Add(problem is null && raw.Length > 1 && raw[0] == '"' ? raw[1..^1].ToString().Replace("\"\"", "\"", StringComparison.Ordinal).Trim() : raw.Trim().ToString());
                }

                pos = end;
                if (pos < s.Length && s[pos] == ',')
                {
                    into.Append(',');
                    pos++;
                    continue;
                }

                if (pos < s.Length)
                {
                    var width = s[pos] == '\r' && pos + 1 < s.Length && s[pos + 1] == '\n' ? 2 : 1;
                    into.Append(s, pos, width);
                    pos += width;
                    line++;
                }

                break;
            }
        }

        return into.ToString();

        static int LineEnd(string s, int from) => s.AsSpan(from).IndexOfAny('\r', '\n') is var at and >= 0 ? from + at : s.Length;

        // The closing quote of the quoted cell opening at s[open] (a quote not doubled), or -1; and its line.
        static (int Close, int Line) ClosingQuote(string s, int open, int line)
        {
            for (var j = open + 1; j < s.Length; j++)
            {
                switch (s[j])
                {
                    case '"' when j + 1 < s.Length && s[j + 1] == '"':
                        j++;
                        break;
                    case '"':
                        return (j, line);
                    case '\n':
                    case '\r' when j + 1 == s.Length || s[j + 1] != '\n':
                        line++;
                        break;
                }
            }

            return (-1, line);
        }
    }

    /// <summary>The inside of a quoted cell with its doubled quotes single, and its length; null if a quote in it is not doubled.</summary>
    private static int? Unescape(ReadOnlySpan<char> inside, Span<char> into)
    {
        var length = 0;
        while (true)
        {
            var quote = inside.IndexOf('"');
            var part = quote < 0 ? inside : inside[..quote];
            part.CopyTo(into[length..]);
            length += part.Length;
            if (quote < 0)
            {
                return length;
            }

            if (quote + 1 >= inside.Length || inside[quote + 1] != '"')
            {
                return null;
            }

            into[length++] = '"';
            inside = inside[(quote + 2)..];
        }
    }

    /// <summary>
    /// Names of fields written otherwise (ignoring case) that are read as the field: the singular "source" for
    /// "sources" (whose cells hold the same ids either way).
    /// </summary>
    private static readonly Dictionary<string, string> NearMisses = new(StringComparer.OrdinalIgnoreCase)
    {
        ["source"] = "sources",
    };

    /// <summary>The header cells read as a field they do not name exactly ("ID" as "id"), by index.</summary>
    private readonly Dictionary<int, string> _renamed = [];

    /// <summary>The fields an unknown column name is suggested for ("magnitde": "magnitude"): not said to be missing as well.</summary>
    private readonly HashSet<string> _suggested = new(StringComparer.Ordinal);

    /// <summary>The field a column name that is not one means: the same name in other letter case, or a <see cref="NearMisses"/>; else null.</summary>
    private static string? Meant(string name) =>
        name.Length == 0 || name.StartsWith(IgnoredColumnMark) ? null
            : Array.Find(Columns, c => c.Equals(name, StringComparison.OrdinalIgnoreCase)) ?? NearMisses.GetValueOrDefault(name);

    /// <summary>A header cell's name as the problems of its column name it: the field it is read as, else itself.</summary>
    private static string FieldOrName(string name) => Meant(name) ?? name;

    private void ReadHeader(string[] header, HashSet<int> unused)
    {
        int? listedAt = null;
        var known = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Length; i++)
        {
            var name = header[i].Trim();
            Header.Add(name);
            if (unused.Contains(i))
            {
                continue;
            }

            if (name.Length == 0)
            {
                Add("header", null, 1, i + 1, $"expected a column name in the header (an evidence field, or a name starting with {IgnoredColumnMark} for a column of your own that is not read); the cell is empty");
            }
            else if (name.StartsWith(IgnoredColumnMark))
            {
                // The analyst's own column (who checked the row, a link): not read, and may be repeated.
                continue;
            }
            else if (_renamed.TryGetValue(i, out var meant))
            {
                Add(name, null, 1, i + 1, meant.Equals(name, StringComparison.OrdinalIgnoreCase)
                    ? $"column names are lower case; write \"{meant}\""
                    : $"column names are the case format's field names; write \"{meant}\"");
            }
            else if (Array.IndexOf(Columns, name) < 0 && Meant(name) is { } taken && ColumnOf.TryGetValue(taken, out var other))
            {
                Add(name, null, 1, i + 1, string.Create(CultureInfo.InvariantCulture, $"expected each column once; \"{name}\" stands for \"{taken}\", which is also column {other + 1}"));
            }
            else if (Array.IndexOf(Columns, name) < 0)
            {
                if (Names.Nearest(name, Columns) is { } near && !ColumnOf.ContainsKey(near))
                {
                    // The field suggested is not also said to be missing (CollapseMissingColumns).
                    _suggested.Add(near);
                }

                // The fields are listed once, at the first such column.
                var fields = listedAt is { } at ? string.Create(CultureInfo.InvariantCulture, $"listed for column {at}") : string.Join(", ", Columns);
                listedAt ??= i + 1;
                Add(name, null, 1, i + 1, $"expected a column named after an evidence field ({fields}), or a name starting with {IgnoredColumnMark} for a column of your own that is not read (\"{IgnoredColumnMark}{name}\"); \"{name}\" is neither{Names.DidYouMean(name, Columns)}");
            }
            else if (!known.TryAdd(name, i))
            {
                Add(name, null, 1, i + 1, string.Create(CultureInfo.InvariantCulture, $"expected each column once; \"{name}\" is also column {known[name] + 1}"));
            }
        }
    }

    /// <summary>The row's id cell, if it has a non-empty one: the <c>id</c> of its JSON object.</summary>
    private string? IdOf(Row row)
    {
        if (!ColumnOf.ContainsKey("id"))
        {
            return null;
        }

        var reader = new Utf8JsonReader(_json.WrittenSpan[row.Start..row.End]);
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("id"u8))
            {
                reader.Read();
                return reader.GetString();
            }

            reader.Skip();
        }

        return null;
    }

    private void Add(string path, string? id, int? line, int? column, string message) =>
        Problems.Add(new CaseProblem(path, id, message) { File = _file, Line = line, Column = column });

    /// <summary>
    /// A problem the case reader found at <c>$.evidence[index]</c> + <paramref name="rest"/>, located in the CSV: the
    /// row's line, the field's column, the column name as the path (with what follows it, as <c>sources[1]</c>;
    /// <c>row</c> for the item as a whole). An id used twice (<see cref="ProblemKind.DuplicateEvidenceId"/>) names the
    /// earlier item's row by its line, not its place in the rows' JSON array. A problem of a source id with spaces or
    /// commas in it, most likely several ids, says how the cell separates them (<c>; separate source ids with ';' (s1;s2)</c>).
    /// </summary>
    public CaseProblem Locate(int index, string rest, CaseProblem problem)
    {
        var row = Rows[index];
        var field = rest.StartsWith('.') ? rest[1..] : rest;
        var cut = field.IndexOfAny(['.', '[']);
        var name = cut < 0 ? field : field[..cut];
        int? column = ColumnOf.TryGetValue(name, out var c) ? c + 1 : null;
        var message = problem.Kind == ProblemKind.DuplicateEvidenceId && problem.ItemId is { } id && problem.Detail.Earlier is var earlier && earlier < Rows.Count
            ? CaseProblem.UniqueIdMessage(id, string.Create(CultureInfo.InvariantCulture, $"the row on line {Rows[earlier].Line}"))
            : problem.Message;
        if (SourcePlace(rest) is { } place && _severalIds.TryGetValue((index, place), out var ids))
        {
            message = $"{message}; separate source ids with ';' ({ids})";
        }

        return problem with
        {
            Message = message,
            Path = field.Length == 0 ? "row" : field,
            ItemId = problem.ItemId ?? IdOf(row),
            File = _file,
            Line = row.Line,
            Column = column,
        };
    }

    /// <summary>The place of a source id in its cell, for <c>.sources[k]</c>; null for any other path in an item.</summary>
    private static int? SourcePlace(string rest) =>
        rest.StartsWith(".sources[", StringComparison.Ordinal) && rest.EndsWith(']')
            && int.TryParse(rest.AsSpan(9, rest.Length - 10), NumberStyles.None, CultureInfo.InvariantCulture, out var place)
            ? place
            : null;

    private const string EmptySourceId = "expected a source id between each ';' of the sources cell; one is empty (a ';' at the start or end of the cell, or two together)";

    /// <summary>
    /// The empty ids of each sources cell (by the row's index in <see cref="Rows"/>), found as the cell is split: the
    /// column's index, the empty ids' places in the cell, and how many ids the cell holds.
    /// </summary>
    private readonly Dictionary<int, EmptyIds> _emptySourceIds = [];

    private readonly record struct EmptyIds(int Column, int[] Places, int Count);

    /// <summary>
    /// The source ids with spaces or commas in them (by the row's index in <see cref="Rows"/> and the id's place in
    /// its cell), most likely several ids: the ids as the cell would separate them ("s1;s2").
    /// </summary>
    private readonly Dictionary<(int Row, int Place), string> _severalIds = [];

    /// <summary>
    /// The empty ids of one sources cell as one problem, not one per extra ';': at the id's place when there is one
    /// ("sources[1]"), "2 are empty" when there are more; a cell of ';' alone (no id at all) one problem that says so.
    /// The case reader's problems of those ids (an empty string; no source at all) are left out (<see cref="SaidByCell"/>).
    /// </summary>
    private void AddEmptySourceIds()
    {
        foreach (var (index, empty) in _emptySourceIds.OrderBy(e => e.Key))
        {
            var row = Rows[index];
            var (path, message) = empty.Places.Length == empty.Count
                ? ("sources", "expected one or more source ids in the \"sources\" cell, separated by ';'; it holds only ';'")
                : empty.Places.Length == 1
                    ? (string.Create(CultureInfo.InvariantCulture, $"sources[{empty.Places[0]}]"), EmptySourceId)
                    : ("sources", string.Create(CultureInfo.InvariantCulture, $"expected a source id between each ';' of the sources cell; {empty.Places.Length} are empty (a ';' at the start or end of the cell, or two together)"));
            var problem = new CaseProblem(path, IdOf(row), message) { File = _file, Line = row.Line, Column = empty.Column + 1 };
            if (!InOrAfterMalformedCell(problem))
            {
                Problems.Add(problem);
            }
        }
    }

    /// <summary>
    /// Whether a problem the case reader found at <c>$.evidence[index]</c> + <paramref name="rest"/> is one this file
    /// reported itself, in the sources cell's terms: an empty id (<c>.sources[k]</c> at an empty id's place), or no id
    /// at all (<c>.sources</c>, when every id of the cell is empty).
    /// </summary>
    public bool SaidByCell(int index, string rest)
    {
        if (!_emptySourceIds.TryGetValue(index, out var empty))
        {
            return false;
        }

        if (rest == ".sources")
        {
            return empty.Places.Length == empty.Count;
        }

        return SourcePlace(rest) is { } place && Array.IndexOf(empty.Places, place) >= 0;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\s*,\s*|\s+")]
    private static partial System.Text.RegularExpressions.Regex SeveralIds();

    /// <summary>
    /// The evidence of a case as CSV text: the columns the items use, in <see cref="Columns"/> order; with
    /// <paramref name="citations"/>, also the <see cref="CitationColumns"/> after <c>sources</c>.
    /// </summary>
    public static string Write(Case @case, bool citations = false)
    {
        ArgumentNullException.ThrowIfNull(@case);
        using var text = new StringWriter(new StringBuilder(64 + (@case.Evidence.Count * (citations ? 384 : 96))), CultureInfo.InvariantCulture);
        Write(@case, text, citations);
        return text.ToString();
    }

    /// <summary>
    /// Writes the evidence of a case as CSV text (see <see cref="Write(Case, bool)"/>), straight from its items: one
    /// pass to find the columns they use, one to write the rows.
    /// </summary>
    public static void Write(Case @case, TextWriter writer) => Write(@case, writer, citations: false);

    /// <summary>
    /// Writes the evidence of a case as CSV text (see <see cref="Write(Case, bool)"/>), with <paramref name="citations"/>
    /// also the <see cref="CitationColumns"/>.
    /// </summary>
    public static void Write(Case @case, TextWriter writer, bool citations)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(writer);
        var usedFields = new UsedFields();
        foreach (var e in @case.Evidence)
        {
            EvidenceFields.Visit(e, ref usedFields);
        }

        var always = new[] { EvidenceField.Id, EvidenceField.Kind, EvidenceField.Date, EvidenceField.Confidence, EvidenceField.Sources };
        var columns = Enum.GetValues<EvidenceField>().Where(f => usedFields.Has(f) || always.Contains(f)).ToArray();
        for (var i = 0; i < columns.Length; i++)
        {
            if (i > 0)
            {
                writer.Write(',');
            }

            writer.Write(Columns[(int)columns[i]]);
            if (citations && columns[i] == EvidenceField.Sources)
            {
                foreach (var name in CitationColumns)
                {
                    writer.Write(',');
                    WriteText(writer, name);
                }
            }
        }

        writer.Write('\n');
        var cells = new CsvCells(Columns.Length);
        foreach (var e in @case.Evidence)
        {
            cells.Clear();
            EvidenceFields.Visit(e, ref cells);
            for (var i = 0; i < columns.Length; i++)
            {
                if (i > 0)
                {
                    writer.Write(',');
                }

                cells.WriteCell(writer, columns[i]);
                if (citations && columns[i] == EvidenceField.Sources)
                {
                    WriteCitations(writer, @case, e.Sources);
                }
            }

            writer.Write('\n');
        }
    }

    /// <summary>
    /// The two <see cref="CitationColumns"/> cells of an item (each after a comma): its sources' citations, then their
    /// URLs (<see cref="NoUrl"/> for a source without one), in the order of its <c>sources</c>, joined by
    /// <see cref="CitationSeparator"/>. A source id the case does not list (a case read without checking) gives its id
    /// as its citation.
    /// </summary>
    private static void WriteCitations(TextWriter writer, Case @case, ImmutableArray<string> ids)
    {
        var found = ids.IsDefault ? [] : ids.Select(id => (Id: id, Source: @case.FindSource(id))).ToArray();
        writer.Write(',');
        WriteText(writer, string.Join(CitationSeparator, found.Select(f => f.Source?.Citation ?? f.Id)));
        writer.Write(',');
        WriteText(writer, string.Join(CitationSeparator, found.Select(f => f.Source?.Url ?? NoUrl)));
    }

    /// <summary>
    /// Writes a cell, quoted (its quotes doubled) if it holds a comma, a quote or a line break; half of a surrogate pair
    /// alone (no character) as U+FFFD, as in the file's UTF-8.
    /// </summary>
    private static void WriteText(TextWriter writer, ReadOnlySpan<char> value)
    {
        if (value.IndexOfAnyInRange('\uD800', '\uDFFF') >= 0)
        {
            value = Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(value.ToString()));
        }

        if (value.IndexOfAny(",\"\r\n") < 0)
        {
            writer.Write(value);
            return;
        }

        writer.Write('"');
        while (value.IndexOf('"') is var quote and >= 0)
        {
            writer.Write(value[..(quote + 1)]);
            writer.Write('"');
            value = value[(quote + 1)..];
        }

        writer.Write(value);
        writer.Write('"');
    }

    /// <summary>Which fields the items have.</summary>
    private struct UsedFields : IEvidenceFieldSink
    {
        private uint _bits;

        public readonly bool Has(EvidenceField field) => (_bits & (1u << (int)field)) != 0;

        public void Text(EvidenceField field, string value) => _bits |= 1u << (int)field;

        public void Number(EvidenceField field, double value) => _bits |= 1u << (int)field;

        public void Date(EvidenceField field, EvidenceDate date) => _bits |= 1u << (int)field;

        public void Sources(ImmutableArray<string> sources) => _bits |= 1u << (int)EvidenceField.Sources;
    }

    /// <summary>One item's cells, by field.</summary>
    private readonly struct CsvCells : IEvidenceFieldSink
    {
        private readonly string?[] _text;
        private readonly double?[] _number;
        private readonly EvidenceDate?[] _date;
        private readonly ImmutableArray<string>[] _sources;

        public CsvCells(int fields) =>
            (_text, _number, _date, _sources) = (new string?[fields], new double?[fields], new EvidenceDate?[fields], new ImmutableArray<string>[1]);

        public void Clear()
        {
            Array.Clear(_text);
            Array.Clear(_number);
            Array.Clear(_date);
            _sources[0] = default;
        }

        public void Date(EvidenceField field, EvidenceDate date) => _date[(int)field] = date;

        public void Text(EvidenceField field, string value) => _text[(int)field] = value;

        public void Number(EvidenceField field, double value) => _number[(int)field] = value;

        public void Sources(ImmutableArray<string> sources) => _sources[0] = sources;

        public void WriteCell(TextWriter writer, EvidenceField field)
        {
            if (field == EvidenceField.Sources)
            {
                var sources = _sources[0];
                if (sources.IsDefault)
                {
                    return;
                }

                foreach (var s in sources)
                {
                    if (s.AsSpan().IndexOfAny(",\"\r\n") >= 0)
                    {
                        WriteText(writer, string.Join(SourceSeparator, sources));
                        return;
                    }
                }

                for (var i = 0; i < sources.Length; i++)
                {
                    if (i > 0)
                    {
                        writer.Write(SourceSeparator);
                    }

                    writer.Write(sources[i]);
                }
            }
            else if (_number[(int)field] is { } number)
            {
                // As the case file writes it (Utf8JsonWriter): the shortest text that reads back as the same number.
                Span<char> digits = stackalloc char[32];
                writer.Write(number.TryFormat(digits, out var n, default, CultureInfo.InvariantCulture) ? digits[..n] : number.ToString(CultureInfo.InvariantCulture));
            }
            else if (_date[(int)field] is { } date)
            {
                Span<char> text = stackalloc char[EvidenceDate.MaxTextLength];
                writer.Write(text[..EvidenceFields.FormatDate(field, date, text)]);
            }
            else if (_text[(int)field] is { } text)
            {
                WriteText(writer, text);
            }
        }
    }

    /// <summary>
    /// The JSON reader's "expected "note" (a string); it is missing" of a row (located: its path is the column's name),
    /// in a spreadsheet's terms: the row's cell in that column is empty ("expected a value in the "note" cell; it is
    /// empty"; the sources cell holds ids separated by ';'). Run after <see cref="CollapseMissingColumns"/>, which
    /// gathers the rows' problems of a column the header does not have.
    /// </summary>
    public static List<CaseProblem> InCellTerms(List<CaseProblem> located) =>
        [.. located.Select(p => p.Line > 1 && MissingFieldExpects(p.Kind) is { } what
            ? p with
            {
                Message = p.Path == "sources"
                    ? "expected one or more source ids in the \"sources\" cell, separated by ';'; it is empty"
                    : $"expected {what} in the \"{p.Path}\" cell; it is empty",
            }
            : p)];

    /// <summary>What the cell of a required field the reader found missing should hold, by the problem's kind; null for any other problem.</summary>
    private static string? MissingFieldExpects(ProblemKind kind) => kind switch
    {
        ProblemKind.MissingText => "a value",
        ProblemKind.MissingNumber => "a number",
        ProblemKind.MissingStrings => "an array of strings",
        _ => null,
    };

    /// <summary>
    /// A field the rows need and the header has no column for gives one problem at the header, not one per row (a
    /// sheet of 10⁵ rows without a "confidence" column would otherwise report 10⁵ problems).
    /// </summary>
    public List<CaseProblem> CollapseMissingColumns(List<CaseProblem> located)
    {
        // The columns that can give a field: a support row without a magnitude may give amount and unit instead, and a
        // date may be given as start and end.
        static string[] ColumnsFor(string field) => field switch
        {
            "magnitude" => ["magnitude", "amount"],
            "date" => ["date", "start", "end"],
            _ => [field],
        };

        // The columns that could give the field a missing-field problem is about (none for any other problem).
        static string[] ColumnsOf(CaseProblem p) => p.Kind switch
        {
            ProblemKind.MissingText or ProblemKind.MissingStrings or ProblemKind.MissingNumber => [p.Path],
            ProblemKind.MissingMagnitude when p.Path == "magnitude" => ColumnsFor(p.Path),
            ProblemKind.MissingDate => p.Path == "date" ? ColumnsFor(p.Path) : [p.Path],
            _ => [],
        };

        // Its rows are missing a column only if no column can give the field (a text field only if it has a column at all).
        bool NoColumnFor(CaseProblem p) => ColumnsOf(p) is [_, ..] columns
            && (p.Kind != ProblemKind.MissingDate || p.Path == "date")
            && (p.Kind is ProblemKind.MissingMagnitude or ProblemKind.MissingDate || Array.IndexOf(Columns, p.Path) >= 0)
            && !columns.Any(ColumnOf.ContainsKey);

        // A column whose name is a near spelling of the field's is one problem at its header cell, which names the
        // field: not also the field's missing column.
        bool Suggested(string name) => ColumnsFor(name).Any(_suggested.Contains);

        // A row's field that would be in a misspelt column ("magnitde" for "magnitude", said at its header cell) is
        // not also missing from the row: its value is in the cell the header names wrongly (docs/case-format.md).
        bool InMisspelt(CaseProblem p) => ColumnsOf(p).Any(c => !ColumnOf.ContainsKey(c) && _suggested.Contains(c));

        if (_suggested.Count > 0)
        {
            located = [.. located.Where(p => !InMisspelt(p))];
        }

        var missing = located
            .Where(NoColumnFor)
            .GroupBy(p => p.Path, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        if (missing.Count == 0)
        {
            return located;
        }

        var kept = located.Where(p => !(missing.ContainsKey(p.Path) && NoColumnFor(p))).ToList();
        foreach (var (name, rows) in missing.Where(m => !Suggested(m.Key)).OrderBy(m => Array.IndexOf(Columns, m.Key)))
        {
            var column = name switch
            {
                "magnitude" => "a column \"magnitude\", or the columns \"amount\" and \"unit\" in its place",
                "date" => "a column \"date\", or the columns \"start\" and \"end\" in its place",
                _ => $"a column \"{name}\"",
            };
            kept.Add(new CaseProblem(name, null, string.Create(
                CultureInfo.InvariantCulture,
                $"expected {column}: {rows} row{(rows == 1 ? " needs" : "s need")} it and the header has none (column names are the case format's field names, in lower case)"))
            { File = _file, Line = 1, Column = null });
        }

        return kept;
    }
}
