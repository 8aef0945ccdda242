using FluentAssertions;
using Influence.Tests.Support;
using Xunit;

namespace Influence.Tests.Cli;

public sealed class ValidateCommandTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public void Validate_SaysAValidCaseIsValid_AndExits0()
    {
        var path = _cli.Write(TestCases.Builder().Add(TestCases.Support("s", TestCases.Year(2005), "P", "C", 0.5)).Build());

        var (code, output, _) = CliRunner.Run("validate", path);

        code.Should().Be(0);
        output.Should().Be($"{path}: valid — 3 actors, 1 evidence item, 1 dyad.\n".ReplaceLineEndings());
    }

    [Fact]
    public void Validate_PrintsEveryLocatedProblem_AndExits1()
    {
        var path = _cli.PathOf("bad.json");
        File.WriteAllText(path, """
            {
              "schema": "influence.case/1", "id": "bad", "name": "Bad",
              "sources": [{ "id": "s1", "citation": "S" }],
              "actors": [{ "id": "P", "name": "P", "kind": "state" }],
              "evidence": [
                { "id": "e1", "kind": "support", "date": "2001", "confidence": "confirmed", "sources": ["s1"], "from": "P", "to": "Q", "resource": "arms", "magnitude": 1.3 }
              ]
            }
            """);

        var (code, output, _) = CliRunner.Run("validate", path);

        code.Should().Be(1);
        output.Should().Contain($"{path}:6:").And.Contain("$.evidence[0].magnitude (item 'e1'): expected a number in [0, 1]; was 1.3");
        output.Should().Contain("$.evidence[0].to (item 'e1'): expected the id of an actor of the case; no actor is called \"Q\"");
        output.Should().EndWith($"{path}: 2 problems.\n".ReplaceLineEndings());
    }

    [Fact]
    public void Validate_ChecksTheBuiltInCase_WithoutAnArgument_AsEveryCommandDoes()
    {
        var (code, output, _) = CliRunner.Run("validate");

        code.Should().Be(0);
        output.Should().Be($"builtin: valid — 30 actors, 176 evidence items, 6 dyads.{Environment.NewLine}");
        CliRunner.Run("validate", "builtin").Out.Should().Be(output);
    }

    [Fact]
    public void Validate_ExitsWithDataCode_WhenTheFileIsMissing()
    {
        var (code, output, err) = CliRunner.Run("validate", _cli.PathOf("missing.json"));

        code.Should().Be(1, "a missing case file is input that cannot be used, like a case with problems, not wrong usage");
        output.Should().BeEmpty();
        err.Should().StartWith("influence: no case file at ");
    }

    [Fact]
    public void Validate_WithAMissingEvidenceFile_StillChecksTheCaseFile_WithoutItsSetAsideEvidence()
    {
        var path = _cli.PathOf("bad2.json");
        File.WriteAllText(path, """
            {
              "schema": "influence.case/1", "id": "bad2", "name": "Bad",
              "granularity": "yeer",
              "to": "2026x",
              "sources": [{ "id": "s1", "citation": "S" }],
              "actors": [{ "id": "P", "name": "P", "kind": "state" }, { "id": "C", "name": "C", "kind": "movement" }],
              "evidence": [{ "id": "e1", "kind": "support", "date": "2001", "confidence": "confirmed", "sources": ["s1"], "from": "P", "to": "C", "resource": "arms" }]
            }
            """);
        var csv = _cli.PathOf("nosuch.csv");

        var (code, output, err) = CliRunner.Run("validate", path, "--evidence", csv);

        code.Should().Be(1);
        err.Should().StartWith($"influence: no evidence file at '{csv}'");
        output.Should().Contain($"{path}:3:").And.Contain("$.granularity").And.Contain($"{path}:4:").And.Contain("$.to");
        output.Should().NotContain("magnitude", "the case file's own evidence is set aside by --evidence, so it is not checked");
        output.Should().EndWith($"{path}: 2 problems found in it alone; {csv} not checked: no such file.\n".ReplaceLineEndings());
    }

    [Fact]
    public void Validate_WithAMissingCaseFile_StillChecksTheEvidenceFile_AllButWhatItsRowsReferTo()
    {
        var csv = _cli.PathOf("slips.csv");
        File.WriteAllText(csv, "id,kind,date,confidence,sources,from,to,resource,magnitude,notes\ne1,support,2005,high,s1,P,C,funding,0.5,x\ne2,support,2005-13,confirmed,s1,P,Q,funding,0.5,y\n");
        var path = _cli.PathOf("nosuch.json");

        var (code, output, err) = CliRunner.Run("validate", path, "--evidence", csv);

        code.Should().Be(1);
        err.Should().StartWith($"influence: no case file at '{path}'");
        var lines = output.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        lines.Should().HaveCount(4);
        lines[0].Should().StartWith($"{csv}:1:10: notes: expected a column named after an evidence field");
        lines[1].Should().StartWith($"{csv}:2:4: confidence (item 'e1'): expected one of");
        lines[2].Should().StartWith($"{csv}:3:3: date (item 'e2'): expected a date").And.EndWith("there is no month 13");
        lines[3].Should().Be($"{csv}: 3 problems found in it alone (what its rows refer to is the case file's, and was not checked); {path} not checked: no such file.");
    }

    [Fact]
    public void Validate_WithBothFilesMissing_NamesBoth()
    {
        var (path, csv) = (_cli.PathOf("nosuch.json"), _cli.PathOf("nosuch.csv"));

        var (code, output, err) = CliRunner.Run("validate", path, "--evidence", csv);

        code.Should().Be(1);
        err.Should().Contain($"no case file at '{path}'").And.Contain($"no evidence file at '{csv}'");
        output.Should().Be($"{path} with evidence {csv}: nothing checked; no such files.\n".ReplaceLineEndings());
    }

    [Fact]
    public void Validate_WarnsOfAnEmptyCase_AndExits0()
    {
        var path = _cli.PathOf("empty.json");
        File.WriteAllText(path, """{"schema":"influence.case/1","id":"e","name":"E","sources":[],"actors":[],"evidence":[]}""");

        var (code, output, _) = CliRunner.Run("validate", path);

        code.Should().Be(0, "an empty case breaks no rule of the format");
        var lines = output.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        lines.Should().Equal(
            $"{path}: valid, with 2 warnings — 0 actors, 0 evidence items, 0 dyads.",
            "  warning: the case has no actors: there is no dyad to score; add actors and evidence (https://github.com/influence-research/influence/blob/main/docs/howto-write-a-case.md)",
            "  warning: the case has no evidence: every measure would be undefined in every period; add evidence items (https://github.com/influence-research/influence/blob/main/docs/case-format.md)");
    }

    [Fact]
    public void Validate_WarnsOfALongPeriodGrid_NamingTheItemThatSetsIt_AndExits0()
    {
        // A year typed 0202 for 2020 in a monthly case: scoring would run over 21,838 months instead of 36.
        var b = TestCases.Builder();
        b.Granularity = Granularity.Month;
        (b.From, b.To, b.EvidenceEnds) = (Period.FromMonth(2019, 1), Period.FromMonth(2021, 12), new DateOnly(2021, 12, 31));
        var path = _cli.Write(b.Add(TestCases.Support("ok", TestCases.Month(2019, 4), "P", "C", 0.5)).Add(TestCases.Support("typo", TestCases.Month(202, 3), "P", "C", 0.5)).Build());

        var (code, output, _) = CliRunner.Run("validate", path);

        code.Should().Be(0, "a long grid breaks no rule of the format");
        var lines = output.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        lines[0].Should().Be($"{path}: valid, with 1 warning — 3 actors, 2 evidence items, 1 dyad.");
        lines[1].Should().StartWith("  warning: item 'typo': scoring this case runs over 21,838 monthly periods (0202-03–2021-12, 1,820 years), more than 1,200: it starts at item 'typo' (0202-03), the earliest evidence");
    }

    [Fact]
    public void Validate_WarnsOfACaseWithoutDyads_WhichEveryCommandWouldRefuseWithoutPatronAndClient()
    {
        var path = _cli.PathOf("nodyads.json");
        File.WriteAllText(path, """
            {"schema":"influence.case/1","id":"n","name":"N","sources":[{"id":"s1","citation":"S"}],
             "actors":[{"id":"P","name":"P","kind":"state"},{"id":"C","name":"C","kind":"movement"}],
             "evidence":[{"id":"e1","kind":"support","date":"2001","confidence":"confirmed","sources":["s1"],"from":"P","to":"C","resource":"arms","magnitude":0.5}]}
            """);

        var (code, output, _) = CliRunner.Run("validate", path);
        var (scoreCode, _, scoreErr) = CliRunner.Run("score", path);

        code.Should().Be(0);
        output.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries).Should().Equal(
            $"{path}: valid, with 1 warning — 2 actors, 1 evidence item, 0 dyads.",
            "  warning: the case declares no dyads: commands need --patron and --client; declare the dyads to score in the case's \"dyads\" (https://github.com/influence-research/influence/blob/main/docs/case-format.md)");
        scoreCode.Should().Be(2, "what the warning announces");
        scoreErr.Should().Contain("the case declares no dyads");
    }

    [Fact]
    public void UnknownCommands_ExitWithUsageCode()
    {
        var (code, _, err) = CliRunner.Run("frobnicate");

        code.Should().Be(2);
        err.Should().Contain("Run 'influence --help' for usage.");
    }
}
