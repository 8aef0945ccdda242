using FluentAssertions;
using Influence.Cases;
using Influence.Tests.Support;
using Xunit;

namespace Influence.Tests.Theory;

public class PatronShareTests
{
    [Fact]
    public void PatronShare_IsThePatronsPartOfAllSupportTheClientReceives_ByHand()
    {
        // 2005: P gives C 0.6, X gives C 0.4 (confirmed): 0.6 / 1.0.
        var c = TestCases.Builder()
            .Add(TestCases.Support("p", TestCases.Year(2005), "P", "C", 0.6))
            .Add(TestCases.Support("x", TestCases.Year(2005), "X", "C", 0.4))
            .Build();

        TestCases.Value(c, "patronShare", 2005).Should().BeApproximately(0.6, 1e-12);
    }

    [Fact]
    public void PatronShare_PoolsTheReciprocityWindow()
    {
        // X gives 0.4 in 2001, P gives 0.6 in 2005: 2005's window 2001–2005 → 0.6; 2006's window 2002–2006 → 1.
        var c = TestCases.Builder()
            .Add(TestCases.Support("x", TestCases.Year(2001), "X", "C", 0.4))
            .Add(TestCases.Support("p", TestCases.Year(2005), "P", "C", 0.6))
            .Build();

        TestCases.Value(c, "patronShare", 2005).Should().BeApproximately(0.6, 1e-12);
        TestCases.Value(c, "patronShare", 2006).Should().Be(1);
    }

    [Fact]
    public void PatronShare_IsUndefined_WhenTheClientReceivesNothing()
    {
        // C gives to P, but receives nothing: null.
        var c = TestCases.Builder().Add(TestCases.Support("r", TestCases.Year(2005), "C", "P", 0.6)).Build();

        TestCases.Value(c, "patronShare", 2005).Should().BeNull();
    }

    [Fact]
    public void PatronShare_CountsAFactionsFlowOnce_ForTheClient()
    {
        // XF is a faction of X. P gives C 0.6; XF gives C 0.4. XF's flow also counts for X → C (roll-up), but C
        // received it only once: P's share is 0.6 / (0.6 + 0.4) = 0.6.
        var c = TestCases.Builder()
            .AddActor(new Actor("XF", "Faction of X", ActorKind.Faction) { Parent = "X" })
            .Add(TestCases.Support("p", TestCases.Year(2005), "P", "C", 0.6))
            .Add(TestCases.Support("xf", TestCases.Year(2005), "XF", "C", 0.4))
            .Build();

        TestCases.Value(c, "patronShare", 2005).Should().BeApproximately(0.6, 1e-12);
    }

    [Fact]
    public void PatronShare_IsOne_WhenAllSupportComesFromThePatronOrItsFactions()
    {
        // PF is a faction of P: P's 0.6 and PF's 0.4 are both P's support → share 1.
        var c = TestCases.Builder()
            .AddActor(new Actor("PF", "Faction of P", ActorKind.Faction) { Parent = "P" })
            .Add(TestCases.Support("p", TestCases.Year(2005), "P", "C", 0.6))
            .Add(TestCases.Support("pf", TestCases.Year(2005), "PF", "C", 0.4))
            .Build();

        TestCases.Value(c, "patronShare", 2005).Should().BeApproximately(1, 1e-12);
    }

    [Fact]
    public void PatronShare_OfAClientsFaction_CountsWhatTheFactionReceives()
    {
        // CF is a faction of C. P gives CF 0.5, X gives C 0.5: P → C 0.5 / 1.0; P → CF 0.5 / 0.5.
        var c = TestCases.Builder()
            .AddActor(new Actor("CF", "Faction of C", ActorKind.Faction) { Parent = "C" })
            .AddDyad("P", "CF")
            .Add(TestCases.Support("p", TestCases.Year(2005), "P", "CF", 0.5))
            .Add(TestCases.Support("x", TestCases.Year(2005), "X", "C", 0.5))
            .Build();

        TestCases.Value(c, "patronShare", 2005).Should().BeApproximately(0.5, 1e-12);
        TestCases.Value(c, "patronShare", Period.FromYear(2005), dyad: new Dyad("P", "CF")).Should().Be(1);
    }
}
