using FluentAssertions;
using Influence.Cases;
using Influence.Evidence;
using Influence.Scoring;
using Influence.Tests.Support;
using Xunit;

namespace Influence.Tests.Theory;

public class AttainmentTests
{
    // o1: P toward C (salience 0.9); o2: P toward no one in particular (0.3); o3: P toward X and o4: X's own
    // objective (both 1.0) do not belong to the dyad P → C.
    private static CaseBuilder WithObjectives() => TestCases.Builder()
        .AddObjective(new Objective("o1", "P", "Depth", 0.9) { Toward = "C" })
        .AddObjective(new Objective("o2", "P", "Prestige", 0.3))
        .AddObjective(new Objective("o3", "P", "Elsewhere", 1.0) { Toward = "X" })
        .AddObjective(new Objective("o4", "X", "Not P's", 1.0) { Toward = "C" });

    [Fact]
    public void Attainment_IsTheSalienceWeightedMeanOfThePatronsObjectives_ByHand()
    {
        // 2005: o1 observed 0.8 (confirmed) and 0.4 (alleged): a_o1 = (0.8·1 + 0.4·0.4) / 1.4 = 0.685714.
        //       o2 observed 0.2 (reported): a_o2 = 0.2. o3 and o4 observed 0 and 1: not the dyad's.
        // attainment = (0.9 · 0.685714 + 0.3 · 0.2) / (0.9 + 0.3) = 0.677143 / 1.2 = 0.564286.
        var c = WithObjectives()
            .Add(TestCases.Attained("a1", TestCases.Year(2005), "o1", 0.8))
            .Add(TestCases.Attained("a2", TestCases.Year(2005), "o1", 0.4, Confidence.Alleged))
            .Add(TestCases.Attained("a3", TestCases.Year(2005), "o2", 0.2, Confidence.Reported))
            .Add(TestCases.Attained("a4", TestCases.Year(2005), "o3", 0))
            .Add(TestCases.Attained("a5", TestCases.Year(2005), "o4", 1))
            .Build();
        var o1 = 0.96 / 1.4;

        TestCases.Value(c, "attainment", 2005).Should().BeApproximately(((0.9 * o1) + (0.3 * 0.2)) / 1.2, 1e-12);
    }

    [Fact]
    public void Attainment_CarriesAnObservationThroughTheLookBack_AndThenIsUndefined()
    {
        // o1 observed only in 2005: 2007's 3-year look-back (2005–2007) still holds it; 2008's (2006–2008) does not.
        var c = WithObjectives().Add(TestCases.Attained("a", TestCases.Year(2005), "o1", 0.8)).Build();

        TestCases.Value(c, "attainment", 2004).Should().BeNull("nothing observed yet");
        TestCases.Value(c, "attainment", 2007).Should().BeApproximately(0.8, 1e-12);
        TestCases.Value(c, "attainment", 2008).Should().BeNull();
    }

    [Fact]
    public void Attainment_UsesTheLatestObservedPeriod_NotAMean()
    {
        // o1: 0.8 in 2005, 0.2 in 2006 → 2007 uses 2006's 0.2.
        var c = WithObjectives()
            .Add(TestCases.Attained("a", TestCases.Year(2005), "o1", 0.8))
            .Add(TestCases.Attained("b", TestCases.Year(2006), "o1", 0.2))
            .Build();

        TestCases.Value(c, "attainment", 2007).Should().BeApproximately(0.2, 1e-12);
    }

    [Fact]
    public void Attainment_UsesTheLookBackFromOptions()
    {
        var c = WithObjectives().Add(TestCases.Attained("a", TestCases.Year(2005), "o1", 0.8)).Build();
        var options = ScoringOptions.Default with { Attainment = new AttainmentOptions { LookbackYears = 1 } };

        TestCases.Value(c, "attainment", 2006, options).Should().BeNull("a 1-year look-back holds only the period itself");
    }

