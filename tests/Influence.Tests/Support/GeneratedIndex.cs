using Influence.Cases;
using Influence.Generation;
using Influence.Indexing;
using Influence.Scoring;

namespace Influence.Tests.Support;

/// <summary>Indexes over a generated universe, for tests that compare the index with its evidence or two builds.</summary>
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

    /// <summary>
    /// A universe of 60 actors and 36 periods with <paramref name="evidence"/> items, indexed over its range less
    /// <paramref name="trim"/> periods at each end (so items lie outside the grid): once filling <paramref name="parts"/>
    /// during the build, once without them (filled, when read, after the build).
    /// </summary>
    public static (Case Case, EvidenceIndex WithParts, EvidenceIndex Without) TwoWays(long seed, int evidence, int trim, int threads, EvidenceIndex.Parts parts)
    {
        var c = UniverseGenerator.Generate(new UniverseOptions { Seed = seed, Actors = 60, Periods = 36, Evidence = evidence });
        var (from, to) = Scorer.ResolveRange(c);
        var grid = new PeriodGrid(from.AddPeriods(trim), to.AddPeriods(-trim));
        var options = ScoringOptions.Default with { MaxDegreeOfParallelism = threads };
        return (c, EvidenceIndex.Build(c, grid, options, parts), EvidenceIndex.Build(c, grid, options));
    }
}
