using System.Text;
using FluentAssertions;
using Influence.Cases;
using Influence.IO;
using Influence.Scoring;
using Influence.Tests.Support;
using Influence.Uncertainty;
using Xunit;

namespace Influence.Tests.Scoring;

/// <summary>Actors that say when they existed (<see cref="Actor.ActiveFrom"/>, <see cref="Actor.ActiveTo"/>).</summary>
public sealed class ActorLifespanTests
{
    private static readonly Dyad PC = TestCases.PC;

    /// <summary>
    /// P supports C and C supports P every year 2000–2010, P coerces C in 2003 and 2007, P holds an objective toward
    /// every client observed in 2001: with <paramref name="client"/> as C's entry.
    /// </summary>
    private static Case Build(Actor client)
    {
        var b = new CaseBuilder("life", "Life spans") { From = Period.FromYear(2000), To = Period.FromYear(2010) };
        b.AddSource(new Source("s1", "A test source"));
        b.AddActor(new Actor("P", "Patron", ActorKind.State));
        b.AddActor(client);
        b.AddActor(new Actor("X", "Third party", ActorKind.State));
        b.AddDyad("P", "C");
        b.AddObjective(new Objective("aim", "P", "An aim", 0.8));
        b.Add(TestCases.Attained("att", TestCases.Year(2001), "aim", 0.5));
        b.Add(TestCases.Support("x-p", TestCases.Years(2000, 2010), "X", "P", 0.4));
        for (var y = 2005; y <= 2010; y++)
        {
            b.Add(TestCases.Support($"give-{y}", TestCases.Year(y), "P", "C", 0.6));
            b.Add(TestCases.Support($"back-{y}", TestCases.Year(y), "C", "P", 0.3));
        }

        b.Add(TestCases.Coercion("hit-2007", TestCases.Year(2007), "P", "C", 0.5));
        return b.Build();
    }

    private static Actor Client => new("C", "Client", ActorKind.NonStateArmedGroup);

    [Fact]
    public void EveryMeasure_IsUndefined_BeforeTheClientExisted_AndUnchangedAfter()
    {
        var without = TestCases.Score(Build(Client));
        var with = TestCases.Score(Build(Client with { ActiveFrom = EvidenceDate.InMonth(2005, 3) }));

        without.Get("attainment", PC, Period.FromYear(2003)).Value.Should().Be(0.5, "without dates the patron's objective toward every client shows in the dyad before the client existed");
        for (var m = 0; m < with.Measures.Length; m++)
        {
            for (var p = 0; p < with.PeriodCount; p++)
            {
                var year = with.Periods[p].Year;
                if (year < 2005)
                {
                    with.Get(m, 0, p).Value.Should().BeNull($"{with.Measures[m].Name} in {year}, before the client existed");
                    with.Trace(m, 0, p).Should().BeEmpty();
                    with.EvidenceCount(m, 0, p).Should().Be(0);
                }
                else
                {
                    with.Get(m, 0, p).Should().Be(without.Get(m, 0, p), $"{with.Measures[m].Name} in {year}: 2005 overlaps March 2005 onwards, and later years are untouched");
                }
            }
        }

        ScoreWriter.ToJson(with).Should().NotBe(ScoreWriter.ToJson(without));
    }

    [Fact]
    public void TheVerdicts_SayWhyTheyAreUndetermined()
    {
        var scores = TestCases.Score(Build(Client with { ActiveFrom = EvidenceDate.InYear(2005) }));

        var p2004 = scores.For(PC, Period.FromYear(2004));
        scores.InactiveReason(0, 4).Should().Be("C did not exist in 2004 (it existed from 2005)");
        p2004.PatronClient.IsPatronClient.Should().BeNull();
        p2004.PatronClient.Rule.Should().Be("undetermined: C did not exist in 2004 (it existed from 2005)");
        p2004.State.State.Should().BeNull();
        p2004.State.Rule.Should().Be("unobserved: C did not exist in 2004 (it existed from 2005)");
        scores.InactiveReason(0, 5).Should().BeNull();
        scores.For(PC, Period.FromYear(2005)).State.Rule.Should().NotContain("exist");
        p2004.InactiveReason.Should().Be("C did not exist in 2004 (it existed from 2005)", "a period's scores say it too");
        p2004.IsActive.Should().BeFalse();
        scores.For(PC).Where(p => p.IsActive).Select(p => p.Period.Year).Should().NotContain(2004).And.Contain(2005);
    }

