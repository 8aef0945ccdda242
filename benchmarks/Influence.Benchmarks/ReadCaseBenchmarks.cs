using BenchmarkDotNet.Attributes;
using Influence.Cases;
using Influence.Generation;
using Influence.IO;

namespace Influence.Benchmarks;

/// <summary>Reading a case file of a generated universe (JSON, written by <see cref="CaseWriter"/>), validation included.</summary>
[MemoryDiagnoser]
public class ReadCaseBenchmarks
{
    private string _path = null!;

    /// <summary>Evidence items in the file.</summary>
    [ParamsSource(typeof(Sizes), nameof(Sizes.FileEvidence))]
    public int Evidence { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var universe = UniverseGenerator.Generate(new UniverseOptions { Actors = Math.Max(4, Evidence / 1200), Periods = 120, Evidence = Evidence, Seed = 1 });
        _path = Path.Combine(Path.GetTempPath(), $"influence-bench-{Evidence}-{Environment.ProcessId}.json");
        using var file = File.Create(_path);
        CaseWriter.Write(universe, file);
    }

    [GlobalCleanup]
    public void Cleanup() => File.Delete(_path);

    [Benchmark(Description = "read and validate a case file")]
    public Case Read() => CaseReader.ReadFile(_path);
}
