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
    [Fact]
    public void EveryBenchmark_RunsOnce_AtATinySize()
    {
        var previous = Environment.GetEnvironmentVariable(Sizes.Variable);
        Environment.SetEnvironmentVariable(Sizes.Variable, "1000");
        try
        {
            var types = typeof(ScoreCaseBenchmarks).Assembly.GetTypes()
                .Where(t => t.IsPublic && !t.IsAbstract && t.GetMethods().Any(m => m.GetCustomAttributes(typeof(BenchmarkDotNet.Attributes.BenchmarkAttribute), false).Length > 0))
                .ToArray();
            var artifacts = Path.Combine(Path.GetTempPath(), $"influence-bdn-smoke-{Environment.ProcessId}");
            var config = ManualConfig.CreateEmpty()
                .AddJob(Job.Dry.WithToolchain(InProcessEmitToolchain.Instance))
                .AddLogger(NullLogger.Instance)
                .AddColumnProvider(DefaultColumnProviders.Instance)
                .WithOptions(ConfigOptions.DisableOptimizationsValidator)
                .WithArtifactsPath(artifacts);

            var summaries = BenchmarkRunner.Run(types, config);

            types.Should().Contain([typeof(ScoreUniverseBenchmarks), typeof(NaiveBaselineBenchmarks), typeof(ReadCaseBenchmarks), typeof(ScoreCaseBenchmarks)]);
            var reports = summaries.SelectMany(s => s.Reports).ToList();
            var expected = summaries.Sum(s => s.BenchmarksCases.Length);
            expected.Should().BeGreaterThanOrEqualTo(8, "every benchmark of every class is a case");
            reports.Should().HaveCount(expected);
            reports.Select(r => r.BenchmarkCase.Descriptor.WorkloadMethodDisplayInfo).Should().Contain(
                ["'engine, six measures'", "'engine, every measure'", "'DuckDB SQL, six measures'", "'naive LINQ, six measures'", "'read and validate a case file'"]);
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
