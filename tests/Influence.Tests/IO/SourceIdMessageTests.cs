using System.Text;
using FluentAssertions;
using Influence.IO;
using Xunit;

namespace Influence.Tests.IO;

/// <summary>What the readers say of a source id that is empty or names no source of the case.</summary>
public sealed class SourceIdMessageTests
{
    private const string Head = """
        "schema": "influence.case/1", "id": "ids", "name": "Source ids",
        "sources": [{ "id": "src-a", "citation": "A" }, { "id": "src-b", "citation": "B" }],
        "actors": [{ "id": "P", "name": "Patron", "kind": "state" }, { "id": "C", "name": "Client", "kind": "movement" }]
        """;

    private static string Item(string sources) =>
        $$"""{ "id": "e1", "kind": "support", "date": "2020", "confidence": "confirmed", "sources": {{sources}}, "from": "P", "to": "C", "resource": "funding", "magnitude": 0.5 }""";

    private static IEnumerable<string> JsonProblems(string sources) =>
        CaseReader.TryRead(Encoding.UTF8.GetBytes($$"""{ {{Head}}, "evidence": [{{Item(sources)}}] }""")).Problems.Select(p => $"{p.Path}: {p.Message}");

    [Theory]
    [InlineData("""[""]""", "expected a non-empty string; was an empty string")]
    [InlineData("""["  "]""", "expected a non-empty string; was only white space")]
    [InlineData("""[3]""", "expected a non-empty string; was a number")]
    public void AnEmptySourceId_IsSaidToBeEmpty_NotToBeAString(string sources, string message) =>
        JsonProblems(sources).Should().Contain($"$.evidence[0].sources[0]: {message}");

    [Fact]
    public void AnUnknownSourceId_ListsTheCasesSources_InACsvRow_AsInTheJson()
    {
        const string Known = "expected the id of a source of the case; no source is called \"zzz\"; the case's sources are \"src-a\", \"src-b\"";
        var csv = CaseReader.TryReadWithEvidenceCsv(
            Encoding.UTF8.GetBytes($$"""{ {{Head}} }"""),
            Encoding.UTF8.GetBytes("id,kind,date,confidence,sources,from,to,resource,magnitude\ne1,support,2020,confirmed,src-a;zzz,P,C,funding,0.5\n"),
            "case.json",
            "evidence.csv").Problems;

        JsonProblems("""["src-a", "zzz"]""").Should().Equal($"$.evidence[0].sources[1]: {Known}");
        csv.Select(p => $"{p.Path}: {p.Message}").Should().Equal($"sources[1]: {Known}");
    }
}