    [Fact]
    public void TheCsv_SaysWhichRowsAreNotScored_AndCarriesTheRules_QuotedWhereTheyHoldCommas()
    {
        var scores = TestCases.Score(Build(Client with { ActiveFrom = EvidenceDate.InYear(2005) }));

        var csv = ScoreWriter.ToCsv(scores);
        var rows = CsvRows.Parse(csv);
        var header = rows[0];
        var notScored = Array.IndexOf(header, "notScored");
        header[^5..].Should().Equal("notScored", "patronClientRule", "stateRule", "partial", "inputHash");
        rows.Skip(1).Should().AllSatisfy(r => r.Should().HaveCount(header.Length));
        var row2004 = rows.Single(r => r[2] == "2004");
        var row2006 = rows.Single(r => r[2] == "2006");
        row2004[notScored].Should().Be("C did not exist in 2004 (it existed from 2005)");
        row2004[notScored + 1].Should().Be("undetermined: C did not exist in 2004 (it existed from 2005)");
        row2004[notScored + 2].Should().Be("unobserved: C did not exist in 2004 (it existed from 2005)");
        row2006[notScored].Should().BeEmpty("the dyad is scored in 2006");
        row2006[notScored + 1].Should().Be(scores.For(PC, Period.FromYear(2006)).PatronClient.Rule);
        row2006[notScored + 2].Should().Be(scores.For(PC, Period.FromYear(2006)).State.Rule);
        var rules = rows.Skip(1).SelectMany(r => r[(notScored + 1)..(notScored + 3)]).ToList();
        rules.Should().Contain(r => r.Contains(',', StringComparison.Ordinal), "some rules hold commas");
        foreach (var rule in rules.Distinct())
        {
            csv.Should().Contain(rule.Contains(',', StringComparison.Ordinal) ? $",\"{rule}\"," : $",{rule},", "a cell is quoted when it holds a comma, and only then");
        }
    }

    [Fact]
    public void PatronClientCounts_NamesItsCounts_AsTheSharesDo_AndCountsPeriodsNotScoredAsUndetermined()
    {
        var scores = TestCases.Score(Build(Client with { ActiveFrom = EvidenceDate.InYear(2005) }));
        var verdicts = scores.For(PC).Select(p => p.PatronClient.IsPatronClient).ToList();

        var counts = scores.PatronClientCounts(PC, Period.FromYear(2000), Period.FromYear(2010));

        counts.Holds.Should().Be(verdicts.Count(v => v == true));
        counts.Fails.Should().Be(verdicts.Count(v => v == false));
        counts.Undetermined.Should().Be(verdicts.Count(v => v is null)).And.BeGreaterThanOrEqualTo(5, "2000–2004, before C existed, are undetermined");
        (counts.Holds + counts.Fails + counts.Undetermined).Should().Be(11);
    }

    [Fact]
    public void AnActorThatCeased_LeavesTheDyadUndefined_AfterItsLastDay_AtEveryGranularity()
    {
        var @case = Build(Client with { ActiveTo = EvidenceDate.OnDay(new DateOnly(2010, 8, 15)) });

        var quarters = TestCases.Score(@case, Granularity.Quarter);

        quarters.Get("exchange", PC, Period.Parse("2010Q3")).Value.Should().NotBeNull("15 August lies in the third quarter");
        quarters.Get("exchange", PC, Period.Parse("2010Q4")).Value.Should().BeNull();
        quarters.InactiveReason(0, quarters.Periods.IndexOf(Period.Parse("2010Q4"))).Should().Be("C did not exist in 2010Q4 (it existed until 2010-08-15)");
    }

    [Fact]
    public void Explanations_AndIntervals_FollowTheSpan()
    {
        var scores = TestCases.Score(Build(Client with { ActiveFrom = EvidenceDate.InYear(2005) }));

        var e = Explainer.Explain(scores, PC, Period.FromYear(2003), "attainment");
        e.Value.Should().BeNull();
        e.Contributions.Should().BeEmpty();

        var drawn = Intervals.Compute(scores, new IntervalOptions { Draws = 20, Seed = 3 });
        var before = drawn.For(PC, Period.FromYear(2003));
        before["attainment"].Low.Should().BeNull();
        before["attainment"].High.Should().BeNull();
        drawn.For(PC, Period.FromYear(2006))["exchange"].Value.Should().NotBeNull();
    }

