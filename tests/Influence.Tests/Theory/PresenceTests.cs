using FluentAssertions;
using Influence.Evidence;
using Influence.Scoring;
using Influence.Tests.Support;
using Xunit;

namespace Influence.Tests.Theory;

public class PresenceTests
{
    [Fact]
    public void Presence_SaturatesTheWeightedLevels_ByHand()
    {
        // Advisers (0.5, confirmed) and officers (0.5, reported → 0.35) present 2000–2005: 1 − e^−0.85 = 0.572585.
        var c = TestCases.Builder()
            .Add(TestCases.Presence("a", TestCases.Years(2000, 2005), "P", "C", 0.5))
            .Add(TestCases.Presence("b", TestCases.Years(2000, 2005), "P", "C", 0.5, Confidence.Reported))
            .Build();

        TestCases.Value(c, "presence", 2003).Should().BeApproximately(1 - Math.Exp(-0.85), 1e-12);
    }

    [Fact]
    public void Presence_CountsAPartYearSpanProRata()
    {
        // Present July–December 2005 (184 of 365 days) at level 0.5: 1 − e^(−0.5 · 184/365).
        var c = TestCases.Builder()
            .Add(TestCases.Presence("a", EvidenceDate.Span(TestCases.Month(2005, 7), TestCases.Month(2005, 12)), "P", "C", 0.5))
            .Build();

        TestCases.Value(c, "presence", 2005).Should().BeApproximately(1 - Math.Exp(-0.5 * 184 / 365), 1e-12);
    }

    [Fact]
    public void Presence_IsARealZero_WhenTheDyadIsObservedWithoutPresence()
    {
        // A support flow observes the dyad; the client's presence inside the patron is not the patron's presence.
        var c = TestCases.Builder()
            .Add(TestCases.Support("s", TestCases.Year(2005), "P", "C", 0.5))
            .Add(TestCases.Presence("r", TestCases.Year(2005), "C", "P", 0.9))
            .Build();

        TestCases.Value(c, "presence", 2005).Should().Be(0);
    }

    [Fact]
    public void Presence_IsUndefined_WhenTheDyadIsNotObservedInThePeriod()
    {
        var c = TestCases.Builder().Add(TestCases.Presence("a", TestCases.Year(2004), "P", "C", 0.5)).Build();

        TestCases.Value(c, "presence", 2005).Should().BeNull();
    }

    [Fact]
    public void Presence_UsesTheScaleFromOptions()
    {
        var c = TestCases.Builder().Add(TestCases.Presence("a", TestCases.Year(2005), "P", "C", 1)).Build();
        var options = ScoringOptions.Default with { Presence = new PresenceOptions { Scale = 2 } };

        TestCases.Value(c, "presence", 2005, options).Should().BeApproximately(1 - Math.Exp(-0.5), 1e-12);
    }

    [Fact]
    public void Presence_InAMonthlySeries_ReadsTheLastYear_AsTheYearlySeriesDoes()
    {
        // Advisers present through 2003 (a yearly span): the year reads sat(1); so does December 2003 of a monthly
        // series (the last twelve months), where a single month would hold about a twelfth.
        var c = TestCases.Builder()
            .Add(TestCases.Presence("advisers", TestCases.Year(2003), "P", "C", 1) with { Date = TestCases.Years(2003, 2003) })
            .Build();
        var yearly = TestCases.Value(c, "presence", 2003)!.Value;

        yearly.Should().BeApproximately(1 - Math.Exp(-1.0), 1e-12);
        TestCases.Value(c, "presence", Period.FromMonth(2003, 12))!.Value.Should().BeApproximately(yearly, 1e-12);
        TestCases.Value(c, "presence", Period.FromMonth(2004, 11))!.Value.Should().BeApproximately(1 - Math.Exp(-31.0 / 365), 1e-12, "December 2003 is still in November 2004's window");
        TestCases.Value(c, "presence", Period.FromMonth(2004, 12)).Should().BeNull("nothing observes the dyad in 2004");
    }
}
