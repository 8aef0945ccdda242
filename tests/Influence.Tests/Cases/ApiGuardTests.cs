using FluentAssertions;
using Influence.Cases;
using Influence.Evidence;
using Influence.IO;
using Influence.Networks;
using Influence.Scoring;
using Influence.Tests.Support;
using Influence.Theory;
using QuikGraph;
using Xunit;

namespace Influence.Tests.Cases;

/// <summary>
/// What the public API must refuse or protect: lists that callers could cast back to the library's own arrays, enum
/// values outside their enums, unset dates and null ids. Each failure must name what was wrong where it happens,
/// not later inside the engine.
/// </summary>
public class ApiGuardTests
{
    private static Case Faction()
    {
        var b = TestCases.Builder();
        b.AddActor(new Actor("H", "Faction of C", ActorKind.Faction) { Parent = "C" });
        b.AddObjective(new Objective("o1", "P", "An objective", 1.0));
        b.Add(TestCases.Support("e1", TestCases.Year(2005), "P", "H", 0.5));
        return b.Build();
    }

    [Fact]
    public void AncestorsOrSelf_IsAReadOnlyView_NotTheIndexsOwnArray()
    {
        var c = Faction();
        var index = Scorer.Score(c).Index;
        var h = c.ActorIndexOf("H");

        var chain = index.AncestorsOrSelf(h);

        chain.Should().Equal(h, c.ActorIndexOf("C"));
        chain.Should().NotBeAssignableTo<int[]>().And.NotBeAssignableTo<List<int>>();
        ((IList<int>)chain).IsReadOnly.Should().BeTrue();
        var act = () => ((IList<int>)chain)[1] = c.ActorIndexOf("X");
        act.Should().Throw<NotSupportedException>();
        index.IsWithin(h, c.ActorIndexOf("C")).Should().BeTrue();
    }

    [Fact]
    public void ObjectivesHeldBy_IsAReadOnlyView()
    {
        var c = Faction();
        var held = Scorer.Score(c).Index.ObjectivesHeldBy(c.ActorIndexOf("P"));

        held.Should().Equal(0);
        held.Should().NotBeAssignableTo<int[]>();
        ((IList<int>)held).IsReadOnly.Should().BeTrue();
    }

    [Fact]
    public void BrokerageRoles_CannotBeChangedByTheCaller()
    {
        var graph = new BidirectionalGraph<string, Edge<string>>();
        graph.AddVerticesAndEdge(new Edge<string>("A", "B"));
        graph.AddVerticesAndEdge(new Edge<string>("B", "C"));

        var roles = GouldFernandez.Roles(graph, v => v);

        roles.Should().NotBeOfType<Dictionary<string, BrokerageRoles>>();
        ((IDictionary<string, BrokerageRoles>)roles).IsReadOnly.Should().BeTrue();
        roles.Keys.Should().Equal("A", "B", "C");
        roles["B"].Liaison.Should().Be(1);
    }

    [Fact]
    public void ProblemLists_AreCopied_SoTheCallersListCannotChangeThemLater()
    {
        var list = new List<CaseProblem> { new("$.actors[0]", "P", "a problem") };

        var e = new InvalidCaseException(list);
        var r = new CaseReadResult(null, list);
        list.Add(new CaseProblem("$.actors[1]", "C", "another"));

        e.Problems.Should().ContainSingle();
        r.Problems.Should().ContainSingle();
        (r with { Problems = list }).Problems.Should().HaveCount(2).And.NotBeSameAs(list);
        e.Problems.Should().NotBeAssignableTo<List<CaseProblem>>();
    }

