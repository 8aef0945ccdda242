using System.Text.Json;
using FluentAssertions;
using Influence.Cases;
using Influence.Evidence;
using Influence.IO;
using Influence.Scoring;
using Influence.Tests.Support;
using Influence.Theory;
using Xunit;

namespace Influence.Tests.Extending;

// snippet: custom-measure
/// <summary>
/// How many different kinds of resource the patron gave the client in the trailing window, saturated: a patron that
/// sends money, arms, sanctuary and diplomatic cover is more entangled than one that only sends money.
/// </summary>
public sealed class SupportDiversity : Measure
{
    private readonly double _windowYears;
    private readonly double _k;

    /// <summary>Creates the measure.</summary>
    /// <param name="windowYears">The trailing window, in years.</param>
    /// <param name="k">The saturation constant: k kinds of resource give 1 − 1/e ≈ 0.63.</param>
    public SupportDiversity(double windowYears = 5, double k = 3)
        : base("supportDiversity")
    {
        _windowYears = windowYears;
        _k = k;
    }

    /// <inheritdoc />
    public override MeasureScale Scale => MeasureScale.Unit;

    /// <inheritdoc />
    public override string Formula => "1 − exp(−(distinct resource types P gave C in the trailing window) / k)";

    /// <inheritdoc />
    public override string Citation => "Biermann (2025), pp. 3–7: tangible and intangible resources";

    /// <inheritdoc />
    public override string Parameters => FormattableString.Invariant($"windowYears={_windowYears};k={_k}");

    /// <inheritdoc />
    public override double? Evaluate(in DyadPeriod at)
    {
        var (from, to) = at.Trailing(_windowYears);
        var kinds = new HashSet<ResourceType>();
        foreach (var row in at.Index.Items(at.PatronToClient, EvidenceKind.Support, from, to))
        {
            kinds.Add(((SupportEvidence)at.Index.Case.Evidence[row]).Resource);
        }

        return kinds.Count == 0 ? null : Saturate(kinds.Count, _k); // undefined without support: null, never 0
    }

    /// <inheritdoc />
    public override void Trace(in DyadPeriod at, ICollection<EvidenceUse> uses)
    {
        var (from, to) = at.Trailing(_windowYears);
        TraceItems(at, uses, at.PatronToClient, EvidenceKind.Support, from, to, "resource given");
    }
}
// end snippet

public class ExtendingTests
{
    private static Case Sample() => TestCases.Builder()
        .AddIssue(new Issue("i", "Issue"))
        .Add(TestCases.Support("fund", TestCases.Year(2005), "P", "C", 0.5, resource: ResourceType.Funding))
        .Add(TestCases.Support("arms", TestCases.Year(2005), "P", "C", 0.5, resource: ResourceType.Arms))
        .Add(TestCases.Support("arms2", TestCases.Year(2006), "P", "C", 0.5, resource: ResourceType.Arms))
        .Add(TestCases.Support("other", TestCases.Year(2006), "X", "C", 0.5, resource: ResourceType.Training))
        .Add(TestCases.Coercion("clash", TestCases.Year(2006), "P", "C", 0.6))
        .Add(TestCases.Demand("demand", TestCases.Year(2006), "i", 0.8, DemandResponse.Defied))
        .Build();

    [Fact]
    public void ACustomMeasure_IsScoredAndWrittenUnderCustom()
    {
        var @case = Sample();

        // snippet: custom-measure-use
        var options = ScoringOptions.Default with { CustomMeasures = [new SupportDiversity()] };
        var scores = Scorer.Score(@case, options);

        var diversity = scores.For(new Dyad("P", "C"), Period.FromYear(2006))["supportDiversity"];
        var json = ScoreWriter.ToJson(scores); // …,"custom":{"supportDiversity":{"value":0.4865…,"low":null,"high":null,"evidence":3}},…
        // end snippet

        // 2006, window 2002–2006: P gave funding and arms (X's training is not P's): 1 − e^(−2/3) = 0.486583.
        diversity.Value.Should().BeApproximately(1 - Math.Exp(-2.0 / 3), 1e-12);
        using var doc = JsonDocument.Parse(json);
        var period = doc.RootElement.GetProperty("dyads")[0].GetProperty("periods")
            .EnumerateArray().Single(p => p.GetProperty("period").GetString() == "2006");
        var entry = period.GetProperty("custom").GetProperty("supportDiversity");
        entry.GetProperty("value").GetDouble().Should().BeApproximately(1 - Math.Exp(-2.0 / 3), 1e-12);
        entry.GetProperty("evidence").GetInt32().Should().Be(3, "fund, arms and arms2 fed it");
        entry.GetProperty("low").ValueKind.Should().Be(JsonValueKind.Null, "without draws a custom measure has no interval");
        entry.GetProperty("high").ValueKind.Should().Be(JsonValueKind.Null);
        period.GetProperty("custom").GetProperty("supportDiversity").GetProperty("value").ValueKind.Should().Be(JsonValueKind.Number);
        doc.RootElement.GetProperty("dyads")[0].GetProperty("periods")[0].GetProperty("custom")
            .GetProperty("supportDiversity").GetProperty("value").ValueKind.Should().Be(JsonValueKind.Null, "2000 has no support: undefined");
    }

