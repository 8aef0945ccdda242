using System.Text;
using System.Text.Json.Nodes;
using FluentAssertions;
using Influence.Cases;
using Influence.Generation;
using Influence.IO;
using Influence.Scoring;
using Xunit;

namespace Influence.Tests.IO;

/// <summary>A case whose evidence comes from a CSV file: round trips, and problems located in the CSV's rows and cells.</summary>
public sealed class EvidenceCsvTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("influence-csv-");

    public void Dispose() => _folder.Delete(recursive: true);

    /// <summary>A case file with everything but the evidence: actors P, C, X; source s1; P → C declared.</summary>
    private const string Head = """
        {
          "schema": "influence.case/1",
          "id": "csv",
          "name": "Evidence from a spreadsheet",
          "sources": [{ "id": "s1", "citation": "A source" }],
          "actors": [
            { "id": "P", "name": "Patron", "kind": "state" },
            { "id": "C", "name": "Client", "kind": "movement" },
            { "id": "X", "name": "Third party", "kind": "state" }
          ],
          "dyads": [{ "patron": "P", "client": "C" }]
        }
        """;

    private static string Hash(Case c) => Reproducibility.InputHash(c, ScoringOptions.Default);

    private static CaseReadResult Read(string json, string csv) =>
        CaseReader.TryReadWithEvidenceCsv(Encoding.UTF8.GetBytes(json), Encoding.UTF8.GetBytes(csv), "case.json", "evidence.csv");

    private static string WithoutEvidence(Case c)
    {
        var node = JsonNode.Parse(CaseWriter.ToJson(c))!.AsObject();
        node.Remove("evidence");
        return node.ToJsonString();
    }

    [Fact]
    public void The_reference_case_round_trips_through_CSV_with_the_same_input_hash()
    {
        var original = CaseReader.LoadBuiltIn();
        var csv = CaseWriter.ToEvidenceCsv(original);

        var fromFull = Read(CaseWriter.ToJson(original), csv);
        var fromHead = Read(WithoutEvidence(original), csv);

        fromFull.Problems.Should().BeEmpty();
        fromHead.Problems.Should().BeEmpty();
        Hash(fromFull.Case!).Should().Be(Hash(original));
        Hash(fromHead.Case!).Should().Be(Hash(original));
        fromHead.Case!.Evidence.Count.Should().Be(original.Evidence.Count);
    }

    [Fact]
    public void A_generated_universe_round_trips_through_CSV_files_with_the_same_input_hash()
    {
        var original = UniverseGenerator.Generate(new UniverseOptions { Actors = 20, Periods = 24, Evidence = 3000, Seed = 5 });
        var json = Path.Combine(_folder.FullName, "case.json");
        var csv = Path.Combine(_folder.FullName, "evidence.csv");
        File.WriteAllText(json, WithoutEvidence(original));
        using (var stream = File.Create(csv))
        {
            CaseWriter.WriteEvidenceCsv(original, stream);
        }

        File.ReadAllBytes(csv).Take(3).Should().Equal(0xEF, 0xBB, 0xBF);
        var read = CaseReader.ReadFileWithEvidenceCsv(json, csv);

        Hash(read).Should().Be(Hash(original));
        CaseWriter.ToEvidenceCsv(read).Should().Be(CaseWriter.ToEvidenceCsv(original));
    }

    [Fact]
    public void Quoted_cells_CRLF_a_byte_order_mark_and_empty_cells_are_read_as_the_case_format_says()
    {
        var csv = "\uFEFFid,kind,date,start,end,confidence,sources,from,to,resource,magnitude,amount,note\r\n"
            + "e1,support,,2001,2003-06,reported,s1; s1b,P,C,arms,0.25,,\"Said \"\"so\"\", twice,\r\nover two lines\"\r\n"
            + ",,,,,,,,,,,,\r\n"
            + "e2,support,2005-03-02,,,confirmed,s1,X,C,funding,1e-1,,\r\n";
        var json = Head.Replace("\"sources\": [{ \"id\": \"s1\", \"citation\": \"A source\" }]", "\"sources\": [{ \"id\": \"s1\", \"citation\": \"A\" }, { \"id\": \"s1b\", \"citation\": \"B\" }]", StringComparison.Ordinal);

        var result = Read(json, csv);

        result.Problems.Should().BeEmpty();
        var items = result.Case!.Evidence.ToList();
        items.Should().HaveCount(2);
        items[0].Note.Should().Be("Said \"so\", twice,\r\nover two lines");
        items[0].Sources.Should().Equal("s1", "s1b");
        items[0].Date.IsSpan.Should().BeTrue();
        ((Influence.Evidence.SupportEvidence)items[1]).Magnitude.Should().Be(0.1);
    }

    [Fact]
    public void Every_problem_in_the_CSV_is_reported_at_once_with_its_line_column_and_item()
    {
        const string Csv = """
            id,kind,date,confidence,sources,from,to,resource,magnitude,note,magnitud
            e1,support,2005,confirmed,s1,P,C,funding,0.5,"a note
            over two lines",
            e2,support,2005,confirmed,s1,P,C,funding,high,,
            e3,support,2005,confirmed,s1,P,Z,funding,0.5,,
            e4,support,2005-13,confirmed,s1,P,C,funding,0.5,,
            ,support,2005,confirmed,s1,P,C,funding,0.5,,
            """;

        var result = Read(Head, Csv);

        result.Success.Should().BeFalse();
        var shown = result.Problems.Select(p => p.ToString()).ToList();
        shown.Should().HaveCount(5, string.Join("\n", shown));
        shown[0].Should().StartWith("evidence.csv:1:11: magnitud: expected a column named after an evidence field").And.EndWith("did you mean \"magnitude\"?");
        shown[1].Should().Be("evidence.csv:4:9: magnitude (item 'e2'): expected a number in [0, 1]; was \"high\"");
        shown[2].Should().StartWith("evidence.csv:5:7: to (item 'e3'): ");
        shown[3].Should().StartWith("evidence.csv:6:3: date (item 'e4'): ");
        shown[4].Should().StartWith("evidence.csv:7:1: id: ");
        result.Problems.Should().OnlyContain(p => p.File == "evidence.csv");
    }

    [Fact]
    public void Problems_in_both_files_are_reported_together_the_JSON_ones_at_their_JSON_locations()
    {
        var json = Head.Replace("\"kind\": \"movement\"", "\"kind\": \"movment\"", StringComparison.Ordinal);
        const string Csv = "id,kind,date,confidence,sources,from,to,resource,magnitude,id\ne1,support,2005,confirmed,s1,P,C,funding,2,e1\n";

        var result = Read(json, Csv);

        var shown = result.Problems.Select(p => p.ToString()).ToList();
        shown.Should().HaveCount(3, string.Join("\n", shown));
        shown[0].Should().StartWith("case.json:8:").And.Contain("$.actors[1].kind (item 'C')");
        shown[1].Should().StartWith("evidence.csv:1:10: id: expected each column once; \"id\" is also column 1");
        shown[2].Should().Be("evidence.csv:2:9: magnitude (item 'e1'): expected a number in [0, 1]; was 2");
    }

    [Fact]
    public void JSON_problems_after_the_replaced_evidence_keep_their_lines_and_columns()
    {
        var json = Head.TrimEnd().TrimEnd('}') + ",\n  \"evidence\": [\n    { \"id\": \"old\" }\n  ],\n  \"granularity\": \"weekly\"\n}";
        var alone = CaseReader.TryRead(Encoding.UTF8.GetBytes(json), "case.json").Problems.Single(p => p.Path == "$.granularity");

        var result = Read(json, "id,kind,date,confidence,sources,from,to,resource,magnitude\ne1,support,2005,confirmed,s1,P,C,funding,0.5\n");

        result.Problems.Should().ContainSingle().Which.Should().Be(alone);
    }

    [Fact]
    public void A_file_that_is_not_UTF8_is_refused_at_the_line_of_the_first_bad_byte()
    {
        var csv = Encoding.UTF8.GetBytes("id,kind,date,confidence,sources,from,to,resource,magnitude,note\ne1,support,2005,confirmed,s1,P,C,funding,0.5,Caf")
            .Concat(new byte[] { 0xE9, (byte)'\n' }).ToArray();

        var result = CaseReader.TryReadWithEvidenceCsv(Encoding.UTF8.GetBytes(Head), csv, "case.json", "evidence.csv");

        result.Problems.Should().ContainSingle().Which.ToString().Should().StartWith("evidence.csv:2: row: expected UTF-8 text; byte 0xE9");
    }

    [Fact]
    public void A_file_saved_as_UTF16_is_refused_naming_UTF16()
    {
        var csv = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("id,kind,date\ne1,support,2005\n")).ToArray();

        var result = CaseReader.TryReadWithEvidenceCsv(Encoding.UTF8.GetBytes(Head), csv, "case.json", "evidence.csv");

        result.Problems.Should().ContainSingle().Which.ToString().Should().Be(
            "evidence.csv:1:1: header: expected UTF-8 text; the file starts with a UTF-16 byte-order mark (saved as \"Unicode text\" or UTF-16): save the spreadsheet as \"CSV UTF-8\"");
    }

    [Theory]
    [InlineData("", "the file is empty")]
    [InlineData("\uFEFF", "the file is empty")]
    [InlineData("\n", "the first line is empty")]
    [InlineData("\nid,kind\n", "the first line is empty")]
    public void An_empty_file_is_called_empty_and_a_blank_first_line_blank(string csv, string said)
    {
        var result = CaseReader.TryReadWithEvidenceCsv(Encoding.UTF8.GetBytes(Head), Encoding.UTF8.GetBytes(csv), "case.json", "evidence.csv");

        result.Problems.Should().ContainSingle().Which.Message.Should().EndWith("; " + said);
    }

    [Fact]
    public void A_row_with_fewer_cells_than_the_header_is_one_problem_at_its_last_cell_with_no_problems_for_the_cells_it_lacks()
    {
        // e2 ends before its magnitude and note: one problem, at its last cell (8), naming what it lacks; its missing
        // magnitude is not also "neither is given", nor its note an empty value.
        const string Csv = "id,kind,date,confidence,sources,from,to,resource,magnitude,note\ne1,support,2005,confirmed,s1,P,C,funding,0.5,\ne2,support,2005,confirmed,s1,P,C,funding\n";

        var result = Read(Head, Csv);

        var p = result.Problems.Should().ContainSingle().Which;
        p.ToString().Should().Be("evidence.csv:3:8: row (item 'e2'): expected 10 cells, as the header has; the row has 8: it ends before column 9, so it has no cell for \"magnitude\", \"note\"; every row needs a cell for each column, an empty one too (a comma for each)");
        p.Message.Should().NotContain("double quotes", "a quoted comma explains too many cells, not too few");
    }

    [Fact]
    public void A_misspelt_column_name_is_one_problem_not_also_each_rows_missing_field()
    {
        // "magnitde" means magnitude: said once, at the header; the rows' magnitudes are in that column, not missing,
        // although an "amount" column (empty here) could have stood in for them.
        const string Csv = "id,kind,date,confidence,sources,from,to,resource,magnitde,amount,unit\ne1,support,2005,confirmed,s1,P,C,funding,0.5,,\ne2,support,2006,confirmed,s1,P,C,arms,0.4,,\n";

        var result = Read(Head, Csv);

        var p = result.Problems.Should().ContainSingle().Which;
        (p.Line, p.Column, p.Path).Should().Be((1, 9, "magnitde"));
        p.Message.Should().EndWith("did you mean \"magnitude\"?");
    }

    [Fact]
    public void A_row_with_more_cells_than_the_header_is_a_problem()
    {
        var result = Read(Head, "id,kind,date,confidence,sources,from,to,resource,magnitude\ne1,support,2005,confirmed,s1,P,C,funding,0,5\n");

        result.Problems.Should().ContainSingle().Which.ToString().Should().StartWith("evidence.csv:2:10: row (item 'e1'): expected 9 cells, as the header has; the row has 10");
    }

    [Fact]
    public void Reading_files_that_have_problems_throws_with_every_problem()
    {
        var json = Path.Combine(_folder.FullName, "case.json");
        var csv = Path.Combine(_folder.FullName, "evidence.csv");
        File.WriteAllText(json, Head);
        File.WriteAllText(csv, "id,kind,date,confidence,sources,from,to,resource,magnitude\ne1,support,2005,confirmed,s1,P,C,funding,high\ne2,support,2005,confirmed,s9,P,C,funding,0.5\n");

        var act = () => CaseReader.ReadFileWithEvidenceCsv(json, csv);

        act.Should().Throw<CaseFormatException>().Which.Problems.Should().HaveCount(2).And.OnlyContain(p => p.File == csv);
    }

    [Fact]
    public void A_quote_that_is_never_closed_is_a_problem_not_a_note_that_swallows_the_rows_after_it()
    {
        var result = Read(Head, "id,kind,date,confidence,sources,from,to,resource,magnitude,note\ne1,support,2005,confirmed,s1,P,C,funding,0.5,\"open\ne2,support,2005,confirmed,s1,P,C,funding,0.5,\n");

        result.Success.Should().BeFalse();
        result.Problems.Should().ContainSingle().Which.ToString().Should().StartWith("evidence.csv:2:10: note (item 'e1'): expected a quoted cell to end with its closing quote");
    }

    [Fact]
    public void A_file_separated_by_semicolons_is_refused_with_a_hint()
    {
        var result = Read(Head, "id;kind;date\ne1;support;2005\n");

        result.Problems.Should().ContainSingle().Which.Message.Should().Contain("separated by ';'");
    }

    [Fact]
    public void An_empty_cell_that_is_needed_is_said_in_the_cells_terms_not_the_json_readers()
    {
        var result = Read(Head, "id,kind,date,confidence,sources,from,to,resource,magnitude\ne1,support,2005,,,P,C,funding,0.5\n");

        result.Problems.Select(p => p.ToString()).Should().Equal(
            "evidence.csv:2:4: confidence (item 'e1'): expected a value in the \"confidence\" cell; it is empty",
            "evidence.csv:2:5: sources (item 'e1'): expected one or more source ids in the \"sources\" cell, separated by ';'; it is empty");
    }

    [Fact]
    public void A_title_row_above_the_header_is_one_problem_naming_the_line_that_is_the_header()
    {
        var result = Read(Head, "Evidence sheet v2,,,,,,,,\nid,kind,date,confidence,sources,from,to,resource,magnitude\ne1,support,2005,confirmed,s1,P,C,funding,0.5\n");

        result.Problems.Should().ContainSingle().Which.ToString().Should()
            .Be("evidence.csv:1: header: expected the header row (id, kind, date, …) on the first line; line 1 has no id column, and line 2 names the columns: delete the line above it (a title)");
    }

    [Fact]
    public void Two_title_rows_above_the_header_are_one_problem_too()
    {
        var result = Read(Head, "Evidence sheet v2,,,,,,,,\nCoded by A. Coder,,,,,,,,\nid,kind,date,confidence,sources,from,to,resource,magnitude\ne1,support,2005,confirmed,s1,P,C,funding,0.5\n");

        result.Problems.Should().ContainSingle().Which.Message.Should().Contain("line 3 names the columns: delete the lines above it");
    }

    [Fact]
    public void A_json_file_given_as_the_sheet_is_one_problem_saying_so()
    {
        var result = Read(Head, "{\n  \"schema\": \"influence.case/1\",\n  \"evidence\": []\n}\n");

        result.Problems.Should().ContainSingle().Which.Message.Should().Contain("this file is JSON").And.Contain("--evidence");
    }

    [Fact]
    public void A_sheet_given_as_the_case_file_is_said_to_be_one()
    {
        var result = CaseReader.TryRead(System.Text.Encoding.UTF8.GetBytes("id,kind,date,confidence,sources,from,to,resource,magnitude\ne1,support,2005,confirmed,s1,P,C,funding,0.5\n"), "evidence.csv");

        result.Problems.Should().ContainSingle().Which.Message.Should().Contain("expected well-formed JSON").And.Contain("this file looks like an evidence sheet (CSV), not a case file");
    }

    [Fact]
    public void A_file_separated_by_semicolons_with_quoted_cells_is_one_problem_not_the_rows_read_at_commas()
    {
        var result = Read(Head, "id;kind;date;confidence;sources;from;to;resource;magnitude;note\ne1;support;2005;confirmed;s1;P;C;funding;0,5;\"a note; with, commas\"\n");

        result.Problems.Should().ContainSingle().Which.Message.Should().Contain("separated by ';'").And.Contain("Data › From Text/CSV");
    }

    [Fact]
    public void A_malformed_case_file_and_a_bad_header_are_reported_together()
    {
        var result = Read("{ \"schema\": ", "id,kind,dats\n");

        result.Problems.Select(p => p.File).Should().Equal("case.json", "evidence.csv", "evidence.csv");
        result.Problems[1].Message.Should().Contain("did you mean \"date\"?");
        result.Problems[2].Message.Should().StartWith("rows not checked", "the user is told the rows' own problems are still to come");
    }
}

