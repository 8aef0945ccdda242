using System.Text.Json;
using FluentAssertions;
using Xunit;

namespace Influence.Tests.Cli;

public class BenchCommandTests
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        using var o = new StringWriter();
        using var e = new StringWriter();
        var code = Influence.Cli.Cli.Run(args, o, e);
        return (code, o.ToString(), e.ToString());
    }

    [Fact]
    public void Bench_Json_HasTheDocumentedKeys_AndTheThreeAgree()
    {
        var (code, output, err) = Run("bench", "--actors", "10", "--periods", "24", "--evidence", "2000", "--seed", "4", "--format", "json");

        code.Should().Be(0, err);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
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
            root.TryGetProperty(key, out _).Should().BeTrue(key);
        }

        root.GetProperty("evidence").GetInt64().Should().Be(2000);
        root.GetProperty("agree").GetBoolean().Should().BeTrue();
        foreach (var (kernel, total) in new[] { ("engineKernelCpuSeconds", "engineCpuSeconds"), ("engineAllMeasuresKernelCpuSeconds", "engineAllMeasuresCpuSeconds") })
        {
            root.GetProperty(kernel).GetDouble().Should().BeInRange(0, root.GetProperty(total).GetDouble(), "the kernel's seconds are part of the run's processor seconds");
        }

        // The probes ran: touching 64 MiB of fresh memory and sorting 2^21 numbers take measurable time on any machine.
        root.GetProperty("probeFreshMemorySecondsPerGb").GetDouble().Should().BePositive().And.BeLessThan(1000);
        root.GetProperty("probeSortSeconds").GetDouble().Should().BePositive().And.BeLessThan(1000);
        err.Should().Contain("influence bench: [1/7]", "without a terminal, progress is printed as plain lines");
    }

    [Fact]
    public void Bench_ThreadsAndSeed_AreTheOnesTheReportRecords()
    {
        var (code, output, err) = Run("bench", "--actors", "8", "--periods", "12", "--evidence", "500", "--baselines", "duckdb", "--threads", "1", "--seed", "7", "--format", "json");

        code.Should().Be(0, err);
        using var doc = JsonDocument.Parse(output);
        doc.RootElement.GetProperty("threads").GetInt32().Should().Be(1);
        doc.RootElement.GetProperty("seed").GetInt64().Should().Be(7);
        doc.RootElement.GetProperty("agree").GetBoolean().Should().BeTrue();
    }

    [Fact]
    public void Bench_Table_NamesEachRun()
    {
        var (code, output, _) = Run("bench", "--actors", "8", "--periods", "12", "--evidence", "500", "--baselines", "duckdb");

        code.Should().Be(0);
        output.Should().Contain("engine, every measure").And.Contain("first run").And.Contain("DuckDB SQL").And.Contain("not run").And.Contain("Agree: yes").And.MatchRegex(@"Machine probes: fresh memory \d+\.\d\d s per GB; sorting 2\^21 numbers on one thread \d+\.\d{3} s");
    }

    [Fact]
    public void Bench_WithoutEvidence_RunsEveryBaseline_AndSaysWhatItCompared()
    {
        var (code, output, err) = Run("bench", "--actors", "4", "--periods", "3", "--evidence", "0", "--format", "json");

        code.Should().Be(0, err);
        using var doc = JsonDocument.Parse(output);
        doc.RootElement.GetProperty("agree").GetBoolean().Should().BeTrue();
        doc.RootElement.GetProperty("duckdbSeconds").ValueKind.Should().Be(JsonValueKind.Number);
        doc.RootElement.GetProperty("naiveSeconds").ValueKind.Should().Be(JsonValueKind.Number);

        var (none, table, _) = Run("bench", "--actors", "4", "--periods", "3", "--evidence", "10", "--baselines", "none");
        none.Should().Be(0);
        table.Should().Contain("Agree: nothing compared (no baseline was run)").And.Contain("DuckDB, loading the case");
    }

    [Fact]
    public void Bench_OnASparseUniverse_WhoseLastItemEndsEarly_StillAgrees()
    {
        // 30 items over 120 months: the last item ends well before the range does. The universe is looked at over
        // all its periods (it declares evidenceEnds), so the engine scores them as the baselines do.
        var (code, output, err) = Run("bench", "--actors", "10", "--periods", "120", "--evidence", "30", "--format", "json");

        code.Should().Be(0, err);
        using var doc = JsonDocument.Parse(output);
        doc.RootElement.GetProperty("agree").GetBoolean().Should().BeTrue(output);
    }

    [Theory]
    [InlineData("--actors", "3", "--actors must be in [4, 1000000]; was 3")]
    [InlineData("--actors", "2147483647", "--actors must be in [4, 1000000]; was 2147483647")]
    [InlineData("--periods", "0", "--periods must be ≥ 1; was 0")]
    [InlineData("--evidence", "-1", "--evidence must be in [0, 999999999]; was -1")]
    [InlineData("--baselines", "spark", "--baselines must be all, duckdb, naive or none; was 'spark'")]
    [InlineData("--format", "csv", "--format must be table or json; was 'csv'")]
    [InlineData("--seed", "-3", "--seed expects a whole number ≥ 0, got '-3'")]
    [InlineData("--seed", "9223372036854775808", "--seed must be at most 9223372036854775807; was 9223372036854775808")]
    [InlineData("--threads", "0", "--threads must be in [1, 1024]; was 0")]
    [InlineData("--threads", "100000", "--threads must be in [1, 1024]; was 100000")]
    public void Bench_ExitsWithUsageCode_OnABadOption(string option, string value, string message)
    {
        var (code, _, err) = Run("bench", option, value);

        code.Should().Be(2);
        err.Should().Contain(message);
    }

    [Fact]
    public void Bench_ReportsEveryBadOption_AtOnce_AsScoreDoes()
    {
        var (code, output, err) = Run("bench", "--seed", "-3", "--threads", "99999", "--actors", "2", "--periods", "0", "--format", "xml");

        code.Should().Be(2);
        output.Should().BeEmpty();
        err.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries).Should().Equal(
            "influence: --seed expects a whole number ≥ 0, got '-3'",
            "influence: --format must be table or json; was 'xml'",
            "influence: --threads must be in [1, 1024]; was 99999",
            "influence: --actors must be in [4, 1000000]; was 2",
            "influence: --periods must be ≥ 1; was 0",
            "Run 'influence bench --help' for usage.");
    }
}