    [Fact]
    public void EvidenceOutsideAnActorsSpan_IsAProblem_EveryOneReported()
    {
        var b = new CaseBuilder("bad", "Bad") { From = Period.FromYear(2000), To = Period.FromYear(2010) };
        b.AddSource(new Source("s1", "A test source"));
        b.AddActor(new Actor("P", "Patron", ActorKind.State) { ActiveTo = EvidenceDate.InYear(2008) });
        b.AddActor(Client with { ActiveFrom = EvidenceDate.InYear(2005) });
        b.AddDyad("P", "C");
        b.Add(TestCases.Support("early", TestCases.Year(2003), "P", "C", 0.5));
        b.Add(TestCases.Support("straddles", TestCases.Years(2003, 2005), "C", "P", 0.5));
        b.Add(TestCases.Capability("late", TestCases.Year(2009), "P", 50));

        b.TryBuild(out _, out var problems).Should().BeFalse();

        problems.Select(p => (p.Path, p.ItemId, p.Message)).Should().BeEquivalentTo(new[]
        {
            ("$.evidence[0].date", "early", "expected a date when \"C\" existed (from 2005, as its actor entry says); was 2003"),
            ("$.evidence[1].start", "straddles", "expected a span within the time \"C\" existed (from 2005, as its actor entry says); was 2003..2005"),
            ("$.evidence[2].date", "late", "expected a date when \"P\" existed (until 2008, as its actor entry says); was 2009"),
        });
    }

    [Fact]
    public void ASpan_FitsAtThePrecisionOfItsEnds_AndAPoint_NeedOnlyOverlap()
    {
        var b = new CaseBuilder("fit", "Fit") { From = Period.FromYear(2000), To = Period.FromYear(2010) };
        b.AddSource(new Source("s1", "A test source"));
        b.AddActor(new Actor("P", "Patron", ActorKind.State));
        b.AddActor(Client with { ActiveFrom = EvidenceDate.OnDay(new DateOnly(2002, 12, 1)), ActiveTo = EvidenceDate.OnDay(new DateOnly(2008, 8, 15)) });
        b.AddDyad("P", "C");
        b.Add(TestCases.Support("year-point", TestCases.Year(2002), "P", "C", 0.5));
        b.Add(TestCases.Support("month-span", EvidenceDate.Span(EvidenceDate.InMonth(2002, 12), EvidenceDate.InMonth(2008, 8)), "P", "C", 0.5));
        b.Add(TestCases.Support("year-span", TestCases.Years(2002, 2008), "C", "P", 0.5));

        b.TryBuild(out _, out var problems).Should().BeTrue(string.Join("; ", problems));
    }

    [Fact]
    public void EvidenceAboutAFaction_MustFitItsMovementsTime_AndObservationsTheirObjectivesActors()
    {
        var b = new CaseBuilder("faction", "Faction") { From = Period.FromYear(1990), To = Period.FromYear(2010) };
        b.AddSource(new Source("s1", "A test source"));
        b.AddActor(new Actor("P", "Patron", ActorKind.State));
        b.AddActor(new Actor("T", "Movement", ActorKind.Movement) { ActiveFrom = EvidenceDate.InYear(2000) });
        b.AddActor(new Actor("H", "Faction", ActorKind.Faction) { Parent = "T" });
        b.AddDyad("P", "T");
        b.AddObjective(new Objective("aim", "P", "An aim", 0.5) { Toward = "T" });
        b.Add(TestCases.Support("early", TestCases.Year(1995), "P", "H", 0.5));
        b.Add(TestCases.Attained("att", TestCases.Year(1999), "aim", 0.9));
        b.Add(TestCases.Support("fine", TestCases.Year(2001), "P", "H", 0.5));

        b.TryBuild(out _, out var problems).Should().BeFalse();

        problems.Select(p => (p.Path, p.ItemId, p.Message)).Should().BeEquivalentTo(new[]
        {
            ("$.evidence[0].date", "early", "expected a date when \"T\" existed (from 2000, as its actor entry says; \"H\" is part of it, so evidence about \"H\" counts for it); was 1995"),
            ("$.evidence[1].date", "att", "expected a date when \"T\" existed (from 2000, as its actor entry says; objective \"aim\" is pursued through it); was 1999"),
        });
    }

    [Fact]
    public void ADyadWhosePartiesNeverExistedTogether_IsAProblem()
    {
        var b = new CaseBuilder("apart", "Apart");
        b.AddActor(new Actor("P", "Patron", ActorKind.State) { ActiveTo = EvidenceDate.InYear(1990) });
        b.AddActor(Client with { ActiveFrom = EvidenceDate.InYear(1994) });
        b.AddDyad("P", "C");

        b.TryBuild(out _, out var problems).Should().BeFalse();

        problems.Should().ContainSingle().Which.Should().Be(new CaseProblem("$.dyads[0]", null, "expected a patron and a client that existed at the same time; \"C\" existed from 1994 and \"P\" until 1990"));
    }

