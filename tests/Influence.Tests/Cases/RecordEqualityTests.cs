using System.Collections;
using System.Reflection;
using System.Runtime.CompilerServices;
using FluentAssertions;
using Influence.Cases;
using Influence.Evidence;
using Influence.IO;
using Influence.Networks;
using Influence.Scoring;
using Influence.Tests.Support;
using Influence.TimeSeries;
using Influence.Uncertainty;
using Xunit;

namespace Influence.Tests.Cases;

/// <summary>
/// Public records that hold arrays compare by the arrays' contents and print them (the first few, then how many
/// more), where a record's own members would compare the arrays by reference and print their type name.
/// </summary>
public class RecordEqualityTests
{
    private static readonly Lazy<Case> Small = new(() =>
    {
        var b = TestCases.Builder();
        b.Add(TestCases.Support("s1", TestCases.Years(2001, 2008), "P", "C", 0.6));
        b.Add(TestCases.Support("s2", TestCases.Years(2002, 2007), "C", "P", 0.3));
        b.Add(TestCases.Support("s3", TestCases.Years(2003, 2006), "X", "C", 0.4));
        b.Add(TestCases.Coercion("k1", TestCases.Year(2005), "P", "C", 0.4));
        b.Add(TestCases.Capability("cp", TestCases.Year(2001), "P", 5));
        b.Add(TestCases.Capability("cc", TestCases.Year(2001), "C", 1));
        return b.Build();
    });

    private static readonly Period Y2005 = Period.FromYear(2005);

    /// <summary>Two results computed apart from the same inputs, for every public record type that holds arrays.</summary>
    public static TheoryData<string, Func<object>> Twins() => new()
    {
        { "Explanation", () => Explainer.Explain(Scorer.Score(Small.Value), TestCases.PC, Y2005, "exchange") },
        { "Contribution", () => Explainer.Explain(Scorer.Score(Small.Value), TestCases.PC, Y2005, "exchange").Contributions[0] },
        { "ThirdPartyCounterfactual", () => Counterfactual.WithoutThirdParty(Small.Value, TestCases.PC, "X") },
        { "Tornado", () => Sensitivity.Tornado(Small.Value, TestCases.PC, Y2005, "exchange") },
        { "VerdictFlip", () => Sensitivity.WhatFlips(Small.Value, TestCases.PC, Y2005, Verdict.State) },
        { "EvidenceReference", () => new EvidenceReference("e", EvidenceKind.Support, TestCases.Year(2005), Confidence.Confirmed, [new Source("s1", "A source")], null) },
        { "ScoringRequest", () => new ScoringRequest { Dyads = [TestCases.PC, new Dyad("X", "C")], Measures = ["exchange", "conflict"], From = Period.FromYear(2001) } },
        { "ScoringOptions", () => ScoringOptions.Default with { CustomMeasures = [Custom.Instance], Conflict = new ConflictOptions { Scale = 2 } } },
        { "IntervalOptions", () => new IntervalOptions { Knobs = [.. OptionKnob.All.Take(3)], ResampledKinds = [EvidenceKind.Support] } },
        { "CaseReadResult", () => CaseReader.TryRead("""{"schema":"influence.case/1"}"""u8.ToArray()) },
        { "ChangePointResult", () => ChangePoints.Detect([0.1, 0.1, 0.1, 0.1, 0.9, 0.9, 0.9, 0.9], Period.FromYear(2000)) },
        { "ResourceDependence", () => ResourceDependence.Of(Scorer.Score(Small.Value).Index, 1, 0, 0, 10) },
        { "SupportShares", () => SupportShares.Of(Scorer.Score(Small.Value).Index, 1, 0, 10) },
        { "PatronBrokerage", () => PatronBrokerage.Of(Scorer.Score(Small.Value).Index, 0, 1, 0, 10) },
        { "Actor", () => new Actor("P", "Patron", ActorKind.State) { Aliases = ["Pat", "Pa"] } },
        { "SupportEvidence", () => TestCases.Support("e1", TestCases.Year(2005), "P", "C", 0.5) with { Sources = ["s1", "s2"] } },
    };

