using FluentAssertions;
using Influence.Cases;
using Influence.Evidence;
using Influence.Scoring;
using Influence.Tests.Support;
using Xunit;

namespace Influence.Tests.Scoring;

public class ExplainerTests
{
    [Fact]
    public void AnItemThatFedTwoTerms_GivesEachItsOwnWeight_AndTheirSum()
    {
        // A support span of 2000–2010 lies in 2010's variability window (2006–2010: 5 years × 0.6) and, as the
        // patron's first input, bounds that window from below (its year 2000: 0.6).
        var c = TestCases.Builder().Add(TestCases.Support("flow", TestCases.Years(2000, 2010), "P", "C", 0.6)).Build();

        var flow = Explainer.Explain(TestCases.Score(c), TestCases.PC, Period.FromYear(2010), "diffuseObligation").Contributions.Single();

        flow.Term.Should().Be("patron input (variability), weight 3; patron's first input (window start), weight 0.6");
        flow.Weight.Should().BeApproximately(3.6, 1e-12);
    }

    [Fact]
    public void Explain_GivesEachItemsTermWeightEffectAndSources_LargestEffectFirst()
    {
        // Conflict 2005: P's clash 0.6 and C's defiance of a salience-0.8 demand (λ 0.5 → 0.4): 1 − e^−1.0 = 0.632121.
        // Without the clash: 1 − e^−0.4 = 0.329680 (effect 0.302441); without the demand: 1 − e^−0.6 = 0.451188
        // (effect 0.180933). The complied demand feeds nothing and is not listed.
        var c = TestCases.Builder()
            .AddIssue(new Issue("i", "Issue"))
            .AddSource(new Source("s2", "Second source"))
            .Add(TestCases.Coercion("clash", TestCases.Year(2005), "P", "C", 0.6) with { Sources = ["s1", "s2"], Note = "Border clash." })
            .Add(TestCases.Demand("defied", TestCases.Year(2005), "i", 0.8, DemandResponse.Defied))
            .Add(TestCases.Demand("met", TestCases.Year(2005), "i", 0.8, DemandResponse.Complied))
            .Build();
        var scores = Scorer.Score(c);

        var e = Explainer.Explain(scores, TestCases.PC, Period.FromYear(2005), "conflict");

        e.Value.Should().BeApproximately(1 - Math.Exp(-1.0), 1e-12);
        e.Formula.Should().Contain("K[P→C]");
        e.Contributions.Select(x => x.EvidenceId).Should().Equal("clash", "defied");
        var clash = e.Contributions[0];
        clash.Term.Should().Be("coercion by patron");
        clash.Weight.Should().BeApproximately(0.6, 1e-12);
        clash.ValueWithout.Should().BeApproximately(1 - Math.Exp(-0.4), 1e-12);
        clash.Effect.Should().BeApproximately(Math.Exp(-0.4) - Math.Exp(-1.0), 1e-12);
        clash.Sources.Select(s => s.Citation).Should().Equal("A test source", "Second source");
        clash.Note.Should().Be("Border clash.");
        clash.Kind.Should().Be(EvidenceKind.Coercion);
        e.Contributions[1].Term.Should().Be("defied demand");
        e.Contributions[1].Effect.Should().BeApproximately(Math.Exp(-0.6) - Math.Exp(-1.0), 1e-12);

        // Without both, only the complied demand is left: the dyad is observed and conflict is 0. The two together
        // move it by the whole value, more than their single effects add to (0.483): the formula saturates.
        e.ValueWithoutAll.Should().Be(0);
        e.JointEffect.Should().BeApproximately(1 - Math.Exp(-1.0), 1e-12);
        e.Contributions.Sum(x => x.Effect!.Value).Should().BeLessThan(e.JointEffect!.Value);
    }

