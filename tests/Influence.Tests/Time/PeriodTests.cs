using FluentAssertions;
using Xunit;

namespace Influence.Tests.Time;

public class PeriodTests
{
    [Theory]
    [InlineData("1996", Granularity.Year, "1996-01-01", "1996-12-31")]
    [InlineData("1996Q3", Granularity.Quarter, "1996-07-01", "1996-09-30")]
    [InlineData("1996-02", Granularity.Month, "1996-02-01", "1996-02-29")]
    public void Parse_ReadsEveryGranularity_WithItsDays(string text, Granularity granularity, string start, string end)
    {
        var p = Period.Parse(text);

        p.Granularity.Should().Be(granularity);
        p.Start.Should().Be(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture));
        p.End.Should().Be(DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture));
        p.ToString().Should().Be(text);
    }

    [Theory]
    [InlineData("96")]
    [InlineData("1996Q5")]
    [InlineData("1996-13")]
    [InlineData("")]
    [InlineData("year")]
    public void TryParse_RejectsMalformedText(string text) =>
        Period.TryParse(text, out _).Should().BeFalse();

    [Fact]
    public void AddPeriods_StepsAcrossYearBoundaries()
    {
        Period.FromMonth(1999, 12).AddPeriods(1).Should().Be(Period.FromMonth(2000, 1));
        Period.FromQuarter(2000, 1).AddPeriods(-1).Should().Be(Period.FromQuarter(1999, 4));
    }

    [Fact]
    public void CompareTo_Throws_WhenGranularitiesDiffer()
    {
        var act = () => Period.FromYear(2000).CompareTo(Period.FromMonth(2000, 1));

        act.Should().Throw<ArgumentException>().WithParameterName("other");
    }

    [Fact]
    public void FromMonth_NamesTheParameterAndRule_WhenOutOfRange()
    {
        var act = () => Period.FromMonth(2000, 13);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("month").WithMessage("*[1, 12]*13*");
    }
}
