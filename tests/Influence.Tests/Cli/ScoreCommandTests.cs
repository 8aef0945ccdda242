using System.Text.Json;
using FluentAssertions;
using Xunit;

namespace Influence.Tests.Cli;

public class ScoreCommandTests
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        using var o = new StringWriter();
        using var e = new StringWriter();
        var code = Influence.Cli.Cli.Run(args, o, e);
        return (code, o.ToString(), e.ToString());
    }

    [Fact]
    public void Score_Json_FollowsTheScoresContract()
    {
        var (code, output, _) = Run("score", "--format", "json");

        code.Should().Be(0);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        root.GetProperty("schema").GetString().Should().Be("influence.scores/1");
        root.GetProperty("inputHash").GetString().Should().MatchRegex("^[0-9a-f]{64}$");
        var period = root.GetProperty("dyads")[0].GetProperty("periods")[0];
        foreach (var f in new[] { "exchange", "asymmetry", "conflict", "diffuseObligation", "endurance" })
        {
            var entry = period.GetProperty("features").GetProperty(f);
            entry.TryGetProperty("value", out _).Should().BeTrue();
            entry.TryGetProperty("low", out _).Should().BeTrue();
            entry.TryGetProperty("high", out _).Should().BeTrue();
            entry.GetProperty("evidence").ValueKind.Should().Be(JsonValueKind.Number);
        }

        foreach (var m in new[] { "attainment", "compliance", "issueSpread", "counterReaction", "inputEfficiency", "presence", "presenceInfluenceGap", "clientAgency" })
        {
            period.GetProperty("influence").TryGetProperty(m, out _).Should().BeTrue(m);
        }

        period.TryGetProperty("state", out _).Should().BeTrue();
        period.GetProperty("stateRule").GetString().Should().NotBeNullOrEmpty();
        period.TryGetProperty("isPatronClient", out _).Should().BeTrue();
        period.TryGetProperty("patronClientMargin", out _).Should().BeTrue();
    }

    [Fact]
    public void Score_ExitsWithUsageCode_OnUnknownFormat()
    {
        var (code, _, err) = Run("score", "--format", "xml");

        code.Should().Be(2);
        err.Should().Contain("--format must be table, json or csv");
    }

    [Fact]
    public void Score_ExitsWithDataCode_OnInvalidCase()
    {
        var path = Path.Combine(Path.GetTempPath(), $"influence-bad-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """{"schema":"influence.case/1","id":"x","name":"x","sources":[],"actors":[],"evidence":[{"id":"e"}]}""");
        try
        {
            var (code, _, err) = Run("score", path);

            code.Should().Be(1);
            err.Should().Contain("$.evidence[0]").And.Contain("nothing was scored");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