    [Fact]
    public void MeasuresAreNotEvaluated_InPeriodsADyadDoesNotExist()
    {
        var options = ScoringOptions.Default with { CustomMeasures = [new FailsBefore2005()] };

        var scores = Scorer.Score(Build(Client with { ActiveFrom = EvidenceDate.InYear(2005) }), options);

        scores.Get("failsBefore2005", PC, Period.FromYear(2004)).Value.Should().BeNull();
        scores.Get("failsBefore2005", PC, Period.FromYear(2005)).Value.Should().Be(1);
        scores.For(PC, Period.FromYear(2003)).PatronClient.Rule.Should().StartWith("undetermined: C did not exist");
    }

    [Fact]
    public void TheWholeNetwork_LeavesOutActorsThatDidNotExistInTheWindow()
    {
        var @case = Build(Client with { ActiveFrom = EvidenceDate.InYear(2005) });

        ActorNetworkOf(@case, 2004).Should().BeEquivalentTo(["P", "X"]);
        ActorNetworkOf(@case, 2005).Should().BeEquivalentTo(["P", "C", "X"]);

        static IEnumerable<string> ActorNetworkOf(Case c, int year) =>
            Influence.Networks.ActorNetwork.ForPeriod(c, Period.FromYear(year)).Actors.Select(a => c.Actors[a].Id);
    }

    [Fact]
    public void WhatFlips_SaysTheDyadIsNotScored_BeforeTheClientExisted()
    {
        var @case = Build(Client with { ActiveFrom = EvidenceDate.InYear(2005) });

        var flip = Sensitivity.WhatFlips(@case, PC, Period.FromYear(2003), Verdict.State);

        flip.Current.Should().Be("unobserved");
        flip.Note.Should().Be("the dyad is not scored in 2003: C did not exist in 2003 (it existed from 2005); there is nothing to flip");
    }

    [Fact]
    public void AFactionsDyad_HasNoValue_BeforeItsMovementExisted()
    {
        var b = new CaseBuilder("faction", "Faction") { From = Period.FromYear(1998), To = Period.FromYear(2003) };
        b.AddSource(new Source("s1", "A test source"));
        b.AddActor(new Actor("P", "Patron", ActorKind.State));
        b.AddActor(new Actor("T", "Movement", ActorKind.Movement) { ActiveFrom = EvidenceDate.InYear(2000) });
        b.AddActor(new Actor("H", "Faction", ActorKind.Faction) { Parent = "T" });
        b.AddDyad("P", "H");
        b.AddObjective(new Objective("aim", "P", "An aim toward every client", 0.5));
        b.Add(TestCases.Attained("att", TestCases.Year(1998), "aim", 0.6));
        b.Add(TestCases.Support("give", TestCases.Year(2001), "P", "H", 0.5));

        var scores = TestCases.Score(b.Build());

        scores.Series("attainment", new Dyad("P", "H")).Should().Equal([null, null, 0.6, null, null, null], "the 1998 observation counts from 2000, the first year the faction's movement existed, to the end of its look-back");
        scores.InactiveReason(0, 0).Should().Be("T did not exist in 1998 (it existed from 2000; H is part of it)");
        Influence.Networks.ActorNetwork.ForPeriod(scores.Case, Period.FromYear(1999), focus: ["H"]).Actors.Select(a => scores.Case.Actors[a].Id)
            .Should().BeEquivalentTo(["P"], "the faction did not exist before its movement");
    }

    [Fact]
    public void TwoPartiesThatNeverMet_CannotShareAnItem_OrADyad()
    {
        var b = new CaseBuilder("apart", "Apart") { From = Period.FromYear(1999), To = Period.FromYear(2001) };
        b.AddSource(new Source("s1", "A test source"));
        b.AddActor(new Actor("P", "Patron", ActorKind.State) { ActiveTo = EvidenceDate.InMonth(2000, 3) });
        b.AddActor(Client with { ActiveFrom = EvidenceDate.InMonth(2000, 10) });
        b.Add(TestCases.Support("year", TestCases.Year(2000), "P", "C", 0.5));

        b.TryBuild(out _, out var problems).Should().BeFalse();

        problems.Should().ContainSingle().Which.Should().Be(new CaseProblem("$.evidence[0].date", "year",
            "expected a date when \"C\" and \"P\" both existed; they never did (\"C\" from 2000-10, \"P\" until 2000-03); was 2000"));
    }

