using System.Text;
using System.Text.Json.Nodes;
using FluentAssertions;
using Influence.Generation;
using Influence.IO;
using Influence.Tests.Support;
using Xunit;

namespace Influence.Tests.IO;

/// <summary>
/// What the streaming case reader must keep whatever the layout of the file: the catalogue in Data/invalid pins the
/// problems of malformed files; these pin the cases read from well-formed ones and the bookkeeping behind duplicates.
/// </summary>
public class CaseReaderTests
{
    private static readonly UniverseOptions Small = new() { Actors = 40, Periods = 24, Evidence = 3000, Seed = 7 };

    [Fact]
    public void Read_GivesBackTheCaseWritten_ForAGeneratedUniverse()
    {
        var universe = UniverseGenerator.Generate(Small);

        var read = CaseReader.Read(CaseWriter.ToJson(universe));

        CaseWriter.ToJson(read, canonical: true).Should().Be(CaseWriter.ToJson(universe, canonical: true));
    }

    [Fact]
    public void Read_GivesTheSameCase_WhenTheEvidenceComesFirstAndOutOfOrder()
    {
        var universe = UniverseGenerator.Generate(Small);
        var written = JsonNode.Parse(CaseWriter.ToJson(universe))!.AsObject();
        var evidence = new JsonArray([.. written["evidence"]!.AsArray().Reverse().Select(e => e!.DeepClone())]);
        var reordered = new JsonObject { ["evidence"] = evidence };
        foreach (var (name, value) in written.Where(p => p.Key != "evidence"))
        {
            reordered[name] = value!.DeepClone();
        }

        var read = CaseReader.Read(reordered.ToJsonString());

        CaseWriter.ToJson(read, canonical: true).Should().Be(CaseWriter.ToJson(universe, canonical: true));
    }

    [Fact]
    public void TryRead_NamesTheFirstItemOfEachDuplicateId_WhenIdsTurnOutOfOrderAfterARejectedItem()
    {
        // "a" is rejected (magnitude) while the ids still ascend; "b" and "c" are accepted; the second "a" and "b"
        // repeat items read before the reader had any reason to index ids.
        var json = Case(
            Item("a", magnitude: "1.3"),
            Item("b"),
            Item("c"),
            Item("a"),
            Item("b"));

        var result = CaseReader.TryRead(Encoding.UTF8.GetBytes(json), "dup.json");

        result.Case.Should().BeNull();
        result.Problems.Select(p => (p.Path, p.ItemId, p.Message)).Should().Equal(
            ("$.evidence[0].magnitude", "a", "expected a number in [0, 1]; was 1.3"),
            ("$.evidence[3].id", "a", "expected a unique id; \"a\" is already used by evidence[0]"),
            ("$.evidence[4].id", "b", "expected a unique id; \"b\" is already used by evidence[1]"));
        result.Problems.Select(p => p.Line).Should().Equal(8, 11, 12);
    }

    [Fact]
    public void TryRead_LocatesTheBuildersProblems_InTheItemsTheyAreAbout_WhenEarlierItemsWereRejected()
    {
        var json = Case(
            Item("a", magnitude: "2"),
            Item("b", to: "Q"),
            Item("c", source: "s9"));

        var result = CaseReader.TryRead(Encoding.UTF8.GetBytes(json), "refs.json");

        // The columns are those the tree-building reader gave before the evidence was streamed.
        result.Problems.Select(p => (p.Path, p.Line, p.Column)).Should().Equal(
            ("$.evidence[0].magnitude", 8, 156),
            ("$.evidence[1].to", 9, 118),
            ("$.evidence[2].sources[0]", 10, 92));
    }

