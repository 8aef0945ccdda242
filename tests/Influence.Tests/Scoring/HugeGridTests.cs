using FluentAssertions;
using Influence.Cases;
using Influence.Indexing;
using Influence.Scoring;
using Influence.Tests.Support;
using Xunit;

namespace Influence.Tests.Scoring;

/// <summary>
/// A scoring whose arrays could not be held (dyads × periods, actors × periods over 2³¹ values) is refused with the
/// counts named, before anything of that size is allocated, instead of an int overflow or an OutOfMemoryException.
/// </summary>
public class HugeGridTests
{
    /// <summary>More than any refusal allocates: the refused arrays would take gigabytes.</summary>
    private const long SmallAllocation = 256L << 20;

    [Fact]
    public void DyadsTimesPeriods_BeyondAnArray_AreRefused_WithTheCounts_BeforeTheyAreAllocated()
    {
        // 137 actors, every ordered pair requested: 18,632 dyads × 119,988 months is more than an array holds.
        var b = Monthly0001To9999();
        for (var a = 0; a < 134; a++)
        {
            b.AddActor(new Actor($"A{a}", $"Actor {a}", ActorKind.State));
        }

        var c = b.Add(TestCases.Support("s", TestCases.Year(2005), "P", "C", 0.5)).Build();
        var ids = c.Actors.Select(a => a.Id).ToArray();
        var request = new ScoringRequest { Dyads = [.. ids.SelectMany(p => ids.Where(q => q != p).Select(q => new Dyad(p, q)))] };

        var before = GC.GetAllocatedBytesForCurrentThread();
        var score = () => Scorer.Score(c, request: request);

        score.Should().Throw<ArgumentException>().WithMessage(
            "18632 dyads over 119988 monthly periods (0001-01–9999-12) are 2235616416 dyad-periods, more than an array holds (2147483591), and each measure's values are one array of them; score fewer dyads, a shorter range or a coarser granularity*")
            .Which.ParamName.Should().Be("request");
        (GC.GetAllocatedBytesForCurrentThread() - before).Should().BeLessThan(SmallAllocation);
        new DocPage("case-format.md").Quotes(score.Should().Throw<ArgumentException>().Which.Message.Split(" (Parameter")[0]);
    }

    [Fact]
    public void ActorsTimesGridPeriods_BeyondAnArray_AreRefused_WithTheCounts_BeforeTheIndexAllocatesThem()
    {
        // 18,003 actors × 119,989 (grid periods + 1) is more than an array holds: the index's per-actor series.
        var c = WithMany(actors: 18_000);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var score = () => Scorer.Score(c);

        score.Should().Throw<ArgumentException>().WithMessage(
            "the case's 18003 actors over the grid's 119988 monthly periods (0001-01–9999-12) are 2160161967 values of per-actor series, more than an array holds (2147483591); score a shorter range or a coarser granularity, or check the date of the earliest item (the grid starts at it)*");
        (GC.GetAllocatedBytesForCurrentThread() - before).Should().BeLessThan(SmallAllocation);
    }

    [Fact]
    public void ObjectivesTimesGridPeriods_BeyondAnArray_AreRefused_WithTheCounts()
    {
        var c = WithMany(objectives: 18_000);

        var score = () => Scorer.Score(c);

        score.Should().Throw<ArgumentException>().WithMessage(
            "the case's 18000 objectives over the grid's 119988 monthly periods (0001-01–9999-12) are 2159784000 values of per-objective series, more than an array holds (2147483591); *");
    }

