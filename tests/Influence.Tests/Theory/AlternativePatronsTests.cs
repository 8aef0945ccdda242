using FluentAssertions;
using Influence.Scoring;
using Influence.Theory;
using Xunit;
using static Influence.Tests.Support.NetworkCases;

namespace Influence.Tests.Theory;

public class AlternativePatronsTests
{
    private static readonly Influence.Cases.Case Case = Builder()
        .Support("P", "C", 0.6)
        .Support("X", "C", 0.3)
        .Support("Y", "C", 0.05)
        .Support("T", "C", 0.05)
        .Build();

    [Fact]
    public void AlternativePatrons_CountsSupportersAboveTheThreshold_ByHand()
    {
        var at = At(Index(Case), "P", "C", 2005);

        AlternativePatrons.Instance.Evaluate(at).Should().Be(1, "X holds 0.3 ≥ 0.1; Y and T hold 0.05 each");
        AlternativePatrons.Instance.Scale.Should().Be(MeasureScale.Count);
    }

    [Fact]
    public void AlternativePatrons_UsesTheShareWindow()
    {
        var at = At(Index(Case), "P", "C", 2009);

        AlternativePatrons.Instance.Evaluate(at).Should().Be(1, "2005 lies in the 5-year window 2005–2009");
        AlternativePatrons.Instance.Evaluate(At(Index(Case), "P", "C", 2010)).Should().BeNull("no support in 2006–2010");
    }

    [Fact]
    public void AlternativePatrons_FollowsTheThresholdOption()
    {
        var options = ScoringOptions.Default with { Multilateral = new MultilateralOptions { AlternativeShareThreshold = 0.05 } };
        var index = Influence.Indexing.EvidenceIndex.Build(Case, new Influence.Indexing.PeriodGrid(Period.FromYear(2000), Period.FromYear(2010)), options);

        AlternativePatrons.Instance.Evaluate(At(index, "P", "C", 2005)).Should().Be(3);
    }

    [Fact]
    public void AlternativePatrons_IsUndefined_WithoutSupportToTheClient()
    {
        var c = Builder().Coerce("P", "C", 0.5).Build();
        var at = At(Index(c), "P", "C", 2005);
        var uses = new List<EvidenceUse>();

        AlternativePatrons.Instance.Evaluate(at).Should().BeNull();
        AlternativePatrons.Instance.Trace(at, uses);
        uses.Should().BeEmpty();
    }

    [Fact]
    public void Trace_ListsEverySupportItemIntoTheClient_BySupporter()
    {
        var at = At(Index(Case), "P", "C", 2005);
        var uses = new List<EvidenceUse>();

        AlternativePatrons.Instance.Trace(at, uses);

        uses.Select(u => u.Term).Should().BeEquivalentTo("support from the patron's side", "support from X", "support from Y", "support from T");
        uses.Sum(u => u.Weight).Should().BeApproximately(1.0, 1e-12);
    }

    [Fact]
    public void Scorer_WritesTheCount_AsAWholeNumber()
    {
        var scores = Scorer.Score(Case);

        var s = scores.For(new Influence.Cases.Dyad("P", "C"), Period.FromYear(2005));

        s.AlternativePatrons.Value.Should().Be(1);
        using var json = System.Text.Json.JsonDocument.Parse(Influence.IO.ScoreWriter.ToJson(scores));
        var period = json.RootElement.GetProperty("dyads")[0].GetProperty("periods").EnumerateArray().Single(x => x.GetProperty("period").GetString() == "2005");
        period.GetProperty("multilateral").GetProperty("alternativePatrons").GetProperty("value").GetRawText().Should().Be("1");
    }
}
