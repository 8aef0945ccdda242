using FluentAssertions;
using Influence.Evidence;
using Influence.Indexing;
using Influence.Scoring;
using Influence.Tests.Support;
using Influence.Theory;
using Xunit;

namespace Influence.Tests.Cases;

/// <summary>Public members that used to accept a bad argument and fail later, or fail with a raw index error.</summary>
public class ArgumentCheckTests
{
    [Fact]
    public void CaseBuilder_RefusesAGranularityThatIsNotOne()
    {
        var b = TestCases.Builder();

        ((Action)(() => b.Granularity = (Granularity)9)).Should().Throw<ArgumentOutOfRangeException>()
            .WithParameterName("Granularity").WithMessage("granularity must be year, quarter or month*");
        b.Granularity.Should().Be(Granularity.Year, "the refused value was not kept");
    }

    [Fact]
    public void PeriodGrid_RefusesPositionsOutsideIt_ForItsDays()
    {
        var grid = new PeriodGrid(Period.FromYear(2000), Period.FromYear(2001));

        grid.StartDay(2).Should().Be(DateOnly.FromDateTime(new DateTime(2002, 1, 1)).DayNumber, "position Count is the day after the grid");
        ((Action)(() => grid.StartDay(-1))).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("t");
        ((Action)(() => grid.StartDay(3))).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("t");
        ((Action)(() => grid.Days(2))).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("t");
        grid[-1].Should().Be(Period.FromYear(1999), "the indexer, like IndexOf, reaches outside the grid");
    }

    [Fact]
    public void DyadPeriod_AndItems_RefusePositionsAndKindsOutsideTheCase()
    {
        var c = TestCases.Builder().Add(TestCases.Support("s", TestCases.Year(2003), "P", "C", 0.5)).Build();
        var index = Scorer.Score(c).Index;

        ((Action)(() => _ = new DyadPeriod(index, -5, 1, 0))).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("patron");
        ((Action)(() => _ = new DyadPeriod(index, 0, 3, 0))).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("client");
        ((Action)(() => _ = new DyadPeriod(index, 0, 1, index.Periods))).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("t");
        new DyadPeriod(index, 0, 1, index.Periods - 1).Period.Should().Be(Period.FromYear(2010));
        ((Action)(() => _ = index.Items(index.PairOf(0, 1), (EvidenceKind)77, 0, 1).Count())).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("kind");
    }

    [Fact]
    public void NegativeZero_IsKeptAsZero_SoTheInputHashDoesNotTellThemApart()
    {
        var minusZero = TestCases.Builder().AddSupport("s", TestCases.Year(2003), Confidence.Confirmed, "s1", "P", "C", ResourceType.Arms, -0.0).Build();
        var zero = TestCases.Builder().AddSupport("s", TestCases.Year(2003), Confidence.Confirmed, "s1", "P", "C", ResourceType.Arms, 0.0).Build();

        double.IsNegative(minusZero.Evidence.Columns.Value[0]).Should().BeFalse();
        Reproducibility.InputHash(minusZero, ScoringOptions.Default).Should().Be(Reproducibility.InputHash(zero, ScoringOptions.Default));
    }
}
