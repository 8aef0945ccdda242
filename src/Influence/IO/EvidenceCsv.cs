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

    /// <summary>The fields whose values are numbers in the case format (a cell that is a number becomes a JSON number).</summary>
    private static readonly HashSet<string> Numeric = new(StringComparer.Ordinal) { "magnitude", "amount", "severity", "level", "scope", "salience", "value" };

    /// <summary>Separates the source ids in a <c>sources</c> cell.</summary>
    public const char SourceSeparator = ';';

    private readonly string? _file;

    private EvidenceCsv(string? file) => _file = file;

    /// <summary>The header's names (as written, trimmed) by column index.</summary>
    public List<string> Header { get; } = [];

    /// <summary>The column index of each known field the header names (the first, if named twice).</summary>
    public Dictionary<string, int> ColumnOf { get; } = new(StringComparer.Ordinal);

    /// <summary>The rows that are not blank, in order.</summary>
    public List<Row> Rows { get; } = [];

    /// <summary>The problems of the CSV itself (encoding, header, cell counts).</summary>
    public List<CaseProblem> Problems { get; } = [];

    /// <summary>One row: its first line in the file and its cells.</summary>
    public sealed record Row(int Line, string[] Cells);

    /// <summary>Parses CSV bytes (UTF-8, with or without a byte order mark; any line ends; RFC 4180 quoting).</summary>
    public static EvidenceCsv Parse(ReadOnlySpan<byte> utf8, string? file)
    {
        var table = new EvidenceCsv(file);
        if (utf8.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            utf8 = utf8[3..];
        }

        string text;
        try
        {
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(utf8);
        }
        catch (DecoderFallbackException e)
        {
            var at = Math.Clamp(e.Index, 0, utf8.Length);
            var line = utf8[..at].Count((byte)'\n') + 1;
            var b = at < utf8.Length ? utf8[at] : (byte)0;
            table.Add("$", null, line, null, string.Create(
                CultureInfo.InvariantCulture,
                $"expected UTF-8 text; byte 0x{b:X2} on this line is not UTF-8 (save the spreadsheet as \"CSV UTF-8\")"));
            return table;
        }

        List<Row> rows = [];
        try
        {
            // Cells are unquoted here rather than by Sep, which would silently take the rest of the file into a cell
            // whose quote is never closed.
            using var reader = Sep.New(',').Reader(o => o with { HasHeader = false, Unescape = false, DisableColCountCheck = true }).FromText(text);
            foreach (var row in reader)
            {
                var cells = new string[row.ColCount];
                for (var i = 0; i < cells.Length; i++)
                {
                    cells[i] = table.Unquote(row[i].ToString(), rows.Count == 0 ? 1 : row.LineNumberFrom, i);
                }

                rows.Add(new Row(row.LineNumberFrom, cells));
            }
        }
        catch (InvalidDataException e)
        {
            table.Add("$", null, null, null, $"expected well-formed CSV: {e.Message.Split('\n')[0].TrimEnd('\r')}");
            return table;
        }

        if (rows.Count == 0 || rows[0].Cells.All(string.IsNullOrWhiteSpace))
        {
            table.Add("$", null, 1, null, $"expected a header row naming the columns (for example {string.Join(",", Columns.Take(6))}); the first line is empty");
            return table;
        }

        if (rows[0].Cells.Length == 1 && rows[0].Cells[0].IndexOfAny([';', '\t']) is var separator and >= 0)
        {
            table.Add("$", null, 1, null, $"expected columns separated by commas; the header is separated by '{(rows[0].Cells[0][separator] == ';' ? ";" : "\\t")}' (save the sheet as \"CSV UTF-8 (comma delimited)\")");
            table.Rows.Clear();
            return table;
        }

        // The header is the first line: blank lines before it were refused above.
        // A column with no name and nothing in it (a spreadsheet's trailing empty columns) is no column.
        var unused = Enumerable.Range(0, rows[0].Cells.Length)
            .Where(i => string.IsNullOrWhiteSpace(rows[0].Cells[i]) && rows.Skip(1).All(r => i >= r.Cells.Length || string.IsNullOrWhiteSpace(r.Cells[i])))
            .ToHashSet();
        table.ReadHeader(rows[0] with { Line = 1 }, unused);
        var used = Enumerable.Range(0, rows[0].Cells.Length).LastOrDefault(i => !unused.Contains(i), -1) + 1;
        foreach (var row in rows.Skip(1))
        {
            if (row.Cells.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            if (row.Cells.Length > table.Header.Count || row.Cells.Length < used)
            {
                table.Add("row", table.IdOf(row), row.Line, Math.Min(row.Cells.Length, table.Header.Count) + 1, string.Create(
                    CultureInfo.InvariantCulture,
                    $"expected {table.Header.Count} cell{(table.Header.Count == 1 ? string.Empty : "s")}, as the header has; the row has {row.Cells.Length} (a comma in a cell needs the cell in double quotes)"));
            }

            table.Rows.Add(row);
        }

        return table;
    }

    /// <summary>A cell's text: a quoted cell without its quotes and with its doubled quotes single.</summary>
    private string Unquote(string raw, int line, int column)
    {
        if (!raw.StartsWith('"'))
        {
            if (raw.Contains('"', StringComparison.Ordinal))
            {
                // The CSV reader opens a quoted section at any quote, so a stray one would swallow the rows after it.
                Add("$", null, line, column + 1, "expected a cell with a quote in it to be quoted whole, its quotes written twice (\"a 5\"\" gun\"); this cell does not start with a quote but holds one, which would run on into the next rows");
            }

            return raw;
        }

        if (raw.Length < 2 || !raw.EndsWith('"') || raw[1..^1].Replace("\"\"", string.Empty, StringComparison.Ordinal).Contains('"', StringComparison.Ordinal))
        {
            Add("$", null, line, column + 1, "expected a quoted cell to end with its closing quote, right before the next comma or line end (a quote inside a quoted cell is written twice: \"\"); this one runs on to the end of the file or to a stray quote");
            return raw;
        }

        return raw[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal);
    }

    private void ReadHeader(Row header, HashSet<int> unused)
    {
        for (var i = 0; i < header.Cells.Length; i++)
        {
            var name = header.Cells[i].Trim();
            Header.Add(name);
            if (unused.Contains(i))
            {
                continue;
            }

            if (name.Length == 0)
            {
                Add("$", null, header.Line, i + 1, "expected a column name in the header; the cell is empty");
            }
            else if (Array.IndexOf(Columns, name) < 0)
            {
                Add(name, null, header.Line, i + 1, $"expected a column named after an evidence field ({string.Join(", ", Columns)}); \"{name}\" is not one{Names.DidYouMean(name, Columns)}");
            }
            else if (ColumnOf.TryGetValue(name, out var first))
            {
                Add(name, null, header.Line, i + 1, string.Create(CultureInfo.InvariantCulture, $"expected each column once; \"{name}\" is also column {first + 1}"));
            }
            else
            {
                ColumnOf[name] = i;
            }
        }
    }

    /// <summary>The row's id cell, if it has a non-empty one.</summary>
    private string? IdOf(Row row) =>
        ColumnOf.TryGetValue("id", out var c) && c < row.Cells.Length && row.Cells[c].Trim() is { Length: > 0 } id ? id : null;

    private void Add(string path, string? id, int? line, int? column, string message) =>
        Problems.Add(new CaseProblem(path, id, message) { File = _file, Line = line, Column = column });

    /// <summary>
    /// The rows as the case format's JSON array of evidence items (ASCII, on one line): empty cells are left out,
    /// a number cell of a numeric field is a JSON number, <c>sources</c> an array.
    /// </summary>
    public string ToJsonArray(IReadOnlyList<Row> rows)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartArray();
            foreach (var row in rows)
            {
                w.WriteStartObject();
                foreach (var (name, column) in ColumnOf.OrderBy(c => c.Value))
                {
                    if (column >= row.Cells.Length || row.Cells[column] is not { Length: > 0 } raw)
                    {
                        continue;
                    }

                    var cell = name == "note" ? raw : raw.Trim();
                    if (cell.Length == 0)
                    {
                        continue;
                    }

                    if (name == "sources")
                    {
                        w.WriteStartArray(name);
                        foreach (var s in cell.Split(SourceSeparator))
                        {
                            w.WriteStringValue(s.Trim());
                        }

                        w.WriteEndArray();
                    }
                    else if (Numeric.Contains(name)
                        && double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                        && double.IsFinite(number))
                    {
                        w.WriteNumber(name, number);
                    }
                    else
                    {
                        w.WriteString(name, cell);
                    }
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        return Encoding.ASCII.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>
    /// A problem the case reader found at <c>$.evidence[i]</c> + <paramref name="rest"/>, located in the CSV: the row's
    /// line, the field's column, the column name as the path (with what follows it, as <c>sources[1]</c>; <c>row</c>
    /// for the item as a whole).
    /// </summary>
    public CaseProblem Locate(Row row, string rest, CaseProblem problem)
    {
        var field = rest.StartsWith('.') ? rest[1..] : rest;
        var cut = field.IndexOfAny(['.', '[']);
        var name = cut < 0 ? field : field[..cut];
        int? column = ColumnOf.TryGetValue(name, out var c) ? c + 1 : null;
        var message = ItemReference().Replace(problem.Message, m =>
            int.TryParse(m.Groups["index"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < Rows.Count
                ? string.Create(CultureInfo.InvariantCulture, $"the row on line {Rows[i].Line}")
                : m.Value);
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

    /// <summary>The evidence of a case as CSV text: the columns the items use, in <see cref="Columns"/> order.</summary>
    public static string Write(Case @case)
    {
        ArgumentNullException.ThrowIfNull(@case);
        var items = new List<Dictionary<string, string>>(@case.Evidence.Count);
        var used = new HashSet<string>(StringComparer.Ordinal);
        using var buffer = new MemoryStream();
        foreach (var e in @case.Evidence)
        {
            buffer.SetLength(0);
            using (var w = new Utf8JsonWriter(buffer))
            {
                CaseWriter.WriteItem(w, e);
            }

            using var doc = JsonDocument.Parse(buffer.ToArray());
            var cells = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var p in doc.RootElement.EnumerateObject())
            {
                if (Array.IndexOf(Columns, p.Name) < 0)
                {
                    throw new InvalidOperationException($"the evidence field \"{p.Name}\" has no CSV column");
                }

                cells[p.Name] = p.Value.ValueKind switch
                {
                    JsonValueKind.Array => string.Join(SourceSeparator, p.Value.EnumerateArray().Select(s => s.GetString())),
                    JsonValueKind.Number => p.Value.GetRawText(),
                    _ => p.Value.GetString() ?? string.Empty,
                };
                used.Add(p.Name);
            }

            items.Add(cells);
        }

        var columns = Columns.Where(c => used.Contains(c) || c is "id" or "kind" or "date" or "confidence" or "sources").ToList();
        var sb = new StringBuilder();
        sb.AppendJoin(',', columns).Append('\n');
        foreach (var cells in items)
        {
            for (var i = 0; i < columns.Count; i++)
            {
                if (i > 0)
                {
                    sb.Append(',');
                }

                if (cells.TryGetValue(columns[i], out var value))
                {
                    AppendCell(sb, value);
                }
            }

            sb.Append('\n');
        }

        return sb.ToString();
    }

    private static void AppendCell(StringBuilder sb, string value)
    {
        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            sb.Append(value);
            return;
        }

        sb.Append('"').Append(value.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }

    /// <summary>
    /// A field the rows need and the header has no column for gives one problem at the header, not one per row (a
    /// sheet of 10⁵ rows without a "confidence" column would otherwise report 10⁵ problems).
    /// </summary>
    public List<CaseProblem> CollapseMissingColumns(List<CaseProblem> located)
    {
        var missing = located
            .Where(p => p.Message.EndsWith("; it is missing", StringComparison.Ordinal) && !ColumnOf.ContainsKey(p.Path) && Array.IndexOf(Columns, p.Path) >= 0)
            .GroupBy(p => p.Path, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        if (missing.Count == 0)
        {
            return located;
        }

        var kept = located.Where(p => !(missing.ContainsKey(p.Path) && p.Message.EndsWith("; it is missing", StringComparison.Ordinal))).ToList();
        foreach (var (name, rows) in missing.OrderBy(m => Array.IndexOf(Columns, m.Key)))
        {
            kept.Add(new CaseProblem(name, null, string.Create(
                CultureInfo.InvariantCulture,
                $"expected a column \"{name}\": {rows} row{(rows == 1 ? " needs" : "s need")} it and the header has none (column names are the case format's field names, in lower case)"))
            { File = _file, Line = 1, Column = null });
        }

        return kept;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\bevidence\[(?<index>\d+)\]")]
    private static partial System.Text.RegularExpressions.Regex ItemReference();
}