/// <summary>Problems a spreadsheet makes that must not pass silently (from a review of the CSV reader).</summary>
public sealed class EvidenceCsvSpreadsheetSlipTests
{
    private const string Head = """
        {
          "schema": "influence.case/1", "id": "csv", "name": "Slips",
          "sources": [{ "id": "s1", "citation": "A source" }],
          "actors": [{ "id": "P", "name": "Patron", "kind": "state" }, { "id": "C", "name": "Client", "kind": "movement" }],
          "dyads": [{ "patron": "P", "client": "C" }]
        }
        """;

    private const string Header = "id,kind,date,confidence,sources,from,to,resource,magnitude,note";

    private static CaseReadResult Read(params string[] rows) =>
        CaseReader.TryReadWithEvidenceCsv(Encoding.UTF8.GetBytes(Head), Encoding.UTF8.GetBytes(string.Join("\n", rows) + "\n"), "case.json", "evidence.csv");

    [Fact]
    public void A_quote_inside_an_unquoted_cell_is_a_located_problem_not_rows_swallowed_into_a_note()
    {
        // Without the check the CSV reader opens a quoted section at the stray quote and the next rows become part of
        // h1's note: one valid item instead of three.
        var result = Read(
            Header,
            "h1,support,2001,confirmed,s1,P,C,arms,0.5,a 5\" gun",
            "h2,support,2002,confirmed,s1,P,C,arms,0.5,plain",
            "h3,support,2003,confirmed,s1,P,C,arms,0.5,plain");

        result.Case.Should().BeNull();
        var problem = result.Problems.Should().ContainSingle(p => p.Message.Contains("does not start with a quote but holds one", StringComparison.Ordinal)).Subject;
        (problem.File, problem.Line, problem.Column).Should().Be(("evidence.csv", 2, 10));
    }

