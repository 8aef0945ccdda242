using Influence.Cases;
using Influence.Generation;
using Influence.Indexing;
using Influence.Scoring;

namespace Influence.Tests.Support;

/// <summary>An index over a generated universe's whole range, for tests that compare the index with its evidence.</summary>
internal static class GeneratedIndex
{
    /// <summary>Generates a universe and indexes it over its range, on <paramref name="threads"/> threads (0: the default).</summary>
    public static (Case Case, EvidenceIndex Index, ScoringOptions Options) Build(long seed, int actors, int periods, int evidence, int threads = 0)
    {
        var c = UniverseGenerator.Generate(new UniverseOptions { Seed = seed, Actors = actors, Periods = periods, Evidence = evidence });
        var (from, to) = Scorer.ResolveRange(c);
        var options = threads > 0 ? ScoringOptions.Default with { MaxDegreeOfParallelism = threads } : ScoringOptions.Default;
        return (c, EvidenceIndex.Build(c, new PeriodGrid(from, to), options), options);
    }
}
