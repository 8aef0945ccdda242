using FluentAssertions;
using Influence.Cases;
using Influence.Evidence;
using Influence.Indexing;
using Influence.Scoring;
using Xunit;

namespace Influence.Tests.Indexing;

/// <summary>
/// The faction roll-up rule (docs/multilateral.md): a faction's evidence also counts for its movement; evidence
/// inside one movement is internal at the movement's level; a dyad can be scored at either level.
/// </summary>
public class FactionRollUpTests
{
    private static readonly Dyad Movement = new("pakistan", "taliban");
    private static readonly Dyad Faction = new("pakistan", "haqqani");

    private static Case Case()
    {
        var b = new CaseBuilder("rollup", "Roll-up") { From = Period.FromYear(2004), To = Period.FromYear(2006) };
        b.AddSource(new Source("s", "A source"));
        b.AddActor(new Actor("pakistan", "Pakistan", ActorKind.State));
        b.AddActor(new Actor("taliban", "Afghan Taliban", ActorKind.Movement));
        b.AddActor(new Actor("haqqani", "Haqqani network", ActorKind.Faction) { Parent = "taliban" });
        b.AddActor(new Actor("kandahari", "Kandahari leadership", ActorKind.Faction) { Parent = "taliban" });
        b.AddActor(new Actor("china", "China", ActorKind.State));
        var y = EvidenceDate.InYear(2005);
        b.AddSupport("a-pak-haq", y, Confidence.Confirmed, "s", "pakistan", "haqqani", ResourceType.Sanctuary, 0.6);
        b.AddSupport("b-pak-tal", y, Confidence.Confirmed, "s", "pakistan", "taliban", ResourceType.Diplomatic, 0.4);
        b.AddSupport("c-chi-kan", y, Confidence.Confirmed, "s", "china", "kandahari", ResourceType.Funding, 0.3);
        b.AddSupport("d-haq-kan", y, Confidence.Confirmed, "s", "haqqani", "kandahari", ResourceType.Personnel, 0.2);
        b.AddSupport("e-haq-pak", y, Confidence.Confirmed, "s", "haqqani", "pakistan", ResourceType.ProxyAction, 0.5);
        b.AddCoercion("f-pak-haq", y, Confidence.Confirmed, "s", "pakistan", "haqqani", CoercionType.Detention, 0.2);
        return b.Build();
    }

    private static ScoreSet Scores() =>
        Scorer.Score(Case(), request: new ScoringRequest { Dyads = [Movement, Faction] });

    [Fact]
    public void FactionEvidence_RollsUpToTheMovement()
    {
        var c = Case();
        var index = EvidenceIndex.Build(c, new PeriodGrid(Period.FromYear(2004), Period.FromYear(2006)), ScoringOptions.Default);
        var t = 1;

        index.At(PairSum.Support, index.PairOf(c.ActorIndexOf("pakistan"), c.ActorIndexOf("taliban")), t).Should().BeApproximately(1.0, 1e-12, "0.6 to the Haqqani network + 0.4 to the movement");
        index.At(PairSum.Support, index.PairOf(c.ActorIndexOf("pakistan"), c.ActorIndexOf("haqqani")), t).Should().BeApproximately(0.6, 1e-12, "the movement's own items do not come down to a faction");
        index.At(PairSum.Support, index.PairOf(c.ActorIndexOf("taliban"), c.ActorIndexOf("pakistan")), t).Should().BeApproximately(0.5, 1e-12);
        index.At(PairSum.Coercion, index.PairOf(c.ActorIndexOf("pakistan"), c.ActorIndexOf("taliban")), t).Should().BeApproximately(0.2, 1e-12);
    }

    [Fact]
    public void EvidenceInsideOneMovement_IsInternalAtTheMovementLevel_ButADyadBetweenSiblingFactions()
    {
        var c = Case();
        var index = EvidenceIndex.Build(c, new PeriodGrid(Period.FromYear(2004), Period.FromYear(2006)), ScoringOptions.Default);

        index.PairOf(c.ActorIndexOf("haqqani"), c.ActorIndexOf("taliban")).Should().Be(-1);
        index.PairOf(c.ActorIndexOf("taliban"), c.ActorIndexOf("kandahari")).Should().Be(-1);
        index.PairOf(c.ActorIndexOf("haqqani"), c.ActorIndexOf("kandahari")).Should().BeGreaterThanOrEqualTo(0);
        index.SupportReceived(c.ActorIndexOf("taliban"), 1, 1).Should().BeApproximately(0.6 + 0.4 + 0.3, 1e-12, "Haqqani → Kandahari is internal to the movement");
        index.SupportReceived(c.ActorIndexOf("kandahari"), 1, 1).Should().BeApproximately(0.3 + 0.2, 1e-12, "a sibling faction supports Kandahari");
    }

    [Fact]
    public void AFactionsSupport_CountsOnceForItsReceiver()
    {
        var c = Case();
        var index = EvidenceIndex.Build(c, new PeriodGrid(Period.FromYear(2004), Period.FromYear(2006)), ScoringOptions.Default);

        index.SupportReceived(c.ActorIndexOf("pakistan"), 1, 1).Should().BeApproximately(0.5, 1e-12, "Haqqani → Pakistan lies in two pairs (Haqqani, Taliban) but is one item");
        index.SupporterPairs(c.ActorIndexOf("pakistan")).Select(index.PairFrom).Should().Equal(c.ActorIndexOf("taliban"));
    }

    [Fact]
    public void MovementLevelDyad_ScoresTheMovementsWholeRelation()
    {
        var s = Scores().For(Movement, Period.FromYear(2005));

        s.PatronShare.Value.Should().BeApproximately(1.0 / 1.3, 1e-12, "Pakistan gives 1.0 of the 1.3 the movement receives from outside");
        s.AlternativePatrons.Value.Should().Be(1, "China's 0.3 / 1.3 ≥ 0.1");
        // Flow 1.0 in (0.6 to the Haqqani network + 0.4 to the movement) and 0.5 back: volume 1 − e^−1.5,
        // reciprocity 2 · min(1.0, 0.5) / 1.5 = 2/3; 0.7768698 · 0.6666667 = 0.5179132.
        s.Exchange.Value.Should().BeApproximately((1 - Math.Exp(-1.5)) * (2 * 0.5 / 1.5), 1e-12);
    }

    [Fact]
    public void FactionLevelDyad_ScoresOnlyTheFactionsOwnRelation()
    {
        var s = Scores().For(Faction, Period.FromYear(2005));

        s.PatronShare.Value.Should().Be(1, "the Haqqani network's only supporter is Pakistan");
        s.AlternativePatrons.Value.Should().Be(0);
        // Flow 0.6 in and 0.5 back: volume 1 − e^−1.1, reciprocity 2 · min(0.6, 0.5) / 1.1 = 10/11;
        // 0.6671289 · 0.9090909 = 0.6064808.
        s.Exchange.Value.Should().BeApproximately((1 - Math.Exp(-1.1)) * (2 * 0.5 / 1.1), 1e-12);
        s.Conflict.Value.Should().BeGreaterThan(0);
    }
}
