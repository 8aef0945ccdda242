using System.Text.Json;
using FluentAssertions;
using Influence.Tests.Support;
using Xunit;

namespace Influence.Tests.Cli;

public class NetworkCommandTests
{
    private static (int Code, string Out, string Err) Run(params string[] args) => CliRunner.Run(args);

    [Fact]
    public void Network_WritesJson_ForThePeriod()
    {
        var (code, output, _) = Run("network", "builtin", "--period", "1998");

        code.Should().Be(0);
        using var doc = JsonDocument.Parse(output);
        doc.RootElement.GetProperty("schema").GetString().Should().Be("influence.network/1");
        doc.RootElement.GetProperty("to").GetString().Should().Be("1998");
        doc.RootElement.GetProperty("edges").GetArrayLength().Should().BeGreaterThan(0);
    }

    /// <summary>The input hash of <c>score --format json</c> on the built-in case with the default options.</summary>
    internal static string ScoreHash()
    {
        var (_, output, _) = Run("score", "--patron", "pakistan", "--client", "taliban", "--from", "1998", "--to", "1998", "--format", "json");
        using var doc = JsonDocument.Parse(output);
        return doc.RootElement.GetProperty("inputHash").GetString()!;
    }

    [Fact]
    public void Network_WritesTheInputHash_OfTheScores_InJsonAndDot()
    {
        var (_, json, _) = Run("network", "--period", "1998");
        var (_, dot, _) = Run("network", "--period", "1998", "--format", "dot");
        var hash = ScoreHash();

        using var doc = JsonDocument.Parse(json);
        doc.RootElement.GetProperty("inputHash").GetString().Should().Be(hash).And.MatchRegex("^[0-9a-f]{64}$");
        doc.RootElement.GetProperty("ego").GetBoolean().Should().BeFalse();
        dot.Should().Contain($"\n  comment=\"inputHash={hash}\";\n");
        Run("network", "--period", "1998").Out.Should().Be(json, "the same input gives the same bytes");
        Run("network", "--period", "1998", "--format", "dot").Out.Should().Be(dot);
    }

    [Fact]
    public void Network_WritesDot_ToAFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"influence-net-{Guid.NewGuid():N}.dot");
        try
        {
            var (code, output, err) = Run("network", "--period", "1998", "--format", "dot", "--out", path);

            code.Should().Be(0);
            output.Should().BeEmpty();
            err.Should().Be($"wrote {path}{Environment.NewLine}");
            File.ReadAllText(path).Should().StartWith("digraph ");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Network_ExitsWithUsageCode_OnABadGroup()
    {
        var (code, _, err) = Run("network", "--period", "1998", "--group", "pakistan");

        code.Should().Be(2);
        err.Should().Contain("--group must be ID=GROUP");
    }

    [Theory]
    [InlineData("--group pakistn=patrons", "influence: --group pakistn=patrons: no actor is called \"pakistn\" in case 'pakistan-taliban'")]
    [InlineData("--group pakistan=a --group pakistan=b", "influence: --group puts 'pakistan' in two groups, 'a' and 'b'; give each actor one")]
    public void Network_ExitsWithUsageCode_OnAGroupOfNoActor_OrTwoGroupsForOne(string options, string message)
    {
        var (code, output, err) = Run(["network", "--period", "1998", .. options.Split(' ')]);

        code.Should().Be(2);
        output.Should().BeEmpty();
        err.Should().StartWith(message);
    }

    [Fact]
    public void Network_ExitsWithUsageCode_OnAnUnknownFocus()
    {
        var (code, _, err) = Run("network", "--period", "1998", "--focus", "nobody");

        code.Should().Be(2);
        err.Should().Contain("no actor is called \"nobody\"");
    }
}