    [Fact]
    public void TryRead_ReportsEveryProblemOfALargeFile_EachOnTheLineOfTheValueItIsAbout()
    {
        // Problems scattered through a file whose evidence comes last (read in the same pass as the rest), and the
        // same file with the evidence first (read once the rest is known): the same problems, each located on the
        // line of the value concerned.
        var universe = UniverseGenerator.Generate(Small);
        var written = JsonNode.Parse(CaseWriter.ToJson(universe))!.AsObject();
        var items = written["evidence"]!.AsArray();
        var support = Enumerable.Range(100, 500).First(i => items[i]!["magnitude"] is not null);
        var dyadic = Enumerable.Range(900, 500).First(i => items[i]!["to"] is not null);
        items[support]!["magnitude"] = 1.5;
        items[dyadic]!["to"] = "nobody";
        items[1500]!["id"] = items[1400]!["id"]!.GetValue<string>();
        items[2000]!.AsObject().Remove("confidence");
        items[2500]!["colour"] = "red";
        items[2999] = 42;
        var options = new System.Text.Json.JsonSerializerOptions { WriteIndented = true };
        var evidenceLast = written.ToJsonString(options);
        var reordered = new JsonObject { ["evidence"] = items.DeepClone() };
        foreach (var (name, value) in written.Where(p => p.Key != "evidence"))
        {
            reordered[name] = value!.DeepClone();
        }

        var first = CaseReader.TryRead(Encoding.UTF8.GetBytes(evidenceLast), "large.json");
        var second = CaseReader.TryRead(Encoding.UTF8.GetBytes(reordered.ToJsonString(options)), "large.json");

        first.Case.Should().BeNull();
        first.Problems.Select(p => p.Path).Should().Equal(
            $"$.evidence[{support}].magnitude",
            $"$.evidence[{dyadic}].to",
            "$.evidence[1500].id",
            "$.evidence[2000].confidence",
            "$.evidence[2500].colour",
            "$.evidence[2999]");
        second.Problems.Select(p => (p.Path, p.ItemId, p.Message)).Should().BeEquivalentTo(first.Problems.Select(p => (p.Path, p.ItemId, p.Message)));
        var lines = evidenceLast.Split('\n');
        foreach (var p in first.Problems)
        {
            var line = lines[p.Line!.Value - 1];
            var expected = p.Path switch
            {
                _ when p.Path.EndsWith(".magnitude", StringComparison.Ordinal) => "\"magnitude\": 1.5",
                _ when p.Path.EndsWith(".to", StringComparison.Ordinal) => "\"to\": \"nobody\"",
                "$.evidence[1500].id" => $"\"id\": \"{items[1400]!["id"]}\"",
                "$.evidence[2500].colour" => "\"colour\"",
                "$.evidence[2999]" => "42",
                _ => "{",
            };
            line.Should().Contain(expected, p.ToString());
        }
    }

    [Theory]
    [InlineData("escape")]
    [InlineData("comment")]
    [InlineData("compact")]
    [InlineData("literal")]
    public void Read_GivesTheSameCase_WhenTheEvidenceIsWrittenInAnotherWay(string variant)
    {
        var universe = UniverseGenerator.Generate(Small);
        var json = CaseWriter.ToJson(universe);
        var firstId = JsonNode.Parse(json)!["evidence"]![0]!["id"]!.GetValue<string>();
        json = variant switch
        {
            // An escaped character in an id, a comment between items, no white space, a literal the fast path does not take.
            "escape" => json.Replace($"\"{firstId}\"", $"\"\\u0065{firstId[1..]}\"", StringComparison.Ordinal),
            "comment" => json.Replace("},\n    {", "}, /* between */\n    {", StringComparison.Ordinal),
            "compact" => JsonNode.Parse(json)!.ToJsonString(),
            _ => json.Replace($"\"{firstId}\",", $"\"{firstId}\", \"note\": null,", StringComparison.Ordinal),
        };
        json.Should().NotBe(CaseWriter.ToJson(universe));

        var result = CaseReader.TryRead(Encoding.UTF8.GetBytes(json));

        if (variant == "literal")
        {
            // A null note is not a string: the one problem, found by the JSON reader.
            result.Problems.Select(p => p.Path).Should().Equal("$.evidence[0].note");
            return;
        }

        result.Problems.Should().BeEmpty();
        CaseWriter.ToJson(result.Case!, canonical: true).Should().Be(CaseWriter.ToJson(universe, canonical: true));
    }