    [Fact]
    public void A_duplicate_id_names_the_row_of_the_first_not_a_position_in_a_hidden_array()
    {
        var result = Read(
            Header,
            "h1,support,2001,confirmed,s1,P,C,arms,0.5,",
            "h1,support,2002,confirmed,s1,P,C,arms,0.5,");

        var problem = result.Problems.Should().ContainSingle().Subject;
        problem.Line.Should().Be(3);
        problem.Message.Should().Contain("the row on line 2").And.NotContain("evidence[");
    }

    [Fact]
    public void A_missing_column_is_one_problem_at_the_header_not_one_per_row()
    {
        var rows = new List<string> { "id,kind,date,sources,from,to,resource,magnitude" };
        rows.AddRange(Enumerable.Range(0, 50).Select(i => $"e{i},support,2001,s1,P,C,arms,0.5"));

        var result = Read([.. rows]);

        var problem = result.Problems.Should().ContainSingle().Subject;
        (problem.Path, problem.Line).Should().Be(("confidence", 1));
        problem.Message.Should().Be("expected a column \"confidence\": 50 rows need it and the header has none (column names are the case format's field names, in lower case)");
    }

    [Fact]
    public void Trailing_columns_without_a_name_or_content_are_no_columns_but_one_with_content_needs_a_name()
    {
        // Spreadsheets write trailing empty columns: in the header and in some rows, or all.
        var fine = Read(
            Header + ",,",
            "h1,support,2001,confirmed,s1,P,C,arms,0.5,,,",
            "h2,support,2002,confirmed,s1,P,C,arms,0.5,");
        var named = Read(
            Header + ",,",
            "h1,support,2001,confirmed,s1,P,C,arms,0.5,,,checked by AB",
            "h2,support,2002,confirmed,s1,P,C,arms,0.5,,,");

        fine.Problems.Should().BeEmpty();
        fine.Case!.Evidence.Count.Should().Be(2);
        var problem = named.Problems.Should().ContainSingle().Subject;
        (problem.Line, problem.Column).Should().Be((1, 12));
        problem.Message.Should().Be("expected a column name in the header (an evidence field, or a name starting with # for a column of your own that is not read); the cell is empty");
    }

