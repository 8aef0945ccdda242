using System.Text.Json;
using FluentAssertions;
using Influence.Tests.Support;
using Xunit;

namespace Influence.Tests.Cli;

/// <summary>A constant series has no Mann–Kendall test: trend says so, in text and JSON, rather than p = 1.</summary>
public sealed class TrendConstantSeriesTests
{
    // Pakistan → Taliban asymmetry is the same in every year 2016–2020 on the reference case (capabilities carried forward).
    private static readonly string[] Args = ["trend", "--patron", "pakistan", "--client", "taliban", "--measure", "asymmetry", "--from", "2016", "--to", "2020"];

    [Fact]
    public void Text_SaysTheTestIsUndefined()
    {
        var (code, output, err) = CliRunner.Run(Args);

        code.Should().Be(0, err);
        output.Should().Contain("  Mann–Kendall:   S = 0; τ, z and p undefined: every value is the same (Var(S) = 0)")
            .And.NotContain("p = 1");
    }

    [Fact]
    public void Json_HasNullZPAndTau()
    {
        var (code, output, err) = CliRunner.Run([.. Args, "--format", "json"]);

        code.Should().Be(0, err);
        var mk = JsonDocument.Parse(output).RootElement.GetProperty("mannKendall");
        mk.GetProperty("varianceS").GetDouble().Should().Be(0);
        foreach (var key in new[] { "z", "pValue", "tau" })
        {
            mk.GetProperty(key).ValueKind.Should().Be(JsonValueKind.Null, key);
        }
    }
}
