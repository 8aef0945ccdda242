using CsCheck;
using FluentAssertions;
using Influence.Generation;
using Influence.IO;
using Influence.Scoring;
using Xunit;

namespace Influence.Tests.Scoring;

/// <summary>
/// The engine's output does not depend on the thread count. (That it does not depend on the order evidence was added
/// in is ScoringProperties.PermutingTheEvidence_ChangesNoByteOfTheOutput_NorTheInputHash.)
/// </summary>
public class EngineDeterminismTests
{
    [Fact]
    public void Scores_AreTheSameBytes_WhateverTheThreadCount()
    {
        Gen.Select(Gen.Long, Gen.Int[4, 30], Gen.Int[1, 36], Gen.Int[0, 3000], Gen.Int[2, 8]).Sample((seed, actors, periods, evidence, threads) =>
        {
            var @case = UniverseGenerator.Generate(new UniverseOptions { Seed = seed, Actors = actors, Periods = periods, Evidence = evidence });
            var one = Scorer.Score(@case, ScoringOptions.Default with { MaxDegreeOfParallelism = 1 });
            var many = Scorer.Score(@case, ScoringOptions.Default with { MaxDegreeOfParallelism = threads });

            ScoreWriter.ToJson(many, evidenceCounts: false).Should().Be(ScoreWriter.ToJson(one, evidenceCounts: false));
        }, iter: 25);
    }

    [Fact]
    public async Task Scores_AreTheSameBytes_WhenScoringsOfOneIndexRunAtOnce()
    {
        // Scorings of one index share its per-actor memos (each drops an actor's after its last dyad, so another may
        // compute one again) and its per-pair caches: running several at once, with accessor reads beside them, must
        // change no byte.
        var @case = UniverseGenerator.Generate(new UniverseOptions { Seed = 12, Actors = 60, Periods = 36, Evidence = 30_000 });
        var (from, to) = Scorer.ResolveRange(@case);
        var options = ScoringOptions.Default with { MaxDegreeOfParallelism = 2 };
        var expected = ScoreWriter.ToJson(Scorer.Score(@case, options), evidenceCounts: false);
        var index = Influence.Indexing.EvidenceIndex.Build(@case, new Influence.Indexing.PeriodGrid(from, to), options);

        var scorings = Enumerable.Range(0, 4).Select(_ => Task.Run(() => ScoreWriter.ToJson(Scorer.Score(index), evidenceCounts: false))).ToArray();
        var reads = Task.Run(() =>
        {
            var total = 0.0;
            for (var pair = 0; pair < index.PairCountTotal; pair++)
            {
                total += index.Sum(Influence.Indexing.PairSum.DemandWeight, pair, 0, index.Periods - 1);
            }

            return total;
        });
        var results = await Task.WhenAll(scorings);
        var total = await reads;

        results.Should().AllBe(expected);
        total.Should().BeGreaterThan(0);
    }

    [Fact]
    public void Scores_AreTheSameBytes_ForAUniverseLargeEnoughToSplitIntoChunks()
    {
        // More than 2¹⁸ rows: the index build splits rows into chunks, one per thread, and merges them.
        var @case = UniverseGenerator.Generate(new UniverseOptions { Seed = 9, Actors = 300, Periods = 24, Evidence = 600_000 });
        var request = new ScoringRequest { Measures = ["exchange", "asymmetry", "conflict", "diffuseObligation", "endurance", "accountBalance", "patronShare", "issueSpread"] };
        var one = Scorer.Score(@case, ScoringOptions.Default with { MaxDegreeOfParallelism = 1 }, request);
        var four = Scorer.Score(@case, ScoringOptions.Default with { MaxDegreeOfParallelism = 4 }, request);

        ScoreWriter.ToJson(four, evidenceCounts: false).Should().Be(ScoreWriter.ToJson(one, evidenceCounts: false));
        four.Index.PairCountTotal.Should().Be(one.Index.PairCountTotal);
        for (var p = 0; p < one.Index.PairCountTotal; p++)
        {
            (four.Index.PairFrom(p), four.Index.PairTo(p)).Should().Be((one.Index.PairFrom(p), one.Index.PairTo(p)), "pairs are numbered in first-seen order");
        }
    }
}
