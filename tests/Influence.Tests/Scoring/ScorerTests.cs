using FluentAssertions;
using Influence.Cases;
using Influence.Indexing;
using Influence.IO;
using Influence.Scoring;
using Influence.Tests.Support;
using Xunit;

namespace Influence.Tests.Scoring;

public class ScorerTests
{
    private static Case Small() => TestCases.Builder()
        .Add(TestCases.Support("a", TestCases.Year(2003), "P", "C", 0.5))
        .Add(TestCases.Support("b", TestCases.Year(2004), "C", "P", 0.5))
        .Build();

    [Fact]
    public void Score_CoversTheCasesRange_AtItsGranularity_ByDefault()
    {
        var s = Scorer.Score(Small());

        s.From.Should().Be(Period.FromYear(2000));
        s.To.Should().Be(Period.FromYear(2010));
        s.PeriodCount.Should().Be(11);
        s.Dyads.Should().Equal(TestCases.PC);
        s.DyadPeriods.Should().Be(11);
    }

    [Fact]
    public void ResolveRange_ConvertsTheRequestToItsGranularity()
    {
        var (from, to) = Scorer.ResolveRange(Small(), new ScoringRequest { Granularity = Granularity.Month, From = Period.FromYear(2003), To = Period.FromQuarter(2004, 2) });

        from.Should().Be(Period.FromMonth(2003, 1));
        to.Should().Be(Period.FromMonth(2004, 6));
    }

    [Fact]
    public void ResolveRange_UsesTheYearsOfTheEvidence_WhenTheCaseHasNoRange()
    {
        var b = TestCases.Builder().Add(TestCases.Support("a", TestCases.Month(2003, 5), "P", "C", 0.5));
        b.From = null;
        b.To = null;
        b.EvidenceEnds = null;

        Scorer.ResolveRange(b.Build()).Should().Be((Period.FromYear(2003), Period.FromYear(2003)));
    }

    [Fact]
    public void Score_RejectsRequestsItCannotServe_NamingTheParameter()
    {
        var c = Small();
        var empty = TestCases.Builder();
        empty.From = null;
        empty.To = null;

        ((Action)(() => Scorer.Score(c, request: ScoringRequest.ForDyad("P", "nobody")))).Should().Throw<ArgumentException>().WithParameterName("request").WithMessage("*no actor is called \"nobody\"*");
        ((Action)(() => Scorer.Score(c, request: ScoringRequest.ForDyad("P", "P")))).Should().Throw<ArgumentException>().WithParameterName("request");
        ((Action)(() => Scorer.Score(c.WithDyads([])))).Should().Throw<ArgumentException>().WithParameterName("request").WithMessage("no dyad to score*");
        ((Action)(() => Scorer.Score(c, request: new ScoringRequest { From = Period.FromYear(2005), To = Period.FromYear(2001) }))).Should().Throw<ArgumentException>().WithParameterName("request");
        ((Action)(() => Scorer.Score(empty.Build()))).Should().Throw<ArgumentException>().WithParameterName("request").WithMessage("*no evidence and no range*");
        ((Action)(() => Scorer.Score((Case)null!))).Should().Throw<ArgumentNullException>().WithParameterName("case");
    }

    [Fact]
    public void ADyadInsideOneMovement_IsRefused_WhenRequested_AsWhenDeclared()
    {
        var c = NetworkCases.Builder().Support("P", "C", 0.5).Support("C", "H", 0.5).Support("H", "C", 0.5).Build(); // H is a faction of C
        const string Inside = "dyad C→H: 'H' is part of 'C' (its parent), so what passes between them stays inside one movement and the dyad is never scored";

        ((Action)(() => Scorer.Score(c, request: ScoringRequest.ForDyad("C", "H")))).Should().Throw<ArgumentException>().WithParameterName("request").WithMessage(Inside + "*");
        ((Action)(() => Counterfactual.WithoutThirdParty(c, new Dyad("C", "H"), "P"))).Should().Throw<ArgumentException>().WithParameterName("dyad").WithMessage(Inside + "*");
        ((Action)(() => c.WithDyads([new Dyad("H", "C")]))).Should().Throw<ArgumentException>().WithParameterName("dyads")
            .WithMessage("dyad H→C: 'H' is part of 'C' (its parent), so what passes between them stays inside one movement and the dyad is never scored*");
        ScoringRequest.AllPairs(c).Dyads.Should().NotContain([new Dyad("C", "H"), new Dyad("H", "C")]);
    }

