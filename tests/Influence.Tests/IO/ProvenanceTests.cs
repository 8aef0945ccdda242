using System.Collections.Immutable;
using System.Text.Json;
using FluentAssertions;
using Influence.Cases;
using Influence.IO;
using Influence.Networks;
using Influence.Scoring;
using Influence.Tests.Support;
using Xunit;
using static Influence.Tests.Support.NetworkCases;

namespace Influence.Tests.IO;

/// <summary>
/// Every output names the inputs it came from: the CSV scores, the network (JSON and DOT) and the counterfactual carry
/// the input hash of the JSON scores for the same case and options, and stay the same bytes whatever the run or the
/// thread count.
/// </summary>
public class ProvenanceTests
{
    private static readonly Dyad PC = new("P", "C");
    private static readonly Period Y2005 = Period.FromYear(2005);

    private static readonly ScoringOptions Changed = ScoringOptions.Default with { Presence = new PresenceOptions { Scale = 2 } };

    private static Case Case() => Builder()
        .Support("P", "C", 0.6).Support("C", "P", 0.3).Support("X", "C", 0.4).Support("X", "P", 0.2).Coerce("T", "P", 0.3)
        .Support("P", "C", 0.5, year: 2006)
        .Build();

    /// <summary>The same case without one item: another input.</summary>
    private static Case Reduced() => Case().WithoutEvidence([Case().Evidence.First(e => e.Id.StartsWith("s-X-C", StringComparison.Ordinal)).Id]);

    private static string JsonHash(Case @case, ScoringOptions options)
    {
        using var doc = JsonDocument.Parse(ScoreWriter.ToJson(Scorer.Score(@case, options), evidenceCounts: false));
        return doc.RootElement.GetProperty("inputHash").GetString()!;
    }

    private static string CsvHash(string csv)
    {
        var lines = csv.TrimEnd('\n').Split('\n');
        lines[0].Split(',')[^1].Should().Be("inputHash", "the hash is the last column");
        var hashes = lines.Skip(1).Select(l => l.Split(',')[^1]).Distinct().ToArray();
        hashes.Should().ContainSingle("every row carries the same hash");
        return hashes[0];
    }

    private static string NetworkJsonHash(ActorNetwork network)
    {
        using var doc = JsonDocument.Parse(NetworkWriter.ToJson(network));
        return doc.RootElement.GetProperty("inputHash").GetString()!;
    }

    private static string DotHash(ActorNetwork network)
    {
        var line = NetworkWriter.ToDot(network).Split('\n')[1];
        line.Should().StartWith("  comment=\"inputHash=").And.EndWith("\";");
        return line["  comment=\"inputHash=".Length..^2];
    }

    private static string CounterfactualHash(Case @case, ScoringOptions options)
    {
        using var doc = JsonDocument.Parse(CounterfactualWriter.ToJson(Counterfactual.WithoutThirdParty(@case, PC, "X", options, Y2005, Y2005), @case.Id));
        return doc.RootElement.GetProperty("inputHash").GetString()!;
    }

    /// <summary>Each output's hash, read from the output itself, for a case and options.</summary>
    public static TheoryData<string> Outputs => ["csv", "network-json", "network-dot", "counterfactual"];

    private static string HashOf(string output, Case @case, ScoringOptions options) => output switch
    {
        "csv" => CsvHash(ScoreWriter.ToCsv(Scorer.Score(@case, options))),
        "network-json" => NetworkJsonHash(ActorNetwork.ForPeriod(@case, Y2005, options)),
        "network-dot" => DotHash(ActorNetwork.ForPeriod(@case, Y2005, options)),
        "counterfactual" => CounterfactualHash(@case, options),
        _ => throw new ArgumentOutOfRangeException(nameof(output), output, null),
    };

    private static string Write(string output, Case @case, ScoringOptions options) => output switch
    {
        "csv" => ScoreWriter.ToCsv(Scorer.Score(@case, options)),
        "network-json" => NetworkWriter.ToJson(ActorNetwork.ForPeriod(@case, Y2005, options)),
        "network-dot" => NetworkWriter.ToDot(ActorNetwork.ForPeriod(@case, Y2005, options)),
        "counterfactual" => CounterfactualWriter.ToJson(Counterfactual.WithoutThirdParty(@case, PC, "X", options, Y2005, Y2005), @case.Id),
        _ => throw new ArgumentOutOfRangeException(nameof(output), output, null),
    };

    [Theory]
    [MemberData(nameof(Outputs))]
    public void Output_CarriesTheInputHash_OfTheJsonScores_ForTheSameCaseAndOptions(string output)
    {
        var hash = HashOf(output, Case(), ScoringOptions.Default);

        hash.Should().MatchRegex("^[0-9a-f]{64}$");
        hash.Should().Be(JsonHash(Case(), ScoringOptions.Default));
        hash.Should().Be(Reproducibility.InputHash(Case(), ScoringOptions.Default));
        HashOf(output, Case(), Changed).Should().Be(JsonHash(Case(), Changed));
    }