    [Fact]
    public void ACustomMeasure_IsExplainedLikeABuiltInOne()
    {
        var scores = Scorer.Score(Sample(), ScoringOptions.Default with { CustomMeasures = [new SupportDiversity()] });

        var e = Explainer.Explain(scores, TestCases.PC, Period.FromYear(2006), "supportDiversity");

        // Without "fund", only arms remain: 1 − e^(−1/3); without either arms item the other still counts arms.
        e.Contributions.Select(c => c.EvidenceId).Should().BeEquivalentTo(["fund", "arms", "arms2"]);
        e.Contributions.Single(c => c.EvidenceId == "fund").Effect
            .Should().BeApproximately((1 - Math.Exp(-2.0 / 3)) - (1 - Math.Exp(-1.0 / 3)), 1e-12);
        e.Contributions.Single(c => c.EvidenceId == "arms").Effect.Should().Be(0);
    }

    [Fact]
    public void ACustomMeasuresParameters_AreInTheInputHash()
    {
        var @case = Sample();

        var hash = (SupportDiversity m) => Scorer.Score(@case, ScoringOptions.Default with { CustomMeasures = [m] }).InputHash;

        hash(new SupportDiversity()).Should().Be(hash(new SupportDiversity(windowYears: 5, k: 3)));
        hash(new SupportDiversity(windowYears: 1, k: 1)).Should().NotBe(hash(new SupportDiversity()), "the settings change the values, so they must change the hash");
        Reproducibility.OptionsText(ScoringOptions.Default with { CustomMeasures = [new SupportDiversity(1, 1)] })
            .Should().Contain("\"supportDiversity(windowYears=1;k=1)\"");
    }

    [Fact]
    public void CustomMeasures_NeedNamesOfTheirOwn()
    {
        // Checked when set, as every option is.
        var act = () => ScoringOptions.Default with { CustomMeasures = [new SupportDiversity(), new SupportDiversity()] };

        act.Should().Throw<ArgumentException>().WithParameterName("CustomMeasures").WithMessage("*'supportDiversity', repeats the name of measure 0*");
    }

    [Fact]
    public void ChangingAWeight_ChangesTheValue_AndTheInputHash()
    {
        var @case = Sample();

        // snippet: change-options
        // λ, the weight of the client's defiance against coercion, from 0.5 to 1.
        var defianceCounts = ScoringOptions.Default with
        {
            Conflict = ScoringOptions.Default.Conflict with { DefianceWeight = 1.0 },
        };
        var before = Scorer.Score(@case).For(new Dyad("P", "C"), Period.FromYear(2006)).Conflict.Value;
        var after = Scorer.Score(@case, defianceCounts).For(new Dyad("P", "C"), Period.FromYear(2006)).Conflict.Value;

        // 2006: a clash (severity 0.6) and a defied demand (salience 0.8):
        // before = 1 − exp(−(0.6 + 0.5 · 0.8)) = 0.632; after = 1 − exp(−(0.6 + 1.0 · 0.8)) = 0.753
        // end snippet

        before.Should().BeApproximately(1 - Math.Exp(-1.0), 1e-12);
        after.Should().BeApproximately(1 - Math.Exp(-1.4), 1e-12);
        Scorer.Score(@case, defianceCounts).InputHash.Should().NotBe(Scorer.Score(@case).InputHash);
    }