    [Fact]
    public void Sources_AreTheCitedSources_EachOnce_InTheOrderFirstCited()
    {
        // The clash (largest effect, listed first) cites s2 then s1; the defied demand cites s1 and s3; s4 is in the case
        // but no contribution cites it.
        var c = TestCases.Builder()
            .AddIssue(new Issue("i", "Issue"))
            .AddSource(new Source("s2", "Second source"))
            .AddSource(new Source("s3", "Third source") { Url = "https://example.org/3" })
            .AddSource(new Source("s4", "Uncited source"))
            .Add(TestCases.Coercion("clash", TestCases.Year(2005), "P", "C", 0.6) with { Sources = ["s2", "s1"] })
            .Add(TestCases.Demand("defied", TestCases.Year(2005), "i", 0.8, DemandResponse.Defied) with { Sources = ["s1", "s3"] })
            .Build();
        var scores = Scorer.Score(c);

        var e = Explainer.Explain(scores, TestCases.PC, Period.FromYear(2005), "conflict");

        e.Contributions.Select(x => x.EvidenceId).Should().Equal("clash", "defied");
        e.Sources.Select(s => s.Id).Should().Equal("s2", "s1", "s3");
        e.Sources.Should().Equal(c.Sources.Single(s => s.Id == "s2"), c.Sources.Single(s => s.Id == "s1"), c.Sources.Single(s => s.Id == "s3"));
        Explainer.Explain(scores, TestCases.PC, Period.FromYear(2005), Explainer.State).Sources.Should().BeEmpty("a verdict has no contributions");
        Explainer.Explain(scores, TestCases.PC, Period.FromYear(2003), "conflict").Sources.Should().BeEmpty("nothing fed the value");
        (e with { Contributions = default }).Sources.Should().BeEmpty();
    }

    [Fact]
    public void Explain_GivesNoEffect_WhenTheValueIsUndefinedWithoutTheItem()
    {
        // 2005: P gives 0.5 and is present at level 0.5. Presence = 1 − e^−0.5; without the presence item the flow still
        // observes the dyad, so presence is 0 and the effect is the whole value. Exchange is 0 (one-way aid); without
        // the only flow it is undefined, so the flow has no effect to report.
        var c = TestCases.Builder()
            .Add(TestCases.Support("give", TestCases.Year(2005), "P", "C", 0.5))
            .Add(TestCases.Presence("there", TestCases.Year(2005), "P", "C", 0.5))
            .Build();
        var scores = Scorer.Score(c);

        var presence = Explainer.Explain(scores, TestCases.PC, Period.FromYear(2005), "presence");
        var exchange = Explainer.Explain(scores, TestCases.PC, Period.FromYear(2005), "exchange");

        presence.Contributions.Should().ContainSingle().Which.Effect.Should().BeApproximately(1 - Math.Exp(-0.5), 1e-12);
        exchange.Value.Should().Be(0);
        exchange.Contributions.Should().ContainSingle().Which.ValueWithout.Should().BeNull("without the only flow exchange is undefined");
        exchange.Contributions[0].Effect.Should().BeNull();
        presence.ValueWithoutAll.Should().Be(0, "with one item, without all is without it");
        exchange.ValueWithoutAll.Should().BeNull();
        exchange.JointEffect.Should().BeNull();
    }

    [Fact]
    public void Explain_NamesTheItemThatObservesTheWindow_WhenNothingElseFedAZero()
    {
        // The reviewer's case: one arms delivery P → C in 2000 and nothing else. No coercion, no defied demand, no
        // presence: conflict and presence are 0, defined only because the delivery observes the dyad in the window, and
        // undefined without it. The explanation names it (weight 0: it adds to no sum) and its source.
        var b = new CaseBuilder("c", "n");
        b.AddSource(new Source("s", "src"));
        b.AddActor(new Actor("p", "P", ActorKind.State));
        b.AddActor(new Actor("c", "C", ActorKind.NonStateArmedGroup));
        b.AddDyad("p", "c");
        b.AddSupport("sup", EvidenceDate.InYear(2000), Confidence.Confirmed, "s", "p", "c", ResourceType.Arms, 0.5);
        var scores = Scorer.Score(b.Build());

        foreach (var measure in new[] { "conflict", "conflictByPatron", "conflictByClient", "presence" })
        {
            var e = Explainer.Explain(scores, new Dyad("p", "c"), Period.FromYear(2000), measure);

            e.Value.Should().Be(0, measure);
            var sup = e.Contributions.Should().ContainSingle(measure).Which;
            sup.EvidenceId.Should().Be("sup");
            sup.Term.Should().Be("observes the window");
            sup.Weight.Should().Be(0);
            sup.ValueWithout.Should().BeNull("without it the dyad is not observed and {0} is undefined", measure);
            sup.Effect.Should().BeNull();
            e.Sources.Select(s => s.Id).Should().Equal(["s"], measure);
            e.Reason.Should().BeNull();
            scores.EvidenceCount(scores.MeasureIndexOf(measure), 0, 0).Should().Be(1);
        }
    }

