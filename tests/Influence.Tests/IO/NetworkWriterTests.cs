using System.Text.Json;
using FluentAssertions;
using Influence.Cases;
using Influence.IO;
using Influence.Networks;
using Influence.Scoring;
using Influence.Tests.Support;
using Xunit;
using static Influence.Tests.Support.NetworkCases;

namespace Influence.Tests.IO;

public class NetworkWriterTests
{
    private static ActorNetwork Network() =>
        ActorNetwork.ForPeriod(Builder().Support("X", "P", 0.5).Support("P", "C", 0.5).Coerce("T", "P", 0.3).Build(), Period.FromYear(2005));

    [Fact]
    public void Json_ListsActorsWithRoles_AndTypedEdges()
    {
        using var doc = JsonDocument.Parse(NetworkWriter.ToJson(Network()));
        var root = doc.RootElement;

        root.GetProperty("schema").GetString().Should().Be("influence.network/1");
        root.GetProperty("from").GetString().Should().Be("2005");
        root.GetProperty("actors").EnumerateArray().Select(a => a.GetProperty("id").GetString()).Should().Equal("P", "C", "X", "Y", "T");
        var p = root.GetProperty("actors")[0];
        p.GetProperty("group").GetString().Should().Be("state");
        p.GetProperty("brokerage").GetProperty("representative").GetInt32().Should().Be(1);
        p.GetProperty("brokerage").GetProperty("total").GetInt32().Should().Be(1);
        root.GetProperty("edges").EnumerateArray().Select(e => $"{e.GetProperty("from").GetString()}>{e.GetProperty("to").GetString()}:{e.GetProperty("kind").GetString()}")
            .Should().BeEquivalentTo("X>P:support", "P>C:support", "T>P:coercion");
    }

    [Fact]
    public void Json_UsesTheGivenGroups()
    {
        var groups = ActorGroups.FromMap(new Dictionary<string, string> { ["X"] = "great-power" });

        using var doc = JsonDocument.Parse(NetworkWriter.ToJson(Network(), groups));

        var p = doc.RootElement.GetProperty("actors")[0].GetProperty("brokerage");
        p.GetProperty("liaison").GetInt32().Should().Be(1, "great-power → state → non-state");
    }

    [Fact]
    public void Dot_DrawsSupportSolidAndCoercionDashed()
    {
        var dot = NetworkWriter.ToDot(Network());

        dot.Should().StartWith("digraph \"net\" {\n");
        dot.Should().Contain("\"P\" [label=\"Patron\", shape=box];");
        dot.Should().Contain("\"C\" [label=\"Client\", shape=ellipse];");
        dot.Should().Contain("\"P\" -> \"C\" [label=\"support 0.5\", color=\"#2e7d32\"");
        dot.Should().Contain("\"T\" -> \"P\" [label=\"coercion 0.3\", color=\"#c62828\", style=dashed");
        dot.Should().EndWith("}\n");
    }

    [Fact]
    public void ForPeriod_ReportsTheWindowAsAskedFor_EvenBeforeTheEarliestEvidence()
    {
        // Quarterly, evidence from 2005Q1 only; a one-year window ending 2005Q2 starts at 2004Q3, whatever the index
        // needed to read.
        var b = TestCases.Builder();
        b.Granularity = Granularity.Quarter;
        b.From = Period.FromQuarter(2000, 1);
        b.To = Period.FromQuarter(2010, 4);
        var c = b.Add(TestCases.Support("give", EvidenceDate.InMonth(2005, 2), "P", "C", 0.5)).Build();

        var network = ActorNetwork.ForPeriod(c, Period.FromQuarter(2005, 2));
        var huge = ActorNetwork.ForPeriod(c, Period.FromQuarter(2005, 2), ScoringOptions.Default with { Multilateral = ScoringOptions.Default.Multilateral with { NetworkWindowYears = 1e300 } });

        network.From.Should().Be(Period.FromQuarter(2004, 3));
        network.To.Should().Be(Period.FromQuarter(2005, 2));
        NetworkWriter.ToJson(network).Should().Contain("\"from\": \"2004Q3\"");
        huge.From.Should().Be(Period.FromQuarter(1, 1), "a window longer than the calendar starts where the calendar does");
        huge.Edges.Should().BeEquivalentTo(network.Edges);
    }

    [Fact]
    public void Dot_LeavesOutActorsWithoutATie_AndSaysHowMany()
    {
        // Y is an actor of the case with no evidence in 2005: listed in the JSON, not drawn.
        var dot = NetworkWriter.ToDot(Network());

        dot.Should().NotContain("\"Y\" [label=");
        dot.Should().Contain("\"T\" [label=").And.Contain("\"X\" [label=");
        dot.Should().Contain("label=\"Network test case, 2005 (1 actor without a tie not drawn)\";");
        NetworkWriter.ToJson(Network()).Should().Contain("\"id\": \"Y\"");
    }