    [Theory]
    [InlineData("inside")]
    [InlineData("after")]
    public void TryRead_LocatesASyntaxError_InOrAfterTheEvidence(string where)
    {
        var universe = UniverseGenerator.Generate(Small);
        var json = CaseWriter.ToJson(universe);
        var lines = json.Split('\n').ToList();
        int expectedLine;
        if (where == "inside")
        {
            expectedLine = lines.FindIndex(2000, l => l.Contains("\"confidence\"", StringComparison.Ordinal)) + 1;
            lines[expectedLine - 1] = lines[expectedLine - 1].Replace("\"confidence\"", "\"confidence", StringComparison.Ordinal);
        }
        else
        {
            lines.Add("]");
            expectedLine = lines.Count;
        }

        var result = CaseReader.TryRead(Encoding.UTF8.GetBytes(string.Join('\n', lines)));

        result.Case.Should().BeNull();
        result.Problems.Should().ContainSingle().Which.Line.Should().Be(expectedLine);
        result.Problems[0].Message.Should().StartWith("expected well-formed JSON");
    }

    [Fact]
    public void TryRead_ARootSchemaAddress_IsAccepted_AndIgnored_ButMustBeAString()
    {
        const string Rest = """
            "schema": "influence.case/1", "id": "s", "name": "With a schema address",
            "sources": [{ "id": "s1", "citation": "A source" }],
            "actors": [{ "id": "P", "name": "Patron", "kind": "state" }, { "id": "C", "name": "Client", "kind": "movement" }],
            "evidence": [{ "id": "e1", "kind": "support", "date": "2005", "confidence": "confirmed", "sources": ["s1"], "from": "P", "to": "C", "resource": "arms", "magnitude": 0.5 }]
            """;

        var with = CaseReader.TryRead(Encoding.UTF8.GetBytes($$"""{ "$schema": "case.schema.json", {{Rest}} }"""));
        var without = CaseReader.TryRead(Encoding.UTF8.GetBytes($$"""{ {{Rest}} }"""));
        var number = CaseReader.TryRead(Encoding.UTF8.GetBytes($$"""{ "$schema": 1, {{Rest}} }"""));

        with.Problems.Should().BeEmpty();
        CaseWriter.ToJson(with.Case!).Should().Be(CaseWriter.ToJson(without.Case!), "the address is not read");
        number.Problems.Should().ContainSingle().Which.Should().Match<Influence.Cases.CaseProblem>(p => p.Path == "$.$schema" && p.Message == "expected a string; was a number");
    }

    [Theory]
    [InlineData("", 1, "the file is empty (nothing but white space or comments)")]
    [InlineData("  \n\t\n", 3, "the file is empty (nothing but white space or comments)")]
    [InlineData("{\n  \"schema\": \"influence.case/1\",\n  \"from\": 19", 3, "the file ends inside a value (an object, array, string or number is not closed); is it cut short?")]
    [InlineData("{\n  \"schema\": \"influence.case/1\",\n  \"name\": \"A", 3, "the file ends inside a value (an object, array, string or number is not closed); is it cut short?")]
    [InlineData("{\n  \"schema\": \"influence.case/1\"\n  /* a note", 3, "the file ends inside a comment: a comment that starts with /* needs a */ to end it")]
    [InlineData("{\n  \"schema\": \"influence.case/1\"\n}\n{ }", 4, "there is more after the case's closing brace")]
    public void TryRead_ASyntaxErrorOfTheWholeFile_IsSaidInTheReadersWords_AtItsPlace(string json, int line, string said)
    {
        var result = CaseReader.TryRead(Encoding.UTF8.GetBytes(json), "case.json");

        result.Case.Should().BeNull();
        var p = result.Problems.Should().ContainSingle().Which;
        p.Message.Should().StartWith("expected well-formed JSON: " + said);
        p.Message.Should().NotContainAny("JSON tokens", "end of data", "single JSON value", "isFinalBlock");
        p.Line.Should().Be(line);
        p.Column.Should().NotBeNull();
    }