    [Fact]
    public void Explain_DoesNotListTheObservingItems_WhenATermHasItems()
    {
        // A clash feeds conflict; the support item also observes the window but moves nothing (the clash observes it
        // too), so it is not listed. ConflictByClient has no item of its own: it lists both as observing the window.
        var c = TestCases.Builder()
            .Add(TestCases.Coercion("clash", TestCases.Year(2005), "P", "C", 0.6))
            .Add(TestCases.Support("give", TestCases.Year(2005), "P", "C", 0.5))
            .Build();
        var scores = Scorer.Score(c);

        Explainer.Explain(scores, TestCases.PC, Period.FromYear(2005), "conflict").Contributions.Select(x => x.EvidenceId).Should().Equal("clash");
        var byClient = Explainer.Explain(scores, TestCases.PC, Period.FromYear(2005), "conflictByClient");
        byClient.Value.Should().Be(0);
        byClient.Contributions.Select(x => (x.EvidenceId, x.Term)).Should().BeEquivalentTo(
            [("clash", "observes the window"), ("give", "observes the window")]);
        byClient.Contributions.Should().OnlyContain(x => x.Effect == 0, "either alone still observes the window");
        byClient.ValueWithoutAll.Should().BeNull();
    }

    [Fact]
    public void Explain_ListsTheItemsTheValueRestsOnFirst_ThenByEffect()
    {
        // Counter-reaction 2005 (CounterReactionTests): baseline d1, d2 complied and d3 defied, overreach o in 2004,
        // then d4 and d5 defied: 1 − 1/3 = 2/3. Without o it is undefined: the value rests on it, so it comes first,
        // although it has no effect to sort by. Then d3 (without it 1: effect −1/3), d1 and d2 (without either ½:
        // effect 1/6), and d4 and d5 (without either the other still makes the reaction 1: effect 0).
        var c = TestCases.Builder()
            .AddIssue(new Issue("i", "Issue"))
            .Add(TestCases.Demand("d1", TestCases.Year(2001), "i", 1, DemandResponse.Complied))
            .Add(TestCases.Demand("d2", TestCases.Year(2002), "i", 1, DemandResponse.Complied))
            .Add(TestCases.Demand("d3", TestCases.Year(2003), "i", 1, DemandResponse.Defied))
            .Add(TestCases.Overreach("o", TestCases.Year(2004)))
            .Add(TestCases.Demand("d4", TestCases.Year(2004), "i", 1, DemandResponse.Defied))
            .Add(TestCases.Demand("d5", TestCases.Year(2005), "i", 1, DemandResponse.Defied))
            .Build();

        var e = Explainer.Explain(Scorer.Score(c), TestCases.PC, Period.FromYear(2005), "counterReaction");

        e.Value.Should().BeApproximately(2.0 / 3, 1e-12);
        e.Contributions.Select(x => x.EvidenceId).Should().Equal("o", "d3", "d1", "d2", "d4", "d5");
        e.Contributions[0].ValueWithout.Should().BeNull();
        e.Contributions[1].Effect.Should().BeApproximately(-1.0 / 3, 1e-12);
        e.Contributions[2].Effect.Should().BeApproximately(1.0 / 6, 1e-12);
        e.Contributions[5].Effect.Should().Be(0);
    }

    [Fact]
    public void Explain_RejectsWhatWasNotScored()
    {
        var scores = Scorer.Score(TestCases.Builder().Add(TestCases.Support("a", TestCases.Year(2005), "P", "C", 0.5)).Build());

        ((Action)(() => Explainer.Explain(scores, TestCases.PC, Period.FromYear(2005), "charisma"))).Should().Throw<ArgumentException>().WithParameterName("measure");
        ((Action)(() => Explainer.Explain(scores, new Dyad("C", "P"), Period.FromYear(2005), "exchange"))).Should().Throw<ArgumentException>().WithParameterName("dyad");
        ((Action)(() => Explainer.Explain(null!, TestCases.PC, Period.FromYear(2005), "exchange"))).Should().Throw<ArgumentNullException>().WithParameterName("scores");
    }