    [Fact]
    public void CaseEntities_CheckTheirValues_OnWithAsOnConstruction()
    {
        var objective = new Objective("o1", "P", "An objective", 0.5);
        var source = new Source("s1", "A source");
        var issue = new Issue("i1", "An issue");
        var unit = new AmountUnit("usd-m", "US$ million", 100);

        new Action[]
        {
            () => _ = objective with { Id = "not an id" },
            () => _ = objective with { Holder = "" },
            () => _ = objective with { Name = " " },
            () => _ = objective with { Salience = 0 },
            () => _ = source with { Citation = "" },
            () => _ = issue with { Name = "" },
            () => _ = unit with { Reference = -1 },
            () => _ = unit with { Name = null! },
        }.Should().AllSatisfy(change => change.Should().Throw<ArgumentException>());
        (objective with { Salience = 1 }).Salience.Should().Be(1);
    }

    [Fact]
    public void Actor_RejectsAKindOutsideTheEnum()
    {
        var act = () => new Actor("Q", "Q", (ActorKind)99);

        act.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("Kind");
    }

    [Fact]
    public void ColumnarAdds_RejectEnumValuesOutsideTheirEnums()
    {
        var b = TestCases.Builder();
        var y = TestCases.Year(2005);

        new Action[]
        {
            () => b.AddSupport("a", y, Confidence.Confirmed, "s1", "P", "C", (ResourceType)999, 0.5),
            () => b.AddCoercion("b", y, Confidence.Confirmed, "s1", "P", "C", (CoercionType)99, 0.5),
            () => b.AddDemand("c", y, Confidence.Confirmed, "s1", "P", "C", "i", 0.5, (DemandResponse)99),
            () => b.AddPresence("d", y, Confidence.Confirmed, "s1", "P", "C", (PresenceType)99, 0.5),
            () => b.AddCommitment("e", y, Confidence.Confirmed, "s1", "P", "C", (CommitmentFormality)99),
        }.Should().AllSatisfy(add => add.Should().Throw<ArgumentOutOfRangeException>().WithMessage("* must be a *, one of *; was 99*"));
        b.Build().Evidence.Count.Should().Be(0);
    }

    [Fact]
    public void Builder_RejectsAnUnsetDate_NamingTheItem()
    {
        var b = TestCases.Builder();

        var act = () => b.AddSupport("e1", default, Confidence.Confirmed, "s1", "P", "C", ResourceType.Funding, 0.5);
        var record = () => b.Add(TestCases.Support("e2", default, "P", "C", 0.5));

        act.Should().Throw<ArgumentException>().WithMessage("*\"e1\" has no date*").Which.ParamName.Should().Be("date");
        record.Should().Throw<ArgumentException>().WithMessage("*\"e2\" has no date*");
        b.AddSupport("e3", EvidenceDate.InYear(1), Confidence.Confirmed, "s1", "P", "C", ResourceType.Funding, 0.5);
    }

    [Fact]
    public void Lookups_NameTheNullArgument()
    {
        var c = Faction();

        ((Action)(() => c.FindActor(null!))).Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("id");
        ((Action)(() => c.ActorIndexOf(null!))).Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("id");
        ((Action)(() => c.FindSource(null!))).Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("id");
        ((Action)(() => Scorer.Score(c).MeasureIndexOf(null!))).Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("measure");
    }

    [Fact]
    public void AMeasureTheRequestLeftOut_IsSaidToBeLeftOut_NotToNotExist()
    {
        var scores = Scorer.Score(Faction(), request: new ScoringRequest { Measures = ["exchange"] });
        var at = scores.For(TestCases.PC, Period.FromYear(2005));

        var leftOut = () => scores.Get("conflict", TestCases.PC, Period.FromYear(2005));
        var unknown = () => at["conflct"];

        leftOut.Should().Throw<ArgumentException>().WithMessage("measure 'conflict' was not scored: the request left it out*scored: exchange*");
        unknown.Should().Throw<ArgumentException>().WithMessage("no measure is called 'conflct'*");
    }

    [Fact]
    public void ACustomMeasureTheRequestLeftOut_IsSaidToBeLeftOut()
    {
        var options = ScoringOptions.Default with { CustomMeasures = [new Named("mine")] };
        var scores = Scorer.Score(Faction(), options, new ScoringRequest { Measures = ["exchange"] });

        var leftOut = () => scores.Get("mine", TestCases.PC, Period.FromYear(2005));

        leftOut.Should().Throw<ArgumentException>().WithMessage("measure 'mine' was not scored: the request left it out*");
    }