    [Fact]
    public void TryRead_ValuesNestedDeeperThan64_AreSaidInTheFilesTerms_AtTheirPathAndLine_NotSystemTextJsons()
    {
        var deep = new string('[', 70) + new string(']', 70);
        var json = "{\n  \"schema\": \"influence.case/1\",\n  \"note\": " + deep + "\n}";
        var shallow = "{ \"text\": \"[[[[[[\", \"note\": " + new string('[', 63) + new string(']', 63) + " }";

        var result = CaseReader.TryRead(Encoding.UTF8.GetBytes(json), "case.json");

        var problem = result.Problems.Should().ContainSingle().Subject;
        problem.Line.Should().Be(3);
        problem.Path.Should().StartWith("$.note[0][0]");
        problem.Message.Should().Be("expected arrays and objects nested at most 64 deep; this value is deeper (a case file nests a few levels: is a bracket repeated, or the file not a case file?)");
        problem.ToString().Should().NotContain("maximum configured depth");
        CaseReader.TryRead(Encoding.UTF8.GetBytes(shallow)).Problems.Should().NotContain(p => p.Message.Contains("nested", StringComparison.Ordinal), "64 deep, brackets in a string aside, is allowed");
    }

    [Theory]
    [InlineData("NaN", "$.evidence[1].magnitude", "b", "JSON has no NaN or Infinity")]
    [InlineData("-Infinity", "$.evidence[1].magnitude", "b", "JSON has no NaN or Infinity")]
    [InlineData("'x'", "$.evidence[1].magnitude", "b", "double quotes")]
    [InlineData("0.5,", "$.evidence[1]", "b", "a comma after the last item")]
    public void TryRead_LocatesASyntaxErrorByPathAndItem_WithAHintForCommonSlips(string magnitude, string path, string id, string hint)
    {
        // The second item's magnitude is not JSON (or leaves a trailing comma in the item): the error is reported
        // alone, but at the value being read, with the id of its item, read before the error.
        var json = Case(Item("a"), Item("b", magnitude: magnitude), Item("c"));

        var result = CaseReader.TryRead(Encoding.UTF8.GetBytes(json), "case.json");

        result.Case.Should().BeNull();
        var problem = result.Problems.Should().ContainSingle().Subject;
        problem.Path.Should().Be(path);
        problem.ItemId.Should().Be(id);
        problem.Message.Should().StartWith("expected well-formed JSON").And.Contain(hint);
        problem.ToString().Should().StartWith($"case.json:{problem.Line}:{problem.Column}: {path} (item '{id}'): expected well-formed JSON");
    }

