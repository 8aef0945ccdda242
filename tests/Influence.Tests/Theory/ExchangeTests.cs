using FluentAssertions;
using Influence.Scoring;
using Influence.Tests.Support;
using Xunit;

namespace Influence.Tests.Theory;

public class ExchangeTests
{
    [Fact]
    public void Exchange_IsVolumeTimesReciprocity_ByHand()
    {
        // P gives 0.8 in 2005 (confirmed), C gives back 0.5 in 2005 (reported: weight 0.7 → 0.35).
        var c = TestCases.Builder()
            .Add(TestCases.Support("a", TestCases.Year(2005), "P", "C", 0.8))
            .Add(TestCases.Support("b", TestCases.Year(2005), "C", "P", 0.5, Evidence.Confidence.Reported))
            .Build();

        var s = Scorer.Score(c).For(new Influence.Cases.Dyad("P", "C"), Period.FromYear(2005));

        var volume = 1 - Math.Exp(-(0.8 + 0.35));
        var reciprocity = 2 * 0.35 / (0.8 + 0.35);
        s.Exchange.Value.Should().BeApproximately(volume * reciprocity, 1e-12);
    }

    [Fact]
    public void Exchange_IsUndefined_WhenNoFlowsInWindow()
    {
        var c = TestCases.Builder().Add(TestCases.Support("a", TestCases.Year(2000), "P", "C", 0.8)).Build();

        var scores = Scorer.Score(c);

        scores.For(new Influence.Cases.Dyad("P", "C"), Period.FromYear(2004)).Exchange.Value.Should().Be(0, "the 2000 flow is still in the 5-year window");
        scores.For(new Influence.Cases.Dyad("P", "C"), Period.FromYear(2005)).Exchange.IsDefined.Should().BeFalse("no flow in 2001–2005");
    }

    [Fact]
    public void Exchange_IsZero_ForOneWayAid()
    {
        var c = TestCases.Builder().Add(TestCases.Support("a", TestCases.Years(2000, 2010), "P", "C", 1)).Build();

        Scorer.Score(c).For(new Influence.Cases.Dyad("P", "C"), Period.FromYear(2005)).Exchange.Value.Should().Be(0);
    }
}
