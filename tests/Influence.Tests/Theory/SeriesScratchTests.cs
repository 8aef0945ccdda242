using FluentAssertions;
using Influence.Generation;
using Influence.Scoring;
using Influence.Theory;
using Xunit;

namespace Influence.Tests.Theory;

/// <summary>
/// The series paths reuse their scratch on each thread: scoring a universe allocates per thread, not per dyad, which
/// keeps the scoring's peak managed memory within the 2× target (docs/performance.md).
/// </summary>
public class SeriesScratchTests
{
    [Fact]
    public void AScratchDisposed_IsTheNextOpened_AndNestedOnesDiffer()
    {
        var outer = SeriesScratch.Open();
        var inner = SeriesScratch.Open();
        inner.Should().NotBeSameAs(outer, "a series that reads another's opens a second scratch while the first is in use");
        inner.Dispose();
        outer.Dispose();

        using var again = SeriesScratch.Open();
        again.Should().BeSameAs(outer, "the scratch disposed last is reused first");
    }

    [Fact]
    public void DisposingTwice_ReturnsTheScratchOnce()
    {
        var scratch = SeriesScratch.Open();
        scratch.Dispose();
        scratch.Dispose();

        using var first = SeriesScratch.Open();
        using var second = SeriesScratch.Open();
        second.Should().NotBeSameAs(first, "two scratches open at once must not share arrays");
    }

    [Fact]
    public void InputEfficiencySeries_AllocatesLittle_OnceItsThreadHasScoredADyad()
    {
        var @case = UniverseGenerator.Generate(new UniverseOptions { Seed = 3, Actors = 12, Periods = 120, Evidence = 20_000 });
        var index = Scorer.Score(@case, ScoringOptions.Default with { MaxDegreeOfParallelism = 1 }, new ScoringRequest { Measures = ["inputEfficiency"] }).Index;
        var (t0, t1) = (0, index.Periods - 1);
        var buffer = new double?[t1 - t0 + 1];
        var (lows, highs) = (new double[buffer.Length], new double[buffer.Length]);
        var dyads = @case.Dyads.Select(d => new DyadPeriod(index, @case.ActorIndexOf(d.Patron), @case.ActorIndexOf(d.Client), t0)).ToArray();
        foreach (var dyad in dyads)
        {
            InputEfficiency.Series(dyad, t0, t1, buffer, lows, highs);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        foreach (var dyad in dyads)
        {
            InputEfficiency.Series(dyad, t0, t1, buffer, lows, highs);
        }

        var perDyad = (GC.GetAllocatedBytesForCurrentThread() - before) / dyads.Length;
        perDyad.Should().BeLessThan(1024, "the scratch, the independence hash and the dictionary of sets are reused, not allocated per dyad");
    }
}
