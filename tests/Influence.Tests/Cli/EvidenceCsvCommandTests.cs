using System.Text;
using System.Text.Json.Nodes;
using FluentAssertions;
using Influence.Cli;
using Influence.Cli.Commands;
using Influence.IO;
using Influence.Scoring;
using Influence.Tests.Support;
using Xunit;

namespace Influence.Tests.Cli;

/// <summary><c>--evidence FILE.csv</c> on every command that takes a case, and <c>influence export-evidence</c>.</summary>
public sealed class EvidenceCsvCommandTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    /// <summary>The reference case's evidence exported by the command, and the case file without its evidence.</summary>
    private (string Json, string Csv) Exported()
    {
        var csv = _cli.PathOf("evidence.csv");
        var (code, output, err) = CliRunner.Run("export-evidence", "--out", csv);
        code.Should().Be(0, err);
        output.Should().BeEmpty();
        err.Should().Contain("wrote ");
        var node = JsonNode.Parse(CaseWriter.ToJson(CaseReader.LoadBuiltIn()))!.AsObject();
        node.Remove("evidence");
        var json = _cli.PathOf("head.json");
        File.WriteAllText(json, node.ToJsonString());
        return (json, csv);
    }

    [Fact]
    public void Export_warns_of_cells_a_spreadsheet_would_read_as_formulas_and_keeps_them_as_they_are()
    {
        var path = _cli.PathOf("formula.json");
        File.WriteAllText(path, """
            {"schema":"influence.case/1","id":"f","name":"F","sources":[{"id":"s1","citation":"S"}],
             "actors":[{"id":"P","name":"P","kind":"state"},{"id":"C","name":"C","kind":"movement"}],
             "evidence":[
               {"id":"e1","kind":"support","date":"2001","confidence":"confirmed","sources":["s1"],"from":"P","to":"C","resource":"arms","magnitude":0.5,"note":"=SUM(A1:A2)"},
               {"id":"e2","kind":"support","date":"2002","confidence":"confirmed","sources":["s1"],"from":"P","to":"C","resource":"arms","magnitude":0.5,"note":"plain"}]}
            """);

        var (code, output, err) = CliRunner.Run("export-evidence", path);

        code.Should().Be(0);
        output.Should().Contain(",=SUM(A1:A2)", "the text is kept, so the file reads back the same");
        err.Should().Contain("warning: 1 item has a cell starting with =, +, - or @").And.Contain("(e1)");
        CliRunner.Run("export-evidence").Err.Should().NotContain("warning", "the reference case has no such cell");
    }

    [Fact]
    public void Export_with_citations_adds_each_sources_citation_and_url_after_the_sources_in_the_order_of_the_ids()
    {
        var path = _cli.PathOf("cited.json");
        File.WriteAllText(path, """
            {"schema":"influence.case/1","id":"c","name":"C",
             "sources":[{"id":"s1","citation":"Doe, J., \"A report\", 1 May 2024, cited in X (2026), footnote 3","url":"https://example.org/a"},
                        {"id":"s2","citation":"An interview"}],
             "actors":[{"id":"P","name":"P","kind":"state"},{"id":"C","name":"C","kind":"movement"}],
             "evidence":[
               {"id":"e1","kind":"support","date":"2001","confidence":"confirmed","sources":["s2","s1"],"from":"P","to":"C","resource":"arms","magnitude":0.5},
               {"id":"e2","kind":"support","date":"2002","confidence":"confirmed","sources":["s1"],"from":"P","to":"C","resource":"arms","magnitude":0.5}]}
            """);

        var (code, output, err) = CliRunner.Run("export-evidence", path, "--citations");

        code.Should().Be(0, err);
        err.Should().BeEmpty();
        output.Should().Be(
            "id,kind,date,confidence,sources,#source citations,#source urls,from,to,resource,magnitude\n"
            + "e1,support,2001,confirmed,s2;s1,\"An interview | Doe, J., \"\"A report\"\", 1 May 2024, cited in X (2026), footnote 3\",(no URL) | https://example.org/a,P,C,arms,0.5\n"
            + "e2,support,2002,confirmed,s1,\"Doe, J., \"\"A report\"\", 1 May 2024, cited in X (2026), footnote 3\",https://example.org/a,P,C,arms,0.5\n");
        CliRunner.Run("export-evidence", path).Out.Should().NotContain("#source", "the citations are asked for, not written by default");
    }

    [Fact]
    public void Export_with_citations_of_the_reference_case_reads_back_as_the_same_case()
    {
        var reference = CaseReader.LoadBuiltIn();
        var csv = _cli.PathOf("cited.csv");

        var (code, _, err) = CliRunner.Run("export-evidence", "--citations", "--out", csv);

        code.Should().Be(0, err);
        err.Should().NotContain("warning");
        var text = File.ReadAllText(csv);
        text.Should().Contain(",sources,#source citations,#source urls,")
            .And.Contain("Ansari, Mantasha, \"\"Tehreek-e-Taliban Pakistan (TTP) Attacks in Pakistan More Than Tripled", "the MEMRI report is its own source")
            .And.Contain("https://www.memri.org/jttm/", "with the address the article prints for it");
        var head = JsonNode.Parse(CaseWriter.ToJson(reference))!.AsObject();
        head.Remove("evidence");
        var read = CaseReader.TryReadWithEvidenceCsv(Encoding.UTF8.GetBytes(head.ToJsonString()), File.ReadAllBytes(csv));
        read.Problems.Should().BeEmpty("the reader ignores columns whose names start with #");
        Reproducibility.InputHash(read.Case!, ScoringOptions.Default).Should().Be(Reproducibility.InputHash(reference, ScoringOptions.Default));
    }

    [Fact]
    public void Export_with_citations_warns_of_a_citation_a_spreadsheet_would_read_as_a_formula()
    {
        var path = _cli.PathOf("formula-citation.json");
        File.WriteAllText(path, """
            {"schema":"influence.case/1","id":"f","name":"F","sources":[{"id":"s1","citation":"@handle on X"}],
             "actors":[{"id":"P","name":"P","kind":"state"},{"id":"C","name":"C","kind":"movement"}],
             "evidence":[{"id":"e1","kind":"support","date":"2001","confidence":"confirmed","sources":["s1"],"from":"P","to":"C","resource":"arms","magnitude":0.5}]}
            """);

        CliRunner.Run("export-evidence", path).Err.Should().BeEmpty("without --citations no cell starts with @");
        var (code, output, err) = CliRunner.Run("export-evidence", path, "--citations");

        code.Should().Be(0);
        output.Should().Contain(",@handle on X,", "the text is kept as it is");
        err.Should().Contain("warning: 1 item has a cell starting with =, +, - or @").And.Contain("(e1)");
    }

    [Fact]
    public void Export_then_score_with_evidence_gives_the_reference_case_scores_and_input_hash()
    {
        var (json, csv) = Exported();

        var fromCsv = CliRunner.Run("score", json, "--evidence", csv, "--format", "json");
        var builtIn = CliRunner.Run("score", "--format", "json");

        fromCsv.Code.Should().Be(0, fromCsv.Err);
        fromCsv.Out.Should().Be(builtIn.Out);
        fromCsv.Out.Should().Contain(Reproducibility.InputHash(CaseReader.LoadBuiltIn(), ScoringOptions.Default));
    }

    [Fact]
    public void Export_to_standard_output_writes_the_CSV_header_and_a_row_per_item_which_read_back_give_the_reference_case()
    {
        var reference = CaseReader.LoadBuiltIn();

        var (code, output, err) = CliRunner.Run("export-evidence", "builtin");

        code.Should().Be(0, err);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].Should().StartWith("id,kind,date,start,end,confidence,sources,from,to,");
        var head = JsonNode.Parse(CaseWriter.ToJson(reference))!.AsObject();
        head.Remove("evidence");
        var read = CaseReader.TryReadWithEvidenceCsv(Encoding.UTF8.GetBytes(head.ToJsonString()), Encoding.UTF8.GetBytes(output));
        read.Problems.Should().BeEmpty();
        read.Case!.Evidence.Count.Should().Be(reference.Evidence.Count, "one row per item: none lost, none repeated");
        Reproducibility.InputHash(read.Case, ScoringOptions.Default).Should().Be(Reproducibility.InputHash(reference, ScoringOptions.Default));
    }

    [Fact]
    public void The_built_in_case_takes_evidence_from_a_CSV_file_which_replaces_its_own()
    {
        var csv = _cli.PathOf("few.csv");
        File.WriteAllText(csv, "id,kind,date,confidence,sources,from,to,resource,magnitude\ne1,support,2001,confirmed,sharma2026-fn25,pakistan,taliban,fuel,0.5\n");

        var (code, output, err) = CliRunner.Run("validate", "builtin", "--evidence", csv);

        code.Should().Be(0, err);
        output.Should().Contain("valid").And.Contain("1 evidence item");
    }

    [Fact]
    public void A_case_file_with_its_own_evidence_is_warned_of_on_standard_error_with_the_number_of_items_set_aside()
    {
        var (_, csv) = Exported();
        var full = _cli.PathOf("full.json");
        File.WriteAllText(full, CaseWriter.ToJson(CaseReader.LoadBuiltIn()));
        var items = CaseReader.LoadBuiltIn().Evidence.Count;

        var score = CliRunner.Run("score", full, "--evidence", csv, "--format", "json");
        var validate = CliRunner.Run("validate", full, "--evidence", csv);

        score.Code.Should().Be(0, score.Err);
        score.Err.Should().Be($"influence: warning: {full}'s {items} evidence items are set aside; the evidence comes from {csv}{Environment.NewLine}");
        score.Out.Should().Be(CliRunner.Run("score", "--format", "json").Out, "the warning changes nothing else");
        validate.Code.Should().Be(0, validate.Err);
        validate.Err.Should().Contain($"{items} evidence items are set aside");
        validate.Out.Should().NotContain("set aside", "standard output keeps the result alone");
    }

    [Fact]
    public void One_item_set_aside_is_one_item_and_a_case_file_without_evidence_or_the_built_in_case_get_no_warning()
    {
        var (head, csv) = Exported();
        var one = _cli.PathOf("one.json");
        var node = JsonNode.Parse(File.ReadAllText(head))!.AsObject();
        node["evidence"] = JsonNode.Parse("""[{ "id": "old", "kind": "support" }]""");
        File.WriteAllText(one, node.ToJsonString());
        var empty = _cli.PathOf("empty.json");
        node["evidence"] = new JsonArray();
        File.WriteAllText(empty, node.ToJsonString());

        CliRunner.Run("validate", one, "--evidence", csv).Err.Should().Contain($"warning: {one}'s 1 evidence item is set aside; the evidence comes from {csv}");
        CliRunner.Run("validate", head, "--evidence", csv).Err.Should().NotContain("warning");
        CliRunner.Run("validate", empty, "--evidence", csv).Err.Should().NotContain("warning");
        CliRunner.Run("validate", "builtin", "--evidence", csv).Err.Should().NotContain("warning", "the reference case with one's own evidence is what --evidence without a case file means");
    }

    [Fact]
    public void The_warning_comes_before_the_problems_of_a_bad_CSV()
    {
        var full = _cli.PathOf("full.json");
        File.WriteAllText(full, CaseWriter.ToJson(CaseReader.LoadBuiltIn()));
        var csv = _cli.PathOf("bad.csv");
        File.WriteAllText(csv, "id,kind,date,confidence,sources,from,to,resource,magnitud\ne1,support,2001,confirmed,sharma2026-fn25,pakistan,taliban,fuel,0.5\n");

        var (code, _, err) = CliRunner.Run("score", full, "--evidence", csv);

        code.Should().Be(1);
        err.Should().StartWith($"influence: warning: {full}'s ").And.Contain($"{csv}:1:9: magnitud: ");
    }

    /// <summary>What each command that takes a case needs to run on the reference case.</summary>
    private static readonly Dictionary<string, string[]> RunsOnTheReferenceCase = new()
    {
        ["score"] = ["--format", "json"],
        ["explain"] = ["--patron", "pakistan", "--client", "taliban", "--period", "2001", "--measure", "conflict"],
        ["validate"] = [],
        ["trend"] = ["--patron", "pakistan", "--client", "taliban", "--measure", "exchange"],
        ["changepoints"] = ["--patron", "pakistan", "--client", "taliban", "--measure", "exchange"],
        ["sensitivity"] = ["--patron", "pakistan", "--client", "taliban", "--period", "2001"],
        ["network"] = ["--period", "2001"],
        ["counterfactual"] = ["--patron", "pakistan", "--client", "taliban", "--without", "china"],
        ["plot"] = ["--patron", "pakistan", "--client", "taliban"],
        ["export-evidence"] = [],
    };

    /// <summary>Every command of the command line that takes a case argument.</summary>
    public static TheoryData<string> CommandsThatTakeACase =>
    [
        .. CommandSet.All(new CliIO(TextWriter.Null, TextWriter.Null))
            .Where(c => c.Arguments.Any(a => a.Name == Common.CaseArgumentName))
            .Select(c => c.Name),
    ];

    [Theory]
    [MemberData(nameof(CommandsThatTakeACase))]
    public void Every_command_that_takes_a_case_gives_with_the_exported_evidence_what_it_gives_on_the_built_in_case(string command)
    {
        RunsOnTheReferenceCase.Should().ContainKey(command, "each command that takes a case is run here");
        var options = RunsOnTheReferenceCase[command];
        var (json, csv) = Exported();
        string[] PngOut(string name) => command == "plot" ? ["--out", _cli.PathOf(name)] : [];

        var fromCsv = CliRunner.Run([command, json, "--evidence", csv, .. options, .. PngOut("from-csv.png")]);
        var builtIn = CliRunner.Run([command, "builtin", .. options, .. PngOut("built-in.png")]);

        fromCsv.Code.Should().Be(0, fromCsv.Err);
        builtIn.Code.Should().Be(0, builtIn.Err);
        switch (command)
        {
            case "plot":
                File.ReadAllBytes(_cli.PathOf("from-csv.png")).Should().Equal(File.ReadAllBytes(_cli.PathOf("built-in.png")));
                break;
            case "validate":
                // The first words name the files read: "builtin: valid — …" against "head.json with evidence evidence.csv: valid — …".
                fromCsv.Out.Should().Be($"{json} with evidence {csv}{builtIn.Out["builtin".Length..]}");
                break;
            default:
                fromCsv.Out.Should().NotBeEmpty().And.Be(builtIn.Out);
                break;
        }
    }

    [Fact]
    public void Validate_reports_every_problem_of_the_CSV_with_its_line_and_column_and_exits_1()
    {
        var (json, _) = Exported();
        var csv = _cli.PathOf("bad.csv");
        File.WriteAllText(csv, "id,kind,date,confidence,sources,from,to,resource,magnitude,note\n"
            + "e1,support,2001,confirmed,sharma2026-fn25,pakistan,taliban,fuel,0.5,\"two\nlines\"\n"
            + "e2,support,2001,confirmed,sharma2026-fn25,pakistan,talibn,fuel,high,\n");

        var (code, output, _) = CliRunner.Run("validate", json, "--evidence", csv);

        code.Should().Be(1);
        output.Should().Contain($"{csv}:4:7: to (item 'e2'): ").And.Contain("no actor is called \"talibn\"");
        output.Should().Contain($"{csv}:4:9: magnitude (item 'e2'): expected a number in [0, 1]; was \"high\"");
        output.Should().Contain("2 problems.");
    }

    [Fact]
    public void Score_with_a_bad_CSV_exits_1_and_writes_no_file()
    {
        var (json, _) = Exported();
        var csv = _cli.PathOf("bad.csv");
        File.WriteAllText(csv, "id,kind,date,confidence,sources,from,to,resource,magnitud\ne1,support,2001,confirmed,sharma2026-fn25,pakistan,taliban,fuel,0.5\n");
        var output = _cli.PathOf("scores.json");

        var (code, _, err) = CliRunner.Run("score", json, "--evidence", csv, "--out", output);

        code.Should().Be(1);
        err.Should().Contain($"{csv}:1:9: magnitud: ").And.Contain("nothing was scored");
        File.Exists(output).Should().BeFalse();
    }

    [Fact]
    public void Export_with_a_bad_case_exits_1_and_writes_no_file()
    {
        var csv = _cli.PathOf("bad.csv");
        File.WriteAllText(csv, "id,kind\ne1,support\n");
        var output = _cli.PathOf("out.csv");

        var (code, _, err) = CliRunner.Run("export-evidence", "builtin", "--evidence", csv, "--out", output);

        code.Should().Be(1, err);
        err.Should().EndWith("nothing was written." + Environment.NewLine, "export-evidence scores nothing");
        File.Exists(output).Should().BeFalse();
    }

    [Fact]
    public void A_missing_evidence_file_is_an_input_error()
    {
        var (code, _, err) = CliRunner.Run("score", "--evidence", _cli.PathOf("none.csv"));

        code.Should().Be(1);
        err.Should().Contain("no evidence file at");
    }

    [Fact]
    public void Out_may_not_be_the_evidence_file()
    {
        var (json, csv) = Exported();

        var (code, _, err) = CliRunner.Run("export-evidence", json, "--evidence", csv, "--out", csv);

        code.Should().Be(2);
        err.Should().Contain("is the evidence file the command reads");
    }
}