    [Fact]
    public void ChangingConfidenceWeightsAndThresholds_ChangesValuesStatesAndThePatronClientTest()
    {
        // snippet: change-weights
        var sceptical = ScoringOptions.Default with
        {
            Confidence = new ConfidenceWeights { Reported = 0.5, Alleged = 0.1 },
            PatronClient = new PatronClientThresholds { Endurance = 0.5 },
            States = new StateThresholds { HighConflict = 0.7 },
        };
        // end snippet

        // 2006 of the sample: exchange 0 (one-way), conflict 1 − e^−1 = 0.632: estranged at the default bar (0.5),
        // dormant at 0.7.
        Scorer.Score(Sample()).For(TestCases.PC, Period.FromYear(2006)).State.State.Should().Be(RelationshipState.Estranged);
        Scorer.Score(Sample(), sceptical).For(TestCases.PC, Period.FromYear(2006)).State.State.Should().Be(RelationshipState.Dormant);

        // One alleged flow of magnitude 1: volume 1 − e^−0.4 by default, 1 − e^−0.1 when sceptical.
        var c = TestCases.Builder().Add(TestCases.Support("a", TestCases.Year(2005), "P", "C", 1, Confidence.Alleged)).Build();
        Exchange.Volume(Scorer.Score(c).At(0, 5)).Should().BeApproximately(1 - Math.Exp(-0.4), 1e-12);
        Exchange.Volume(Scorer.Score(c, sceptical).At(0, 5)).Should().BeApproximately(1 - Math.Exp(-0.1), 1e-12);

        // The endurance bar, 0.3 by default, is 0.5 when sceptical. P and C trade every year from 2000 (confirmed items,
        // which the confidence weights leave at 1): continuity is 1, so endurance is the duration 1 − e^(−years/10):
        // 2003 (4 years) 1 − e^−0.4 = 0.330, between the two bars; 2006 (7 years) 1 − e^−0.7 = 0.503, above both.
        // The other features pass either way: exchange ≥ 0.5 · (1 − e^−0.9) > 0.1, asymmetry (80 − 20) / 100 = 0.6,
        // diffuse obligation ≥ 0.5 · 1 (a private understanding in force).
        var trade = TestCases.Builder()
            .Add(TestCases.Capability("cap-p", TestCases.Year(2000), "P", 80))
            .Add(TestCases.Capability("cap-c", TestCases.Year(2000), "C", 20))
            .Add(TestCases.Commitment("pact", TestCases.Years(2000, 2010), CommitmentFormality.PrivateUnderstanding));
        for (var year = 2000; year <= 2010; year++)
        {
            trade.Add(TestCases.Support($"give-{year}", TestCases.Year(year), "P", "C", year % 2 == 0 ? 0.8 : 0.4))
                .Add(TestCases.Support($"back-{year}", TestCases.Year(year), "C", "P", 0.5));
        }

        var byDefault = Scorer.Score(trade.Build());
        var strict = Scorer.Score(trade.Build(), sceptical);
        byDefault.For(TestCases.PC, Period.FromYear(2003)).Endurance.Value.Should().BeApproximately(1 - Math.Exp(-0.4), 1e-12);
        byDefault.For(TestCases.PC, Period.FromYear(2003)).PatronClient.IsPatronClient.Should().BeTrue();
        strict.For(TestCases.PC, Period.FromYear(2003)).PatronClient.IsPatronClient.Should().BeFalse("endurance 0.330 is below the sceptical bar of 0.5");
        byDefault.For(TestCases.PC, Period.FromYear(2006)).Endurance.Value.Should().BeApproximately(1 - Math.Exp(-0.7), 1e-12);
        strict.For(TestCases.PC, Period.FromYear(2006)).PatronClient.IsPatronClient.Should().BeTrue("endurance 0.503 clears both bars");
    }

    [Fact]
    public void Options_RejectInvalidValues_NamingTheParameterAndRule()
    {
        var act = () => ScoringOptions.Default.Conflict with { Scale = 0 };
        var weight = () => new ConfidenceWeights { Reported = 1.3 };
        var threads = () => ScoringOptions.Default with { MaxDegreeOfParallelism = 0 };

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("Scale").WithMessage("Scale must be a finite number > 0; was 0*");
        weight.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("Reported").WithMessage("*[0, 1]; was 1.3*");
        threads.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("MaxDegreeOfParallelism");
    }

    [Fact]
    public void TheDocsPage_QuotesThisFileVerbatim()
    {
        var source = File.ReadAllText(Repository.PathOf("tests", "Influence.Tests", "Extending", "ExtendingTests.cs"));
        var doc = File.ReadAllText(Repository.PathOf("docs", "extending.md"));

        foreach (var name in new[] { "custom-measure", "custom-measure-use", "change-options", "change-weights" })
        {
            var snippet = Snippet(source, name);
            snippet.Should().NotBeEmpty();
            doc.ReplaceLineEndings("\n").Should().Contain($"<!-- snippet: {name} -->\n```csharp\n{snippet}```", $"docs/extending.md must quote the snippet '{name}' as it is in the test");
        }
    }

    /// <summary>The lines between "// snippet: NAME" and "// end snippet", with their common indentation removed.</summary>
    private static string Snippet(string source, string name)
    {
        var lines = source.ReplaceLineEndings("\n").Split('\n');
        var start = Array.FindIndex(lines, l => l.Trim() == $"// snippet: {name}");
        var end = Array.FindIndex(lines, start + 1, l => l.Trim() == "// end snippet");
        var body = lines[(start + 1)..end];
        var indent = body.Where(l => l.Trim().Length > 0).Min(l => l.Length - l.TrimStart().Length);
        return string.Concat(body.Select(l => (l.Length >= indent ? l[indent..] : l.TrimStart()) + "\n"));
    }
}