    [Theory]
    [MemberData(nameof(Outputs))]
    public void InputHash_Changes_WhenTheCaseOrAnOptionChanges(string output)
    {
        var hash = HashOf(output, Case(), ScoringOptions.Default);

        HashOf(output, Reduced(), ScoringOptions.Default).Should().NotBe(hash, "an evidence item was removed");
        HashOf(output, Case(), Changed).Should().NotBe(hash, "an option changed");
        HashOf(output, Case(), ScoringOptions.Default with { Multilateral = ScoringOptions.Default.Multilateral with { NetworkWindowYears = 2 } })
            .Should().NotBe(hash, "the network window is an option too");
    }

    [Theory]
    [MemberData(nameof(Outputs))]
    public void Output_IsTheSameBytes_EveryRun_AndWhateverTheThreadCount(string output)
    {
        var one = Write(output, Case(), ScoringOptions.Default with { MaxDegreeOfParallelism = 1 });

        Write(output, Case(), ScoringOptions.Default with { MaxDegreeOfParallelism = 1 }).Should().Be(one);
        Write(output, Case(), ScoringOptions.Default with { MaxDegreeOfParallelism = 4 }).Should().Be(one);
        Write(output, Case(), ScoringOptions.Default).Should().Be(one);
    }

    [Fact]
    public void Csv_KeepsEveryEarlierColumnWhereItWas_AndAddsTheHashLast()
    {
        var csv = ScoreWriter.ToCsv(Scorer.Score(Case()));
        var rows = CsvRows.Parse(csv);
        var header = rows[0];

        header[..3].Should().Equal("patron", "client", "period");
        header[^8..].Should().Equal("isPatronClient", "patronClientMargin", "state", "notScored", "patronClientRule", "stateRule", "partial", "inputHash");
        rows.Skip(1).Should().AllSatisfy(l => l.Should().HaveCount(header.Length));
    }

    [Fact]
    public void Network_WritesTheHashBesideWhatItDoesNotCover_TheWindowFocusAndEgo()
    {
        var c = Case();
        var whole = ActorNetwork.ForPeriod(c, Y2005);
        var index = NetworkCases.Index(c);
        var ego = ActorNetwork.Around(index, T(2005), T(2005), c.A("P"), c.A("C"));

        using var doc = JsonDocument.Parse(NetworkWriter.ToJson(ego));
        var root = doc.RootElement;
        root.EnumerateObject().Select(p => p.Name).Take(10).Should().Equal("schema", "case", "inputHash", "from", "to", "evidenceEnds", "partial", "focus", "ego", "groups");
        root.GetProperty("inputHash").GetString().Should().Be(whole.InputHash, "the same case and options, another network of them");
        root.GetProperty("ego").GetBoolean().Should().BeTrue();
        root.GetProperty("focus").EnumerateArray().Select(f => f.GetString()).Should().Equal("P", "C");
        NetworkWriter.ToJson(whole).Should().Contain("\"ego\": false");
        ego.InputHash.Should().Be(Scorer.Score(c).InputHash);
    }

    [Fact]
    public void Dot_PutsTheHashInTheGraphsCommentAttribute_NotInItsLabel()
    {
        var network = ActorNetwork.ForPeriod(Case(), Y2005);
        var dot = NetworkWriter.ToDot(network);

        dot.Should().StartWith($"digraph \"net\" {{\n  comment=\"inputHash={network.InputHash}\";\n  label=");
        dot.Split('\n').Single(l => l.StartsWith("  label=", StringComparison.Ordinal)).Should().NotContain(network.InputHash);
    }

    [Fact]
    public void Counterfactual_CarriesTheHashOfTheScoringWithEveryItem_AndANullOneWhenBuiltByHand()
    {
        var c = Case();
        var r = Counterfactual.WithoutThirdParty(c, PC, "X", from: Y2005, to: Y2005);

        r.InputHash.Should().Be(Scorer.Score(c).InputHash).And.NotBe(Reproducibility.InputHash(c.WithoutEvidence(r.EvidenceRemoved), ScoringOptions.Default), "the hash is of the scoring with every item, not of the case without the third party");
        r.Should().NotBe(r with { InputHash = null }, "the hash is part of the result");
        var byHand = new ThirdPartyCounterfactual(PC, "X", [], ImmutableArray<CounterfactualPeriod>.Empty);
        using var doc = JsonDocument.Parse(CounterfactualWriter.ToJson(byHand, "net"));
        doc.RootElement.GetProperty("inputHash").ValueKind.Should().Be(JsonValueKind.Null);
        doc.RootElement.EnumerateObject().Select(p => p.Name).Take(3).Should().Equal("schema", "case", "inputHash");
    }
}
