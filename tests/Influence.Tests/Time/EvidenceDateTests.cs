using FluentAssertions;
using Xunit;

namespace Influence.Tests.Time;

public class EvidenceDateTests
{
    [Fact]
    public void InYear_CoversEveryDayOfTheYear()
    {
        var d = EvidenceDate.InYear(2000);

        d.First.Should().Be(new DateOnly(2000, 1, 1));
        d.Last.Should().Be(new DateOnly(2000, 12, 31));
        d.Days.Should().Be(366, "2000 is a leap year");
        d.IsSpan.Should().BeFalse();
        d.StartPrecision.Should().Be(DatePrecision.Year);
        EvidenceDate.InYear(2001).Days.Should().Be(365);
    }

    [Fact]
    public void InMonth_CoversTheMonth()
    {
        EvidenceDate.InMonth(2000, 2).Days.Should().Be(29);
        EvidenceDate.InMonth(2001, 2).Last.Should().Be(new DateOnly(2001, 2, 28));
    }

    [Fact]
    public void Point_MovesAnyDayToTheStartOfItsPrecision()
    {
        var d = EvidenceDate.Point(new DateOnly(1996, 10, 22), DatePrecision.Month);

        d.Should().Be(EvidenceDate.InMonth(1996, 10));
        EvidenceDate.OnDay(new DateOnly(1996, 10, 22)).Days.Should().Be(1);
    }

    [Fact]
    public void Span_RunsFromTheStartOfOnePointToTheEndOfAnother()
    {
        // 1994 .. 2001-12: 1 January 1994 to 31 December 2001.
        var s = EvidenceDate.Span(EvidenceDate.InYear(1994), EvidenceDate.InMonth(2001, 12));

        s.IsSpan.Should().BeTrue();
        s.First.Should().Be(new DateOnly(1994, 1, 1));
        s.Last.Should().Be(new DateOnly(2001, 12, 31));
        s.StartPrecision.Should().Be(DatePrecision.Year);
        s.EndPrecision.Should().Be(DatePrecision.Month);
        s.ToString().Should().Be("1994..2001-12");
    }

    [Fact]
    public void Span_OfOneYear_IsNotThePointOfThatYear()
    {
        var span = EvidenceDate.Span(EvidenceDate.InYear(2001), EvidenceDate.InYear(2001));

        span.Should().NotBe(EvidenceDate.InYear(2001));
        span.Days.Should().Be(365);
    }

    [Fact]
    public void Span_Throws_WhenItEndsBeforeItStarts()
    {
        var act = () => EvidenceDate.Span(EvidenceDate.InYear(2001), EvidenceDate.InYear(2000));

        act.Should().Throw<ArgumentException>().WithParameterName("to").WithMessage("*must not end (2000) before it starts (2001)*");
    }

    [Theory]
    [InlineData("1996", "1996-01-01", "1996-12-31", DatePrecision.Year)]
    [InlineData("1996-10", "1996-10-01", "1996-10-31", DatePrecision.Month)]
    [InlineData("1996-10-22", "1996-10-22", "1996-10-22", DatePrecision.Day)]
    [InlineData(" 1996 ", "1996-01-01", "1996-12-31", DatePrecision.Year)]
    public void TryParsePoint_ReadsTheThreeForms(string text, string first, string last, DatePrecision precision)
    {
        EvidenceDate.TryParsePoint(text, out var d).Should().BeTrue();

        d.First.Should().Be(DateOnly.ParseExact(first, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        d.Last.Should().Be(DateOnly.ParseExact(last, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        d.StartPrecision.Should().Be(precision);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("96")]
    [InlineData("0000")]
    [InlineData("1996-13")]
    [InlineData("1996-00")]
    [InlineData("1996-02-30")]
    [InlineData("1996/10/22")]
    [InlineData("22-10-1996")]
    [InlineData("1996-1")]
    [InlineData("1996Q3")]
    public void TryParsePoint_RejectsAnythingElse(string? text) =>
        EvidenceDate.TryParsePoint(text, out _).Should().BeFalse();

    [Theory]
    [InlineData("1996")]
    [InlineData("1996-10-22")]
    [InlineData("1994..2001-12")]
    [InlineData("2001-02-15..2001-03")]
    public void TryParse_ReadsWhatToStringWrites(string text)
    {
        EvidenceDate.TryParse(text, out var d).Should().BeTrue();

        d.ToString().Should().Be(text);
    }

    [Theory]
    [InlineData("2001..2000")]
    [InlineData("2001..")]
    [InlineData("..2001")]
    [InlineData(null)]
    public void TryParse_RejectsReversedOrHalfSpans(string? text) =>
        EvidenceDate.TryParse(text, out _).Should().BeFalse();

    [Fact]
    public void Default_IsThePointOfTheYearOne()
    {
        default(EvidenceDate).First.Should().Be(DateOnly.MinValue);
        default(EvidenceDate).ToString().Should().Be("0001");
    }

    [Fact]
    public void Equality_ComparesEveryField()
    {
        (EvidenceDate.InYear(2000) == EvidenceDate.InYear(2000)).Should().BeTrue();
        (EvidenceDate.InYear(2000) != EvidenceDate.InMonth(2000, 1)).Should().BeTrue();
        EvidenceDate.InYear(2000).GetHashCode().Should().Be(EvidenceDate.InYear(2000).GetHashCode());
        EvidenceDate.InYear(2000).Equals((object)EvidenceDate.InYear(2000)).Should().BeTrue();
    }
}