    [Theory]
    [MemberData(nameof(Twins))]
    public void RecordsHoldingArrays_AreEqualToEqualCopies_AndPrintTheirContents(string type, Func<object> make)
    {
        var a = make();
        var b = make();

        a.GetType().Name.Should().Be(type);
        a.Should().NotBeSameAs(b);
        a.Equals(b).Should().BeTrue($"two {type}s computed from the same inputs are equal");
        a.GetHashCode().Should().Be(b.GetHashCode());
        var text = a.ToString()!;
        if (type == "Explanation")
        {
            // An explanation prints a one-line summary, not its members (see ExplanationToStringTests).
            text.Should().StartWith("exchange of P→C in 2005: ").And.EndWith(" evidence items)");
            return;
        }

        text.Should().StartWith(type + " { ").And.NotContain("System.Collections").And.NotContain("ImmutableArray");
        foreach (var p in a.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract"))
        {
            text.Should().Contain($"{p.Name} = ", $"{type}'s text shows {p.Name}");
        }
    }

    [Fact]
    public void RecordsHoldingArrays_DifferWhenAnElementDiffers()
    {
        var request = new ScoringRequest { Dyads = [TestCases.PC], Measures = ["exchange"] };
        var actor = new Actor("P", "Patron", ActorKind.State) { Aliases = ["Pat"] };
        var flip = Sensitivity.WhatFlips(Small.Value, TestCases.PC, Y2005, Verdict.State);

        request.Should().NotBe(request with { Measures = ["conflict"] });
        request.Should().NotBe(request with { Dyads = [new Dyad("X", "C")] });
        request.Should().Be(request with { Measures = ["exchange"] });
        actor.Should().NotBe(actor with { Aliases = ["Pa"] });
        flip.Should().NotBe(flip with { OptionChanges = [] }, "the flip found option changes");
        flip.Should().Be(flip with { OptionChanges = [.. flip.OptionChanges] });
    }

    [Fact]
    public void LongArrays_ArePrintedToTheFirstFew_ThenCounted()
    {
        var request = new ScoringRequest { Measures = [.. Influence.Theory.Measures.BuiltIn.Select(m => m.Name)] };
        var n = Influence.Theory.Measures.BuiltIn.Length;

        request.ToString().Should().Contain("Measures = [exchange, asymmetry, conflict, diffuseObligation, endurance, … " + (n - 5) + " more (" + n + " in all)]");
        new ScoringRequest().ToString().Should().Be("ScoringRequest { Dyads = [], Granularity = , From = , To = , Measures = [] }");
    }

    [Fact]
    public void ScoringOptions_AreEqual_WhateverTheirThreadCount_WhichChangesNoResult()
    {
        var one = ScoringOptions.Default with { MaxDegreeOfParallelism = 1 };
        var many = ScoringOptions.Default with { MaxDegreeOfParallelism = 64 };

        one.Should().Be(many);
        one.GetHashCode().Should().Be(many.GetHashCode());
        one.ToString().Should().Contain("MaxDegreeOfParallelism = 1");
        Reproducibility.OptionsText(one).Should().Be(Reproducibility.OptionsText(many));
        one.Should().NotBe(one with { Exchange = new ExchangeOptions { VolumeScale = 2 } });
        one.Should().NotBe(one with { CustomMeasures = [Custom.Instance] });
    }

    [Fact]
    public void EvidenceItems_PrintTheirSourcesAndTheirOwnFields()
    {
        var item = TestCases.Support("e1", TestCases.Year(2005), "P", "C", 0.5) with { Sources = ["s1", "s2"] };

        item.ToString().Should().Be("SupportEvidence { Kind = Support, Id = e1, Date = 2005, Confidence = Confirmed, Sources = [s1, s2], Note = , From = P, To = C, Resource = Funding, Magnitude = 0.5, Amount = , Unit =  }");
    }

    [Fact]
    public void EveryPublicRecordHoldingACollection_DefinesItsOwnEqualityHashAndText()
    {
        var offenders = new List<string>();
        foreach (var type in typeof(Scorer).Assembly.GetExportedTypes())
        {
            var printMembers = type.GetMethod("PrintMembers", BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.DeclaredOnly, [typeof(System.Text.StringBuilder)]);
            if (printMembers is null)
            {
                continue; // not a record
            }

            var holdsCollection = type.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Any(p => p.PropertyType != typeof(string) && typeof(IEnumerable).IsAssignableFrom(p.PropertyType));
            if (!holdsCollection)
            {
                continue;
            }

            var equals = type.GetMethod("Equals", BindingFlags.Instance | BindingFlags.Public | BindingFlags.DeclaredOnly, [type]);
            var hash = type.GetMethod("GetHashCode", BindingFlags.Instance | BindingFlags.Public | BindingFlags.DeclaredOnly, Type.EmptyTypes);
            foreach (var (name, method) in new[] { ("Equals", equals), ("GetHashCode", hash), ("PrintMembers", printMembers) })
            {
                if (method is null || method.IsDefined(typeof(CompilerGeneratedAttribute)))
                {
                    offenders.Add($"{type.Name}.{name}");
                }
            }
        }

        offenders.Should().BeEmpty("a record's own members compare arrays by reference and print their type name");
    }

    [Fact]
    public void CaseReadResult_IsEitherACaseOrProblems_NeverBoth()
    {
        var c = Small.Value;
        var problem = new CaseProblem("$", null, "a problem");
        var read = new CaseReadResult(c, []);
        var failed = new CaseReadResult(null, [problem]);

        var both = () => new CaseReadResult(c, [problem]);
        var neither = () => new CaseReadResult(null, []);
        var addProblems = () => read with { Problems = [problem] };
        var addCase = () => failed with { Case = c };

        both.Should().Throw<ArgumentException>().WithMessage("a result holds either a case*never both*").Which.ParamName.Should().Be("Problems");
        neither.Should().Throw<ArgumentException>().WithMessage("a read that gave no case must list at least one problem*");
        addProblems.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("Problems");
        addCase.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("Case");
        read.Success.Should().BeTrue();
        failed.Success.Should().BeFalse();
        read.ToString().Should().Be("CaseReadResult { Success = True, Case = test, Problems = [] }");
    }

    private sealed class Custom : Influence.Theory.Measure
    {
        public static readonly Custom Instance = new();

        private Custom()
            : base("custom")
        {
        }

        public override Influence.Theory.MeasureScale Scale => Influence.Theory.MeasureScale.Unit;

        public override string Formula => "none";

        public override string Citation => "none";

        public override double? Evaluate(in Influence.Theory.DyadPeriod at) => null;

        public override void Trace(in Influence.Theory.DyadPeriod at, ICollection<Influence.Theory.EvidenceUse> uses)
        {
        }
    }
}
