using FluentAssertions;
using Influence.Cases;
using Influence.IO;
using Influence.Scoring;
using Influence.Theory;
using Influence.TimeSeries;
using Xunit;

namespace Influence.Tests.TimeSeries;

/// <summary>
/// How far back a measure's values reach (<see cref="MeasureWindow"/>), which decides the p-value trend tells the
/// reader to use: read from the options the scores were computed with, at their granularity; unknown for a measure of
/// your own.
/// </summary>
public sealed class MeasureWindowTests
{
    private static readonly Dyad Dyad = new("pakistan", "taliban");

    [Fact]
    public void EveryBuiltInMeasure_HasAKnownReach()
    {
        var scores = Scorer.Score(CaseReader.LoadBuiltIn(), ScoringOptions.Default, new ScoringRequest { Dyads = [Dyad], Measures = [.. Measures.BuiltIn.Select(m => m.Name)] });

        foreach (var m in Measures.BuiltIn)
        {
            var w = MeasureWindow.Of(scores, m.Name);
            w.Known.Should().BeTrue(m.Name);
            (w.Years is not null || w.CarriesHistory).Should().BeTrue($"{m.Name} reaches back over a window or over its history");
        }
    }

    [Fact]
    public void AMeasureOfYourOwn_HasAnUnknownReach_AndItsCorrectedPIsTheOneToRead()
    {
        var options = ScoringOptions.Default with { CustomMeasures = [new Half()] };
        var scores = Scorer.Score(CaseReader.LoadBuiltIn(), options, new ScoringRequest { Dyads = [Dyad], Measures = ["half"] });

        var w = MeasureWindow.Of(scores, "half");

        w.Should().Be(new MeasureWindow(false, null, null, false));
        w.SharesEvidence.Should().BeTrue();
        var json = TrendWriter.ToJson(Trends.Fit(scores, "half", Dyad), scores, "half", Dyad);
        json.Should().Contain("\"windowYears\": null").And.Contain("\"carriesHistory\": null").And.Contain("\"readPValue\": \"mannKendall.corrected.pValue\"");
    }

    [Fact]
    public void TheWindowInPeriods_FollowsTheGranularity()
    {
        var quarterly = Scorer.Score(CaseReader.LoadBuiltIn(), ScoringOptions.Default, new ScoringRequest { Dyads = [Dyad], Granularity = Granularity.Quarter });

        MeasureWindow.Of(quarterly, "conflict").Should().Be(new MeasureWindow(true, 1, 4, false));
        MeasureWindow.Of(quarterly, "conflict").SharesEvidence.Should().BeTrue("four quarters share each year of evidence");
    }

    private sealed class Half() : Measure("half")
    {
        public override MeasureScale Scale => MeasureScale.Unit;

        public override string Formula => "0.5 + a hundredth of t mod 7";

        public override string Citation => "none";

        public override double? Evaluate(in DyadPeriod at) => 0.5 + ((at.T % 7) * 0.01);

        public override void Trace(in DyadPeriod at, ICollection<EvidenceUse> uses)
        {
        }
    }
}
