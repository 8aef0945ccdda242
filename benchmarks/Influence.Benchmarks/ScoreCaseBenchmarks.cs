using BenchmarkDotNet.Attributes;
using Influence.Cases;
using Influence.IO;
using Influence.Scoring;

namespace Influence.Benchmarks;

/// <summary>Scoring the built-in reference case: reading it, building the index, scoring every declared dyad.</summary>
[MemoryDiagnoser]
public class ScoreCaseBenchmarks
{
    private Case _case = null!;

    [GlobalSetup]
    public void Setup() => _case = CaseReader.LoadBuiltIn();

    [Benchmark(Baseline = true, Description = "read the built-in case")]
    public Case Read() => CaseReader.LoadBuiltIn();

    [Benchmark(Description = "score every declared dyad")]
    public ScoreSet Score() => Scorer.Score(_case);
}