    [Fact]
    public void ACoarserEnd_OverlappingTheCasesRange_IsClippedToIt()
    {
        // A monthly case covering 2000-03 … 2010-06: the years 2000 and 2010 overlap it, so they score from its first
        // month to its last, not from January or to December, which lie outside it.
        var b = TestCases.Builder().Add(TestCases.Support("a", TestCases.Month(2003, 5), "P", "C", 0.5));
        b.Granularity = Granularity.Month;
        b.From = Period.FromMonth(2000, 3);
        b.To = Period.FromMonth(2010, 6);
        var c = b.Build();

        var s = Scorer.Score(c, request: new ScoringRequest { Granularity = Granularity.Month, From = Period.FromYear(2000), To = Period.FromYear(2010) });

        (s.From, s.To).Should().Be((Period.FromMonth(2000, 3), Period.FromMonth(2010, 6)));
        ((Action)(() => Scorer.Score(c, request: new ScoringRequest { Granularity = Granularity.Month, From = Period.FromYear(2011) }))).Should().Throw<ArgumentException>()
            .WithMessage("the first period requested (2011) is after the case's last period (2010-06)*");
        ((Action)(() => Counterfactual.WithoutThirdParty(c, new Dyad("P", "C"), "X", to: Period.FromYear(1999)))).Should().Throw<ArgumentException>()
            .WithParameterName("to").WithMessage("the last period requested (1999) is before the case's first period (2000); the case covers 2000–2010*");
    }

    [Fact]
    public void ABuilder_RefusesARangeFinerThanItsGranularity()
    {
        var b = TestCases.Builder();
        b.From = Period.FromQuarter(2000, 3);

        b.TryBuild(out _, out var problems).Should().BeFalse();
        problems.Should().ContainSingle(p => p.Path == "$.from").Which.Message.Should().Be("expected a period no finer than the case's granularity (year); was 2000Q3, a quarter");
    }

    [Fact]
    public void Score_RefusesPeriodsOutsideTheCasesRange_WhereNothingWasCoded()
    {
        var c = Small(); // declares 2000–2010

        ((Action)(() => Scorer.Score(c, request: new ScoringRequest { From = Period.FromYear(1990) }))).Should().Throw<ArgumentException>()
            .WithParameterName("request").WithMessage("the first period requested (1990) is before the case's first period (2000); the case covers 2000–2010*");
        ((Action)(() => Scorer.Score(c, request: new ScoringRequest { Granularity = Granularity.Quarter, To = Period.FromQuarter(2011, 1) }))).Should().Throw<ArgumentException>()
            .WithMessage("the last period requested (2011Q1) is after the case's last period (2010Q4); the case covers 2000Q1–2010Q4*");
        Scorer.Score(c, request: new ScoringRequest { Granularity = Granularity.Month, From = Period.FromMonth(2000, 1), To = Period.FromMonth(2010, 12) }).PeriodCount.Should().Be(132);

        // Without a declared range the years of the evidence are the range.
        var b = TestCases.Builder().Add(TestCases.Support("a", TestCases.Month(2003, 5), "P", "C", 0.5));
        b.From = null;
        b.To = null;
        b.EvidenceEnds = null;
        ((Action)(() => Scorer.Score(b.Build(), request: new ScoringRequest { To = Period.FromYear(2004) }))).Should().Throw<ArgumentException>()
            .WithMessage("*the case covers 2003 only*");
    }

