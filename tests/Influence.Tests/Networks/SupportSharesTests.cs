using FluentAssertions;
using Influence.Networks;
using Xunit;
using static Influence.Tests.Support.NetworkCases;

namespace Influence.Tests.Networks;

public class SupportSharesTests
{
    [Fact]
    public void Shares_CountAFactionsSupportOnce_ForItsMovement()
    {
        // X gives 0.1 and its faction XI 0.2: X's share is 0.3 of 1.0, not 0.5 of 1.2.
        var c = Builder().Support("P", "C", 0.6).Support("X", "C", 0.1).Support("XI", "C", 0.2).Support("Y", "C", 0.1).Build();

        var s = SupportShares.Of(Index(c), c.A("C"), T(2005), T(2005));

        s.Total.Should().BeApproximately(1.0, 1e-12);
        s.Supporters.Select(x => (x.Supporter, Math.Round(x.Share, 12))).Should().BeEquivalentTo(new[]
        {
            (c.A("P"), 0.6), (c.A("X"), 0.3), (c.A("Y"), 0.1),
        });
        s.Herfindahl.Should().BeApproximately(0.36 + 0.09 + 0.01, 1e-12);
    }

    [Fact]
    public void AlternativesTo_CountsOtherSupportersAtOrAboveTheThreshold()
    {
        var c = Builder().Support("P", "C", 0.6).Support("X", "C", 0.3).Support("Y", "C", 0.05).Support("T", "C", 0.05).Build();
        var index = Index(c);

        var s = SupportShares.Of(index, c.A("C"), T(2005), T(2005));

        s.AlternativesTo(index, c.A("P"), 0.1).Should().Be(1);
        s.AlternativesTo(index, c.A("P"), 0.05).Should().Be(3);
        s.AlternativesTo(index, c.A("X"), 0.1).Should().Be(1, "seen from X, P is the alternative");
    }

    [Fact]
    public void AlternativesTo_DoesNotCountThePatronsOwnMovement()
    {
        var c = Builder().Support("XI", "C", 0.5).Support("X", "C", 0.5).Build();
        var index = Index(c);

        SupportShares.Of(index, c.A("C"), T(2005), T(2005)).AlternativesTo(index, c.A("XI"), 0.1).Should().Be(0);
    }

    [Fact]
    public void Shares_AreUndefined_WhenNothingWasReceived()
    {
        var c = Builder().Support("P", "C", 0.6, year: 2001).Build();
        var index = Index(c);

        var s = SupportShares.Of(index, c.A("C"), T(2005), T(2005));

        s.IsDefined.Should().BeFalse();
        s.Herfindahl.Should().BeNull();
        s.AlternativesTo(index, c.A("P"), 0.1).Should().BeNull();
    }

    [Fact]
    public void AlternativesTo_Throws_OnAThresholdOutsideTheUnitInterval()
    {
        var c = Builder().Support("P", "C", 0.6).Build();
        var index = Index(c);
        var act = () => SupportShares.Of(index, c.A("C"), 0, 10).AlternativesTo(index, c.A("P"), 1.5);

        act.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("threshold");
    }
}
