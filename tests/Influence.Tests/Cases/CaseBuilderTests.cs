using System.Collections.Immutable;
using FluentAssertions;
using Influence.Cases;
using Influence.Evidence;
using Influence.Tests.Support;
using Xunit;

namespace Influence.Tests.Cases;

public class CaseBuilderTests
{
    [Fact]
    public void Build_ReportsEveryProblemAtOnce_EachLocated()
    {
        var b = new CaseBuilder("bad", "Everything wrong") { From = Period.FromYear(2005), To = Period.FromYear(2001) };
        b.AddSource(new Source("s1", "A source"));
        b.AddActor(new Actor("P", "Patron", ActorKind.State));
        b.AddActor(new Actor("P", "Patron again", ActorKind.State));
        b.AddActor(new Actor("C", "Client", ActorKind.Movement) { Parent = "nobody" });
        b.AddActor(new Actor("A", "Loop A", ActorKind.Faction) { Parent = "B" });
        b.AddActor(new Actor("B", "Loop B", ActorKind.Faction) { Parent = "A" });
        b.AddObjective(new Objective("o", "ghost", "Objective", 0.5) { Toward = "ghost2", Issue = "no-issue" });
        b.AddIndicator(new Indicator("ind", "no-objective", "Indicator", IndicatorDirection.LowerIsBetter, 10, 0));
        b.AddDyad("P", "P");
        b.AddDyad("P", "Z");
        b.AddDyad("P", "Z");
        b.Add(TestCases.Support("e1", TestCases.Year(2001), "P", "P", 0.5));
        b.Add(TestCases.Support("e1", TestCases.Year(2001), "P", "C", 0.5));
        b.Add(new SupportEvidence("e2", TestCases.Year(2001), Confidence.Confirmed, ["s9"], "P", "Q", ResourceType.Arms, 0.5) { Amount = 5, Unit = "usd" });
        b.Add(TestCases.Demand("e3", TestCases.Year(2001), "no-issue", 0.5, DemandResponse.Complied));
        b.Add(TestCases.Attained("e4", TestCases.Year(2001), "no-objective", 0.5));
        b.Add(TestCases.Observed("e5", TestCases.Year(2001), "no-indicator", 3));
        b.Add(TestCases.Capability("e6", TestCases.Year(2001), "ghost", 3));

        b.TryBuild(out _, out var problems).Should().BeFalse();

        problems.Select(p => (p.Path, p.ItemId)).Should().BeEquivalentTo(new (string, string?)[]
        {
            ("$.actors[1].id", "P"),
            ("$.actors[2].parent", "C"),
            ("$.actors[3].parent", "A"),
            ("$.actors[4].parent", "B"),
            ("$.objectives[0].holder", "o"),
            ("$.objectives[0].toward", "o"),
            ("$.objectives[0].issue", "o"),
            ("$.indicators[0].objective", "ind"),
            ("$.indicators[0]", "ind"),
            ("$.dyads[0]", null),
            ("$.dyads[1].client", null),
            ("$.dyads[2].client", null),
            ("$.dyads[2]", null),
            ("$.to", null),
            ("$.evidence[0].to", "e1"),
            ("$.evidence[1].id", "e1"),
            ("$.evidence[2].to", "e2"),
            ("$.evidence[2].sources[0]", "e2"),
            ("$.evidence[2].unit", "e2"),
            ("$.evidence[3].issue", "e3"),
            ("$.evidence[4].objective", "e4"),
            ("$.evidence[5].indicator", "e5"),
            ("$.evidence[6].actor", "e6"),
        });
        problems.Should().Contain(p => p.Path == "$.actors[1].id" && p.Message == "expected a unique id; \"P\" is already used by actors[0]");
        problems.Should().Contain(p => p.Path == "$.evidence[1].id" && p.Message == "expected a unique id; \"e1\" is already used by the 1st evidence item added ($.evidence[0])");
        problems.Should().Contain(p => p.Path == "$.actors[3].parent" && p.Message.Contains("loops back", StringComparison.Ordinal));
        problems.Should().Contain(p => p.Path == "$.indicators[0]" && p.Message.Contains("best < worst for a lowerIsBetter indicator", StringComparison.Ordinal));
        problems.Should().Contain(p => p.Path == "$.dyads[0]" && p.Message.Contains("two different actors", StringComparison.Ordinal));
        problems.Should().Contain(p => p.Path == "$.dyads[2]" && p.Message.Contains("declared twice", StringComparison.Ordinal));
        problems.Should().Contain(p => p.Path == "$.evidence[0].to" && p.Message.Contains("from and to are both \"P\"", StringComparison.Ordinal));
        problems.Should().Contain(p => p.Path == "$.evidence[2].sources[0]" && p.Message.Contains("no source is called \"s9\"", StringComparison.Ordinal));
    }

