using BenchmarkDotNet.Attributes;
using Influence.Cases;
using Influence.Generation;
using Influence.IO;

namespace Influence.Benchmarks;

/// <summary>
/// Writing the case of a generated universe as a case file (JSON, <see cref="CaseWriter.Write"/>) and its evidence as
/// CSV (<see cref="CaseWriter.WriteEvidenceCsv"/>, what <c>influence export-evidence</c> writes), to a stream that
/// keeps nothing.
/// </summary>
[MemoryDiagnoser]
public class WriteCaseBenchmarks
{
    private Case _case = null!;

    /// <summary>Evidence items in the case.</summary>
    [ParamsSource(typeof(Sizes), nameof(Sizes.FileEvidence))]
    public int Evidence { get; set; }

    [GlobalSetup]
    public void Setup() =>
        _case = UniverseGenerator.Generate(new UniverseOptions { Actors = Math.Max(4, Evidence / 1200), Periods = 120, Evidence = Evidence, Seed = 1 });

    [Benchmark(Baseline = true, Description = "write a case file")]
    public void Write() => CaseWriter.Write(_case, Stream.Null);

    [Benchmark(Description = "write a case's evidence as CSV")]
    public void WriteEvidenceCsv() => CaseWriter.WriteEvidenceCsv(_case, Stream.Null);
}