    [Fact]
    public void A_row_whose_kind_is_wrong_still_has_its_sources_actors_names_and_numbers_checked()
    {
        var result = Read(
            Header,
            "a1,Support,2021,reported,s2,P,Q,armz,1.5,");

        result.Problems.Select(p => (p.Line, p.Column, p.Path)).Should().Equal(
            (2, 2, "kind"), (2, 5, "sources[0]"), (2, 7, "to"), (2, 8, "resource"), (2, 9, "magnitude"));
        result.Problems[0].Message.Should().Contain("did you mean \"support\"");
    }

    [Fact]
    public void Without_a_kind_column_every_row_still_has_its_sources_actors_names_and_numbers_checked()
    {
        var result = Read(
            "id,date,confidence,sources,from,to,resource,magnitude",
            "a1,2021,reported,s1,P,C,arms,50%",
            "a2,2021,Reported,s2,P,Q,arms,0.5");

        result.Problems.Select(p => (p.Line, p.Column, p.Path)).Should().Equal(
            (1, (int?)null, "kind"), (2, 8, "magnitude"), (3, 3, "confidence"), (3, 4, "sources[0]"), (3, 6, "to"));
    }

    [Fact]
    public void A_sources_cell_slip_is_said_in_the_cells_terms()
    {
        var result = Read(
            Header,
            "h1,support,2001,confirmed,s1;,P,C,arms,0.5,",
            "h2,support,2001,confirmed,\"s1, s2\",P,C,arms,0.5,");

        result.Problems.Select(p => (p.Line, p.Path, p.Message)).Should().Equal(
            (2, "sources[1]", "expected a source id between each ';' of the sources cell; one is empty (a ';' at the start or end of the cell, or two together)"),
            (3, "sources[0]", "expected an identifier of ASCII letters (A–Z, a–z), digits and - _ . : / # @; was \"s1, s2\"; separate source ids with ';' (s1;s2)"));
    }