    [Fact]
    public void AnEvidenceIdUsedAgain_NamesTheFirstItemAddedWithIt_ByTheOrderItWasAdded_HoweverTheIdsSort()
    {
        // 40 items, "x" added 4th, 11th, 18th, 25th, 32nd and 39th among ids that are not in order: the sort into
        // canonical order is not stable, and puts the "x" added 11th first of them (0-based rows 10, 24, 38, 3, 31, 17).
        var b = TestCases.Builder();
        for (var i = 0; i < 40; i++)
        {
            b.Add(TestCases.Support(i % 7 == 3 ? "x" : $"u{i:00}", TestCases.Year(2001), "P", "C", 0.5));
        }

        b.TryBuild(out _, out var problems).Should().BeFalse();

        problems.Select(p => p.ToString()).Should().Equal(
            from row in new[] { 10, 17, 24, 31, 38 }
            select $"$.evidence[{row}].id (item 'x'): expected a unique id; \"x\" is already used by the 4th evidence item added ($.evidence[3])");
    }

    [Theory]
    [InlineData(1, "1st")]
    [InlineData(2, "2nd")]
    [InlineData(3, "3rd")]
    [InlineData(4, "4th")]
    [InlineData(11, "11th")]
    [InlineData(12, "12th")]
    [InlineData(13, "13th")]
    [InlineData(21, "21st")]
    [InlineData(22, "22nd")]
    [InlineData(23, "23rd")]
    [InlineData(111, "111th")]
    [InlineData(1_000_001, "1000001st")]
    public void Ordinal_IsEnglish(int n, string expected) => CaseProblem.Ordinal(n).Should().Be(expected);

    [Fact]
    public void Build_Throws_InvalidCaseException_ListingTheProblems()
    {
        var b = TestCases.Builder().Add(TestCases.Support("e", TestCases.Year(2001), "P", "nobody", 0.5));

        var act = () => b.Build();

        act.Should().Throw<InvalidCaseException>()
            .Which.Problems.Should().ContainSingle()
            .Which.ToString().Should().Be("$.evidence[0].to (item 'e'): expected the id of an actor of the case; no actor is called \"nobody\"; the case's actors are \"C\", \"P\", \"X\"");
    }

    [Fact]
    public void Build_SortsEvidenceIntoCanonicalOrder()
    {
        var c = TestCases.Builder()
            .Add(TestCases.Support("b", TestCases.Year(2001), "P", "C", 0.5))
            .Add(TestCases.Support("a", TestCases.Year(2001), "P", "C", 0.5))
            .Build();

        c.Evidence.Select(e => e.Id).Should().Equal("a", "b");
        c.Evidence.IndexOf("b").Should().Be(1);
        c.Evidence.IndexOf("zz").Should().Be(-1);
    }

    [Fact]
    public void RawAdders_KeepTheRecordsRules()
    {
        var b = TestCases.Builder();

        ((Action)(() => b.AddSupport("e", TestCases.Year(2001), Confidence.Confirmed, "s1", "P", "C", ResourceType.Arms, 1.3)))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("magnitude").WithMessage("magnitude must be a number in [0, 1]; was 1.3*");
        ((Action)(() => b.AddDemand("e", TestCases.Year(2001), Confidence.Confirmed, "s1", "P", "C", "i", 0, DemandResponse.Complied)))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("salience");
        ((Action)(() => b.AddCapability("e", TestCases.Year(2001), Confidence.Confirmed, "s1", "P", double.NaN)))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("value").WithMessage("*was NaN*");
        ((Action)(() => b.AddCoercion("bad id", TestCases.Year(2001), Confidence.Confirmed, "s1", "P", "C", CoercionType.Clash, 0.5)))
            .Should().Throw<ArgumentException>().WithParameterName("id");
        b.EvidenceCount.Should().Be(0, "no rejected item was added");
    }

