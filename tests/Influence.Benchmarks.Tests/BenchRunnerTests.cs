using System.Text.Json;
using FluentAssertions;
using Influence.Baselines;
using Influence.Generation;
using Xunit;

namespace Influence.Benchmarks.Tests;

public class BenchRunnerTests
{
    [Fact]
    public void Run_TimesAllThree_AndFindsThemAgreeing()
    {
        var steps = new List<BenchProgress>();

        var report = BenchRunner.Run(new BenchOptions { Universe = new UniverseOptions { Actors = 12, Periods = 24, Evidence = 3000, Seed = 2 } }, steps.Add);

        report.Agree.Should().BeTrue();
        report.Evidence.Should().Be(3000);
        report.DyadPeriods.Should().Be(report.Dyads * 24L);
        report.EngineSeconds.Should().BePositive();
        report.EngineFirstRunSeconds.Should().BePositive("the first scoring of every measure is timed too");
        report.DuckdbSeconds.Should().BePositive();
        report.NaiveSeconds.Should().BePositive();
        report.SpeedupVsDuckdb.Should().BeApproximately(report.DuckdbSeconds!.Value / report.EngineSeconds, 1e-9);
        report.PeakManagedBytes.Should().BeGreaterThan(report.EvidenceColumnBytes, "the case is resident while it is scored");
        steps.Select(s => s.Done).Should().BeInAscendingOrder();
    }

    [Fact]
    public void Run_LeavesBaselinesOut_WhenAsked()
    {
        var report = BenchRunner.Run(new BenchOptions { Universe = new UniverseOptions { Actors = 8, Periods = 12, Evidence = 500, Seed = 2 }, DuckDb = false, Naive = false });

        report.DuckdbSeconds.Should().BeNull();
        report.DuckdbLoadSeconds.Should().BeNull();
        report.NaiveSeconds.Should().BeNull();
        report.SpeedupVsDuckdb.Should().BeNull();
        report.SpeedupVsNaive.Should().BeNull();
        report.EngineSeconds.Should().BePositive("the engine is timed whatever the baselines");
        report.EngineAllMeasuresSeconds.Should().BePositive();
    }

    [Fact]
    public void ToJson_HasTheDocumentedKeys()
    {
        var json = new BenchReport { Evidence = 10, DyadPeriods = 2, EngineSeconds = 1, DuckdbSeconds = 3, SpeedupVsDuckdb = 3 }.ToJson();

        using var doc = JsonDocument.Parse(json);
        // Those docs/performance.md and benchmarks/README.md quote included.
        foreach (var key in new[]
            {
                "evidence", "dyadPeriods", "engineSeconds", "engineAllMeasuresSeconds", "engineFirstRunSeconds", "engineCpuSeconds",
                "engineCoreSeconds", "engineAllMeasuresCpuSeconds", "engineKernelCpuSeconds", "engineAllMeasuresKernelCpuSeconds", "duckdbSeconds", "duckdbLoadSeconds", "naiveSeconds",
                "speedupVsDuckdb", "speedupVsNaive", "evidencePerSecond", "peakManagedBytes", "bytesPerEvidence", "agree",
                "evidenceColumnBytes", "outputColumnBytes", "memoryRatio", "threads", "seed", "loadAverage",
                "probeFreshMemorySecondsPerGb", "probeSortSeconds",
            })
        {
            doc.RootElement.TryGetProperty(key, out _).Should().BeTrue(key);
        }
    }
}
