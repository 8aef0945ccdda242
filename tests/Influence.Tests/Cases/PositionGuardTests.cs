using FluentAssertions;
using Influence.Scoring;
using Influence.Tests.Support;
using Xunit;

namespace Influence.Tests.Cases;

/// <summary>
/// Positions given to a score set or a case's evidence are checked where they are given: an
/// <see cref="ArgumentOutOfRangeException"/> that names the parameter, never an <see cref="IndexOutOfRangeException"/>
/// from inside, a parameter the caller did not pass, or a quiet empty answer.
/// </summary>
public class PositionGuardTests
{
    private static readonly Lazy<ScoreSet> Scores = new(() =>
    {
        var b = TestCases.Builder();
        b.Add(TestCases.Support("e1", TestCases.Year(2005), "P", "C", 0.5));
        b.Add(TestCases.Coercion("e2", TestCases.Year(2006), "P", "C", 0.5));
        return Scorer.Score(b.Build());
    });

    public static TheoryData<string, Action> OutOfRangePositions() => new()
    {
        { "measure", () => Scores.Value.Get(99, 0, 0) },
        { "measure", () => Scores.Value.Get(-1, 0, 0) },
        { "dyad", () => Scores.Value.Get(0, 1, 0) },
        { "period", () => Scores.Value.Get(0, 0, 11) },
        { "dyad", () => Scores.Value.At(99, 0) },
        { "period", () => Scores.Value.At(0, 9999) },
        { "period", () => Scores.Value.At(0, -1) },
        { "measure", () => Scores.Value.Trace(99, 0, 0) },
        { "dyad", () => Scores.Value.Trace(0, 99, 0) },
        { "measure", () => Scores.Value.EvidenceCount(99, 0, 0) },
        { "dyad", () => Scores.Value.For(5, 0) },
        { "period", () => Scores.Value.PatronClient(0, 11) },
        { "index", () => Scores.Value.Case.Evidence.IdAt(99999) },
        { "index", () => Scores.Value.Case.Evidence.IdAt(2) },
        { "index", () => Scores.Value.Case.Evidence.KindAt(-1) },
        { "index", () => Scores.Value.Case.Evidence.SourcesAt(99999) },
        { "index", () => _ = Scores.Value.Case.Evidence[-1] },
        { "index", () => _ = Scores.Value.Case.Evidence[2] },
    };

    [Theory]
    [MemberData(nameof(OutOfRangePositions))]
    public void APositionOutsideItsRange_IsAnArgumentOutOfRange_NamingTheParameter(string parameter, Action call)
    {
        call.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be(parameter);
    }

    [Fact]
    public void TheMessage_SaysWhichPositionsThereAre()
    {
        var act = () => Scores.Value.Get(0, 0, 11);

        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("period must be in [0, 10]; was 11*");
    }

    [Fact]
    public void PositionsInRange_StillAnswer()
    {
        var s = Scores.Value;
        var evidence = s.Case.Evidence;

        s.Invoking(x => x.Get(0, 0, 10)).Should().NotThrow();
        s.At(0, 10).Period.Should().Be(Period.FromYear(2010));
        s.Trace(s.MeasureIndexOf("exchange"), 0, 5).Should().ContainSingle();
        evidence.IdAt(1).Should().Be("e2");
        evidence.SourcesAt(0).Should().Equal("s1");
    }
}