    [Theory]
    [InlineData(18_000, 0, "the case's 18003 actors over the grid's 119988 monthly periods (0001-01–9999-12) are 2160161967 values of per-actor series")]
    [InlineData(0, 18_000, "the case's 18000 objectives over the grid's 119988 monthly periods (0001-01–9999-12) are 2159784000 values of per-objective series")]
    public void EvidenceIndexBuild_OfSeriesBeyondAnArray_IsRefused_WithTheCounts_BeforeItAllocates(int actors, int objectives, string counts)
    {
        // The public build refuses what the scoring refuses, with the same counts, instead of an overflow when an
        // accessor first reads the per-actor or per-objective series.
        var c = WithMany(actors, objectives);
        var grid = new PeriodGrid(Period.FromMonth(1, 1), Period.FromMonth(9999, 12));

        var before = GC.GetAllocatedBytesForCurrentThread();
        var build = () => EvidenceIndex.Build(c, grid, ScoringOptions.Default);

        build.Should().Throw<ArgumentException>().WithMessage(
            counts + ", more than an array holds (2147483591); build the index over a shorter grid or at a coarser granularity*")
            .Which.ParamName.Should().Be("grid");
        (GC.GetAllocatedBytesForCurrentThread() - before).Should().BeLessThan(SmallAllocation);
    }

    [Fact]
    public void AnIndexBuiltForMeasuresThatDoNotReadThePerActorSeries_RefusesThemWithTheCounts_WhenAnAccessorAsks()
    {
        // Scored for exchange alone (which reads no per-actor series), the score's index was not checked for them: a
        // read of support received is refused with the counts, not an OverflowException.
        var c = WithMany(actors: 18_000);
        var scores = Scorer.Score(c, request: new ScoringRequest { Dyads = [new Dyad("P", "C")], Measures = ["exchange"] });

        var read = () => scores.Index.SupportReceived(c.ActorIndexOf("C"), 0, 0);

        read.Should().Throw<InvalidOperationException>().WithMessage(
            "the case's 18003 actors over the grid's 119988 monthly periods (0001-01–9999-12) are 2160161967 values of per-actor series, more than an array holds (2147483591): this index cannot hold them; build one over a shorter grid or at a coarser granularity");
    }

    [Fact]
    public void PairsTimesTheirActiveSpans_BeyondAnArray_AreRefused_WithTheCounts()
    {
        // 137 actors, each ordered pair with an item in year 1 and one in 9999: 18,632 pairs active over the whole
        // grid of 119,988 months, more cells than an array holds. No check before the build bounds this (one dyad is
        // scored; the actors' series fit): the build refuses it when the spans are known, not with an overflow.
        var b = Monthly0001To9999();
        for (var a = 0; a < 134; a++)
        {
            b.AddActor(new Actor($"A{a}", $"Actor {a}", ActorKind.State));
        }

        var ids = b.Build().Actors.Select(a => a.Id).ToArray();
        var n = 0;
        foreach (var from in ids)
        {
            foreach (var to in ids.Where(x => x != from))
            {
                b.Add(TestCases.Support($"s{n++}", TestCases.Year(1), from, to, 0.5));
                b.Add(TestCases.Support($"s{n++}", TestCases.Year(9999), from, to, 0.5));
            }
        }

        var c = b.Build();
        var score = () => Scorer.Score(c, request: new ScoringRequest { Dyads = [new Dyad("P", "C")] });

        score.Should().Throw<ArgumentException>().WithMessage(
            "the evidence's 18632 pairs of actors are active over 2235616416 pair-periods in all (each pair from the period of its first item to that of its last, within the grid's 119988 monthly periods, 0001-01–9999-12), more than an array holds (2147483591); score a shorter range or a coarser granularity, or check the dates of the earliest and latest items");
    }

    /// <summary>A monthly case over 0001–9999 with one support item and so many more actors or objectives.</summary>
    private static Case WithMany(int actors = 0, int objectives = 0)
    {
        var b = Monthly0001To9999();
        for (var a = 0; a < actors; a++)
        {
            b.AddActor(new Actor($"A{a}", $"Actor {a}", ActorKind.State));
        }

        for (var o = 0; o < objectives; o++)
        {
            b.AddObjective(new Objective($"O{o}", "P", $"Objective {o}", 0.5));
        }

        return b.Add(TestCases.Support("s", TestCases.Year(2005), "P", "C", 0.5)).Build();
    }

    private static CaseBuilder Monthly0001To9999()
    {
        var b = TestCases.Builder();
        b.Granularity = Granularity.Month;
        b.From = Period.FromMonth(1, 1);
        b.To = Period.FromMonth(9999, 12);
        b.EvidenceEnds = new DateOnly(9999, 12, 31);
        return b;
    }
}
