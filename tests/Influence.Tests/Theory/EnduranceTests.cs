using FluentAssertions;
using Influence.Scoring;
using Influence.Tests.Support;
using Xunit;

namespace Influence.Tests.Theory;

public class EnduranceTests
{
    [Fact]
    public void Endurance_IsDurationTimesContinuity_ByHand()
    {
        // P→C support every year 2000–2004. 2004: 5 years since the first exchange (counting 2004) →
        // duration = 1 − e^(−5/10) = 0.393469; continuity 5 of 5 periods → endurance 0.393469.
        var c = TestCases.Builder().Add(TestCases.Support("s", TestCases.Years(2000, 2004), "P", "C", 1)).Build();

        TestCases.Value(c, "endurance", 2004).Should().BeApproximately(1 - Math.Exp(-0.5), 1e-12);
    }

    [Fact]
    public void Endurance_FallsWithGapsInTheExchange()
    {
        // 2006: duration 1 − e^−0.7; the window runs from the first exchange (2000) to 2006: 5 of 7 periods active.
        var c = TestCases.Builder().Add(TestCases.Support("s", TestCases.Years(2000, 2004), "P", "C", 1)).Build();

        TestCases.Value(c, "endurance", 2006).Should().BeApproximately((1 - Math.Exp(-0.7)) * 5 / 7, 1e-12);
    }

    [Fact]
    public void Endurance_CountsReturnFlowsAsExchange()
    {
        // C→P in 2005 fills one gap: 6 of 7 periods active in 2006.
        var c = TestCases.Builder()
            .Add(TestCases.Support("s", TestCases.Years(2000, 2004), "P", "C", 1))
            .Add(TestCases.Support("r", TestCases.Year(2005), "C", "P", 0.1))
            .Build();

        TestCases.Value(c, "endurance", 2006).Should().BeApproximately((1 - Math.Exp(-0.7)) * 6 / 7, 1e-12);
    }

    [Fact]
    public void Endurance_IsUndefined_BeforeTheFirstExchange()
    {
        var c = TestCases.Builder().Add(TestCases.Support("s", TestCases.Year(2003), "P", "C", 1)).Build();

        TestCases.Value(c, "endurance", 2002).Should().BeNull();
        TestCases.Value(c, "endurance", 2003).Should().BeApproximately(1 - Math.Exp(-0.1), 1e-12);
    }

    [Fact]
    public void Endurance_IsZero_WhenTheContinuityWindowHoldsNoExchange()
    {
        // A single flow in 2000; in 2012 the 10-year window 2003–2012 holds none: duration 1 − e^−1.3, continuity 0.
        var b = TestCases.Builder().Add(TestCases.Support("s", TestCases.Year(2000), "P", "C", 1));
        b.To = Period.FromYear(2012);
        b.EvidenceEnds = new DateOnly(2012, 12, 31);

        TestCases.Value(b.Build(), "endurance", 2012).Should().Be(0);
    }

    [Fact]
    public void Endurance_CountsYearsNotPeriods_AtQuarterGranularity()
    {
        // A flow known to the year 2000 touches all four quarters of 2000.
        // 2000Q4: 4 quarters = 1 year → (1 − e^−0.1) · 4/4; 2001Q4: 2 years, 4 of 8 quarters active → (1 − e^−0.2) · 1/2.
        var c = TestCases.Builder().Add(TestCases.Support("s", TestCases.Year(2000), "P", "C", 1)).Build();
        var s = TestCases.Score(c, Granularity.Quarter);

        s.For(TestCases.PC, Period.FromQuarter(2000, 4)).Endurance.Value.Should().BeApproximately(1 - Math.Exp(-0.1), 1e-12);
        s.For(TestCases.PC, Period.FromQuarter(2001, 4)).Endurance.Value.Should().BeApproximately((1 - Math.Exp(-0.2)) / 2, 1e-12);
    }

    [Fact]
    public void Endurance_UsesTheDurationScaleFromOptions()
    {
        // k = 5: 2004 → 1 − e^(−5/5) = 0.632121.
        var c = TestCases.Builder().Add(TestCases.Support("s", TestCases.Years(2000, 2004), "P", "C", 1)).Build();
        var options = ScoringOptions.Default with { Endurance = ScoringOptions.Default.Endurance with { DurationScaleYears = 5 } };

        TestCases.Value(c, "endurance", 2004, options).Should().BeApproximately(1 - Math.Exp(-1), 1e-12);
    }

    [Fact]
    public void Continuity_InAMonthlySeries_CountsYears_AsTheYearlySeriesDoes()
    {
        // Flows in March 2001 and September 2003: a yearly series at 2005 has 2 of 5 years active; December 2005 of a
        // monthly series counts the five twelve-month steps ending there, 2 active, not 2 of 58 months.
        var c = TestCases.Builder()
            .Add(TestCases.Support("a", TestCases.Month(2001, 3), "P", "C", 0.5))
            .Add(TestCases.Support("b", TestCases.Month(2003, 9), "C", "P", 0.5))
            .Build();
        var duration = 1 - Math.Exp(-0.5);

        TestCases.Value(c, "endurance", 2005).Should().BeApproximately(duration * 2 / 5, 1e-12);
        TestCases.Value(c, "endurance", Period.FromMonth(2005, 12))!.Value.Should().BeApproximately(((1 - Math.Exp(-(58 / 12.0) / 10)) * 2) / 5, 1e-12);
    }
}
