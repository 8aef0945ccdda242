using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using FluentAssertions;
using Xunit;

namespace Influence.Benchmarks.Tests;

/// <summary>
/// The CI smoke run of the benchmark suite: every benchmark of every class runs once, in process, at a tiny size.
/// BenchmarkDotNet reports success when a filter matches nothing, so the test counts what actually ran.
/// </summary>
public class BenchmarkSmokeTests
{
    /// <summary>
    /// Every benchmark of the suite, as class.method. Adding or removing one means changing this list: a benchmark
    /// that silently stops running (its class made internal, its attribute dropped) then fails the test.
    /// </summary>
    private static readonly string[] Suite =
    [
        "NetworkBenchmarks.Build", "NetworkBenchmarks.Roles", "NetworkBenchmarks.Measures",
        "ReadCaseBenchmarks.Read", "ReadCaseBenchmarks.ReadWithEvidenceCsv",
        "WriteCaseBenchmarks.Write", "WriteCaseBenchmarks.WriteEvidenceCsv",
        "ScoreCaseBenchmarks.Read", "ScoreCaseBenchmarks.Score",
        "ScoreUniverseBenchmarks.Engine", "ScoreUniverseBenchmarks.EngineEveryMeasure", "ScoreUniverseBenchmarks.DuckDbSql",
        "NaiveBaselineBenchmarks.Engine", "NaiveBaselineBenchmarks.NaiveLinq",
    ];

    [Fact]
    public void TheSuite_IsWhatTheAssemblyDeclares()
    {
        // As BenchmarkDotNet names them: the class it runs (never an abstract one), with inherited benchmarks.
        var declared = typeof(ScoreCaseBenchmarks).Assembly.GetTypes()
            .Where(t => !t.IsAbstract)
            .SelectMany(t => t.GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)
                .Where(m => m.GetCustomAttributes(typeof(BenchmarkDotNet.Attributes.BenchmarkAttribute), false).Length > 0)
                .Select(m => $"{t.Name}.{m.Name}"));

        declared.Should().BeEquivalentTo(Suite, "the list above names every benchmark; update it with the suite");
    }

    [Fact]
    public void EveryBenchmark_RunsOnce_AtATinySize()
    {
        var previous = Environment.GetEnvironmentVariable(Sizes.Variable);
        Environment.SetEnvironmentVariable(Sizes.Variable, "1000");
        try
        {
            var types = typeof(ScoreCaseBenchmarks).Assembly.GetTypes()
                .Where(t => (t.IsPublic || t.IsNestedPublic) && !t.IsAbstract && t.GetMethods().Any(m => m.GetCustomAttributes(typeof(BenchmarkDotNet.Attributes.BenchmarkAttribute), false).Length > 0))
                .ToArray();
            var artifacts = Path.Combine(Path.GetTempPath(), $"influence-bdn-smoke-{Environment.ProcessId}");
            var config = ManualConfig.CreateEmpty()
                .AddJob(Job.Dry.WithToolchain(InProcessEmitToolchain.Instance))
                .AddLogger(NullLogger.Instance)
                .AddColumnProvider(DefaultColumnProviders.Instance)
                .WithOptions(ConfigOptions.DisableOptimizationsValidator)
                .WithArtifactsPath(artifacts);

            var summaries = BenchmarkRunner.Run(types, config);

            var reports = summaries.SelectMany(s => s.Reports).ToList();
            reports.Select(r => $"{r.BenchmarkCase.Descriptor.Type.Name}.{r.BenchmarkCase.Descriptor.WorkloadMethod.Name}").Distinct()
                .Should().BeEquivalentTo(Suite, "every benchmark of the suite ran");
            var expected = summaries.Sum(s => s.BenchmarksCases.Length);
            expected.Should().BeGreaterThanOrEqualTo(8, "every benchmark of every class is a case");
            reports.Should().HaveCount(expected);
            reports.Select(r => r.BenchmarkCase.Descriptor.WorkloadMethodDisplayInfo).Should().Contain(
                ["'engine, six measures'", "'engine, every measure'", "'DuckDB SQL, six measures'", "'naive LINQ, six measures'", "'read and validate a case file'", "'read and validate a case file with its evidence from CSV'"]);
            reports.Should().OnlyContain(r => r.Success && r.ResultStatistics != null && r.ResultStatistics.N > 0, "each benchmark executed and was measured");
            summaries.Should().OnlyContain(s => !s.HasCriticalValidationErrors);
            Directory.Delete(artifacts, recursive: true);
        }
        finally
        {
            Environment.SetEnvironmentVariable(Sizes.Variable, previous);
        }
    }
}
