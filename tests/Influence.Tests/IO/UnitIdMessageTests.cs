using System.Text;
using FluentAssertions;
using Influence.IO;
using Xunit;

namespace Influence.Tests.IO;

/// <summary>What the readers say of an evidence item's unit that names no unit of the case.</summary>
public sealed class UnitIdMessageTests
{
    private const string Head = """
        "schema": "influence.case/1", "id": "units", "name": "Unit ids",
        "sources": [{ "id": "s1", "citation": "A" }],
        "actors": [{ "id": "P", "name": "Patron", "kind": "state" }, { "id": "C", "name": "Client", "kind": "movement" }]
        """;

    private const string Units = """
        "units": [{ "id": "usd", "name": "US dollars", "reference": 1e9 }, { "id": "rifles", "name": "Rifles", "reference": 1e4 }]
        """;

    private const string Prefix = "expected the id of a unit declared in \"units\"; no unit is called ";

    private static string Item(string id, string unit, string kind = "support") =>
        $$"""{ "id": "{{id}}", "kind": "{{kind}}", "date": "2020", "confidence": "confirmed", "sources": ["s1"], "from": "P", "to": "C", "resource": "funding", "amount": 5, "unit": "{{unit}}" }""";

    private static IEnumerable<string> JsonProblems(string units, params string[] items) =>
        CaseReader.TryRead(Encoding.UTF8.GetBytes($$"""{ {{Head}}{{units}}, "evidence": [{{string.Join(", ", items)}}] }"""))
            .Problems.Select(p => $"{p.Line} {p.Path} {p.ItemId}: {p.Message}");

    private static IEnumerable<string> CsvProblems(string units, params string[] rows) =>
        CaseReader.TryReadWithEvidenceCsv(
            Encoding.UTF8.GetBytes($$"""{ {{Head}}{{units}} }"""),
            Encoding.UTF8.GetBytes("id,kind,date,confidence,sources,from,to,resource,amount,unit\n" + string.Join("\n", rows) + "\n"),
            "case.json",
            "evidence.csv").Problems.Select(p => $"{p.File} {p.Line}:{p.Column} {p.Path} {p.ItemId}: {p.Message}");

    [Fact]
    public void AnUnknownUnit_ListsTheCasesUnits_InJson_AndInEveryCsvRow()
    {
        const string Known = "; the case's units are \"rifles\", \"usd\"";

        JsonProblems(", " + Units, Item("e1", "eur"), Item("e2", "gbp")).Should().Equal(
            $"3 $.evidence[0].unit e1: {Prefix}\"eur\"{Known}",
            $"3 $.evidence[1].unit e2: {Prefix}\"gbp\"{Known}");
        CsvProblems(", " + Units, "e1,support,2020,confirmed,s1,P,C,funding,5,eur", "e2,support,2020,confirmed,s1,P,C,funding,5,gbp").Should().Equal(
            $"evidence.csv 2:10 unit e1: {Prefix}\"eur\"{Known}",
            $"evidence.csv 3:10 unit e2: {Prefix}\"gbp\"{Known}");
    }

    [Fact]
    public void AUnitNearADeclaredOne_IsSuggested()
    {
        JsonProblems(", " + Units, Item("e1", "USD"), Item("e2", "rifle")).Should().Equal(
            $"3 $.evidence[0].unit e1: {Prefix}\"USD\"; did you mean \"usd\"?",
            $"3 $.evidence[1].unit e2: {Prefix}\"rifle\"; did you mean \"rifles\"?");
        CsvProblems(", " + Units, "e1,support,2020,confirmed,s1,P,C,funding,5,Usd").Should().Equal(
            $"evidence.csv 2:10 unit e1: {Prefix}\"Usd\"; did you mean \"usd\"?");
    }

    [Fact]
    public void ACaseWithoutUnits_SaysItDeclaresNone()
    {
        JsonProblems(string.Empty, Item("e1", "usd")).Should().Equal($"3 $.evidence[0].unit e1: {Prefix}\"usd\"; the case declares no units");
        CsvProblems(string.Empty, "e1,support,2020,confirmed,s1,P,C,funding,5,usd").Should().Equal(
            $"evidence.csv 2:10 unit e1: {Prefix}\"usd\"; the case declares no units");
    }

    [Fact]
    public void AnItemOfAnUnknownKind_ListsTheUnitsToo()
    {
        JsonProblems(", " + Units, Item("e1", "eur", kind: "suport")).Should().Contain(
            $"3 $.evidence[0].unit e1: {Prefix}\"eur\"; the case's units are \"rifles\", \"usd\"");
    }
}