    [Theory]
    [InlineData("Bad Name,\"x")]
    [InlineData("1st")]
    [InlineData("with-dash")]
    [InlineData("_lead")]
    public void MeasureNames_ThatWouldNeedQuoting_AreRejected(string name)
    {
        var act = () => new Named(name);

        act.Should().Throw<ArgumentException>().WithMessage("a measure's name must be a letter*").Which.ParamName.Should().Be("name");
    }

    [Theory]
    [InlineData("supportDiversity")]
    [InlineData("x2")]
    [InlineData("my_measure")]
    public void MeasureNames_OfLettersDigitsAndUnderscores_AreAccepted(string name) =>
        new Named(name).Name.Should().Be(name);

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void ScoreWriterNumber_RefusesWhatIsNotAFiniteNumber(double value)
    {
        var act = () => ScoreWriter.Number(value);

        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*never written*");
        ScoreWriter.Number(null).Should().BeEmpty();
        ScoreWriter.Number(0.25).Should().Be("0.25");
    }

    [Theory]
    [InlineData("Pakistan", "; did you mean \"pakistan\"?")]
    [InlineData("pakistn", "; did you mean \"pakistan\"?")]
    [InlineData("talibn", "; did you mean \"taliban\"?")]
    [InlineData("talbian", "; did you mean \"taliban\"?")] // two letters swapped: one edit
    [InlineData("cihna", "; did you mean \"china\"?")]
    [InlineData("xyz", "")]
    public void UnknownActors_AreNamedWithTheNearestId(string given, string suggestion)
    {
        var c = Influence.IO.CaseReader.LoadBuiltIn();

        var act = () => Scorer.Score(c, request: new ScoringRequest { Dyads = [new Dyad(given, "taliban")] });

        act.Should().Throw<ArgumentException>().Which.Message.Should().StartWith($"dyad {given}→taliban: no actor is called \"{given}\" in case 'pakistan-taliban'{suggestion} (");
    }

    [Fact]
    public void TheBuilder_SuggestsAnActor_ForAnUnknownReference()
    {
        var b = TestCases.Builder().Add(TestCases.Support("e1", TestCases.Year(2005), "p", "C", 0.5));

        b.TryBuild(out _, out var problems).Should().BeFalse();

        problems.Should().ContainSingle().Which.Message.Should().EndWith("no actor is called \"p\"; did you mean \"P\"?");
    }

    [Fact]
    public void Periods_NameTheirBadArguments()
    {
        var parseNull = () => Period.Parse(null!);
        var overflow = () => Period.FromYear(2000).AddPeriods(int.MaxValue);

        parseNull.Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("text");
        overflow.Should().Throw<ArgumentOutOfRangeException>().WithMessage("moving 2000 by 2147483647 periods leaves the years 1 … 9999*");
        Period.FromYear(2000).AddPeriods(-1999).Should().Be(Period.FromYear(1));
    }

    [Theory]
    [InlineData(5, 100)]
    [InlineData(5, 9)]
    [InlineData(5, -11)]
    [InlineData(5, long.MinValue)]
    public void ExactPValue_RefusesAStatisticNoOrderCanGive(int n, long s)
    {
        var act = () => Influence.TimeSeries.Trends.ExactPValue(n, s);

        act.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("s");
    }

    [Fact]
    public void ExactPValue_OfTheLargestStatistic_IsTwoOverNFactorial()
    {
        Influence.TimeSeries.Trends.ExactPValue(5, 10).Should().BeApproximately(2.0 / 120, 1e-15);
        Influence.TimeSeries.Trends.ExactPValue(5, 0).Should().Be(1);
    }

    [Fact]
    public void WhatFlips_RefusesAVerdictOutsideTheEnum()
    {
        var act = () => Influence.Uncertainty.Sensitivity.WhatFlips(Faction(), TestCases.PC, Period.FromYear(2005), (Influence.Uncertainty.Verdict)5);

        act.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("verdict");
    }

