using BenchmarkDotNet.Attributes;
using Influence.Baselines;
using Influence.Cases;
using Influence.Generation;
using Influence.Scoring;

namespace Influence.Benchmarks;

/// <summary>
/// Scoring a generated universe of every size, about ten evidence items per dyad-period: the engine on the six
/// baseline measures (the baseline of the ratios), the engine on every measure, and the same six measures in DuckDB
/// SQL (the data already loaded). The naive LINQ baseline is in <see cref="NaiveBaselineBenchmarks"/>.
/// </summary>
[MemoryDiagnoser]
public class ScoreUniverseBenchmarks
{
    private Case _case = null!;
    private DuckDbSession _duckDb = null!;

    /// <summary>Dyad-periods scored.</summary>
    [ParamsSource(typeof(Sizes), nameof(Sizes.DyadPeriods))]
    public int DyadPeriods { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _case = UniverseGenerator.Generate(UniverseOptions.ForDyadPeriods(DyadPeriods));
        _duckDb = DuckDbBaseline.Load(_case, ScoringOptions.Default);
    }

    [GlobalCleanup]
    public void Cleanup() => _duckDb.Dispose();

    [Benchmark(Baseline = true, Description = "engine, six measures")]
    public ScoreSet Engine() => Scorer.Score(_case, ScoringOptions.Default, Baseline.EngineRequest);

    [Benchmark(Description = "engine, every measure")]
    public ScoreSet EngineEveryMeasure() => Scorer.Score(_case, ScoringOptions.Default);

    [Benchmark(Description = "DuckDB SQL, six measures")]
    public BaselineResult DuckDbSql() => _duckDb.Score();
}

/// <summary>The engine beside the naive LINQ baseline on the six baseline measures.</summary>
[MemoryDiagnoser]
public class NaiveBaselineBenchmarks
{
    private Case _case = null!;

    /// <summary>Dyad-periods scored.</summary>
    [ParamsSource(typeof(Sizes), nameof(Sizes.NaiveDyadPeriods))]
    public int DyadPeriods { get; set; }

    [GlobalSetup]
    public void Setup() => _case = UniverseGenerator.Generate(UniverseOptions.ForDyadPeriods(DyadPeriods));

    [Benchmark(Baseline = true, Description = "engine, six measures")]
    public ScoreSet Engine() => Scorer.Score(_case, ScoringOptions.Default, Baseline.EngineRequest);

    [Benchmark(Description = "naive LINQ, six measures")]
    public BaselineResult NaiveLinq() => NaiveLinqBaseline.Score(_case, ScoringOptions.Default);
}
