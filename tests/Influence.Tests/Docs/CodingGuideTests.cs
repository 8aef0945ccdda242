using System.Globalization;
using FluentAssertions;
using Influence.Cases;
using Influence.IO;
using Influence.Scoring;
using Influence.Tests.Support;
using Xunit;

namespace Influence.Tests.Docs;

/// <summary>
/// The coding guide in docs/howto-write-a-case.md quotes, for each rule, what the library gives on a small test case
/// (a patron P with capability 80, a client C with 20, 2010–2015, every item confirmed unless said otherwise). Each
/// test builds that case, scores it with the default options, as the command line does, and checks the figures the
/// page prints, to the precision printed there; each sentence is also looked up on the page.
/// </summary>
public class CodingGuideTests
{
    private static readonly DocPage Page = new("howto-write-a-case.md");

    private const string Flows = """
        { "kind": "support", "from": "P", "to": "C", "resource": "funding", "magnitude": 0.5, "start": "2010", "end": "2015" },
        { "kind": "support", "from": "C", "to": "P", "resource": "intelligence", "magnitude": 0.3, "start": "2010", "end": "2015" }
        """;

    private const string LoyaltyBack = """{ "kind": "support", "from": "C", "to": "P", "resource": "loyalty", "magnitude": 0.5, "start": "2010", "end": "2015" }""";

    private const string UsdM = """{ "units": [{ "id": "usd-m", "name": "US$ million", "reference": 400 }] }""";

    private const string Issue = """{ "issues": [{ "id": "i", "name": "an issue" }] }""";

    [Fact]
    public void Rule1_AOneMonthWar_CountsInFullAsAPoint_AndATwelfthAsASpan()
    {
        Page.Quotes("a one-month war of severity 1 in March 2012 gives conflict 0.63 in 2012 as a point (`2012-03`) and 0.08 as a span (`2012-03` to `2012-03`, weight 31/365 = 0.085)");
        var point = Score(Flows + """, { "kind": "coercion", "from": "P", "to": "C", "type": "attack", "severity": 1, "date": "2012-03" }""");
        var span = Score(Flows + """, { "kind": "coercion", "from": "P", "to": "C", "type": "attack", "severity": 1, "start": "2012-03", "end": "2012-03" }""");

        DocPage.Figure(At(point, 2012).Conflict, "0.63");
        DocPage.Figure(At(span, 2012).Conflict, "0.08");
        var war = Explainer.Explain(span, Pair("P", "C"), Period.FromYear(2012), "conflict").Contributions.Single();
        Math.Round(war.Weight, 3).Should().Be(0.085);
    }

    [Fact]
    public void Rule2_Ignored_ReadsAsDefied_AndPartialEarnsHalf()
    {
        Page.Quotes("[One demand of salience 0.9 in 2012: compliance 1, 0.5, 0, 0; conflict 0, 0, 0.36, 0.36; client agency 0, 0.125, 0.5, 0.5 for complied, partial, ignored, defied.]");
        var expected = new Dictionary<string, (string Compliance, string Conflict, string Agency)>
        {
            ["complied"] = ("1", "0", "0"),
            ["partial"] = ("0.5", "0", "0.125"),
            ["ignored"] = ("0", "0.36", "0.5"),
            ["defied"] = ("0", "0.36", "0.5"),
        };
        foreach (var (response, (compliance, conflict, agency)) in expected)
        {
            var at = At(Score(Flows + Demand(response, "\"date\": \"2012\""), Issue), 2012);
            DocPage.Figure(at.Compliance, compliance);
            DocPage.Figure(at.Conflict, conflict);
            DocPage.Figure(at.ClientAgency, agency);
        }
    }

    [Fact]
    public void Rule2_ADemandRefusedAndMetLater_AsTwoItems_AndAsAStandingRefusal()
    {
        Page.Quotes("(defied 2011, complied 2013: compliance 0 in 2011–2012, 0.5 in 2013, 1 from 2014, since the compliance window is three years)");
        var two = Score(Flows + Demand("defied", "\"date\": \"2011\"") + Demand("complied", "\"date\": \"2013\""), Issue);
        Compliance(two, ("2011", "0"), ("2012", "0"), ("2013", "0.5"), ("2014", "1"), ("2015", "1"));

        Page.Quotes("(defied 2011–2012, complied 2013: conflict 0.36 in 2011 and in 2012, compliance 0.33 in 2013, 0.5 in 2014, 1 in 2015)");
        var standing = Score(Flows + Demand("defied", "\"start\": \"2011\", \"end\": \"2012\"") + Demand("complied", "\"date\": \"2013\""), Issue);
        DocPage.Figure(At(standing, 2011).Conflict, "0.36");
        DocPage.Figure(At(standing, 2012).Conflict, "0.36");
        Compliance(standing, ("2013", "0.33"), ("2014", "0.5"), ("2015", "1"));
    }