    [Fact]
    public void TryRead_LocatesAStringThatIsNoText_ByPathAndItem()
    {
        // A byte that is not UTF-8 inside the case's name, and half a surrogate pair escaped inside a source's
        // citation: each is refused alone, at the string's path (with the source's id), not at the root.
        var text = CaseWriter.ToJson(CaseReader.LoadBuiltIn());
        var name = text.IndexOf("\"name\": \"", StringComparison.Ordinal) + 9;
        byte[] notUtf8 = [.. Encoding.UTF8.GetBytes(text[..name]), 0xFF, .. Encoding.UTF8.GetBytes(text[name..])];
        var citation = text.IndexOf("\"citation\": \"", StringComparison.Ordinal) + 13;
        var halfPair = Encoding.UTF8.GetBytes(text[..citation] + "\\ud800" + text[citation..]);

        var first = CaseReader.TryRead(notUtf8, "case.json").Problems.Should().ContainSingle().Subject;
        var second = CaseReader.TryRead(halfPair, "case.json").Problems.Should().ContainSingle().Subject;

        first.Path.Should().Be("$.name");
        first.Message.Should().Contain("not UTF-8");
        second.Path.Should().Be("$.sources[0].citation");
        second.ItemId.Should().Be("sharma2026-s1");
        second.Message.Should().Contain("surrogate pair");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void TryRead_NamesTheEncoding_OfAFileSavedAsUtf16(bool littleEndian)
    {
        var json = CaseWriter.ToJson(CaseReader.LoadBuiltIn());
        var encoding = new UnicodeEncoding(bigEndian: !littleEndian, byteOrderMark: true);
        byte[] utf16 = [.. encoding.GetPreamble(), .. encoding.GetBytes(json)];

        var problem = CaseReader.TryRead(utf16, "case.json").Problems.Should().ContainSingle().Subject;

        problem.ToString().Should().Be("case.json:1:1: $: expected UTF-8 text; the file starts with a UTF-16 byte-order mark (saved as \"Unicode\" or UTF-16): save it as UTF-8");
    }

    [Fact]
    public void TryRead_SuggestsTheNameOfAnEnumWrittenInTheWrongCase_AndSaysWhyADayDoesNotExist()
    {
        var json = Case(Item("a").Replace("\"arms\"", "\"Arms\"", StringComparison.Ordinal).Replace("\"2001\"", "\"2001-02-29\"", StringComparison.Ordinal));

        var problems = CaseReader.TryRead(Encoding.UTF8.GetBytes(json)).Problems;

        problems.Select(p => p.Message).Should().BeEquivalentTo(
            "expected a date YYYY, YYYY-MM or YYYY-MM-DD; was \"2001-02-29\"; 2001-02 has 28 days",
            $"expected one of {string.Join(", ", Influence.Internal.Names.Resource.AllNames.Select(n => $"\"{n}\""))}; was \"Arms\"; did you mean \"arms\"?");
    }

    [Fact]
    public void TryRead_SuggestsAnActorId_AlsoInAnItemWithOtherProblems()
    {
        // The item is refused for its magnitude, so its references are checked by the reader, not the builder: the
        // suggestion must come from there too.
        var json = Case(Item("a", magnitude: "1.5", to: "Clent"));

        var problems = CaseReader.TryRead(Encoding.UTF8.GetBytes(json)).Problems;

        problems.Should().ContainSingle(p => p.Path == "$.evidence[0].to").Which.Message.Should().Be(
            "expected the id of an actor of the case; no actor is called \"Clent\"; the case's actors are \"C\", \"P\"");
        var close = CaseReader.TryRead(Encoding.UTF8.GetBytes(Case(Item("a", magnitude: "1.5").Replace("\"from\": \"P\"", "\"from\": \"p\"", StringComparison.Ordinal)))).Problems;
        close.Should().ContainSingle(p => p.Path == "$.evidence[0].from").Which.Message.Should().EndWith("; did you mean \"P\"?");
    }

    [Fact]
    public void TryRead_LocatesASyntaxErrorOutsideTheEvidence_WithoutAnItem()
    {
        var json = Case(Item("a")).Replace("\"name\": \"Patron\"", "\"name\": Patron", StringComparison.Ordinal);

        var problem = CaseReader.TryRead(Encoding.UTF8.GetBytes(json)).Problems.Should().ContainSingle().Subject;

        problem.Path.Should().Be("$.actors[0].name");
        problem.ItemId.Should().Be("P", "the actor's id comes before its name");
    }

    [Fact]
    public void TryRead_ReportsARepeatedEvidenceProperty_WhenTheLastIsNotTheOneReadInline()
    {
        // The first array is read during the parse; the one that ends the file is another property of the same name.
        var json = Case(Item("e1")).TrimEnd().TrimEnd('}') + $",\n  \"evidence\": [{Item("e2")}]\n}}";

        var result = CaseReader.TryRead(Encoding.UTF8.GetBytes(json));

        result.Case.Should().BeNull();
        result.Problems.Should().ContainSingle().Which.Message.Should().Contain("\"evidence\" appears twice");
    }

    [Fact]
    public void ReadFile_GivesTheSameCaseAsReadingItsBytes()
    {
        var universe = UniverseGenerator.Generate(Small);
        var path = Path.Combine(Path.GetTempPath(), $"influence-read-{Guid.NewGuid():N}.json");
        try
        {
            File.WriteAllText(path, CaseWriter.ToJson(universe));

            var read = CaseReader.ReadFile(path);

            CaseWriter.ToJson(read, canonical: true).Should().Be(CaseWriter.ToJson(universe, canonical: true));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [UnixFact("named pipes made with mkfifo")]
    public async Task ReadFile_ReadsANamedPipe_WhoseWriterHasAlreadyFinished()
    {
        // A small case: the writer puts it all in the pipe's buffer and closes before the reader is done.
        var json = Case(Item("e1"), Item("e2"));
        var fifo = Path.Combine(Path.GetTempPath(), $"influence-fifo-{Guid.NewGuid():N}");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", fifo))
        {
            await mkfifo!.WaitForExitAsync();
        }

        try
        {
            // The writer blocks until the reader opens the pipe, writes everything and closes its end.
            var writer = Task.Run(() => File.WriteAllText(fifo, json));
            var read = Task.Run(() => CaseReader.TryReadFile(fifo));

            var finished = await Task.WhenAny(read, Task.Delay(TimeSpan.FromSeconds(30)));

            finished.Should().BeSameAs(read, "reading a named pipe must not wait for a second writer");
            await writer;
            var result = await read;
            result.Problems.Should().BeEmpty();
            result.Case!.Evidence.Count.Should().Be(2);
        }
        finally
        {
            File.Delete(fifo);
        }
    }

    [Theory]
    [InlineData(100, 120, "ended after 100 bytes")]
    [InlineData(100, 80, "is 100 bytes now")]
    public void ReadWhole_ReportsAFileWhoseLengthChangedSinceItWasOpened(int actual, int whenOpened, string fragment)
    {
        // The length seen at opening is the buffer's; a file since shortened or extended must not be read as a case.
        var path = Path.Combine(Path.GetTempPath(), $"influence-read-{Guid.NewGuid():N}.json");
        try
        {
            File.WriteAllBytes(path, new byte[actual]);
            using var handle = File.OpenHandle(path);

            var act = () => CaseReader.ReadWhole(handle, new byte[whenOpened], path);

            act.Should().Throw<IOException>().WithMessage($"*{path}*{fragment}*changed while it was read*");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void AnUnknownProperty_GetsASuggestion_OnlyAmongThePropertiesTheItemLacks()
    {
        var json = Case(
            Item("a").Replace("\"magnitude\"", "\"magnitde\"", StringComparison.Ordinal),
            Item("b").Replace("}", ", \"dtae\": \"2001\" }", StringComparison.Ordinal));

        var problems = CaseReader.TryRead(Encoding.UTF8.GetBytes(json), "typos.json").Problems;

        problems.Single(p => p.Path == "$.evidence[0].magnitde").Message.Should().Be("unknown property; did you mean \"magnitude\"?");
        problems.Should().NotContain(p => p.Path == "$.evidence[0].magnitude", "the misspelt property is the one problem");
        problems.Single(p => p.Path == "$.evidence[1].dtae").Message.Should().EndWith("\"dtae\" is not one of them", "the item has a \"date\" already");
    }

    [Theory]
    [InlineData("2010-2013", true)]
    [InlineData("2010..2013-06", true)]
    [InlineData("2010 to 2013", true)]
    [InlineData("2021-02-30", false)]
    [InlineData("late 2010", false)]
    public void ADateWrittenAsARange_IsToldHowToWriteASpan(string date, bool hint)
    {
        var json = Case(Item("a").Replace("\"date\": \"2001\"", $"\"date\": \"{date}\"", StringComparison.Ordinal));

        var message = CaseReader.TryRead(Encoding.UTF8.GetBytes(json), "dates.json").Problems.Single(p => p.Path == "$.evidence[0].date").Message;

        message.Should().StartWith($"expected a date YYYY, YYYY-MM or YYYY-MM-DD; was \"{date}\"");
        message.EndsWith("give \"start\" and \"end\" instead of \"date\"", StringComparison.Ordinal).Should().Be(hint);
    }

    [Fact]
    public void MissingComma_NamesWhereThePreviousValueEnded_WithCommentsSkipped()
    {
        var plain = Case(Item("a") + "\n\n    " + Item("b"));
        var commented = Case(Item("a") + " // the first\n" + Item("b"));

        var problem = CaseReader.TryRead(Encoding.UTF8.GetBytes(plain), "comma.json").Problems.Should().ContainSingle().Subject;
        var end = plain.Split('\n').Select((text, i) => (text, i)).First(l => l.text.Contains("\"a\"", StringComparison.Ordinal));
        problem.Message.Should().EndWith($"'{{' is invalid after a value (is a comma missing after the value that ends at line {end.i + 1}, column {end.text.TrimEnd().Length}?)");
        CaseReader.TryRead(Encoding.UTF8.GetBytes(commented), "comment.json").Problems.Should().ContainSingle()
            .Which.Message.Should().EndWith($"(is a comma missing after the value that ends at line {end.i + 1}, column {end.text.TrimEnd().Length}?)", "the comment after the value is skipped");
    }

    [Fact]
    public void ControlCharacters_InText_AreAProblem_ButTabsAndLineBreaksAreNot()
    {
        var json = Case(
            Item("a").Replace("}", ", \"note\": \"two\\nlines\\tand a tab\" }", StringComparison.Ordinal),
            Item("b").Replace("}", ", \"note\": \"nul\\u0000here\" }", StringComparison.Ordinal),
            Item("c\\u0007"));

        var problems = CaseReader.TryRead(Encoding.UTF8.GetBytes(json), "controls.json").Problems;

        problems.Select(p => p.Path).Should().Equal("$.evidence[1].note", "$.evidence[2].id");
        problems[0].Message.Should().Be("expected text without control characters (tabs and line breaks aside); character 4 is U+0000");
        problems[1].Message.Should().Be("expected text without control characters (tabs and line breaks aside); character 2 is U+0007");
    }

    [Fact]
    public void AnUnknownActor_WithNoNearMatch_InACaseWithFewActors_ListsThem()
    {
        var json = Case(Item("a", to: "Dhurra"));

        var problems = CaseReader.TryRead(Encoding.UTF8.GetBytes(json), "actors.json").Problems;

        problems.Single(p => p.Path == "$.evidence[0].to").Message.Should().EndWith("no actor is called \"Dhurra\"; the case's actors are \"C\", \"P\"");
    }

    private static string Case(params string[] items) =>
        $$"""
        {
          "schema": "influence.case/1",
          "id": "t",
          "name": "Test",
          "sources": [{ "id": "s1", "citation": "A source" }],
          "actors": [{ "id": "P", "name": "Patron", "kind": "state" }, { "id": "C", "name": "Client", "kind": "movement" }],
          "evidence": [
            {{string.Join(",\n    ", items)}}
          ]
        }
        """;

    private static string Item(string id, string magnitude = "0.5", string to = "C", string source = "s1") =>
        $$"""{ "id": "{{id}}", "kind": "support", "date": "2001", "confidence": "confirmed", "sources": ["{{source}}"], "from": "P", "to": "{{to}}", "resource": "arms", "magnitude": {{magnitude}} }""";
}
