using FluentAssertions;
using Influence.Cases;
using Influence.Evidence;
using Influence.IO;
using Influence.Networks;
using Influence.Scoring;
using Influence.Tests.Support;
using Influence.Theory;
using Influence.TimeSeries;
using Xunit;

namespace Influence.Tests.Scoring;

/// <summary>
/// What a user of the library meets at its edges: a custom measure's own interval in every path, every bad dyad and
/// measure of a request at once, network windows and periods checked as scoring checks them, and messages in the
/// library's own words.
/// </summary>
public class ApiReviewTests
{
    private static Case Small()
    {
        var b = TestCases.Builder();
        b.Add(TestCases.Support("s-in", TestCases.Years(2001, 2008), "P", "C", 0.6));
        b.Add(TestCases.Support("s-back", TestCases.Years(2002, 2007), "C", "P", 0.3));
        return b.Build();
    }

    /// <summary>A unit-scale measure of constant value with an interval of its own.</summary>
    private sealed class WithInterval(string name, double value, (double, double)? interval) : Measure(name)
    {
        public override MeasureScale Scale => MeasureScale.Unit;

        public override string Formula => "given";

        public override string Citation => "none";

        public override double? Evaluate(in DyadPeriod at) => value;

        public override (double Low, double High)? EvaluateInterval(in DyadPeriod at) => interval;

        public override void Trace(in DyadPeriod at, ICollection<EvidenceUse> uses)
        {
        }
    }

    [Fact]
    public void ACustomMeasuresOwnInterval_IsKept_WhenItIsScored_AsWhenItIsComputedOnDemand()
    {
        var options = ScoringOptions.Default with { CustomMeasures = [new WithInterval("own", 0.5, (0.2, 0.8))] };
        var scored = Scorer.Score(Small(), options).For(TestCases.PC, Period.FromYear(2005))["own"];
        var onDemand = Scorer.Score(Small(), options, new ScoringRequest { Measures = ["exchange"] }).For(TestCases.PC, Period.FromYear(2005))["own"];

        scored.Should().Be(new Score(0.5, 0.2, 0.8));
        onDemand.Should().Be(scored);
        new Score(0.5, 0.5, 0.5).Should().Be(Scorer.Score(Small(), ScoringOptions.Default with { CustomMeasures = [new WithInterval("none", 0.5, null)] }).For(TestCases.PC, Period.FromYear(2005))["none"], "a measure without an interval of its own has none");
    }

    [Theory]
    [InlineData(double.NaN, 0.8)]
    [InlineData(0.9, 0.1)]
    [InlineData(0.6, 0.8)]
    public void ABrokenOwnInterval_IsAnError_NamingTheMeasureDyadAndPeriod_InEveryPath(double low, double high)
    {
        var options = ScoringOptions.Default with { CustomMeasures = [new WithInterval("own", 0.5, (low, high))] };

        var scoring = () => Scorer.Score(Small(), options);
        var onDemand = () => Scorer.Score(Small(), options, new ScoringRequest { Measures = ["exchange"] }).For(TestCases.PC, Period.FromYear(2005))["own"];

        scoring.Should().Throw<InvalidOperationException>().WithMessage("measure 'own' gave the interval * around its value 0.5 for P→C in 2000*");
        onDemand.Should().Throw<InvalidOperationException>().WithMessage("measure 'own' gave the interval * for P→C in 2005*");
    }

    [Fact]
    public void ARequest_ReportsEveryUnknownActor_OfEveryDyad_AtOnce()
    {
        var act = () => Scorer.Score(Small(), request: new ScoringRequest { Dyads = [new Dyad("Pp", "Cc"), new Dyad("Q", "P")] });

        act.Should().Throw<ArgumentException>().WithParameterName("request")
            .Which.Message.Should().Contain("no actor is called \"Pp\"").And.Contain("no actor is called \"Cc\"").And.Contain("no actor is called \"Q\"");
    }

    [Fact]
    public void WithDyads_ReportsEveryProblem_AtOnce()
    {
        var act = () => Small().WithDyads([new Dyad("Pp", "C"), new Dyad("X", "X"), new Dyad("P", "X"), new Dyad("P", "X")]);

        act.Should().Throw<ArgumentException>().WithParameterName("dyads")
            .Which.Message.Should().Contain("no actor is called \"Pp\"").And.Contain("dyad X→X must name two different actors").And.Contain("dyad P→X is given twice");

        var twice = () => Small().WithDyads([new Dyad("Pp", "C"), new Dyad("Pp", "C")]);
        twice.Should().Throw<ArgumentException>().Which.Message.Split("no actor is called").Should().HaveCount(2, "one bad dyad given twice is one problem, said once (and 'given twice')");
    }