    [Fact]
    public void WithDyads_RefusesUnsetUnknownSelfAndRepeatedDyads()
    {
        var c = Faction();

        new (Dyad[] Dyads, string Message)[]
        {
            ([default], "a dyad must name a patron and a client*"),
            ([new Dyad("P", "Q")], "dyad P→Q: no actor is called \"Q\"*"),
            ([new Dyad("P", "P")], "dyad P→P must name two different actors*"),
            ([TestCases.PC, TestCases.PC], "dyad P→C is given twice*"),
        }.Should().AllSatisfy(x => c.Invoking(k => k.WithDyads(x.Dyads)).Should().Throw<ArgumentException>().WithMessage(x.Message).Which.ParamName.Should().Be("dyads"));
        c.WithDyads([new Dyad("X", "C")]).Dyads.Should().Equal(new Dyad("X", "C"));
    }

    [Fact]
    public void SensitivityAnalyses_RefuseAPeriodOutsideTheCase()
    {
        var c = Faction();
        var tornado = () => Influence.Uncertainty.Sensitivity.Tornado(c, TestCases.PC, Period.FromYear(1800), "conflict");
        var flips = () => Influence.Uncertainty.Sensitivity.WhatFlips(c, TestCases.PC, Period.FromYear(2011), Influence.Uncertainty.Verdict.State);

        tornado.Should().Throw<ArgumentOutOfRangeException>().WithMessage("period 1800 is outside the case's range 2000–2010*").Which.ParamName.Should().Be("period");
        flips.Should().Throw<ArgumentOutOfRangeException>().WithMessage("period 2011 is outside the case's range 2000–2010*");
    }

    private sealed class Named(string name) : Measure(name)
    {
        public override MeasureScale Scale => MeasureScale.Unit;

        public override string Formula => "none";

        public override string Citation => "none";

        public override double? Evaluate(in DyadPeriod at) => null;

        public override void Trace(in DyadPeriod at, ICollection<EvidenceUse> uses)
        {
        }
    }

    public static TheoryData<string, Action> ControlCharacters() => new()
    {
        { "Name", () => _ = new Actor("a", "Bad\u0000name", ActorKind.State) },
        { "Note", () => _ = new Actor("a", "Actor", ActorKind.State) { Note = "ring\u0007" } },
        { "Aliases[1]", () => _ = new Actor("a", "Actor", ActorKind.State) { Aliases = ["fine", "esc\u001b[31m"] } },
        { "Citation", () => _ = new Source("s", "Cited\u0000") },
        { "Url", () => _ = new Source("s", "Cited") { Url = "https://example.org/\u007f" } },
        { "Name", () => _ = new Issue("i", "Issue\u0001") },
        { "Description", () => _ = new Objective("o", "P", "Objective", 0.5) { Description = "\u0002" } },
        { "Unit", () => _ = new Indicator("i", "o", "Indicator", IndicatorDirection.HigherIsBetter, 1, 0) { Unit = "\u0003" } },
        { "Name", () => _ = new AmountUnit("u", "US$\u0000", 1) },
        { "Note", () => _ = TestCases.Support("e", TestCases.Year(2005), "P", "C", 0.5) with { Note = "\u0000" } },
        { "name", () => _ = new CaseBuilder("c", "Case\u0000") },
        { "Description", () => _ = new CaseBuilder("c", "Case") { Description = "\u0000" } },
    };

    [Theory]
    [MemberData(nameof(ControlCharacters))]
    public void FreeText_WithAControlCharacter_IsRefused_AsTheCaseReaderRefusesIt(string property, Action create)
    {
        create.Should().Throw<ArgumentException>()
            .Which.Message.Should().StartWith($"{property} must be text without control characters (tabs and line breaks aside); character ");
    }

    [Fact]
    public void FreeText_MayHoldTabsAndLineBreaks()
    {
        var actor = new Actor("a", "Actor", ActorKind.State) { Note = "line one\n\tline two\r\n" };

        actor.Note.Should().Be("line one\n\tline two\r\n");
    }
}
