using System.Text;
using System.Text.Json.Nodes;
using FluentAssertions;
using Influence.Generation;
using Influence.IO;
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