    [Fact]
    public void ARequest_ReportsEveryUnknownMeasure_WithTheNearestName()
    {
        var act = () => Scorer.Score(Small(), request: new ScoringRequest { Measures = ["exchnage", "confict"] });

        act.Should().Throw<ArgumentException>().WithParameterName("request")
            .Which.Message.Should().Contain("no measure is called 'exchnage'").And.Contain("did you mean \"exchange\"?").And.Contain("no measure is called 'confict'");
    }

    [Theory]
    [InlineData(5, 2)]
    [InlineData(-1, 3)]
    [InlineData(0, 500)]
    public void ANetworkWindow_ThatIsNotARangeOfTheGrid_IsRefused(int t0, int t1)
    {
        var index = Scorer.Score(Small()).Index;

        var build = () => ActorNetwork.Build(index, t0, t1);
        var around = () => ActorNetwork.Around(index, t0, t1, [0]);

        build.Should().Throw<ArgumentOutOfRangeException>().WithMessage($"the window must be period positions t0 ≤ t1 in the index's grid [0, {index.Periods}) (2000–2010); was {t0}..{t1}*");
        around.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void ANetwork_BeforeTheCasesRange_IsRefused_AsScoringRefusesIt()
    {
        var act = () => ActorNetwork.ForPeriod(Small(), Period.FromYear(1990));

        act.Should().Throw<ArgumentException>().WithParameterName("period")
            .WithMessage("period 1990 is before the case's first period (2000); the case covers 2000–2010*");
        ActorNetwork.ForPeriod(Small(), Period.FromYear(2005)).EdgeCount.Should().BeGreaterThan(0);
    }

    [Fact]
    public void Messages_NameTheRightParameter_AndSayWhatWasExpected()
    {
        var scores = Scorer.Score(Small());

        var summary = () => scores.Summarise("exchange", TestCases.PC, Period.FromYear(1990), Period.FromYear(2003));
        summary.Should().Throw<ArgumentException>().WithParameterName("from");

        var noise = () => ChangePoints.EstimateNoise([1.0]);
        noise.Should().Throw<ArgumentException>().WithMessage("estimating the noise of a series needs at least 2 values; was 1*");

        var exact = () => Trends.ExactPValue(60, 0);
        exact.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("n").WithMessage("the exact distribution of S is computed for 1 to * values; was 60*");

        var nan = () => new Score(double.NaN, null, null);
        nan.Should().Throw<ArgumentException>().WithParameterName("Value");
    }

    [Fact]
    public void MaxDegreeOfParallelism_MinusOne_MeansEveryProcessor_AsInParallelOptions()
    {
        (ScoringOptions.Default with { MaxDegreeOfParallelism = -1 }).MaxDegreeOfParallelism.Should().Be(Environment.ProcessorCount);

        var zero = () => ScoringOptions.Default with { MaxDegreeOfParallelism = 0 };
        zero.Should().Throw<ArgumentOutOfRangeException>().WithMessage("MaxDegreeOfParallelism must be ≥ 1, or −1 for all processors; was 0*");
    }

    [Fact]
    public void TheMainTypes_SayWhatTheyHold_InALine()
    {
        var c = CaseReader.LoadBuiltIn();
        var scores = Scorer.Score(c);
        var dyad = new Dyad("pakistan", "taliban");

        c.ToString().Should().Be("case 'pakistan-taliban' (Pakistan and the Afghan Taliban, 1973–2026): 30 actors, 176 evidence items, 6 dyads, yearly");
        scores.ToString().Should().Be($"scores of case 'pakistan-taliban': 6 dyads × 54 years (1973–2026), 22 measures, input hash {scores.InputHash[..8]}…");
        scores.For(dyad, Period.FromYear(1990)).ToString().Should().Be("pakistan→taliban in 1990: not scored (taliban did not exist in 1990 (it existed from 1994))");
        var y2024 = scores.For(dyad, Period.FromYear(2024));
        y2024.ToString().Should().MatchRegex("^pakistan→taliban in 2024: [a-z]+; patron–client (yes|no|undetermined)$");
        ActorNetwork.Around(scores.Index, 30, 40, [c.ActorIndexOf("pakistan")]).ToString().Should().MatchRegex(@"^ego network of pakistan, 1978–1988: \d+ actors, \d+ edges$");
        y2024.ConflictByPatron.Should().Be(scores.Get("conflictByPatron", dyad, Period.FromYear(2024)));
        y2024.ConflictByClient.Should().Be(scores.Get("conflictByClient", dyad, Period.FromYear(2024)));
    }

    [Fact]
    public void TheTimeSeriesWriters_RefuseAResult_ThatTheScoresMeasureAndDyadDoNotGive()
    {
        var scores = Scorer.Score(CaseReader.LoadBuiltIn());
        var dyad = new Dyad("pakistan", "taliban");
        var trend = Trends.Fit(scores, "conflict", dyad);
        var found = ChangePoints.Detect(scores, "conflict", dyad);

        TrendWriter.ToJson(trend, scores, "conflict", dyad).Should().Contain("\"measure\": \"conflict\"");
        ChangePointWriter.ToJson(found, scores, "conflict", dyad).Should().Contain("\"measure\": \"conflict\"");

        var mislabelled = () => TrendWriter.ToJson(trend, scores, "presence", dyad);
        var madeUp = () => TrendWriter.ToJson(Trends.Fit([0.1, 0.5, 0.2, 0.9], Period.FromYear(2000)), scores, "conflict", dyad);
        var otherDyad = () => ChangePointWriter.ToJson(found, scores, "conflict", new Dyad("pakistan", "haqqani"));
        mislabelled.Should().Throw<ArgumentException>().WithParameterName("trend").WithMessage("the trend is not the one presence of pakistan→taliban in these scores gives*");
        madeUp.Should().Throw<ArgumentException>().WithParameterName("trend");
        otherDyad.Should().Throw<ArgumentException>().WithParameterName("result");
    }

    [Fact]
    public void ScoresJson_WithoutIndentation_IsTheSameDocument_WithoutWhitespace()
    {
        var scores = Scorer.Score(Small());

        var indented = ScoreWriter.ToJson(scores);
        var compact = ScoreWriter.ToJson(scores, indented: false);

        compact.Should().NotContain("\n").And.NotContain("\": ");
        compact.Length.Should().BeLessThan(indented.Length / 2);
        using var a = System.Text.Json.JsonDocument.Parse(indented);
        using var b = System.Text.Json.JsonDocument.Parse(compact);
        System.Text.Json.JsonElement.DeepEquals(a.RootElement, b.RootElement).Should().BeTrue();
    }

    [Fact]
    public void TheBuildersProblems_AreListedInTheOrderOfTheCase_ByItem()
    {
        var b = new CaseBuilder("t", "T");
        b.AddSource(new Source("s", "S"));
        b.AddActor(new Actor("p", "P", ActorKind.State));
        b.AddActor(new Actor("c", "C", ActorKind.NonStateArmedGroup) { ActiveFrom = EvidenceDate.InYear(2012), ActiveTo = EvidenceDate.InYear(2014) });
        b.AddDyad("p", "c");
        b.AddSupport("early", EvidenceDate.InYear(2010), Confidence.Confirmed, "s", "p", "c", ResourceType.Arms, 0.5);
        b.AddSupport("span", EvidenceDate.Span(EvidenceDate.InYear(2013), EvidenceDate.InYear(2016)), Confidence.Confirmed, "s", "p", "c", ResourceType.Arms, 0.5);
        b.AddCapability("cap", EvidenceDate.InYear(2015), Confidence.Confirmed, "s", "c", 3);
        b.AddCapability("cap2", EvidenceDate.InYear(2015), Confidence.Confirmed, "nowhere", "nobody", 3);
        for (var i = 0; i < 8; i++)
        {
            b.AddSupport($"more{i}", EvidenceDate.InYear(2013), Confidence.Confirmed, "s", "p", "c", ResourceType.Arms, 0.5);
        }

        b.AddSupport("late", EvidenceDate.InYear(2020), Confidence.Confirmed, "s", "p", "c", ResourceType.Arms, 0.5);

        b.TryBuild(out _, out var problems).Should().BeFalse();
        var items = problems.Select(p => p.ItemId).Distinct().ToList();
        items.Should().Equal(["early", "span", "cap", "cap2", "late"], "evidence[12] comes after evidence[3], as in the file");
    }

    [Fact]
    public void ACaseFrameWrittenWithoutItsEvidence_AndReadBackWithItsCsv_HasTheSameInputHash()
    {
        var original = CaseReader.LoadBuiltIn();
        var frame = System.Text.Encoding.UTF8.GetBytes(CaseWriter.ToJson(original.WhereEvidence(_ => false)));
        var csv = System.Text.Encoding.UTF8.GetBytes(CaseWriter.ToEvidenceCsv(original));

        var read = CaseReader.TryReadWithEvidenceCsv(frame, csv, "frame.json", "evidence.csv");

        read.Problems.Should().BeEmpty();
        read.Case!.DeclaresEvidenceEnds.Should().BeTrue("the frame keeps where the evidence ends");
        read.Case.EvidenceEnds.Should().Be(original.EvidenceEnds);
        Reproducibility.InputHash(read.Case, ScoringOptions.Default).Should().Be(Reproducibility.InputHash(original, ScoringOptions.Default));
    }

    [Fact]
    public void DeclaringAnEvidenceEndPastTheItems_StillChangesTheHash()
    {
        var b = TestCases.Builder();
        b.Add(TestCases.Support("s-in", TestCases.Years(2001, 2008), "P", "C", 0.6));
        var undeclared = b.Build();
        b.EvidenceEnds = new DateOnly(2009, 6, 30);

        Reproducibility.InputHash(b.Build(), ScoringOptions.Default).Should().NotBe(Reproducibility.InputHash(undeclared, ScoringOptions.Default));
    }
}
