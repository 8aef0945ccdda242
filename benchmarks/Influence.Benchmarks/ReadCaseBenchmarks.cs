using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Influence.Cases;
using Influence.Generation;
using Influence.IO;

namespace Influence.Benchmarks;

/// <summary>
/// Reading a case file of a generated universe (JSON, written by <see cref="CaseWriter"/>), validation included; and
/// the same case as a case file without its evidence and the evidence as CSV (written by
/// <see cref="CaseWriter.WriteEvidenceCsv"/>), whose rows are checked as the JSON's items are.
/// </summary>
[MemoryDiagnoser]
public class ReadCaseBenchmarks
{
    private string _path = null!;
    private string _headPath = null!;
    private string _csvPath = null!;

    /// <summary>Evidence items in the file.</summary>
    [ParamsSource(typeof(Sizes), nameof(Sizes.FileEvidence))]
    public int Evidence { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var universe = UniverseGenerator.Generate(new UniverseOptions { Actors = Math.Max(4, Evidence / 1200), Periods = 120, Evidence = Evidence, Seed = 1 });
        var stem = Path.Combine(Path.GetTempPath(), $"influence-bench-{Evidence}-{Environment.ProcessId}");
        _path = stem + ".json";
        _headPath = stem + "-head.json";
        _csvPath = stem + "-evidence.csv";
        using (var file = File.Create(_path))
        {
            CaseWriter.Write(universe, file);
        }

        var head = JsonNode.Parse(File.ReadAllText(_path))!.AsObject();
        head.Remove("evidence");
        File.WriteAllText(_headPath, head.ToJsonString());
        using (var csv = File.Create(_csvPath))
        {
            CaseWriter.WriteEvidenceCsv(universe, csv);
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        File.Delete(_path);
        File.Delete(_headPath);
        File.Delete(_csvPath);
    }

    [Benchmark(Baseline = true, Description = "read and validate a case file")]
    public Case Read() => CaseReader.ReadFile(_path);

    [Benchmark(Description = "read and validate a case file with its evidence from CSV")]
    public Case ReadWithEvidenceCsv() => CaseReader.ReadFileWithEvidenceCsv(_headPath, _csvPath);
}