    [Fact]
    public void AFactionDatedOutsideItsMovement_AndASpanEndingTooLate_AreLocated()
    {
        var b = new CaseBuilder("dates", "Dates") { From = Period.FromYear(1990), To = Period.FromYear(2010) };
        b.AddSource(new Source("s1", "A test source"));
        b.AddActor(new Actor("P", "Patron", ActorKind.State) { ActiveTo = EvidenceDate.InYear(2005) });
        b.AddActor(new Actor("T", "Movement", ActorKind.Movement) { ActiveFrom = EvidenceDate.InYear(2000) });
        b.AddActor(new Actor("H", "Faction", ActorKind.Faction) { Parent = "T", ActiveFrom = EvidenceDate.InYear(1995) });
        b.Add(TestCases.Support("late-end", TestCases.Years(2001, 2007), "P", "T", 0.5));

        b.TryBuild(out _, out var problems).Should().BeFalse();

        problems.Select(p => (p.Path, p.ItemId, p.Message)).Should().BeEquivalentTo(new[]
        {
            ("$.actors[2].activeFrom", "H", "expected a time within that of \"T\", which \"H\" is part of (from 2000); was from 1995"),
            ("$.evidence[0].end", "late-end", "expected a span within the time \"P\" existed (until 2005, as its actor entry says); was 2001..2007"),
        });
    }

    [Fact]
    public void AFactionThatWouldExistOnlyAfterItsMovement_OrReachPastIt_IsAProblem_AtTheFieldThatDoes()
    {
        var b = new CaseBuilder("factions", "Factions");
        b.AddActor(new Actor("M", "Movement", ActorKind.Movement) { ActiveFrom = EvidenceDate.InYear(1990), ActiveTo = EvidenceDate.InYear(2005) });
        b.AddActor(new Actor("After", "Faction after", ActorKind.Faction) { Parent = "M", ActiveFrom = EvidenceDate.InYear(2007) });
        b.AddActor(new Actor("Past", "Faction past", ActorKind.Faction) { Parent = "M", ActiveFrom = EvidenceDate.InYear(1995), ActiveTo = EvidenceDate.InYear(2010) });

        b.TryBuild(out _, out var problems).Should().BeFalse();

        problems.Select(p => (p.Path, p.ItemId)).Should().BeEquivalentTo(new[] { ("$.actors[1].activeFrom", "After"), ("$.actors[2].activeTo", "Past") });
    }

    [Fact]
    public void TheReasons_NameEveryPartyOfABindingMovement_AndSayWhenPartiesNeverMet()
    {
        var b = new CaseBuilder("one", "One movement") { From = Period.FromYear(1999), To = Period.FromYear(2001) };
        b.AddSource(new Source("s1", "A test source"));
        b.AddActor(new Actor("M", "Movement", ActorKind.Movement) { ActiveFrom = EvidenceDate.InYear(2000) });
        b.AddActor(new Actor("p", "Faction p", ActorKind.Faction) { Parent = "M" });
        b.AddActor(new Actor("c", "Faction c", ActorKind.Faction) { Parent = "M" });
        b.AddActor(new Actor("early", "Ends early", ActorKind.State) { ActiveTo = EvidenceDate.InMonth(2003, 3) });
        b.AddActor(new Actor("late", "Starts late", ActorKind.State) { ActiveFrom = EvidenceDate.InMonth(2003, 9) });
        b.AddDyad("p", "c");
        b.Add(TestCases.Support("point", TestCases.Year(2003), "early", "late", 0.5));

        b.TryBuild(out _, out var problems).Should().BeFalse();
        problems.Should().ContainSingle().Which.Message.Should().Be(
            "expected a date when \"late\" and \"early\" both existed; they never did (\"late\" from 2003-09, \"early\" until 2003-03); was 2003");

        var ok = new CaseBuilder("one", "One movement") { From = Period.FromYear(1999), To = Period.FromYear(2001) };
        ok.AddActor(new Actor("M", "Movement", ActorKind.Movement) { ActiveFrom = EvidenceDate.InYear(2000) });
        ok.AddActor(new Actor("p", "Faction p", ActorKind.Faction) { Parent = "M" });
        ok.AddActor(new Actor("c", "Faction c", ActorKind.Faction) { Parent = "M" });
        ok.AddDyad("p", "c");
        var scores = Scorer.Score(ok.Build());
        scores.InactiveReason(0, 0).Should().Be("M did not exist in 1999 (it existed from 2000; p and c are part of it)");
    }