    [Fact]
    public void A_sources_cell_numbers_its_ids_by_their_place_in_the_cell_and_reports_its_empty_ids_once()
    {
        // Before: also-nope was numbered by its place among the non-empty ids (sources[1], where the first empty id
        // was reported too), each empty id was a problem of its own, and ";" alone gave three problems.
        var result = Read(
            Header,
            "h1,support,2001,confirmed,nope;;also-nope;,P,C,arms,0.5,",
            "h2,support,2001,confirmed,;,P,C,arms,0.5,",
            "h3,support,2001,confirmed,s1;;,P,C,arms,0.5,");

        result.Problems.Select(p => (p.Line, p.Path)).Should().Equal(
            (2, "sources"), (2, "sources[0]"), (2, "sources[2]"), (3, "sources"), (4, "sources"));
        result.Problems[0].Message.Should().Be("expected a source id between each ';' of the sources cell; 2 are empty (a ';' at the start or end of the cell, or two together)");
        result.Problems[2].Message.Should().Contain("\"also-nope\"");
        result.Problems[3].Message.Should().Be("expected one or more source ids in the \"sources\" cell, separated by ';'; it holds only ';'");
        result.Problems[4].Message.Should().Be(result.Problems[0].Message);
    }

    [Fact]
    public void A_sources_cells_empty_ids_are_one_problem_located_at_the_cell_with_the_rows_item_id()
    {
        var result = Read(
            Header,
            "h1,support,2001,confirmed,s1;,P,C,arms,0.5,",
            "h2,support,2001,confirmed, ; s1 ;; ,P,C,arms,0.5,",
            "h3,support,2001,confirmed,;;,P,C,arms,0.5,");

        result.Problems.Select(p => (p.File, p.Line, p.Column, p.Path, p.ItemId)).Should().Equal(
            ("evidence.csv", 2, 5, "sources[1]", "h1"),
            ("evidence.csv", 3, 5, "sources", "h2"),
            ("evidence.csv", 4, 5, "sources", "h3"));
        result.Problems.Select(p => p.Message).Should().Equal(
            "expected a source id between each ';' of the sources cell; one is empty (a ';' at the start or end of the cell, or two together)",
            "expected a source id between each ';' of the sources cell; 3 are empty (a ';' at the start or end of the cell, or two together)",
            "expected one or more source ids in the \"sources\" cell, separated by ';'; it holds only ';'");
    }