    [Theory]
    [InlineData(250, 0.75)] // (250 − 1000) / (0 − 1000)
    [InlineData(1000, 0.0)]
    [InlineData(1500, 0.0)] // clipped
    [InlineData(-5, 1.0)] // clipped
    public void Attainment_MapsALowerIsBetterIndicator_OntoItsObjective(double attacks, double expected)
    {
        var c = WithObjectives()
            .AddIndicator(new Indicator("attacks", "o1", "Attacks per year", IndicatorDirection.LowerIsBetter, 0, 1000))
            .Add(TestCases.Observed("i", TestCases.Year(2005), "attacks", attacks))
            .Build();

        TestCases.Value(c, "attainment", 2005).Should().BeApproximately(expected, 1e-12);
    }

    [Fact]
    public void Attainment_AveragesIndicatorAndDirectObservations_ByConfidence()
    {
        // Indicator higherIsBetter best 100, worst 0: 40 → 0.4 (confirmed); direct 0.8 (reported, 0.7):
        // a_o1 = (0.4·1 + 0.8·0.7) / 1.7 = 0.96 / 1.7 = 0.564706.
        var c = WithObjectives()
            .AddIndicator(new Indicator("trade", "o1", "Trade", IndicatorDirection.HigherIsBetter, 100, 0))
            .Add(TestCases.Observed("i", TestCases.Year(2005), "trade", 40))
            .Add(TestCases.Attained("a", TestCases.Year(2005), "o1", 0.8, Confidence.Reported))
            .Build();

        TestCases.Value(c, "attainment", 2005).Should().BeApproximately(0.96 / 1.7, 1e-12);
    }

    [Fact]
    public void Attainment_CountsTheObjectivesOfThePatronsMovement_TowardTheClientsMovement()
    {
        // PF is a faction of P; CF a faction of C. The dyad PF → CF sees P's objective toward C (0.6) but not P's
        // objective toward X; the dyad P → C does not see an objective aimed at the faction CF only.
        var c = WithObjectives()
            .AddActor(new Actor("PF", "Patron faction", ActorKind.Faction) { Parent = "P" })
            .AddActor(new Actor("CF", "Client faction", ActorKind.Faction) { Parent = "C" })
            .AddObjective(new Objective("o5", "P", "Faction-specific", 1.0) { Toward = "CF" })
            .AddDyad("PF", "CF")
            .Add(TestCases.Attained("a", TestCases.Year(2005), "o1", 0.6))
            .Add(TestCases.Attained("x", TestCases.Year(2005), "o3", 0.0))
            .Add(TestCases.Attained("f", TestCases.Year(2005), "o5", 0.1))
            .Build();

        // PF → CF: o1 (0.9 · 0.6) and o5 (1.0 · 0.1) → (0.54 + 0.1) / 1.9 = 0.336842.
        TestCases.Value(c, "attainment", Period.FromYear(2005), dyad: new Dyad("PF", "CF")).Should().BeApproximately(0.64 / 1.9, 1e-12);
        TestCases.Value(c, "attainment", 2005).Should().BeApproximately(0.6, 1e-12);
    }

    [Fact]
    public void Attainment_IsUndefined_WithoutAnyObservation()
    {
        var c = WithObjectives().Add(TestCases.Support("s", TestCases.Year(2005), "P", "C", 1)).Build();

        TestCases.Value(c, "attainment", 2005).Should().BeNull();
    }

    [Theory]
    [InlineData(IndicatorDirection.LowerIsBetter, 0, 1000, 250, 0.75)]
    [InlineData(IndicatorDirection.HigherIsBetter, 100, 0, 40, 0.4)]
    [InlineData(IndicatorDirection.HigherIsBetter, 100, 0, 140, 1.0)]
    [InlineData(IndicatorDirection.HigherIsBetter, 5, 5, 5, 1.0)]
    [InlineData(IndicatorDirection.HigherIsBetter, 5, 5, 4, 0.0)]
    public void Indicator_ToAttainment_ClipsTheLinearMap(IndicatorDirection direction, double best, double worst, double value, double expected) =>
        new Indicator("i", "o", "I", direction, best, worst).ToAttainment(value).Should().BeApproximately(expected, 1e-12);
}