    [Fact]
    public void Rule3_ConfidenceWeighsItemsAgainstEachOther_InRatios_AndScalesThemInSums()
    {
        Page.Quotes("one attainment observation of 0.6 reads 0.6, one capability gives the same asymmetry (0.33), one public pledge the same diffuse obligation (0.30), whether confirmed or alleged");
        Page.Quotes("a confirmed complied demand and an alleged defied one together give compliance 0.71 (1 / 1.4)");
        Page.Quotes("a confirmed attack of severity 1 gives conflict 0.63, an alleged one 0.33");
        const string objective = """{ "objectives": [{ "id": "o", "holder": "P", "toward": "C", "name": "an objective", "salience": 0.8 }] }""";
        foreach (var confidence in new[] { "confirmed", "alleged" })
        {
            DocPage.Figure(At(Score(Flows + $$""", { "kind": "attainment", "objective": "o", "value": 0.6, "date": "2012", "confidence": "{{confidence}}" }""", objective), 2012).Attainment, "0.6");
            DocPage.Figure(At(Score(Flows + $$""", { "kind": "capability", "actor": "C", "value": 40, "date": "2012", "confidence": "{{confidence}}" }"""), 2012).Asymmetry, "0.33");
            DocPage.Figure(At(Score(Flows + $$""", { "kind": "commitment", "from": "P", "to": "C", "formality": "publicPledge", "start": "2010", "end": "2015", "confidence": "{{confidence}}" }"""), 2012).DiffuseObligation, "0.30");
            var attack = At(Score(Flows + $$""", { "kind": "coercion", "from": "P", "to": "C", "type": "attack", "severity": 1, "date": "2012", "confidence": "{{confidence}}" }"""), 2012);
            DocPage.Figure(attack.Conflict, confidence == "confirmed" ? "0.63" : "0.33");
        }

        var mixed = Score(Flows + Demand("complied", "\"date\": \"2012\"") + Demand("defied", "\"date\": \"2012\", \"confidence\": \"alleged\""), Issue);
        DocPage.Figure(At(mixed, 2012).Compliance, "0.71");
    }

    [Fact]
    public void Rule4_MagnitudesAddBeforeSaturation_AndAUnitSaturatesEachAmount()
    {
        Page.Quotes("funding 0.6 alone, or funding, arms and training 0.2 each, give exchange 0.61 and account balance 0.09 against loyalty 0.5 a year back");
        Page.Quotes("funding, arms and training 0.6 each give exchange 0.39 (less reciprocal) and balance 0.57");
        foreach (var package in new[] { Support("funding", 0.6), Support("funding", 0.2) + Support("arms", 0.2) + Support("training", 0.2) })
        {
            var at = At(Score(LoyaltyBack + package), 2012);
            DocPage.Figure(at.Exchange, "0.61");
            DocPage.Figure(at.AccountBalance, "0.09");
        }

        var ownScale = At(Score(LoyaltyBack + Support("funding", 0.6) + Support("arms", 0.6) + Support("training", 0.6)), 2012);
        DocPage.Figure(ownScale.Exchange, "0.39");
        DocPage.Figure(ownScale.AccountBalance, "0.57");

        Page.Quotes("US$300m a year as one item reads 0.53 (reference 400), as three items of US$100m 0.22 each, 0.66 in all (exchange 0.62 and 0.59, balance 0.03 and 0.14)");
        var one = Score(LoyaltyBack + Amount("funding", 300), UsdM);
        var three = Score(LoyaltyBack + Amount("funding", 100) + Amount("arms", 100) + Amount("training", 100), UsdM);
        Math.Round(1 - Math.Exp(-300.0 / 400), 2).Should().Be(0.53);
        Math.Round(1 - Math.Exp(-100.0 / 400), 2).Should().Be(0.22);
        Math.Round(3 * (1 - Math.Exp(-100.0 / 400)), 2).Should().Be(0.66);
        DocPage.Figure(At(one, 2012).Exchange, "0.62");
        DocPage.Figure(At(three, 2012).Exchange, "0.59");
        DocPage.Figure(At(one, 2012).AccountBalance, "0.03");
        DocPage.Figure(At(three, 2012).AccountBalance, "0.14");

        Page.Quotes("so US$277m a year at reference 400 balances loyalty 0.5 (account balance 0.00, exchange 0.63)");
        var balanced = At(Score(LoyaltyBack + Amount("funding", 400 * Math.Log(2)), UsdM), 2012);
        DocPage.Figure(balanced.AccountBalance, "0.00");
        DocPage.Figure(balanced.Exchange, "0.63");
        Math.Round(400 * Math.Log(2)).Should().Be(277);
    }

