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

    [Theory]
    [InlineData(" 2021", "2021")]
    [InlineData("2021Q3\t", "2021Q3")]
    [InlineData("\n 2021-03 ", "2021-03")]
    public void ParseAndTryParse_BothIgnoreSurroundingWhiteSpace(string text, string expected)
    {
        Period.TryParse(text, out var tried).Should().BeTrue();
        tried.Should().Be(Period.Parse(expected));
        Period.Parse(text).Should().Be(tried);
    }

    [Theory]
    [InlineData("2021 Q3")]
    [InlineData("2021 -03")]
    [InlineData(" ")]
    public void ParseAndTryParse_BothRejectWhiteSpaceInside_OrOnly(string text)
    {
        Period.TryParse(text, out _).Should().BeFalse();
        var act = () => Period.Parse(text);
        act.Should().Throw<FormatException>().WithMessage($"'{text}' is not a period*");
    }

    [Fact]
    public void TheCaseReader_ReadsAPeriodWithSurroundingWhiteSpace_AsParseDoes()
    {
        const string Json = """
        {
          "schema": "influence.case/1", "id": "t", "name": "Test", "from": " 2001", "to": "2002 ",
          "sources": [{ "id": "s1", "citation": "A source" }],
          "actors": [{ "id": "P", "name": "Patron", "kind": "state" }, { "id": "C", "name": "Client", "kind": "movement" }],
          "evidence": [{ "id": "a", "kind": "support", "date": "2001", "confidence": "confirmed", "sources": ["s1"], "from": "P", "to": "C", "resource": "arms", "magnitude": 0.5 }]
        }
        """;

        var c = Influence.IO.CaseReader.Read(Json);

        (c.From, c.To).Should().Be((Period.Parse(" 2001"), Period.Parse("2002 ")));
    }

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

    [Theory]
    [InlineData(0)]
    [InlineData(10000)]
    public void FromYear_RejectsYearsOutsideOneTo9999(int year)
    {
        var act = () => Period.FromYear(year);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName(nameof(year)).WithMessage("*[1, 9999]*");
    }

    [Fact]
    public void FromQuarter_NamesTheParameterAndRule_WhenOutOfRange()
    {
        var act = () => Period.FromQuarter(2000, 5);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("quarter").WithMessage("*[1, 4]*5*");
    }

    [Fact]
    public void Parse_Throws_FormatException_OnMalformedText()
    {
        var act = () => Period.Parse("1996Q9");

        act.Should().Throw<FormatException>().WithMessage("*YYYY, YYYYQn or YYYY-MM*");
    }

    [Fact]
    public void Parse_AcceptsALowerCaseQuarter()
    {
        Period.Parse("1996q3").Should().Be(Period.FromQuarter(1996, 3));
    }

    [Theory]
    [InlineData(Granularity.Year, "1996")]
    [InlineData(Granularity.Quarter, "1996Q4")]
    [InlineData(Granularity.Month, "1996-10")]
    public void Containing_FindsThePeriodOfADay(Granularity granularity, string expected) =>
        Period.Containing(granularity, new DateOnly(1996, 10, 22)).ToString().Should().Be(expected);

    [Fact]
    public void ToGranularity_TakesTheFirstOrLastDay()
    {
        var year = Period.FromYear(1996);

        year.ToGranularity(Granularity.Month).Should().Be(Period.FromMonth(1996, 1));
        year.ToGranularity(Granularity.Month, atEnd: true).Should().Be(Period.FromMonth(1996, 12));
        Period.FromMonth(1996, 8).ToGranularity(Granularity.Quarter).Should().Be(Period.FromQuarter(1996, 3));
    }

    [Fact]
    public void PeriodsSince_CountsSignedSteps()
    {
        Period.FromMonth(2001, 2).PeriodsSince(Period.FromMonth(1999, 12)).Should().Be(14);
        Period.FromYear(1990).PeriodsSince(Period.FromYear(2000)).Should().Be(-10);
    }

    [Fact]
    public void Operators_OrderPeriodsOfOneGranularity()
    {
        var a = Period.FromQuarter(2000, 4);
        var b = Period.FromQuarter(2001, 1);

        (a < b).Should().BeTrue();
        (b > a).Should().BeTrue();
        (a <= Period.FromQuarter(2000, 4)).Should().BeTrue();
        (b >= a).Should().BeTrue();
        (a != b).Should().BeTrue();
        (a == Period.FromQuarter(2000, 4)).Should().BeTrue();
    }

    [Fact]
    public void Default_IsTheYearOne()
    {
        default(Period).ToString().Should().Be("0001");
        default(Period).Start.Should().Be(new DateOnly(1, 1, 1));
    }

    [Fact]
    public void Ordinal_RoundTripsThroughFromOrdinal()
    {
        var p = Period.FromMonth(1996, 10);

        Period.FromOrdinal(Granularity.Month, p.Ordinal).Should().Be(p);
        p.Ordinal.Should().Be((1996 * 12) + 9);
    }

    [Theory]
    [InlineData(1.0, Granularity.Year, 1)]
    [InlineData(1.0, Granularity.Quarter, 4)]
    [InlineData(2.5, Granularity.Month, 30)]
    [InlineData(0.1, Granularity.Year, 1)]
    [InlineData(0.125, Granularity.Quarter, 1)]
    public void PeriodsIn_RoundsAWindowInYearsToWholePeriods(double years, Granularity granularity, int periods) =>
        granularity.PeriodsIn(years).Should().Be(periods);

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void PeriodsIn_RejectsWindowsThatAreNotPositiveAndFinite(double years)
    {
        var act = () => Granularity.Year.PeriodsIn(years);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName(nameof(years));
    }
}