    [Fact]
    public void RawAdders_BuildTheSameCaseAsRecords_ForEveryKindOfEvidence()
    {
        static CaseBuilder Skeleton() => TestCases.Builder()
            .AddIssue(new Issue("i", "Issue"))
            .AddObjective(new Objective("o", "P", "Objective", 0.5) { Toward = "C" })
            .AddIndicator(new Indicator("ind", "o", "Indicator", IndicatorDirection.LowerIsBetter, 0, 10));
        var y = TestCases.Year(2001);
        var src = TestCases.Src;

        var raw = Skeleton()
            .AddSupport("s", y, Confidence.Reported, "s1", "P", "C", ResourceType.Funding, 0.5)
            .AddCoercion("k", y, Confidence.Confirmed, "s1", "C", "P", CoercionType.Clash, 0.4)
            .AddDemand("d", y, Confidence.Alleged, "s1", "P", "C", "i", 0.8, DemandResponse.Defied)
            .AddPresence("p", y, Confidence.Confirmed, "s1", "P", "C", PresenceType.Advisers, 0.3)
            .AddCommitment("m", y, Confidence.Reported, "s1", "P", "C", CommitmentFormality.PublicPledge)
            .AddAttainment("a", y, Confidence.Confirmed, "s1", "o", 0.6)
            .AddIndicatorValue("v", y, Confidence.Reported, "s1", "ind", 4)
            .AddCapability("c", y, Confidence.Confirmed, "s1", "P", 80)
            .AddOverreach("r", y, Confidence.Alleged, "s1", "P", "C", 0.7)
            .Build();
        var records = Skeleton()
            .Add(new SupportEvidence("s", y, Confidence.Reported, src, "P", "C", ResourceType.Funding, 0.5))
            .Add(new CoercionEvidence("k", y, Confidence.Confirmed, src, "C", "P", CoercionType.Clash, 0.4))
            .Add(new DemandEvidence("d", y, Confidence.Alleged, src, "P", "C", "i", 0.8, DemandResponse.Defied))
            .Add(new PresenceEvidence("p", y, Confidence.Confirmed, src, "P", "C", PresenceType.Advisers, 0.3))
            .Add(new CommitmentEvidence("m", y, Confidence.Reported, src, "P", "C", CommitmentFormality.PublicPledge))
            .Add(new AttainmentEvidence("a", y, Confidence.Confirmed, src, "o", 0.6))
            .Add(new IndicatorEvidence("v", y, Confidence.Reported, src, "ind", 4))
            .Add(new CapabilityEvidence("c", y, Confidence.Confirmed, src, "P", 80))
            .Add(new OverreachEvidence("r", y, Confidence.Alleged, src, "P", "C", 0.7))
            .Build();

        raw.Evidence.Select(e => e.Kind).Should().OnlyHaveUniqueItems().And.HaveCount(Enum.GetValues<EvidenceKind>().Length, "one item of every kind");
        raw.Evidence.Should().Equal(records.Evidence);
    }

    [Fact]
    public void Constructor_NamesTheParameterAndRule()
    {
        ((Action)(() => _ = new CaseBuilder("has space", "x"))).Should().Throw<ArgumentException>().WithParameterName("id");
        ((Action)(() => _ = new CaseBuilder("ok", " "))).Should().Throw<ArgumentException>().WithParameterName("name");
    }

    [Fact]
    public void Records_RejectInvalidFieldsWithTheParameterName()
    {
        ((Action)(() => _ = new Actor("a b", "A", ActorKind.State))).Should().Throw<ArgumentException>().WithParameterName("Id");
        ((Action)(() => _ = TestCases.Support("e", TestCases.Year(2001), "P", "C", -0.1))).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("Magnitude");
        ((Action)(() => _ = new SupportEvidence("e", TestCases.Year(2001), Confidence.Confirmed, [], "P", "C", ResourceType.Arms, 0.5)))
            .Should().Throw<ArgumentException>().WithParameterName("Sources");
        ((Action)(() => _ = new Objective("o", "P", "O", 0))).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("Salience");
        ((Action)(() => _ = new AmountUnit("u", "U", 0))).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("Reference");
        ((Action)(() => _ = TestCases.Observed("e", TestCases.Year(2001), "i", double.PositiveInfinity))).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("Value");
        var item = TestCases.Coercion("e", TestCases.Year(2001), "P", "C", 0.5);
        ((Action)(() => _ = item with { Severity = 2 })).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("Severity");
    }

