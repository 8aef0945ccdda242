using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using FluentAssertions;
using Influence.Cases;
using Influence.IO;
using Influence.Scoring;
using Influence.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace Influence.Tests.Properties;

/// <summary>
/// The evidence CSV reader (<see cref="CaseReader.TryReadWithEvidenceCsv"/>) on sheets made from the format's grammar:
/// each valid case of <see cref="CaseGrammarFuzzing"/>'s generator is split into its case file without the evidence
/// and its evidence as CSV (<see cref="EvidenceCsv.Write(Case, bool)"/>), which must read back to the same case and
/// scores; then 0 to 3 CSV faults, each a rule the CSV reader checks (a cell malformed for its column, a reference to
/// nothing, a required cell left empty, an id used twice, a field of another kind, a column missing, unknown,
/// repeated or in capitals, a quote out of place, a row with too many or too few cells), or a change it must accept
/// (columns in another order, CRLF line ends, a byte order mark, quotes a cell does not need, blank rows, a column of
/// the analyst's own, spaces around cells).
/// </summary>
/// <remarks>
/// A sheet with faults must give, without an exception, problems that each name their file, a line counted from 1
/// (and a column, when given, from 1) and a printable message, no problem twice, the same problems when read again,
/// and among them one for each fault at the fault's line (the header's, line 1, for a header fault) and, where the
/// fault is in a cell, at its column. A sheet with only changes to accept must give the same case as the case file it
/// came from. A short run (<see cref="Iterations"/> cases) is part of the suite; <c>INFLUENCE_FUZZ_SECONDS=N</c> runs
/// each test for N seconds (tests/README.md, "Fuzzing"). A failure prints the faults, the sheet and CsCheck's seed.
/// </remarks>
public class EvidenceCsvGrammarFuzzing(ITestOutputHelper output)
{
    private const int Iterations = 150;

    private const string CaseFile = "case.json";

    private const string CsvFile = "evidence.csv";

    /// <summary>Fault kinds not injected, each with why. Empty: every kind is injected.</summary>
    private static readonly HashSet<CsvFaultKind> Skipped = [];

    /// <summary>The fields whose cells are numbers.</summary>
    private static readonly HashSet<string> NumberFields = ["magnitude", "amount", "severity", "level", "scope", "salience", "value"];

    /// <summary>Every field an item of some kind has, besides the ones all have.</summary>
    private static readonly string[] KindSpecific = [.. CaseGrammarFuzzing.KindFields.Values.SelectMany(f => f).Distinct()];

    /// <summary>Columns every row of a kind that has them needs (so a sheet without one is missing a column).</summary>
    private static readonly string[] RequiredColumns =
        ["confidence", "sources", "from", "to", "actor", "resource", "type", "formality", "severity", "level", "issue", "salience", "response", "objective", "indicator", "value"];

    [Fact]
    public void AGeneratedSheet_ReadsBackAsItsCase_AndItsFaultsAreEachReported()
    {
        FuzzTime.SampleSeedsAndFaults(Make, Check, Describe, Iterations, output);
    }

    [Fact]
    public void TheSplit_IsValid_AndEveryCsvFaultKindIsInjectedAndReported()
    {
        // Without this the property above could pass vacuously: no valid pair (nothing read back), or a fault kind
        // never injected (its rule never checked).
        for (var seed = 0; seed < 200; seed++)
        {
            var generated = Make(seed, 0);
            var result = CaseReader.TryReadWithEvidenceCsv(generated.Json, generated.Csv, CaseFile, CsvFile);
            result.Problems.Should().BeEmpty($"the split of case {seed} is valid:\n{Describe(generated)}");
        }

        FuzzTime.EveryFaultKindIsInjectedAndSeen(
            1000,
            seed =>
            {
                var generated = Make(seed, 1);
                var result = CaseReader.TryReadWithEvidenceCsv(generated.Json, generated.Csv, CaseFile, CsvFile);
                return generated.Faults.Select(f => (f.Kind, f.Reported ? result.Problems.Any(p => Matches(p, f)) : result.Success));
            },
            Skipped);
    }