    [Fact]
    public void Dot_SaysWhichMovementIsNotDrawn_WhenOneOfItsFactionsIsInFocus()
    {
        // H is a faction of C: with H in focus, C is no vertex, and its own ties would seem to vanish without a word.
        var c = NetworkCases.Builder().Support("P", "C", 0.5).Support("P", "H", 0.5).Build();

        var dot = NetworkWriter.ToDot(ActorNetwork.ForPeriod(c, Period.FromYear(2005), ScoringOptions.Default, ["H"]));

        dot.Should().Contain("(C not drawn: it contains a focus actor, and its own items are not split among its factions)");
        dot.Should().NotContain("\"C\" [label=");
    }

    [Fact]
    public void Dot_WritesEachLineBreakInALabel_AsDotsLineBreak_OnTheStatementsOwnLine()
    {
        // A case's name and an actor's may hold LF, CR LF, U+2028 and U+2029 (and a quote and a backslash, escaped).
        var dot = NetworkWriter.ToDot(NamedNetwork("Case a\nb\r\nc\u2028d\u2029e", "Patron \"a\\\"\r\nb", "Client\u2028c"));

        dot.Should().Contain("  label=\"Case a\\nb\\nc\\nd\\ne, 2005\";\n");
        dot.Should().Contain("  \"P\" [label=\"Patron \\\"a\\\\\\\"\\nb\", shape=box];\n");
        dot.Should().Contain("  \"C\" [label=\"Client\\nc\", shape=ellipse];\n");
        dot.Should().NotContainAny("\r", "\u2028", "\u2029");
        dot.Split('\n').Should().HaveCount(11, "one statement a line: the graph, its comment, label and labelloc, the node and edge defaults, 2 actors, 1 tie, the end, and nothing after the last line break");
    }

    [Fact]
    public void Dot_WritesWhatATerminalWouldActOn_AsHtmlEntities_WhichGraphvizDrawsAsTheCharacters()
    {
        // DOT strings have no \u escape: "\u200E" would be drawn as the letters "u200E". Graphviz translates HTML
        // entities in labels, so a bidi mark (allowed in names) and U+FEFF are entities, and so is "&" itself; a tab is kept, as everywhere.
        var dot = NetworkWriter.ToDot(NamedNetwork("Case\u200E & co", "\u0627\u0644\u0641\u200F (1)\u061C", "Client\t\uFEFF&beta; &#65;"));

        dot.Should().Contain("  label=\"Case&#x200E; &amp; co, 2005\";\n");
        dot.Should().Contain("  \"P\" [label=\"\u0627\u0644\u0641&#x200F; (1)&#x61C;\", shape=box];\n", "Arabic letters stay as they are; only the marks are entities");
        dot.Should().Contain("  \"C\" [label=\"Client\t&#xFEFF;&amp;beta; &amp;#65;\", shape=ellipse];\n", "text that reads as an entity is drawn as written");
        dot.Where(c => c is not ('\n' or '\t') && Influence.Internal.Printable.NeedsEscape(c)).Should().BeEmpty("nothing a terminal acts on is in the file raw");
        dot.Should().NotContain("\\u", "DOT has no \\u escape");
    }

    [Fact]
    public void Output_IsTheSameBytes_EveryTime()
    {
        NetworkWriter.ToJson(Network()).Should().Be(NetworkWriter.ToJson(Network()));
        NetworkWriter.ToDot(Network()).Should().Be(NetworkWriter.ToDot(Network()));
    }

    [Fact]
    public void ActorGroups_FromMap_Throws_OnAnEmptyGroupName()
    {
        var act = () => ActorGroups.FromMap(new Dictionary<string, string> { ["X"] = " " });

        act.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("groupOfActor");
    }

    /// <summary>The 2005 network of a case of that name: patron P (a state) supporting client C (a movement), so named.</summary>
    private static ActorNetwork NamedNetwork(string caseName, string patron, string client)
    {
        var b = new CaseBuilder("net", caseName) { From = Period.FromYear(2000), To = Period.FromYear(2010), EvidenceEnds = new DateOnly(2010, 12, 31) };
        b.AddSource(new Source("s1", "A test source"));
        b.AddActor(new Actor("P", patron, ActorKind.State));
        b.AddActor(new Actor("C", client, ActorKind.Movement));
        b.AddDyad("P", "C");
        return ActorNetwork.ForPeriod(b.Support("P", "C", 0.5).Build(), Period.FromYear(2005));
    }
}