    [Fact]
    public void Rule5_ARocketsUnit_ReadsAsItsReferenceSays()
    {
        Page.Quotes("(5,000 rockets delivered in 2012 read 0.39 at a reference of 10,000 and 0.22 at 20,000; exchange 0.25 and 0.13 against loyalty 0.5 back)");
        foreach (var (reference, magnitude, exchange) in new[] { (10000, "0.39", "0.25"), (20000, "0.22", "0.13") })
        {
            var scores = Score(
                LoyaltyBack + """, { "kind": "support", "from": "P", "to": "C", "resource": "arms", "amount": 5000, "unit": "rockets", "date": "2012" }""",
                $$"""{ "units": [{ "id": "rockets", "name": "rockets", "reference": {{reference}} }] }""");
            DocPage.Figure(At(scores, 2012).Exchange, exchange);
            var delivery = Explainer.Explain(scores, Pair("P", "C"), Period.FromYear(2012), "exchange").Contributions.Single(c => c.Term.StartsWith("patron", StringComparison.Ordinal));
            Math.Round(delivery.Weight, 2).Should().Be(double.Parse(magnitude, CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public void Rule6_ATransitStateCodedAsSupportingTheClient_IsAnAlternativePatron()
    {
        Page.Quotes("Transit in the note: patron share 1, alternative patrons 0. Transit coded as logistics 0.4 from the transit state to the client: patron share 0.6, alternative patrons 1, dependence asymmetry −0.4, client agency 0.2. Transit coded as access given to the patron (`tradeTransitAccess` 0.4): patron share 1, but brokerage 1");
        Page.Quotes("and dependence asymmetry 0.44");
        const string actors = """{ "actors": [{ "id": "P", "name": "P", "kind": "state" }, { "id": "C", "name": "C", "kind": "movement" }, { "id": "T", "name": "Transit state", "kind": "state" }] }""";
        const string core = """
            { "kind": "support", "from": "P", "to": "C", "resource": "arms", "magnitude": 0.6, "start": "2010", "end": "2015" },
            { "kind": "support", "from": "C", "to": "P", "resource": "proxyAction", "magnitude": 0.5, "start": "2010", "end": "2015" },
            { "kind": "capability", "actor": "T", "value": 40, "date": "2010" }
            """;

        var note = At(Score(core, actors), 2012);
        DocPage.Figure(note.PatronShare, "1");
        DocPage.Figure(note.AlternativePatrons, "0");

        var toClient = At(Score(core + """, { "kind": "support", "from": "T", "to": "C", "resource": "logistics", "magnitude": 0.4, "start": "2010", "end": "2015" }""", actors), 2012);
        DocPage.Figure(toClient.PatronShare, "0.6");
        DocPage.Figure(toClient.AlternativePatrons, "1");
        DocPage.Figure(toClient.DependenceAsymmetry, "−0.4");
        DocPage.Figure(toClient.ClientAgency, "0.2");

        var toPatron = At(Score(core + """, { "kind": "support", "from": "T", "to": "P", "resource": "tradeTransitAccess", "magnitude": 0.4, "start": "2010", "end": "2015" }""", actors), 2012);
        DocPage.Figure(toPatron.PatronShare, "1");
        DocPage.Figure(toPatron.AlternativePatrons, "0");
        DocPage.Figure(toPatron.Brokerage, "1");
        DocPage.Figure(toPatron.DependenceAsymmetry, "0.44");
    }

    [Fact]
    public void Rule7_AFactionDyad_NeedsFlowsAtTheFactionBothWays()
    {
        Page.Quotes("[Patron arms 0.6 to faction F, proxy action 0.5 back from the movement C: P → F reads exchange 0 and *dormant*, P → C 0.61 and *consolidated*. With the returns coded from F: P → F 0.61, *consolidated*. With every flow at the movement: P → F has no exchange at all and is unobserved.]");
        Page.Quotes("(toward C, attained 0.7: attainment 0.7 for P → F)");
        const string setting = """
            {
              "actors": [{ "id": "P", "name": "P", "kind": "state" }, { "id": "C", "name": "C", "kind": "movement" }, { "id": "F", "name": "F", "kind": "faction", "parent": "C" }],
              "dyads": [{ "patron": "P", "client": "C" }, { "patron": "P", "client": "F" }],
              "objectives": [{ "id": "o", "holder": "P", "toward": "C", "name": "an objective toward the movement", "salience": 0.8 }]
            }
            """;
        const string common = """
            { "kind": "capability", "actor": "F", "value": 5, "date": "2010" },
            { "kind": "attainment", "objective": "o", "value": 0.7, "date": "2012" },
            """;
        string Flow(string from, string to, string resource, double magnitude) =>
            $$"""{ "kind": "support", "from": "{{from}}", "to": "{{to}}", "resource": "{{resource}}", "magnitude": {{magnitude.ToString(CultureInfo.InvariantCulture)}}, "start": "2010", "end": "2015" }""";

        var movementBack = Score(common + Flow("P", "F", "arms", 0.6) + ", " + Flow("C", "P", "proxyAction", 0.5), setting, [Pair("P", "F"), Pair("P", "C")]);
        var f = movementBack.For(Pair("P", "F"), Period.FromYear(2012));
        DocPage.Figure(f.Exchange, "0");
        f.State.State.Should().Be(RelationshipState.Dormant);
        DocPage.Figure(f.Attainment, "0.7");
        var c = movementBack.For(Pair("P", "C"), Period.FromYear(2012));
        DocPage.Figure(c.Exchange, "0.61");
        c.State.State.Should().Be(RelationshipState.Consolidated);

        var factionBoth = Score(common + Flow("P", "F", "arms", 0.6) + ", " + Flow("F", "P", "proxyAction", 0.5), setting, [Pair("P", "F")]).For(Pair("P", "F"), Period.FromYear(2012));
        DocPage.Figure(factionBoth.Exchange, "0.61");
        factionBoth.State.State.Should().Be(RelationshipState.Consolidated);

        var movementOnly = Score(common + Flow("P", "C", "arms", 0.6) + ", " + Flow("C", "P", "proxyAction", 0.5), setting, [Pair("P", "F")]).For(Pair("P", "F"), Period.FromYear(2012));
        movementOnly.Exchange.IsDefined.Should().BeFalse();
        movementOnly.State.State.Should().BeNull("the faction dyad is not observed");
    }

    [Fact]
    public void Rule8_ARenamedActor_KeepsItsEnduranceAsOneActor_AndRestartsAsTwo()
    {
        Page.Quotes("one actor reads endurance 0.39 and 0.45 in 2014–2015 and passes the test from 2013; renamed as a second actor in 2014, the new dyad reads 0.10 and 0.18 and fails it in both years");
        string Tie(string client, string from, string to) => $$"""
            { "kind": "support", "from": "P", "to": "{{client}}", "resource": "funding", "magnitude": 0.5, "start": "{{from}}", "end": "{{to}}" },
            { "kind": "support", "from": "{{client}}", "to": "P", "resource": "proxyAction", "magnitude": 0.4, "start": "{{from}}", "end": "{{to}}" },
            { "kind": "commitment", "from": "P", "to": "{{client}}", "formality": "privateUnderstanding", "start": "{{from}}", "end": "{{to}}" }
            """;

        var one = Score(Tie("C", "2010", "2015"), """{ "actors": [{ "id": "P", "name": "P", "kind": "state" }, { "id": "C", "name": "Africa Corps", "kind": "nonStateArmedGroup", "aliases": ["Wagner Group"] }] }""");
        DocPage.Figure(At(one, 2014).Endurance, "0.39");
        DocPage.Figure(At(one, 2015).Endurance, "0.45");
        one.For(Pair("P", "C")).Where(a => a.Period.Year >= 2013).Should().OnlyContain(a => a.PatronClient.IsPatronClient == true);
        At(one, 2012).PatronClient.IsPatronClient.Should().BeFalse();

        var two = Score(
            Tie("W", "2010", "2013") + ", " + Tie("C", "2014", "2015") + """, { "kind": "capability", "actor": "W", "value": 20, "date": "2010" }""",
            """
            {
              "actors": [{ "id": "P", "name": "P", "kind": "state" }, { "id": "W", "name": "Wagner Group", "kind": "nonStateArmedGroup", "activeTo": "2013" },
                         { "id": "C", "name": "Africa Corps", "kind": "nonStateArmedGroup", "activeFrom": "2014" }],
              "dyads": [{ "patron": "P", "client": "W" }, { "patron": "P", "client": "C" }]
            }
            """,
            capabilityOfCFrom: "2014");
        DocPage.Figure(At(two, 2014).Endurance, "0.10");
        DocPage.Figure(At(two, 2015).Endurance, "0.18");
        At(two, 2014).PatronClient.IsPatronClient.Should().BeFalse();
        At(two, 2015).PatronClient.IsPatronClient.Should().BeFalse();
    }

    [Fact]
    public void Rule9_NamesOpenQuestion8_WithItsFigure()
    {
        Page.Quotes("([open questions](open-questions.md) §8: from 1 to 0.76, and the test fails)");
        File.ReadAllText(Repository.PathOf("docs", "open-questions.md")).Should().Contain("## 8. A public pledge on top of a private tie");
    }

    private static string Demand(string response, string date) =>
        $$""", { "kind": "demand", "from": "P", "to": "C", "issue": "i", "salience": 0.9, "response": "{{response}}", {{date}} }""";

    private static string Support(string resource, double magnitude) =>
        $$""", { "kind": "support", "from": "P", "to": "C", "resource": "{{resource}}", "magnitude": {{magnitude.ToString(CultureInfo.InvariantCulture)}}, "start": "2010", "end": "2015" }""";

    private static string Amount(string resource, double amount) =>
        $$""", { "kind": "support", "from": "P", "to": "C", "resource": "{{resource}}", "amount": {{amount.ToString("R", CultureInfo.InvariantCulture)}}, "unit": "usd-m", "start": "2010", "end": "2015" }""";

    private static void Compliance(ScoreSet scores, params (string Year, string Printed)[] expected)
    {
        foreach (var (year, printed) in expected)
        {
            DocPage.Figure(At(scores, int.Parse(year, CultureInfo.InvariantCulture)).Compliance, printed);
        }
    }

    /// <summary>
    /// The test case: P (capability 80) and C (20, from <paramref name="capabilityOfCFrom"/>), 2010–2015, one source,
    /// the given evidence items (ids and sources added, confirmed unless they say otherwise) and top-level fields.
    /// </summary>
    private static ScoreSet Score(string items, string? fields = null, Dyad[]? dyads = null, string capabilityOfCFrom = "2010")
    {
        var top = new Dictionary<string, string>
        {
            ["schema"] = "\"influence.case/1\"",
            ["id"] = "\"coding-guide\"",
            ["name"] = "\"A test case of the coding guide\"",
            ["granularity"] = "\"year\"",
            ["from"] = "\"2010\"",
            ["to"] = "\"2015\"",
            ["sources"] = """[{ "id": "s", "citation": "test" }]""",
            ["actors"] = """[{ "id": "P", "name": "P", "kind": "state" }, { "id": "C", "name": "C", "kind": "movement" }]""",
            ["dyads"] = """[{ "patron": "P", "client": "C" }]""",
        };
        if (fields is not null)
        {
            using var doc = System.Text.Json.JsonDocument.Parse(fields);
            foreach (var p in doc.RootElement.EnumerateObject())
            {
                top[p.Name] = p.Value.GetRawText();
            }
        }

        var all = $$"""
            { "kind": "capability", "actor": "P", "value": 80, "date": "2010" },
            { "kind": "capability", "actor": "C", "value": 20, "date": "{{capabilityOfCFrom}}" },
            {{items.Trim().TrimStart(',')}}
            """;
        using var evidence = System.Text.Json.JsonDocument.Parse("[" + all.Trim().TrimEnd(',') + "]");
        var numbered = evidence.RootElement.EnumerateArray().Select((e, i) =>
        {
            var body = e.GetRawText().Trim()[1..];
            var confidence = e.TryGetProperty("confidence", out _) ? "" : "\"confidence\": \"confirmed\", ";
            return $$"""{ "id": "e{{i}}", "sources": ["s"], {{confidence}}{{body}}""";
        });
        top["evidence"] = "[" + string.Join(",\n", numbered) + "]";
        var json = "{" + string.Join(",\n", top.Select(kv => $"\"{kv.Key}\": {kv.Value}")) + "}";

        var @case = CaseReader.Read(json, "coding-guide.json");
        return Scorer.Score(@case, ScoringOptions.Default, new ScoringRequest { Dyads = [.. dyads ?? []] });
    }

    private static PeriodScores At(ScoreSet scores, int year) =>
        scores.For(scores.Dyads.Single(d => d.Client is "C"), Period.FromYear(year));

    private static Dyad Pair(string patron, string client) => new(patron, client);
}