    [Fact]
    public void A_sources_cells_empty_ids_are_the_sheets_own_problem_reported_when_the_case_file_is_malformed()
    {
        // The split of the cell finds them, as it finds a cell count that is off: they need no case to be seen.
        var result = CaseReader.TryReadWithEvidenceCsv("{ \"schema\": "u8, Encoding.UTF8.GetBytes(Header + "\nh1,support,2001,confirmed,s1;;s2,P,C,arms,0.5,\n"), "case.json", "evidence.csv");

        result.Problems.Select(p => (p.File, p.Line, p.Column, p.Path)).Should().Equal(
            ("case.json", 1, 13, "$.schema"),
            ("evidence.csv", 2, 5, "sources[1]"),
            ("evidence.csv", null, null, "rows"));
    }

    [Fact]
    public void A_sources_cells_empty_id_after_a_malformed_cell_is_not_reported()
    {
        // The malformed cell takes the rest of its line: what follows it is not the row's, and not reported.
        var result = Read(
            "id,kind,date,note,confidence,sources,from,to,resource,magnitude",
            "h1,support,2001,a \"quoted\" word,confirmed,s1;,P,C,arms,0.5");

        result.Problems.Should().ContainSingle().Which.Path.Should().Be("note");
    }

    [Fact]
    public void A_JSON_sources_array_numbers_an_unknown_id_by_its_place_with_an_empty_id_before_it()
    {
        var result = CaseReader.TryRead(System.Text.Encoding.UTF8.GetBytes("""
            { "schema": "influence.case/1", "id": "x", "name": "X", "sources": [{ "id": "s1", "citation": "S" }],
              "actors": [{ "id": "P", "name": "P", "kind": "state" }, { "id": "C", "name": "C", "kind": "state" }],
              "evidence": [ { "id": "e1", "kind": "support", "date": "2001", "confidence": "confirmed", "sources": ["nope", "", "also-nope"], "from": "P", "to": "C", "resource": "arms", "magnitude": 0.5 } ] }
            """));

        result.Problems.Select(p => p.Path).Should().Equal("$.evidence[0].sources[0]", "$.evidence[0].sources[1]", "$.evidence[0].sources[2]");
        result.Problems[2].Message.Should().Contain("\"also-nope\"");
    }