    [Fact]
    public void Score_OverAPrebuiltIndex_GivesTheSameValues()
    {
        var c = Small();
        var index = EvidenceIndex.Build(c, new PeriodGrid(Period.FromYear(2000), Period.FromYear(2010)), ScoringOptions.Default);

        var viaIndex = Scorer.Score(index, new ScoringRequest { From = Period.FromYear(2003), To = Period.FromYear(2005) });
        var direct = Scorer.Score(c, request: new ScoringRequest { From = Period.FromYear(2003), To = Period.FromYear(2005) });

        viaIndex.Series("exchange", TestCases.PC).Should().Equal(direct.Series("exchange", TestCases.PC));
        ((Action)(() => Scorer.Score(index, new ScoringRequest { From = Period.FromYear(1990) }))).Should().Throw<ArgumentException>().WithParameterName("request");
    }

    [Fact]
    public void Score_OverAnIndexWhoseGridStartsAfterTheEarliestEvidence_ScoresTheRequestedPeriods()
    {
        // The reference case's evidence starts in 1948, its declared range in 1973. A request inside a 1990–2026 grid
        // is scored over that grid (the evidence before it is not read); one reaching outside it names both ranges.
        var c = CaseReader.LoadBuiltIn();
        var index = EvidenceIndex.Build(c, new PeriodGrid(Period.FromYear(1990), Period.FromYear(2026)), ScoringOptions.Default);
        var request = new ScoringRequest { Dyads = [new Dyad("pakistan", "taliban")], From = Period.FromYear(2020), To = Period.FromYear(2021) };

        var scores = Scorer.Score(index, request);

        scores.From.Should().Be(Period.FromYear(2020));
        scores.Series("exchange", new Dyad("pakistan", "taliban")).Should().Equal(Scorer.Score(c, request: request).Series("exchange", new Dyad("pakistan", "taliban")), "exchange's windows lie inside the grid");
        ((Action)(() => Scorer.Score(index, request with { From = Period.FromYear(1985) }))).Should().Throw<ArgumentException>()
            .WithMessage("the request's periods (1985–2021) must lie in the index's grid (1990–2026)*").WithParameterName("request");
    }

    [Fact]
    public void ScoreSet_RejectsMeasuresDyadsAndPeriodsItDidNotScore()
    {
        var s = Scorer.Score(Small());

        ((Action)(() => s.Get("charisma", TestCases.PC, Period.FromYear(2003)))).Should().Throw<ArgumentException>().WithParameterName("measure");
        ((Action)(() => s.Get("exchange", new Dyad("X", "C"), Period.FromYear(2003)))).Should().Throw<ArgumentException>().WithParameterName("dyad");
        ((Action)(() => s.Get("exchange", TestCases.PC, Period.FromYear(2011)))).Should().Throw<ArgumentException>().WithParameterName("period");
        ((Action)(() => s.Get("exchange", TestCases.PC, Period.FromMonth(2003, 1)))).Should().Throw<ArgumentException>().WithParameterName("period");
        s.Get("EXCHANGE", TestCases.PC, Period.FromYear(2003)).Should().Be(s.Get("exchange", TestCases.PC, Period.FromYear(2003)), "names are case-insensitive");
    }

    [Fact]
    public void InputHash_DependsOnTheCaseAndOptions_NotOnTheThreadCount()
    {
        var c = Small();
        var hash = Reproducibility.InputHash(c, ScoringOptions.Default);

        hash.Should().MatchRegex("^[0-9a-f]{64}$");
        Reproducibility.InputHash(c, ScoringOptions.Default with { MaxDegreeOfParallelism = 1 }).Should().Be(hash);
        Reproducibility.InputHash(c, ScoringOptions.Default with { Presence = new PresenceOptions { Scale = 2 } }).Should().NotBe(hash);
        Reproducibility.InputHash(c.WithoutEvidence(["a"]), ScoringOptions.Default).Should().NotBe(hash);
        Scorer.Score(c).InputHash.Should().Be(hash);
    }
}
