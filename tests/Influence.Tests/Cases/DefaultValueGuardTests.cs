using System.Collections.Immutable;
using FluentAssertions;
using Influence.Cases;
using Influence.Evidence;
using Influence.Scoring;
using Influence.Tests.Support;
using Influence.Theory;
using Xunit;

namespace Influence.Tests.Cases;

/// <summary>
/// The default values of the public structs never hand out a null where a string is declared: a default dyad says it
/// is unset, a default verdict or evidence use has an empty rule or term; and a default date is refused by an
/// evidence item as it is by an actor.
/// </summary>
public class DefaultValueGuardTests
{
    [Fact]
    public void ADefaultDyad_SaysItIsUnset_InsteadOfHandingOutNull()
    {
        var unset = default(Dyad);

        ((Func<string>)(() => unset.Patron)).Should().Throw<InvalidOperationException>().WithMessage("default(Dyad) has no patron*");
        ((Func<string>)(() => unset.Client)).Should().Throw<InvalidOperationException>().WithMessage("default(Dyad) has no client*");
        unset.ToString().Should().Be("default(Dyad)");
        unset.Should().Be(default(Dyad));
        unset.Should().NotBe(TestCases.PC);
        unset.GetHashCode().Should().Be(default(Dyad).GetHashCode());
        TestCases.PC.ToString().Should().Be("P→C");
    }

    [Fact]
    public void ADefaultDyad_IsRefusedWhereADyadIsGiven_AsAnArgument()
    {
        var c = TestCases.Builder().Add(TestCases.Support("e1", TestCases.Year(2005), "P", "C", 0.5)).Build();
        var scores = Scorer.Score(c);

        var request = () => new ScoringRequest { Dyads = [TestCases.PC, default] };
        var withDyads = () => c.WithDyads([default]);
        var get = () => scores.Get("exchange", default, Period.FromYear(2005));
        var counterfactual = () => Counterfactual.WithoutThirdParty(c, default, "X");
        var tornado = () => Influence.Uncertainty.Sensitivity.Tornado(c, default, Period.FromYear(2005), "exchange");

        request.Should().Throw<ArgumentException>().WithMessage("Dyads must each name a patron and a client; dyad 1 was default(Dyad)*");
        withDyads.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("dyads");
        get.Should().Throw<ArgumentException>().WithMessage("a dyad must name a patron and a client; one is unset (default(Dyad))*");
        counterfactual.Should().Throw<ArgumentException>().WithMessage("*default(Dyad)*");
        tornado.Should().Throw<ArgumentException>().WithMessage("*default(Dyad)*");
    }

    [Fact]
    public void DefaultVerdictsAndUses_HaveAnEmptyRuleOrTerm_NotNull()
    {
        default(StateVerdict).Rule.Should().BeEmpty();
        default(StateVerdict).State.Should().BeNull();
        default(PatronClientVerdict).Rule.Should().BeEmpty();
        default(EvidenceUse).Term.Should().BeEmpty();
        new StateVerdict(RelationshipState.Dormant, "dormant: …").Rule.Should().Be("dormant: …");
    }

    [Fact]
    public void VerdictsAndUses_RefuseANullRuleOrTerm()
    {
        ((Action)(() => _ = new StateVerdict(null, null!))).Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("Rule");
        ((Action)(() => _ = new PatronClientVerdict(null, null, null!))).Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("Rule");
        ((Action)(() => _ = new EvidenceUse(0, null!, 1))).Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("Term");
        ((Action)(() => _ = new EvidenceUse(0, "t", 1) with { Term = null! })).Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public void AnEvidenceItem_RefusesADefaultDate_NamingTheItem_OnConstructionAndOnWith()
    {
        ImmutableArray<string> sources = ["s1"];
        var construct = () => new SupportEvidence("e", default, Confidence.Confirmed, sources, "P", "C", ResourceType.Funding, 0.5);
        var with = () => TestCases.Support("e2", TestCases.Year(2005), "P", "C", 0.5) with { Date = default };
        var span = () => EvidenceDate.Span(default, EvidenceDate.InYear(2005));

        construct.Should().Throw<ArgumentException>().WithMessage("evidence item \"e\" has no date*").Which.ParamName.Should().Be("Date");
        with.Should().Throw<ArgumentException>().WithMessage("evidence item \"e2\" has no date*");
        span.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("from");
        TestCases.Support("e3", EvidenceDate.InYear(1), "P", "C", 0.5).Date.Should().Be(EvidenceDate.InYear(1));
    }
}