    [Fact]
    public void Rows_of_spaces_are_blank_rows_and_skipped()
    {
        var result = Read(
            Header,
            "h1,support,2001,confirmed,s1,P,C,arms,0.5,",
            " , , ,,,,,,,",
            "   ",
            "h2,support,2002,confirmed,s1,P,C,arms,0.5,");

        result.Problems.Should().BeEmpty();
        result.Case!.Evidence.Count.Should().Be(2);
    }
}

/// <summary>Dates and numbers as spreadsheets and some locales write them get a hint besides what was expected.</summary>
public sealed class SpreadsheetValueHintTests
{
    private const string Head = """
        {
          "schema": "influence.case/1", "id": "csv", "name": "Hints",
          "sources": [{ "id": "s1", "citation": "A source" }],
          "actors": [{ "id": "P", "name": "Patron", "kind": "state" }, { "id": "C", "name": "Client", "kind": "movement" }]
        }
        """;

    [Theory]
    [InlineData("7/14/2021", "0.5", "date", "a spreadsheet may have reformatted it (keep date columns as Text)")]
    [InlineData("2021-07-14T00:00:00", "0.5", "date", "a spreadsheet may have reformatted it (keep date columns as Text)")]
    [InlineData("Mar-20", "0.5", "date", "a spreadsheet may have reformatted it (keep date columns as Text)")]
    [InlineData("44391", "0.5", "date", "a spreadsheet may have reformatted it (keep date columns as Text)")]
    [InlineData("03/2021", "0.5", "date", "a spreadsheet may have reformatted it (keep date columns as Text)")]
    [InlineData("2021/03", "0.5", "date", "a spreadsheet may have reformatted it (keep date columns as Text)")]
    [InlineData("March 2021", "0.5", "date", "a spreadsheet may have reformatted it (keep date columns as Text)")]
    [InlineData("2019-13", "0.5", "date", "there is no month 13")]
    [InlineData("2001", "0,5", "magnitude", "numbers take a decimal point and no thousands separator (0.5, 1000)")]
    [InlineData("2001", "50%", "magnitude", "write a share as a number (50% is 0.5)")]
    [InlineData("2001", "\u22120.5", "magnitude", "write the minus sign as '-'")]
    public void A_cell_in_a_spreadsheets_form_says_what_to_write(string date, string magnitude, string column, string hint)
    {
        var csv = $"id,kind,date,confidence,sources,from,to,resource,magnitude\ne1,support,{date},confirmed,s1,P,C,arms,\"{magnitude}\"\n";

        var result = CaseReader.TryReadWithEvidenceCsv(Encoding.UTF8.GetBytes(Head), Encoding.UTF8.GetBytes(csv), "case.json", "evidence.csv");

        var problem = result.Problems.Should().ContainSingle().Subject;
        (problem.Path, problem.Line).Should().Be((column, 2));
        problem.Message.Should().EndWith("; " + hint);
    }
}