    /// <summary>The checks of one generated pair.</summary>
    private static void Check(Generated generated)
    {
        CaseReadResult Read() => CaseReader.TryReadWithEvidenceCsv(generated.Json, generated.Csv, CaseFile, CsvFile);
        var result = ReaderChecks.NeverThrows(Read);

        var reportedFaults = generated.Faults.Where(f => f.Reported).ToList();
        if (reportedFaults.Count == 0)
        {
            result.Problems.Should().BeEmpty("a sheet without faults the reader checks is valid");
            CaseWriter.ToJson(result.Case!, canonical: true).Should().Be(CaseWriter.ToJson(generated.Original, canonical: true), "the case file and its sheet are read as the case they were split from");
            CaseGrammarFuzzing.CheckCase(result.Case!);
            if (!result.Case!.Dyads.IsEmpty && result.Case.Evidence.Count > 0)
            {
                var request = new ScoringRequest { Granularity = Granularity.Year };
                ScoreWriter.ToJson(Scorer.Score(result.Case, ScoringOptions.Default, request))
                    .Should().Be(ScoreWriter.ToJson(Scorer.Score(generated.Original, ScoringOptions.Default, request)), "the pair scores as the case file did");
            }

            return;
        }

        result.Success.Should().BeFalse("a sheet with a fault the reader checks is refused");
        foreach (var problem in result.Problems)
        {
            var text = problem.ToString();
            problem.File.Should().BeOneOf([CaseFile, CsvFile], text);
            problem.Path.Should().NotBeNullOrWhiteSpace(text);
            problem.Message.Should().NotBeNullOrWhiteSpace(text);
            problem.Line.Should().NotBeNull($"a problem has a line: {text}");
            problem.Line!.Value.Should().BeGreaterThanOrEqualTo(1, text);
            (problem.Column is null or >= 1).Should().BeTrue($"a column counts from 1: {text}");
            text.Any(c => char.IsControl(c) || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069').Should().BeFalse($"a problem is printable: {text}");
        }

        result.Problems.Select(p => p.ToString()).Should().OnlyHaveUniqueItems("a problem is reported once");
        foreach (var fault in reportedFaults)
        {
            result.Problems.Should().Contain(p => Matches(p, fault), $"fault {fault} is reported; the problems were:\n{string.Join("\n", result.Problems)}");
        }

        ReaderChecks.GivesTheSameProblemsAgain(result, Read);
    }

    /// <summary>Whether <paramref name="problem"/> reports <paramref name="fault"/>: in the sheet, at its line, column and path.</summary>
    private static bool Matches(CaseProblem problem, Placed fault) =>
        problem.File == CsvFile
        && problem.Line == fault.Line
        && (fault.Column is null || problem.Column == fault.Column)
        && (fault.Paths.Length == 0 || fault.Paths.Any(p => problem.Path == p || problem.Path.StartsWith(p + "[", StringComparison.Ordinal)));

    private static string Describe(Generated generated) =>
        $"faults: {(generated.Faults.Count == 0 ? "none" : string.Join("; ", generated.Faults))}\nsheet:\n{Encoding.UTF8.GetString(generated.Csv)}\ncase file:\n{Encoding.UTF8.GetString(generated.Json)}";

    // ---------------------------------------------------------------------------------------------------------------
    // The sheet.

    /// <summary>A column of the sheet: its name as written in the header.</summary>
    private sealed class Column(string name)
    {
        public string Name { get; set; } = name;

        public override string ToString() => Name;
    }

    /// <summary>A row of the sheet: its cells by column, and what a fault did to its text.</summary>
    private sealed class Row
    {
        public Dictionary<Column, string> Cells { get; } = [];

        /// <summary>Cells written as they are, not quoted (a quote out of place).</summary>
        public Dictionary<Column, string> Raw { get; } = [];

        /// <summary>How many cells are left off its end.</summary>
        public int Dropped { get; set; }

        /// <summary>Cells written after its last.</summary>
        public List<string> Extra { get; } = [];

        /// <summary>A blank row (no cells, a line of spaces or of commas).</summary>
        public string? Blank { get; init; }

        public string Get(Column c) => Cells.GetValueOrDefault(c, string.Empty);

        public bool MultiLine => Cells.Values.Any(v => v.Contains('\n', StringComparison.Ordinal) || v.Contains('\r', StringComparison.Ordinal));
    }

    /// <summary>The sheet as cells, written out by <see cref="Render"/>.</summary>
    private sealed class Sheet
    {
        public List<Column> Header { get; } = [];

        public List<Row> Rows { get; } = [];

        public bool Crlf { get; set; }

        public bool Bom { get; set; }

        /// <summary>Every n-th cell is quoted though it need not be (0: none).</summary>
        public int NeedlessQuotes { get; set; }

        /// <summary>Spaces around every n-th cell that is not a note (0: none).</summary>
        public int Spaces { get; set; }

        /// <summary>The columns as written, by field: a column keeps its field when a fault renames or removes it.</summary>
        public Dictionary<string, Column> Fields { get; } = [];

        /// <summary>The column of a field, if the header still has it.</summary>
        public Column? Find(string name) => Fields.TryGetValue(name, out var c) && Header.Contains(c) ? c : null;

        public IEnumerable<Row> ItemRows => Rows.Where(r => r.Blank is null);
    }

    /// <summary>The sheet's text and the line each row starts on.</summary>
    private static (byte[] Bytes, Dictionary<Row, int> Lines) Render(Sheet sheet)
    {
        var end = sheet.Crlf ? "\r\n" : "\n";
        var text = new StringBuilder();
        var lines = new Dictionary<Row, int>();
        var n = 0;
        string Cell(string value, Column column, bool header)
        {
            n++;
            if (value.AsSpan().IndexOfAny(",\"\r\n") >= 0 || (sheet.NeedlessQuotes > 0 && value.Length > 0 && n % sheet.NeedlessQuotes == 0))
            {
                return "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
            }

            return !header && sheet.Spaces > 0 && n % sheet.Spaces == 0 && column.Name != "note" ? $" {value}  " : value;
        }

        text.Append(string.Join(',', sheet.Header.Select(c => Cell(c.Name, c, header: true)))).Append(end);
        var line = 2;
        foreach (var row in sheet.Rows)
        {
            lines[row] = line;
            string written;
            if (row.Blank is { } blank)
            {
                written = blank;
            }
            else
            {
                var cells = sheet.Header.Select(c => row.Raw.TryGetValue(c, out var raw) ? raw : Cell(row.Get(c), c, header: false)).ToList();
                cells.RemoveRange(cells.Count - row.Dropped, row.Dropped);
                cells.AddRange(row.Extra);
                written = string.Join(',', cells);
            }

            text.Append(written).Append(end);
            line += 1 + written.Replace("\r\n", "\n", StringComparison.Ordinal).Count(c => c is '\n' or '\r');
        }

        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        return (sheet.Bom ? [0xEF, 0xBB, 0xBF, .. bytes] : bytes, lines);
    }

    /// <summary>The header and rows of CSV text as <see cref="EvidenceCsv.Write(Case, bool)"/> writes it (quoted cells, one line end).</summary>
    private static Sheet Parse(string csv)
    {
        var records = CsvRows.Parse(csv);
        var sheet = new Sheet();
        sheet.Header.AddRange(records[0].Select(name => new Column(name)));
        foreach (var c in sheet.Header)
        {
            sheet.Fields[c.Name] = c;
        }
        foreach (var record in records.Skip(1))
        {
            var row = new Row();
            for (var c = 0; c < record.Length; c++)
            {
                if (record[c].Length > 0)
                {
                    row.Cells[sheet.Header[c]] = record[c];
                }
            }

            sheet.Rows.Add(row);
        }

        return sheet;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The faults.

    /// <summary>The kinds of fault; the reader reports every one but the changes it must accept (the last seven).</summary>
    private enum CsvFaultKind
    {
        /// <summary>A cell its column cannot hold: a date of another form or a day its month lacks, a number that is not one or is out of range, a name that is none of the field's.</summary>
        MalformedCell,

        /// <summary>A from, to, actor, source, issue, objective, indicator or unit that names nothing declared.</summary>
        UnknownReference,

        /// <summary>A cell the row's item needs, left empty.</summary>
        RequiredCellEmpty,

        /// <summary>A row with the id of an earlier row.</summary>
        DuplicateId,

        /// <summary>A cell in the column of a field the row's kind does not have.</summary>
        OtherKindsField,

        /// <summary>A quoted cell never closed, one that goes on after its closing quote, or a quote in a cell that does not start with one.</summary>
        QuoteOutOfPlace,

        /// <summary>A row with a cell more than the header has.</summary>
        TooManyCells,

        /// <summary>A row with a cell or two fewer than the header has.</summary>
        TooFewCells,

        /// <summary>A column some row needs, left out of the sheet.</summary>
        MissingColumn,

        /// <summary>A column whose name is no field (or which has no name but has content).</summary>
        UnknownColumn,

        /// <summary>A column named twice.</summary>
        RepeatedColumn,

        /// <summary>A column named in capitals ("ID", "Date"), or "source" for "sources".</summary>
        CapitalisedColumn,

        /// <summary>The columns in another order: accepted.</summary>
        ColumnsReordered,

        /// <summary>CRLF line ends: accepted.</summary>
        CrlfLineEnds,

        /// <summary>A UTF-8 byte order mark: accepted.</summary>
        ByteOrderMark,

        /// <summary>Cells quoted that need no quotes: accepted.</summary>
        NeedlessQuotes,

        /// <summary>Blank rows (empty, spaces, commas) between the rows: accepted.</summary>
        BlankRows,

        /// <summary>A column of the analyst's own (its name starts with '#'): accepted.</summary>
        OwnColumn,

        /// <summary>Spaces around cells other than notes: accepted.</summary>
        SpacesAroundCells,
    }

    /// <summary>
    /// A fault: its kind, the row it is in (null: the header), the column (null: the row or header as a whole), the
    /// paths the reader may report it at (empty: any), and whether it must be reported (false: accepted).
    /// </summary>
    private sealed record Fault(CsvFaultKind Kind, Row? Row, Column? Column, string[] Paths, bool Reported, string What)
    {
        /// <summary>For a repeated column, the other of the two: the problem is at the later.</summary>
        public Column? Twin { get; init; }
    }

    /// <summary>A fault with its line and column in the sheet as written.</summary>
    private sealed record Placed(CsvFaultKind Kind, int Line, int? Column, string[] Paths, bool Reported, string What)
    {
        public override string ToString() =>
            string.Create(CultureInfo.InvariantCulture, $"{Kind} at {Line}:{Column?.ToString(CultureInfo.InvariantCulture) ?? "-"} ({What})");
    }

    /// <summary>A pair of files, the case they were split from, and the faults put in the sheet.</summary>
    private sealed record Generated(byte[] Json, byte[] Csv, Case Original, List<Placed> Faults);

    /// <summary>What the faults injected so far have touched, so that a later one does not undo or hide an earlier one.</summary>
    private sealed class Touched
    {
        public HashSet<Row> Rows { get; } = [];

        /// <summary>Columns a row's fault is in.</summary>
        public HashSet<Column> RowColumns { get; } = [];

        /// <summary>Columns a header fault changed.</summary>
        public HashSet<Column> HeaderColumns { get; } = [];
    }

    private static Generated Make(int seed, int faults)
    {
        var random = new Random(seed);
        var model = CaseGrammarFuzzing.Generate(random);
        var original = CaseReader.Read(model.Root.ToJsonString());
        var caseFile = (JsonObject)model.Root.DeepClone();
        if (random.Next(4) > 0)
        {
            caseFile.Remove("evidence"); // else set aside, unread
        }

        var sheet = Parse(EvidenceCsv.Write(original));
        var actors = original.Actors.Select(a => a.Id).ToList();
        var touched = new Touched();
        var list = new List<Fault>();
        var kinds = Enum.GetValues<CsvFaultKind>().Where(k => !Skipped.Contains(k)).ToArray();
        for (var k = 0; k < faults; k++)
        {
            for (var attempt = 0; attempt < 50; attempt++)
            {
                if (TryInject(sheet, CaseGrammarFuzzing.Pick(random, kinds), random, touched, actors) is { } fault)
                {
                    list.Add(fault);
                    break;
                }
            }
        }

        var (csv, lines) = Render(sheet);
        var placed = list.Select(f =>
        {
            int? column = f.Column is null || !sheet.Header.Contains(f.Column) ? null : sheet.Header.IndexOf(f.Column) + 1;
            if (f.Twin is { } twin)
            {
                column = Math.Max(sheet.Header.IndexOf(f.Column!), sheet.Header.IndexOf(twin)) + 1;
            }

            return new Placed(f.Kind, f.Row is null ? 1 : lines[f.Row], column, f.Paths, f.Reported, f.What);
        }).ToList();
        var json = caseFile.ToJsonString(new JsonSerializerOptions { WriteIndented = random.Next(2) == 0, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        return new Generated(Encoding.UTF8.GetBytes(json), csv, original, placed);
    }

    /// <summary>The fault of that kind put into the sheet, or null when the sheet has no place for it.</summary>
    private static Fault? TryInject(Sheet s, CsvFaultKind kind, Random r, Touched t, List<string> actors)
    {
        var free = s.ItemRows.Where(x => !t.Rows.Contains(x)).ToList();
        var row = free.Count > 0 ? CaseGrammarFuzzing.Pick(r, free) : null;
        var kindOf = row?.Get(s.Fields["kind"]);

        // A cell of the row a row fault may change: in a column no header fault changed, non-empty if asked.
        Column? CellOf(IEnumerable<string> names, bool filled = true)
        {
            var choices = names.Select(s.Find).OfType<Column>().Where(c => !t.HeaderColumns.Contains(c) && (!filled || row!.Get(c).Length > 0)).ToList();
            return choices.Count > 0 ? CaseGrammarFuzzing.Pick(r, choices) : null;
        }

        // The paths the problem may be at: the column's field unless said (none: any, at the row's line and the cell's column).
        Fault RowFault(Column? column, string what, params string[]? paths)
        {
            t.Rows.Add(row!);
            if (column is not null)
            {
                t.RowColumns.Add(column);
            }

            return new Fault(kind, row, column, paths ?? [], true, what);
        }

        switch (kind)
        {
            case CsvFaultKind.MalformedCell when row is not null:
                {
                    if (CellOf(["date", "start", "end", "kind", "confidence", "resource", "type", "formality", "response", .. NumberFields]) is not { } c)
                    {
                        return null;
                    }

                    var year = row.Get(c).Length >= 4 ? row.Get(c)[..4] : "2001";
                    var value = c.Name switch
                    {
                        "date" or "start" or "end" => CaseGrammarFuzzing.Pick(r, new[] { $"{year}-02-30", $"{year}-13", $"{year}/03", $"03/{year}", $"{year}-3", $"{year}-00", $"{year}-04-31", "1e3", $"{year}-01-01T00:00" }),
                        "kind" => CaseGrammarFuzzing.Pick(r, new[] { "aid", "Support", "pressure" }),
                        "confidence" => CaseGrammarFuzzing.Pick(r, new[] { "certain", "Confirmed" }),
                        "resource" => "fundng",
                        "type" => kindOf == "coercion" ? "bombing" : "troops",
                        "formality" => "oral",
                        "response" => CaseGrammarFuzzing.Pick(r, new[] { "refused", "met" }),
                        _ => CaseGrammarFuzzing.Pick(r, OutOfRange(c.Name, kindOf!).Concat(["abc", "0,5", "1.2.3", "NaN", "Infinity", "-Infinity", "1e400", "0.5x", "--1"]).ToList()),
                    };
                    row.Cells[c] = value;
                    return RowFault(c, $"{c.Name} {value}", c.Name);
                }

            case CsvFaultKind.UnknownReference when row is not null:
                {
                    var fields = new List<string> { "sources", "from", "to", "actor", "issue", "objective", "indicator" };
                    if (s.Fields.TryGetValue("amount", out var amount) && row.Get(amount).Length > 0)
                    {
                        fields.Add("unit");
                    }

                    if (CellOf(fields) is not { } c)
                    {
                        return null;
                    }

                    if (c.Name == "sources")
                    {
                        var ids = row.Get(c).Split(';');
                        var k = r.Next(ids.Length);
                        ids[k] = "ghost-source";
                        row.Cells[c] = string.Join(';', ids);
                        return RowFault(c, $"sources {row.Cells[c]}", "sources");
                    }

                    row.Cells[c] = c.Name is "from" or "to" or "actor" ? "ghost-actor" : "ghost-" + c.Name;
                    return RowFault(c, $"{c.Name} {row.Cells[c]}", c.Name);
                }

            case CsvFaultKind.RequiredCellEmpty when row is not null:
                {
                    var required = new List<string> { "id", "kind", "confidence", "sources", "date", "start", "end" };
                    required.AddRange(CaseGrammarFuzzing.KindFields[kindOf!].Where(f => f is not ("scope" or "magnitude" or "amount" or "unit")));
                    required.AddRange(s.Fields.TryGetValue("amount", out var amountColumn) && row.Get(amountColumn).Length > 0 ? ["amount", "unit"] : kindOf == "support" ? ["magnitude"] : []);
                    if (CellOf(required) is not { } c)
                    {
                        return null;
                    }

                    row.Cells.Remove(c);
                    string[] paths = c.Name switch
                    {
                        "date" or "start" or "end" => ["date", "start", "end"],
                        "amount" or "unit" or "magnitude" => ["amount", "unit", "magnitude"],
                        _ => [c.Name],
                    };
                    return RowFault(c, $"{c.Name} emptied", paths);
                }

            case CsvFaultKind.DuplicateId when row is not null && s.Find("id") is { } idColumn && !t.HeaderColumns.Contains(idColumn):
                {
                    var rows = s.ItemRows.ToList();
                    var (a, b) = (rows.IndexOf(row), r.Next(rows.Count));
                    var (first, later) = (rows[Math.Min(a, b)], rows[Math.Max(a, b)]);
                    if (a == b || t.Rows.Contains(first) || t.Rows.Contains(later))
                    {
                        return null;
                    }

                    later.Cells[idColumn] = first.Get(idColumn);
                    t.Rows.Add(first);
                    row = later;
                    return RowFault(idColumn, $"the id of an earlier row, {first.Get(idColumn)}", "id");
                }

            case CsvFaultKind.OtherKindsField when row is not null:
                {
                    var own = CaseGrammarFuzzing.KindFields[kindOf!];
                    var field = CaseGrammarFuzzing.Pick(r, KindSpecific.Where(f => !own.Contains(f)).ToList());
                    if (t.HeaderColumns.Any(h => h.Name.Equals(field, StringComparison.OrdinalIgnoreCase)))
                    {
                        return null; // a column a header fault took out, renamed or repeated
                    }

                    var c = s.Find(field);
                    if (c is null)
                    {
                        c = s.Fields[field] = new Column(field);
                        s.Header.Insert(r.Next(s.Header.Count + 1), c);
                    }
                    else if (t.HeaderColumns.Contains(c))
                    {
                        return null;
                    }

                    row.Cells[c] = field switch
                    {
                        "from" or "to" or "actor" => actors[0],
                        "resource" => "arms",
                        "type" => "other",
                        "formality" => "treaty",
                        "response" => "defied",
                        "issue" or "objective" or "indicator" or "unit" => "some-" + field,
                        _ => "0.5",
                    };
                    return RowFault(c, $"{field} on a {kindOf} row", field);
                }

            case CsvFaultKind.QuoteOutOfPlace when row is not null && !row.MultiLine:
                {
                    if (CellOf(s.Header.Select(h => h.Name)) is not { } c)
                    {
                        return null;
                    }

                    var value = row.Get(c);
                    var raw = r.Next(3) switch
                    {
                        0 => "\"" + value,
                        1 => $"\"{value}\"x",
                        _ => value.Length > 1 ? $"{value[..1]}\"{value[1..]}" : value + "\"",
                    };
                    if (value.AsSpan().IndexOfAny(",\"") >= 0)
                    {
                        return null;
                    }

                    row.Raw[c] = raw;
                    return RowFault(c, $"{c.Name} written {raw}", null); // at the header's name for the column, as written
                }

            case CsvFaultKind.TooManyCells when row is not null:
                row.Extra.Add(CaseGrammarFuzzing.Pick(r, new[] { "x", "0.5", "extra cell" }));
                return RowFault(null, "a cell more", "row");

            case CsvFaultKind.TooFewCells when row is not null:
                row.Dropped = r.Next(1, 3);
                return RowFault(null, $"{row.Dropped} cells fewer", "row");

            case CsvFaultKind.MissingColumn:
                {
                    // A column a row no other fault touched needs: that row keeps needing it.
                    var choices = RequiredColumns.Select(s.Find).OfType<Column>()
                        .Where(c => !t.HeaderColumns.Contains(c) && !t.RowColumns.Contains(c) && s.ItemRows.Any(x => !t.Rows.Contains(x) && x.Get(c).Length > 0))
                        .ToList();
                    if (choices.Count == 0)
                    {
                        return null;
                    }

                    var c = CaseGrammarFuzzing.Pick(r, choices);
                    t.Rows.Add(s.ItemRows.First(x => !t.Rows.Contains(x) && x.Get(c).Length > 0));
                    t.HeaderColumns.Add(c);
                    s.Header.Remove(c);
                    return new Fault(kind, null, null, [c.Name], true, $"no {c.Name} column");
                }

            case CsvFaultKind.UnknownColumn:
                {
                    var name = CaseGrammarFuzzing.Pick(r, new[] { "colour", "checked", "region", "x", string.Empty });
                    if (name.Length == 0 && row is null)
                    {
                        return null; // a column without a name is no column unless a row has something in it
                    }

                    var c = new Column(name);
                    s.Header.Insert(r.Next(s.Header.Count + 1), c);
                    t.HeaderColumns.Add(c);
                    if (name.Length == 0)
                    {
                        row!.Cells[c] = "something";
                        t.Rows.Add(row);
                    }
                    else if (s.ItemRows.Any() && r.Next(2) == 0)
                    {
                        CaseGrammarFuzzing.Pick(r, s.ItemRows.ToList()).Cells[c] = "something";
                    }

                    return new Fault(kind, null, c, [], true, name.Length == 0 ? "a column without a name, with content" : $"a column {name}");
                }

            case CsvFaultKind.RepeatedColumn:
                {
                    var choices = s.Header.Where(c => Array.IndexOf(EvidenceCsv.Columns, c.Name) >= 0 && !t.HeaderColumns.Contains(c) && !t.RowColumns.Contains(c)).ToList();
                    if (choices.Count == 0)
                    {
                        return null;
                    }

                    var c = CaseGrammarFuzzing.Pick(r, choices);
                    var copy = new Column(c.Name);
                    s.Header.Insert(r.Next(s.Header.IndexOf(c) + 1, s.Header.Count + 1), copy);
                    foreach (var x in s.ItemRows.Where(x => x.Get(c).Length > 0))
                    {
                        x.Cells[copy] = x.Get(c);
                    }

                    t.HeaderColumns.UnionWith([c, copy]);
                    return new Fault(kind, null, copy, [], true, $"{c.Name} twice") { Twin = c };
                }

            case CsvFaultKind.CapitalisedColumn:
                {
                    var choices = s.Header.Where(c => Array.IndexOf(EvidenceCsv.Columns, c.Name) >= 0 && !t.HeaderColumns.Contains(c)).ToList();
                    if (choices.Count == 0)
                    {
                        return null;
                    }

                    var c = CaseGrammarFuzzing.Pick(r, choices);
                    var was = c.Name;
                    c.Name = c.Name == "sources" && r.Next(2) == 0 ? CaseGrammarFuzzing.Pick(r, new[] { "source", "Source" })
                        : r.Next(2) == 0 ? c.Name.ToUpperInvariant() : char.ToUpperInvariant(c.Name[0]) + c.Name[1..];
                    t.HeaderColumns.Add(c);
                    return new Fault(kind, null, c, [], true, $"{was} written {c.Name}");
                }

            case CsvFaultKind.ColumnsReordered:
                {
                    var order = s.Header.OrderBy(_ => r.Next()).ToList();
                    s.Header.Clear();
                    s.Header.AddRange(order);
                    return new Fault(kind, null, null, [], false, "columns shuffled");
                }

            case CsvFaultKind.CrlfLineEnds when !s.Crlf:
                s.Crlf = true;
                return new Fault(kind, null, null, [], false, "CRLF");

            case CsvFaultKind.ByteOrderMark when !s.Bom:
                s.Bom = true;
                return new Fault(kind, null, null, [], false, "BOM");

            case CsvFaultKind.NeedlessQuotes when s.NeedlessQuotes == 0:
                s.NeedlessQuotes = r.Next(1, 4);
                return new Fault(kind, null, null, [], false, $"every {s.NeedlessQuotes}th cell quoted");

            case CsvFaultKind.BlankRows:
                {
                    for (int k = 0, n = r.Next(1, 4); k < n; k++)
                    {
                        s.Rows.Insert(r.Next(s.Rows.Count + 1), new Row { Blank = CaseGrammarFuzzing.Pick(r, new[] { string.Empty, "   ", ",,", " , ," }) });
                    }

                    return new Fault(kind, null, null, [], false, "blank rows");
                }

            case CsvFaultKind.OwnColumn:
                {
                    var c = new Column(CaseGrammarFuzzing.Pick(r, new[] { "#checked by", "#url", "# note", "#" }));
                    s.Header.Insert(r.Next(s.Header.Count + 1), c);
                    foreach (var x in s.ItemRows.Where(_ => r.Next(2) == 0))
                    {
                        x.Cells[c] = CaseGrammarFuzzing.Pick(r, new[] { "yes", "TODO: check, again", "said \"no\"" });
                    }

                    return new Fault(kind, null, null, [], false, $"a column {c.Name}");
                }

            case CsvFaultKind.SpacesAroundCells when s.Spaces == 0:
                s.Spaces = r.Next(1, 4);
                return new Fault(kind, null, null, [], false, $"spaces around every {s.Spaces}th cell");

            default:
                return null;
        }
    }

    /// <summary>Numbers just beyond the range of a field of an item of that kind.</summary>
    private static string[] OutOfRange(string field, string kind) => (field, kind) switch
    {
        ("amount", _) => ["-1", "-5E-324"],
        ("salience", _) => ["0", "1.0000000000000002"],
        ("value", "capability") => ["0", "-3"],
        ("value", "indicator") => [],
        _ => ["1.5", "-0.1", "1.0000000000000002", "2"],
    };
}