    [Fact]
    public void Explain_GivesAReason_ExactlyWhenTheValueIsUndefined()
    {
        var scores = Scorer.Score(TestCases.Builder().Add(TestCases.Support("a", TestCases.Year(2005), "P", "C", 0.5)).Build());

        Explainer.Explain(scores, TestCases.PC, Period.FromYear(2005), "exchange").Reason.Should().BeNull("the value is defined");
        Explainer.Explain(scores, TestCases.PC, Period.FromYear(2005), "compliance").Reason
            .Should().Be("compliance needs a demand of the patron on the client within its window (3 years), which it does not have here");
    }

    [Fact]
    public void Explain_OfCounterReaction_SaysWhichPartThePeriodLacks()
    {
        static string? Reason(params EvidenceItem[] items) =>
            Explainer.Explain(Scorer.Score(TestCases.Builder().AddIssue(new Issue("border", "Border")).AddRange(items).Build()), TestCases.PC, Period.FromYear(2010), "counterReaction").Reason;
        var support = TestCases.Support("s", TestCases.Year(2005), "P", "C", 0.5);
        var before = TestCases.Demand("d-before", TestCases.Year(2007), "border", 0.8, DemandResponse.Complied);
        var overreach = TestCases.Overreach("o", TestCases.Month(2009, 6));
        var after = TestCases.Demand("d-after", TestCases.Year(2010), "border", 0.8, DemandResponse.Defied);

        Reason(support, before, after).Should().EndWith("; here the patron overreached on the client in none of the periods 2009–2010");
        Reason(support, overreach, after).Should().EndWith("; here the patron overreached on 2009-06-01 (2009), but made no demand of the client with a weight above 0 before it in the baseline window (2000–2009)", "the baseline window is cut at the first period scored");
        Reason(support, before, overreach).Should().EndWith("; here the patron overreached on 2009-06-01 (2009), but has made no demand of the client with a weight above 0 since, up to 2010");
        Reason(support, before, overreach, after).Should().BeNull("the value is defined");
    }

    [Fact]
    public void Explain_OfInputEfficiency_SaysWhatTheWindowHolds()
    {
        static string? Reason(int year, params EvidenceItem[] items) =>
            Explainer.Explain(Scorer.Score(TestCases.Builder().AddObjective(new Objective("o", "P", "Depth", 0.9) { Toward = "C" }).AddRange(items).Build()), TestCases.PC, Period.FromYear(year), "inputEfficiency").Reason;
        var first = TestCases.Support("s1", TestCases.Year(2005), "P", "C", 0.5);
        var second = TestCases.Support("s2", TestCases.Year(2007), "P", "C", 0.5);

        Reason(2004, first, TestCases.Attained("a", TestCases.Year(2004), "o", 0.5)).Should().EndWith("; here the relation had not begun by 2004 (no input from the patron to the client yet, or a party not yet in existence)");
        Reason(2008, first, second, TestCases.Attained("a", TestCases.Years(2005, 2008), "o", 0.5))
            .Should().EndWith("; here 2005–2008 has 4 periods with an observed attainment, resting on 1 distinct set of observations");
        Reason(2008, first, TestCases.Attained("a1", TestCases.Year(2006), "o", 0.2), TestCases.Attained("a2", TestCases.Year(2007), "o", 0.4), TestCases.Attained("a3", TestCases.Year(2008), "o", 0.6))
            .Should().EndWith("; here the patron's cumulative input to the client did not grow between the points of 2005–2008");
    }

    [Fact]
    public void Explain_OfThePresenceInfluenceGap_SaysWhichSideIsUndefined()
    {
        var scores = Scorer.Score(TestCases.Builder().Add(TestCases.Presence("p", TestCases.Year(2005), "P", "C", 0.5)).Build());

        Explainer.Explain(scores, TestCases.PC, Period.FromYear(2005), "presenceInfluenceGap").Reason.Should().EndWith("; here attainment and compliance are both undefined");
        Explainer.Explain(scores, TestCases.PC, Period.FromYear(2000), "presenceInfluenceGap").Reason.Should().EndWith("; here presence is undefined");
    }