/// <summary>Columns of the analyst's own: a header name starting with # marks a column the reader ignores.</summary>
public sealed class EvidenceCsvIgnoredColumnTests
{
    private const string Head = """
        {
          "schema": "influence.case/1", "id": "csv", "name": "Own columns",
          "sources": [{ "id": "s1", "citation": "A source" }],
          "actors": [{ "id": "P", "name": "Patron", "kind": "state" }, { "id": "C", "name": "Client", "kind": "movement" }]
        }
        """;

    private static CaseReadResult Read(params string[] rows) =>
        CaseReader.TryReadWithEvidenceCsv(Encoding.UTF8.GetBytes(Head), Encoding.UTF8.GetBytes(string.Join("\n", rows) + "\n"), "case.json", "evidence.csv");

    private static string Hash(Case c) => Reproducibility.InputHash(c, ScoringOptions.Default);

    [Fact]
    public void A_column_whose_name_starts_with_a_hash_is_not_read_whatever_it_holds()
    {
        var plain = Read(
            "id,kind,date,confidence,sources,from,to,resource,magnitude",
            "h1,support,2001,confirmed,s1,P,C,arms,0.5",
            "h2,support,2002,confirmed,s1,P,C,arms,0.25");
        var own = Read(
            "id,kind,date,confidence,sources,from,to,resource,magnitude,#checked by,#url",
            "h1,support,2001,confirmed,s1,P,C,arms,0.5,AB on 3 May,\"https://example.org/a?x=1,2\"",
            "h2,support,2002,confirmed,s1,P,C,arms,0.25,\"said \"\"no\"\"\",");

        plain.Problems.Should().BeEmpty();
        own.Problems.Should().BeEmpty();
        Hash(own.Case!).Should().Be(Hash(plain.Case!));
    }

    [Fact]
    public void Own_columns_between_known_ones_leave_their_cells_and_the_column_numbers_of_problems_as_they_are()
    {
        var result = Read(
            "id,# who,kind,date,confidence,sources,#note,from,to,resource,magnitude,note",
            "h1,AB,support,2001,confirmed,s1,not read,P,C,arms,0.5,read",
            "h2,,support,2002,confirmed,s1,,P,C,arms,high,");
        var fine = Read(
            "id,# who,kind,date,confidence,sources,#note,from,to,resource,magnitude,note",
            "h1,AB,support,2001,confirmed,s1,not read,P,C,arms,0.5,read");

        var problem = result.Problems.Should().ContainSingle().Subject;
        (problem.Line, problem.Column, problem.Path, problem.ItemId).Should().Be((3, 11, "magnitude", "h2"));
        fine.Case!.Evidence.Single().Note.Should().Be("read", "\"#note\" is the analyst's column; \"note\" is the field");
    }

    [Fact]
    public void A_row_with_content_only_in_own_columns_is_skipped_like_a_blank_row()
    {
        var result = Read(
            "id,kind,date,confidence,sources,from,to,resource,magnitude,#comment, # who",
            "h1,support,2001,confirmed,s1,P,C,arms,0.5,,",
            ",,,,,,,,,TODO: add 2022 items,AB",
            " , ,,,,,,,,,still to check",
            "h2,support,2002,confirmed,s1,P,C,arms,0.25,,");

        result.Problems.Should().BeEmpty();
        result.Case!.Evidence.Count.Should().Be(2);
    }

    [Fact]
    public void An_own_column_may_be_named_twice()
    {
        var result = Read(
            "id,kind,date,confidence,sources,from,to,resource,magnitude,#,#,#check,#check",
            "h1,support,2001,confirmed,s1,P,C,arms,0.5,a,b,c,d");

        result.Problems.Should().BeEmpty();
        result.Case!.Evidence.Count.Should().Be(1);
    }

    [Fact]
    public void An_unknown_name_without_a_hash_is_still_a_problem_that_tells_how_to_keep_the_column()
    {
        var result = Read(
            "id,kind,date,confidence,sources,from,to,resource,magnitude,checked by",
            "h1,support,2001,confirmed,s1,P,C,arms,0.5,AB");

        var problem = result.Problems.Should().ContainSingle().Subject;
        (problem.Line, problem.Column, problem.Path).Should().Be((1, 10, "checked by"));
        problem.Message.Should().Be(
            "expected a column named after an evidence field (id, kind, date, start, end, confidence, sources, from, to, actor, resource, type, formality, magnitude, amount, unit, severity, level, scope, issue, salience, response, objective, indicator, value, note), "
            + "or a name starting with # for a column of your own that is not read (\"#checked by\"); \"checked by\" is neither");
    }
}