    [Fact]
    public void WithDyads_RejectsUnknownAndSelfDyads()
    {
        var c = TestCases.Builder().Build();

        ((Action)(() => c.WithDyads([new Dyad("P", "P")]))).Should().Throw<ArgumentException>().WithParameterName("dyads");
        ((Action)(() => c.WithDyads([new Dyad("P", "Q")]))).Should().Throw<ArgumentException>().WithParameterName("dyads");
        c.WithDyads([new Dyad("X", "C")]).Dyads.Should().Equal(new Dyad("X", "C"));
    }

    [Fact]
    public void WithoutEvidence_DropsTheNamedItems_AndIgnoresUnknownIds()
    {
        var c = TestCases.Builder()
            .Add(TestCases.Support("a", TestCases.Year(2001), "P", "C", 0.5))
            .Add(TestCases.Support("b", TestCases.Year(2001), "P", "C", 0.5))
            .Build();

        c.WithoutEvidence(["a", "zz"]).Evidence.Select(e => e.Id).Should().Equal("b");
        c.WithoutEvidence(["zz"]).Should().BeSameAs(c);
    }

    [Fact]
    public void SupportAmounts_KeepTheirUnit()
    {
        var usd = new AmountUnit("usd", "US dollars", 1e9);
        var c = TestCases.Builder()
            .AddUnit(usd)
            .Add(new SupportEvidence("e", TestCases.Year(2001), Confidence.Confirmed, ImmutableArray.Create("s1"), "P", "C", ResourceType.Funding, usd.ToMagnitude(5e8)) { Amount = 5e8, Unit = "usd" })
            .Build();

        var e = (SupportEvidence)c.Evidence[0];

        e.Amount.Should().Be(5e8);
        e.Unit.Should().Be("usd");
        e.Magnitude.Should().BeApproximately(1 - Math.Exp(-0.5), 1e-15);
    }

    [Fact]
    public void SupportAmounts_WhoseMagnitudeIsNotTheOneTheAmountGives_AreAProblem_SoThatAWrittenCaseScoresAsBuilt()
    {
        var usd = new AmountUnit("usd", "US dollars", 1e9);
        var builder = TestCases.Builder()
            .AddUnit(usd)
            .Add(new SupportEvidence("e", TestCases.Year(2001), Confidence.Confirmed, ImmutableArray.Create("s1"), "P", "C", ResourceType.Funding, 0.5) { Amount = 5e8, Unit = "usd" });

        builder.TryBuild(out var built, out var problems).Should().BeFalse();

        built.Should().BeNull();
        problems.Should().ContainSingle().Which.ToString().Should().Be(
            "$.evidence[0].magnitude (item 'e'): expected the magnitude its amount gives (500000000 usd: 0.3934693402873666, by the unit's reference); was 0.5. Set it with the unit's ToMagnitude(amount), or give no amount");
    }

    [Fact]
    public void Build_LeavesAnEarlierCaseUnchanged_WhenEvidenceIsAddedAfterIt()
    {
        // Sixteen items fill the builder's first arrays exactly, in id order: the case takes them over without a copy.
        var b = TestCases.Builder();
        for (var i = 0; i < 16; i++)
        {
            b.AddSupport($"e{i:D2}", TestCases.Year(2001), Confidence.Confirmed, "s1", "P", "C", ResourceType.Arms, 0.5);
        }

        var first = b.Build();
        b.AddSupport("e16", TestCases.Year(2002), Confidence.Reported, "s1", "C", "P", ResourceType.Funding, 0.25);
        var second = b.Build();

        first.Evidence.Should().HaveCount(16);
        first.Evidence.Select(e => e.Id).Should().Equal(Enumerable.Range(0, 16).Select(i => $"e{i:D2}"));
        first.Evidence.Should().AllSatisfy(e => e.Date.Should().Be(TestCases.Year(2001)));
        second.Evidence.Should().HaveCount(17);
        second.Evidence[16].Should().Be(new SupportEvidence("e16", TestCases.Year(2002), Confidence.Reported, ["s1"], "C", "P", ResourceType.Funding, 0.25));
    }
}