    [Fact]
    public void TheLastMonthAndQuarter_OfTheCalendar_HaveTheirLastDay()
    {
        EvidenceDate.InMonth(9999, 12).Last.Should().Be(new DateOnly(9999, 12, 31));
        Period.Parse("9999Q4").End.Should().Be(new DateOnly(9999, 12, 31));
        Period.Parse("9999-12").End.Should().Be(new DateOnly(9999, 12, 31));
        Period.Parse("2024-02").End.Should().Be(new DateOnly(2024, 2, 29));
    }

    /// <summary>Throws before 2005: scoring must not ask it for periods in which the dyad does not exist.</summary>
    private sealed class FailsBefore2005() : Influence.Theory.Measure("failsBefore2005")
    {
        public override Influence.Theory.MeasureScale Scale => Influence.Theory.MeasureScale.Unit;

        public override string Formula => "1";

        public override string Citation => "none";

        public override double? Evaluate(in Influence.Theory.DyadPeriod at) =>
            at.Period.Year >= 2005 ? 1 : throw new InvalidOperationException($"evaluated in {at.Period}");

        public override void Trace(in Influence.Theory.DyadPeriod at, ICollection<Influence.Theory.EvidenceUse> uses)
        {
        }
    }

    [Fact]
    public void ASpanThatEndsBeforeItBegins_IsAProblem_AndASpanOrUnsetDate_IsRefusedWhereGiven()
    {
        var b = new CaseBuilder("bad", "Bad");
        b.AddActor(Client with { ActiveFrom = EvidenceDate.InYear(2005), ActiveTo = EvidenceDate.InMonth(2004, 12) });

        b.TryBuild(out _, out var problems).Should().BeFalse();

        problems.Should().ContainSingle().Which.Should().Be(new CaseProblem("$.actors[0].activeTo", "C", "expected an end not before the actor's start (2005); was 2004-12"));
        FluentActions.Invoking(() => Client with { ActiveFrom = TestCases.Years(2001, 2002) })
            .Should().Throw<ArgumentException>().WithParameterName("ActiveFrom").WithMessage("expected a point date*span 2001..2002*");
        FluentActions.Invoking(() => Client with { ActiveTo = default(EvidenceDate) })
            .Should().Throw<ArgumentException>().WithParameterName("ActiveTo");
        (Client with { ActiveFrom = EvidenceDate.InYear(2005) }).Should().NotBe(Client, "the span is part of the actor");
    }

    [Fact]
    public void TheCaseFile_CarriesTheSpan_AndTheReaderLocatesEvidenceOutsideIt()
    {
        var @case = Build(Client with { ActiveFrom = EvidenceDate.InMonth(2005, 3), ActiveTo = EvidenceDate.InYear(2012) });

        var again = CaseReader.Read(CaseWriter.ToJson(@case));

        again.FindActor("C")!.ActiveFrom.Should().Be(EvidenceDate.InMonth(2005, 3));
        again.FindActor("C")!.ActiveTo.Should().Be(EvidenceDate.InYear(2012));
        CaseWriter.ToJson(again).Should().Contain("\"activeFrom\": \"2005-03\"").And.Contain("\"activeTo\": \"2012\"");

        var json = """
            {
              "schema": "influence.case/1",
              "id": "t",
              "name": "Test",
              "sources": [{ "id": "s1", "citation": "A source" }],
              "actors": [{ "id": "P", "name": "Patron", "kind": "state" },
                         { "id": "C", "name": "Client", "kind": "movement", "activeFrom": "1994", "activeTo": "199x" }],
              "evidence": [
                { "id": "a", "kind": "support", "date": "1990", "confidence": "confirmed", "sources": ["s1"], "from": "P", "to": "C", "resource": "arms", "magnitude": 0.5 }
              ]
            }
            """;
        var result = CaseReader.TryRead(Encoding.UTF8.GetBytes(json), "life.json");

        result.Case.Should().BeNull();
        result.Problems.Select(p => (p.Path, p.ItemId, p.Line)).Should().Equal(
            ("$.actors[1].activeTo", "C", 7),
            ("$.evidence[0].date", "a", 9));
        result.Problems[0].Message.Should().Be("expected a date YYYY, YYYY-MM or YYYY-MM-DD; was \"199x\"");
        result.Problems[1].Message.Should().Contain("\"C\" existed (from 1994");
    }
}
