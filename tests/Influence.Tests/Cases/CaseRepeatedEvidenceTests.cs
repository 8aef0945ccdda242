using FluentAssertions;
using Influence.Evidence;
using Influence.Scoring;
using Influence.Tests.Support;
using Xunit;

namespace Influence.Tests.Cases;

public class CaseRepeatedEvidenceTests
{
    private static readonly Influence.Cases.Case Three = TestCases.Builder()
        .Add(TestCases.Support("a", TestCases.Year(2001), "P", "C", 0.5) with { Amount = 10, Unit = null })
        .Add(TestCases.Support("a-b", TestCases.Year(2002), "C", "P", 0.3))
        .Add(TestCases.Coercion("b", TestCases.Year(2003), "P", "C", 0.4))
        .Build();

    [Fact]
    public void WithRepeatedEvidence_NamesCopiesApart_AndKeepsCanonicalOrder()
    {
        var c = Three.WithRepeatedEvidence([3, 1, 0]);

        c.Evidence.Select(e => e.Id).Should().Equal("a", "a#2", "a#3", "a-b");
        c.Evidence.Select(e => e.Id).Should().BeInAscendingOrder(StringComparer.Ordinal);
        c.Evidence.IndexOf("a#3").Should().Be(2);
    }

    [Fact]
    public void WithRepeatedEvidence_CopiesEveryField()
    {
        var c = Three.WithRepeatedEvidence([2, 0, 0]);

        var copy = c.Evidence[1];
        copy.Id.Should().Be("a#2");
        copy.Should().BeEquivalentTo(Three.Evidence[0], o => o.Excluding(e => e.Id));
    }

    [Fact]
    public void WithRepeatedEvidence_DoublesASumWhenEveryItemIsDoubled()
    {
        var once = Scorer.Score(Three).For(new Influence.Cases.Dyad("P", "C"), Period.FromYear(2003));
        var twice = Scorer.Score(Three.WithRepeatedEvidence([2, 2, 2])).For(new Influence.Cases.Dyad("P", "C"), Period.FromYear(2003));

        // conflict = 1 − exp(−pressure): doubling the pressure gives 1 − (1 − conflict)².
        twice.Conflict.Value.Should().BeApproximately(1 - Math.Pow(1 - once.Conflict.Value!.Value, 2), 1e-12);
    }

    [Fact]
    public void WithRepeatedEvidence_AvoidsIdsTheCaseAlreadyUses()
    {
        var c = TestCases.Builder()
            .Add(TestCases.Coercion("x", TestCases.Year(2001), "P", "C", 0.4))
            .Add(TestCases.Coercion("x#2", TestCases.Year(2002), "P", "C", 0.4))
            .Build()
            .WithRepeatedEvidence([2, 2]);

        c.Evidence.Select(e => e.Id).Should().OnlyHaveUniqueItems().And.HaveCount(4).And.Contain(["x", "x#2", "x#2#", "x#2#2"]);
    }

    [Fact]
    public void WithRepeatedEvidence_RejectsTheWrongNumberOfCounts()
    {
        var act = () => Three.WithRepeatedEvidence([1, 1]);

        act.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("copies");
    }

    [Fact]
    public void Kinds_AreKept()
    {
        Three.WithRepeatedEvidence([0, 0, 2]).Evidence.Select(e => e.Kind).Should().Equal(EvidenceKind.Coercion, EvidenceKind.Coercion);
    }
}
