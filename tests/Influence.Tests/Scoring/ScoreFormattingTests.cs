using System.Globalization;
using FluentAssertions;
using Influence.Scoring;
using Xunit;

namespace Influence.Tests.Scoring;

/// <summary><see cref="Score"/> as text: its value in a format, "–" when undefined.</summary>
public sealed class ScoreFormattingTests
{
    [Fact]
    public void ADefinedScore_IsItsValue_InTheFormat()
    {
        var s = new Score(0.4496738394241599, 0.4, 0.5);

        s.ToString("0.00", CultureInfo.InvariantCulture).Should().Be("0.45");
        s.ToString("P0", CultureInfo.InvariantCulture).Should().Be("45 %");
        s.ToString(null, CultureInfo.InvariantCulture).Should().Be("0.4496738394241599", "no format is the shortest round-trip form");
        s.ToString("0.00", new NumberFormatInfo { NumberDecimalSeparator = "," }).Should().Be("0,45", "the provider is used");
        FormattableString.Invariant($"{s:0.000}").Should().Be("0.450", "an interpolated string uses the format");
        string.Format(CultureInfo.InvariantCulture, "{0:F1}", s).Should().Be("0.4");
    }

    [Fact]
    public void AnUndefinedScore_IsAnEnDash_WhateverTheFormat()
    {
        default(Score).ToString("0.00", CultureInfo.InvariantCulture).Should().Be("–");
        Score.Of(null).ToString().Should().Be(Score.UndefinedText);
        FormattableString.Invariant($"{default(Score):P0}").Should().Be("–");
    }

    [Fact]
    public void ToString_IsTheValue_NotTheRecordsMembers()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
            Score.Of(0.25).ToString().Should().Be("0.25");
            $"{Score.Of(1)}".Should().Be("1");
            default(Score).ToString().Should().Be("–");
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void AFormatThatIsNotADoublesFormat_Throws_ForADefinedValue()
    {
        var act = () => Score.Of(0.5).ToString("X", CultureInfo.InvariantCulture);

        act.Should().Throw<FormatException>();
    }

    [Fact]
    public void WithoutIntervals_LowAndHigh_AreTheValue()
    {
        var s = Score.Of(0.3);

        (s.Low, s.High).Should().Be((0.3, 0.3), "zero width: no interval was computed");
    }
}