    [Fact]
    public void Explain_SaysTheItemsWereNotEnough_ForAnUndefinedMeasureOfYourOwn()
    {
        var options = ScoringOptions.Default with { CustomMeasures = [new Undefined()] };
        var scores = Scorer.Score(TestCases.Builder().Add(TestCases.Support("a", TestCases.Year(2005), "P", "C", 0.5)).Build(), options);

        var e = Explainer.Explain(scores, TestCases.PC, Period.FromYear(2005), "never");

        e.Value.Should().BeNull();
        e.Reason.Should().Be("the items listed were read but are not enough for a value (see https://github.com/influence-research/influence/blob/main/docs/measures.md for what the measure needs)");
        e.Contributions.Should().ContainSingle().Which.Effect.Should().BeNull();
    }

    [Fact]
    public void Explain_ExplainsTheTwoVerdicts_ByTheirRules()
    {
        var scores = Scorer.Score(CaseReaderBuiltIn());
        var dyad = new Dyad("pakistan", "taliban");

        var state = Explainer.Explain(scores, dyad, Period.FromYear(2024), Explainer.State);
        var test = Explainer.Explain(scores, dyad, Period.FromYear(2024), "PatronClient");

        (state.Measure, state.Verdict, state.Rule, state.Value, state.Reason).Should().Be(("state", "contested", "contested: exchange 0.475 ≥ 0.25 and conflict 0.99 ≥ 0.5", (double?)null, (string?)null));
        state.Contributions.Should().BeEmpty();
        (test.Measure, test.Verdict).Should().Be(("patronClient", "patron–client"));
        test.Rule.Should().Be(scores.For(dyad, Period.FromYear(2024)).PatronClient.Rule);
        Explainer.Explain(scores, dyad, Period.FromYear(2024), "exchange").Verdict.Should().BeNull();
    }

    private static Case CaseReaderBuiltIn() => Influence.IO.CaseReader.LoadBuiltIn();

    /// <summary>A measure that reads one item and is never defined.</summary>
    private sealed class Undefined() : Influence.Theory.Measure("never")
    {
        public override Influence.Theory.MeasureScale Scale => Influence.Theory.MeasureScale.Unit;

        public override string Formula => "never";

        public override string Citation => "none";

        public override double? Evaluate(in Influence.Theory.DyadPeriod at) => null;

        public override void Trace(in Influence.Theory.DyadPeriod at, ICollection<Influence.Theory.EvidenceUse> uses) => uses.Add(new Influence.Theory.EvidenceUse(0, "read", 1));
    }
}

public class ExplanationToStringTests
{
    [Fact]
    public void ToString_SummarisesTheMeasure_DyadPeriodValueAndItemCount()
    {
        var c = TestCases.Builder()
            .AddIssue(new Issue("i", "Issue"))
            .Add(TestCases.Coercion("clash", TestCases.Year(2005), "P", "C", 0.6))
            .Add(TestCases.Demand("defied", TestCases.Year(2005), "i", 0.8, DemandResponse.Defied))
            .Build();

        var e = Explainer.Explain(Scorer.Score(c), TestCases.PC, Period.FromYear(2005), "conflict");

        var value = e.Value!.Value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        e.ToString().Should().Be($"conflict of P→C in 2005: {value} (2 evidence items)");
    }

    [Fact]
    public void ToString_OfAnUndefinedValue_SaysUndefined_AndOfAVerdict_GivesTheVerdict()
    {
        var undefined = new Explanation(new Dyad("P", "C"), Period.FromYear(2005), "presence", null, "f", "c", []) { Reason = "no evidence" };
        var verdict = new Explanation(new Dyad("P", "C"), Period.FromQuarter(2005, 2), Explainer.State, null, "f", "c", []) { Verdict = "contested", Rule = "r" };

        undefined.ToString().Should().Be("presence of P→C in 2005: undefined (0 evidence items)");
        verdict.ToString().Should().Be("state of P→C in 2005Q2: contested");
    }
}
