using FluentAssertions;
using Influence.Cases;
using Influence.Evidence;
using Influence.Tests.Support;
using Xunit;

namespace Influence.Tests.Cli;

public sealed class ExplainCommandTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    private string Case()
    {
        var b = TestCases.Builder()
            .AddSource(new Source("s2", "Second source, p. 12"))
            .Add(TestCases.Support("give", TestCases.Year(2005), "P", "C", 0.8) with { Note = "P sends arms." })
            .Add(new SupportEvidence("back", TestCases.Year(2005), Confidence.Reported, ["s1", "s2"], "C", "P", ResourceType.Sanctuary, 0.5));
        return _cli.Write(b.Build());
    }

    [Fact]
    public void Explain_WithIntervals_GivesTheValuesInterval_AndAVerdictsSharesOfTheDraws()
    {
        var state = CliRunner.Run("explain", "--patron", "pakistan", "--client", "taliban", "--period", "2024", "--measure", "state", "--intervals", "40", "--seed", "3");
        var conflict = CliRunner.Run("explain", "--patron", "pakistan", "--client", "taliban", "--period", "2024", "--measure", "conflict", "--intervals", "40", "--seed", "3");
        var how = new Influence.Uncertainty.IntervalOptions { Draws = 40, Seed = 3 };
        var year = Period.FromYear(2024);
        var drawn = Influence.Uncertainty.Intervals.Compute(
            Influence.Scoring.Scorer.Score(Influence.IO.CaseReader.LoadBuiltIn(), null, new Influence.Scoring.ScoringRequest { Dyads = [new Dyad("pakistan", "taliban")], From = year, To = year }), how);

        state.Code.Should().Be(0);
        var shares = drawn.StateShares(0, 0)!.Value;
        var top = Enum.GetValues<Influence.Scoring.RelationshipState>().OrderByDescending(st => shares.Of(st)).First();
        // The commonest share rounds a tie up (the shares are rounded to sum to 100, the tie going to the larger share;
        // docs/uncertainty.md): 25 of 40 draws print 63%, which Math.Round's default (to even) would make 62.
        state.Out.Should().Contain($"  in 40 draws (bootstrap+montecarlo, seed 3): {Influence.Scoring.RelationshipStates.StateName(top)} {Math.Round(shares.Of(top) * 100, MidpointRounding.AwayFromZero)}%");
        var score = drawn.Get("conflict", new Dyad("pakistan", "taliban"), year);
        conflict.Out.Should().Contain(FormattableString.Invariant($"  90% interval from 40 draws (bootstrap+montecarlo, seed 3): [{score.Low:0.00}, {score.High:0.00}]"));
        CliRunner.Run("explain", "--patron", "pakistan", "--client", "taliban", "--period", "2024", "--measure", "state").Out.Should().NotContain("draws");
    }

    [Fact]
    public void Explain_Json_WithIntervals_GivesTheValuesInterval_AndAVerdictsShares_AsTheScoresJsonDoes()
    {
        var dyad = new Dyad("pakistan", "taliban");
        var year = Period.FromYear(2024);
        var how = new Influence.Uncertainty.IntervalOptions { Draws = 40, Seed = 3 };
        var drawn = Influence.Uncertainty.Intervals.Compute(
            Influence.Scoring.Scorer.Score(Influence.IO.CaseReader.LoadBuiltIn(), null, new Influence.Scoring.ScoringRequest { Dyads = [dyad], From = year, To = year }), how);
        string[] words = ["explain", "--patron", "pakistan", "--client", "taliban", "--period", "2024", "--intervals", "40", "--seed", "3", "--format", "json", "--measure"];

        using var conflict = System.Text.Json.JsonDocument.Parse(CliRunner.Run([.. words, "conflict"]).Out);
        using var state = System.Text.Json.JsonDocument.Parse(CliRunner.Run([.. words, "state"]).Out);
        using var test = System.Text.Json.JsonDocument.Parse(CliRunner.Run([.. words, "patronClient"]).Out);
        using var undefined = System.Text.Json.JsonDocument.Parse(CliRunner.Run([.. words, "counterReaction"]).Out);
        using var plain = System.Text.Json.JsonDocument.Parse(CliRunner.Run("explain", "--patron", "pakistan", "--client", "taliban", "--period", "2024", "--measure", "conflict", "--format", "json").Out);

        var score = drawn.Get("conflict", dyad, year);
        var c = conflict.RootElement;
        (c.GetProperty("low").GetDouble(), c.GetProperty("high").GetDouble()).Should().Be((score.Low!.Value, score.High!.Value));
        score.Low.Should().BeLessThan(score.High!.Value, "the draws move conflict in 2024");
        var intervals = c.GetProperty("intervals");
        (intervals.GetProperty("method").GetString(), intervals.GetProperty("draws").GetInt32(), intervals.GetProperty("seed").GetInt64(), intervals.GetProperty("level").GetDouble())
            .Should().Be(("bootstrap+montecarlo", 40, 3L, 0.9));
        var shares = drawn.StateShares(0, 0)!.Value;
        state.RootElement.GetProperty("stateShares").GetProperty("contested").GetDouble().Should().Be(shares.Of(Influence.Scoring.RelationshipState.Contested));
        state.RootElement.GetProperty("stateShares").GetProperty("unobserved").GetDouble().Should().Be(shares.Unobserved);
        test.RootElement.GetProperty("patronClientShare").GetProperty("holds").GetDouble().Should().Be(drawn.PatronClientShares(0, 0)!.Value.Holds);
        state.RootElement.TryGetProperty("low", out _).Should().BeFalse("a verdict has shares, not an interval");

        // Counter-reaction is undefined in 2024 (no overreach in its lag window): no value, so no interval either.
        drawn.HasInterval(drawn.MeasureIndexOf("counterReaction"), 0, 0).Should().BeFalse();
        undefined.RootElement.GetProperty("value").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null);
        (undefined.RootElement.GetProperty("low").ValueKind, undefined.RootElement.GetProperty("high").ValueKind)
            .Should().Be((System.Text.Json.JsonValueKind.Null, System.Text.Json.JsonValueKind.Null));

        plain.RootElement.TryGetProperty("intervals", out _).Should().BeFalse();
        (plain.RootElement.GetProperty("low").ValueKind, plain.RootElement.GetProperty("high").ValueKind)
            .Should().Be((System.Text.Json.JsonValueKind.Null, System.Text.Json.JsonValueKind.Null), "without draws conflict has no interval");
    }

    [Fact]
    public void Explain_OfInputEfficiency_GivesItsOwnInterval_WithoutDraws_AndSaysTheDrawsOneCoversIt()
    {
        // Input efficiency carries its regression interval without draws; with draws the interval written is the
        // union of both (docs/uncertainty.md), and the text must not call it the draws' alone.
        var scores = Influence.Scoring.Scorer.Score(
            Influence.IO.CaseReader.LoadBuiltIn(), null, new Influence.Scoring.ScoringRequest { Dyads = [new Dyad("pakistan", "taliban")], From = Period.FromYear(2022), To = Period.FromYear(2022) });
        var own = scores.Get("inputEfficiency", new Dyad("pakistan", "taliban"), Period.FromYear(2022));
        string[] words = ["explain", "--patron", "pakistan", "--client", "taliban", "--period", "2022", "--measure", "inputEfficiency"];

        var text = CliRunner.Run(words).Out;
        text.Should().Contain($"  interval: its own interval (the regression's, at 90%) [{own.Low!.Value:0.00}, {own.High!.Value:0.00}]; with --intervals N it also covers the draws' uncertainty.");
        using var json = System.Text.Json.JsonDocument.Parse(CliRunner.Run([.. words, "--format", "json"]).Out);
        (json.RootElement.GetProperty("low").GetDouble(), json.RootElement.GetProperty("high").GetDouble()).Should().Be((own.Low!.Value, own.High!.Value));

        var drawn = CliRunner.Run([.. words, "--intervals", "20", "--seed", "5"]).Out;
        drawn.Should().Contain($"  interval covering its own interval (the regression's, at 90%) [{own.Low!.Value:0.00}, {own.High!.Value:0.00}] and the 90% interval from 20 draws (bootstrap+montecarlo, seed 5): [");
        drawn.Should().NotContain("  90% interval from 20 draws");
    }

    [Fact]
    public void Explain_OfThePartialPeriod_SaysSo_InTextAndJson()
    {
        string[] words = ["explain", "--patron", "pakistan", "--client", "taliban", "--measure", "exchange", "--period"];

        CliRunner.Run([.. words, "2026"]).Out.Should().Contain("  note: the case's evidence ends on 2026-02-28, inside 2026: that period's values rest on part of it only");
        CliRunner.Run([.. words, "2025"]).Out.Should().NotContain("evidence ends");
        using var partial = System.Text.Json.JsonDocument.Parse(CliRunner.Run([.. words, "2026", "--format", "json"]).Out);
        using var whole = System.Text.Json.JsonDocument.Parse(CliRunner.Run([.. words, "2025", "--format", "json"]).Out);
        partial.RootElement.GetProperty("evidenceEnds").GetString().Should().Be("2026-02-28");
        partial.RootElement.GetProperty("partial").GetBoolean().Should().BeTrue();
        whole.RootElement.GetProperty("partial").GetBoolean().Should().BeFalse();
    }

    [Fact]
    public void ExplanationWriter_RefusesDrawsWithoutIntervals_OrOfAnotherCase()
    {
        var scores = Influence.Scoring.Scorer.Score(Influence.IO.CaseReader.LoadBuiltIn());
        var explanation = Influence.Scoring.Explainer.Explain(scores, new Dyad("pakistan", "taliban"), Period.FromYear(2024), "conflict");
        var other = Influence.Uncertainty.Intervals.Compute(Influence.Scoring.Scorer.Score(Influence.IO.CaseReader.LoadBuiltIn("pakistan-taliban-1990s")), new Influence.Uncertainty.IntervalOptions { Draws = 10 });

        var noDraws = () => Influence.IO.ExplanationWriter.ToJson(explanation, scores, scores);
        var otherCase = () => Influence.IO.ExplanationWriter.ToJson(explanation, scores, other);

        noDraws.Should().Throw<ArgumentException>().WithParameterName("drawn").WithMessage("*no intervals from draws*");
        otherCase.Should().Throw<ArgumentException>().WithParameterName("drawn").WithMessage("*input hashes differ*");
    }

    [Fact]
    public void Explain_Json_CarriesEveryContribution_WithItsSources()
    {
        var (code, output, _) = CliRunner.Run("explain", Case(), "--patron", "P", "--client", "C", "--period", "2005", "--measure", "exchange", "--format", "json");

        code.Should().Be(0);
        using var doc = System.Text.Json.JsonDocument.Parse(output);
        var root = doc.RootElement;
        root.GetProperty("schema").GetString().Should().Be("influence.explanation/1");
        root.GetProperty("inputHash").GetString().Should().MatchRegex("^[0-9a-f]{64}$");
        (root.GetProperty("patron").GetString(), root.GetProperty("client").GetString(), root.GetProperty("period").GetString(), root.GetProperty("measure").GetString())
            .Should().Be(("P", "C", "2005", "exchange"));
        root.GetProperty("value").GetDouble().Should().BeApproximately((1 - Math.Exp(-1.15)) * 2 * 0.35 / 1.15, 1e-12);
        root.GetProperty("notScored").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null);
        var back = root.GetProperty("contributions").EnumerateArray().Single(c => c.GetProperty("evidence").GetString() == "back");
        back.GetProperty("kind").GetString().Should().Be("support");
        back.GetProperty("confidence").GetString().Should().Be("reported");
        back.GetProperty("date").GetString().Should().Be("2005");
        back.GetProperty("valueWithout").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Number, "P's flow alone still defines exchange");
        back.GetProperty("sources").EnumerateArray().Select(x => x.GetProperty("citation").GetString()).Should().Equal("A test source", "Second source, p. 12");
        root.GetProperty("contributions").EnumerateArray().Single(c => c.GetProperty("evidence").GetString() == "give").GetProperty("note").GetString().Should().Be("P sends arms.");
        root.EnumerateObject().Select(p => p.Name).Should().EndWith(new[] { "contributions", "sources" }, "the bibliography is added after the contributions");
        root.GetProperty("sources").EnumerateArray().Select(x => (x.GetProperty("id").GetString(), x.GetProperty("citation").GetString()))
            .Should().Equal(("s1", "A test source"), ("s2", "Second source, p. 12"));
    }

    [Fact]
    public void Explain_Json_SaysWhyAValueIsNotScored()
    {
        var (code, output, _) = CliRunner.Run("explain", "--patron", "pakistan", "--client", "taliban", "--period", "1990", "--measure", "conflict", "--format", "json");

        code.Should().Be(0);
        using var doc = System.Text.Json.JsonDocument.Parse(output);
        doc.RootElement.GetProperty("value").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null);
        doc.RootElement.GetProperty("notScored").GetString().Should().Be("taliban did not exist in 1990 (it existed from 1994)");
        doc.RootElement.GetProperty("contributions").GetArrayLength().Should().Be(0);
        CliRunner.Run("explain", "--patron", "pakistan", "--client", "taliban", "--period", "1990", "--measure", "conflict", "--format", "json").Out
            .Should().Be(output, "the same explanation gives the same bytes");
    }

    [Fact]
    public void Explain_ListsTheItemsThatObserveTheWindow_WhenNoOtherItemFedADefinedValue()
    {
        // No coercion and no defied demand in 2005: conflict is 0 only because the two flows observe the dyad. Until
        // 2026-11-28 no item was listed ("no evidence item fed this value: …"); now the two flows are, with weight 0.
        var (code, output, _) = CliRunner.Run("explain", Case(), "--patron", "P", "--client", "C", "--period", "2005", "--measure", "conflict");

        code.Should().Be(0);
        output.Should().StartWith("conflict of P → C in 2005: 0");
        output.Should().Contain("  without all 2 items at once the value is undefined.");
        output.Should().Contain("back  [observes the window; weight 0; support, 2005, reported]");
        output.Should().Contain("give  [observes the window; weight 0; support, 2005, confirmed]");
        output.Should().Contain("source: A test source").And.Contain("source: Second source, p. 12");
        output.Should().NotContain("no evidence item fed this value");
    }

    [Fact]
    public void Explain_SaysWhyThereIsNoValue_BeforeTheClientExisted()
    {
        var (code, output, _) = CliRunner.Run("explain", "--patron", "pakistan", "--client", "taliban", "--period", "1990", "--measure", "attainment");

        code.Should().Be(0);
        output.Should().StartWith("attainment of pakistan → taliban in 1990: undefined");
        output.Should().Contain("  not scored: taliban did not exist in 1990 (it existed from 1994).");
        output.Should().NotContain("no evidence item fed this value");
    }

    [Fact]
    public void Explain_ListsEveryItemWithItsEffectTermAndSources()
    {
        var (code, output, _) = CliRunner.Run("explain", Case(), "--patron", "P", "--client", "C", "--period", "2005", "--measure", "exchange");

        code.Should().Be(0);
        output.Should().StartWith("exchange of P → C in 2005: 0.416"); // (1 − e^−1.15) · 2 · 0.35 / 1.15
        output.Should().Contain("formula:").And.Contain("theory:   Biermann (2025)");
        output.Should().Contain("2 evidence items, those it is undefined without first, then largest effect first");
        output.Should().Contain("give  [patron→client support; weight 0.8; support, 2005, confirmed]");
        output.Should().Contain("back  [client→patron support; weight 0.35; support, 2005, reported]");
        output.Should().Contain("P sends arms.");
        output.Should().Contain("source: A test source").And.Contain("source: Second source, p. 12");
        output.Should().Contain("+0.416  give").And.Contain("+0.416  back", "without either flow the exchange is one-way: 0");
        output.Should().Contain("  without all 2 items at once the value is undefined.", "without both flows there is nothing to exchange: a defined value still says so");
        output.IndexOf("  give  ", StringComparison.Ordinal).Should().BeLessThan(output.IndexOf("  back  ", StringComparison.Ordinal), "equal effects: the heavier item first");
    }

    [Fact]
    public void Explain_SaysWhenNoItemFedAValue()
    {
        var (code, output, _) = CliRunner.Run("explain", Case(), "--patron", "P", "--client", "C", "--period", "2010", "--measure", "exchange");

        code.Should().Be(0);
        output.Should().Contain("exchange of P → C in 2010: undefined");
        output.Should().Contain("  undefined: exchange needs support flowing in either direction within its reciprocity window (5 years), which it does not have here.");
        output.Should().EndWith($"  no evidence item fed this value.{Environment.NewLine}");
    }

    [Fact]
    public void Explain_SaysOnceWhyAValueIsUndefined_AndListsTheItemsItRead()
    {
        var (code, output, _) = CliRunner.Run("explain", "--patron", "pakistan", "--client", "taliban", "--period", "1995", "--measure", "inputEfficiency");

        code.Should().Be(0);
        var lines = output.Split(Environment.NewLine);
        lines[0].Should().Be("inputEfficiency of pakistan → taliban in 1995: undefined");
        lines[3].Should().Be("  undefined: inputEfficiency needs at least 3 independent points within its window (10 years), counted from the patron's first input to the client and from when both parties existed: periods with an observed attainment, resting on at least 3 distinct sets of observations (one span over several years is one), with growth in the patron's cumulative input between them; here 1994–1995 has 1 period with an observed attainment, resting on 1 distinct set of observations.");
        lines[4].Should().Be("  4 evidence items read, largest weight first:");
        lines.Where(l => l.StartsWith("        read  ", StringComparison.Ordinal)).Select(l => l.Split("  ", StringSplitOptions.RemoveEmptyEntries)[1]).Should().Equal(
            "sup-pak-tal-1994-1996-madrassa-recruits", "att-depth-1992-1994", "att-ethno-1992-1994", "sup-pak-tal-1994-1996-quell-opposition");
        output.Should().NotContain("undefined without it", "the value is undefined with the items too").And.NotContain("without all");
        output.Split("undefined").Should().HaveCount(3, "said twice: in the headline and once with the reason");
    }

    [Fact]
    public void Explain_Json_GivesTheReason_WhenAValueIsUndefined()
    {
        var (code, output, _) = CliRunner.Run("explain", "--patron", "pakistan", "--client", "taliban", "--period", "1995", "--measure", "inputEfficiency", "--format", "json");

        code.Should().Be(0);
        using var doc = System.Text.Json.JsonDocument.Parse(output);
        var root = doc.RootElement;
        root.GetProperty("value").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null);
        root.GetProperty("reason").GetString().Should().StartWith("inputEfficiency needs at least 3 independent points");
        root.GetProperty("verdict").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null);
        root.GetProperty("contributions").EnumerateArray().Should().HaveCount(4).And.AllSatisfy(c => c.GetProperty("effect").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null));
    }

    [Fact]
    public void Explain_StillSaysADefinedValueRestsOnAnItem_WhenItIsUndefinedWithoutIt()
    {
        var path = _cli.Write(TestCases.Builder().Add(TestCases.Support("give", TestCases.Year(2005), "P", "C", 0.8)).Build(), "one.json");

        var (code, output, _) = CliRunner.Run("explain", path, "--patron", "P", "--client", "C", "--period", "2005", "--measure", "exchange");

        code.Should().Be(0);
        output.Should().StartWith("exchange of P → C in 2005: 0").And.NotContain("undefined:");
        output.Should().Contain("(undefined without it)  give", "a one-way flow defines exchange (0), and without it there is none");
    }

    [Theory]
    [InlineData("state", "relationship state of pakistan → taliban in 2024: contested", "contested: exchange 0.475 ≥ 0.25 and conflict 0.99 ≥ 0.5")]
    [InlineData("patronClient", "patron–client test of pakistan → taliban in 2024: patron–client", "patron–client: all four features at or above their thresholds; weakest diffuseObligation 0.744 ≥ 0.5")]
    public void Explain_ExplainsAVerdict_InTextAndJson(string measure, string first, string rule)
    {
        var text = CliRunner.Run("explain", "--patron", "pakistan", "--client", "taliban", "--period", "2024", "--measure", measure);
        var json = CliRunner.Run("explain", "--patron", "pakistan", "--client", "taliban", "--period", "2024", "--measure", measure, "--format", "json");

        text.Code.Should().Be(0);
        text.Out.Split(Environment.NewLine)[..2].Should().Equal(first, $"  rule:     {rule}");
        json.Code.Should().Be(0, json.Err);
        using var doc = System.Text.Json.JsonDocument.Parse(json.Out);
        doc.RootElement.GetProperty("measure").GetString().Should().Be(measure);
        doc.RootElement.GetProperty("verdict").GetString().Should().Be(first[(first.LastIndexOf(": ", StringComparison.Ordinal) + 2)..]);
        doc.RootElement.GetProperty("rule").GetString().Should().Be(rule);
        doc.RootElement.GetProperty("value").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null);
        doc.RootElement.GetProperty("reason").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null);
        doc.RootElement.GetProperty("contributions").GetArrayLength().Should().Be(0);
    }

    [Fact]
    public void Explain_UsesTheOnlyDeclaredDyad_WhenNoneIsGiven()
    {
        var (code, output, _) = CliRunner.Run("explain", Case(), "--period", "2005", "--measure", "conflict");

        code.Should().Be(0);
        output.Should().StartWith("conflict of P → C in 2005: 0");
    }

    [Fact]
    public void Explain_NamesTheDeclaredDyads_WhenNoneIsGiven()
    {
        var (code, _, err) = CliRunner.Run("explain", "--period", "2000", "--measure", "attainment");

        code.Should().Be(2);
        err.Should().StartWith("influence: give --patron and --client: the case declares 6 dyads (pakistan → taliban, pakistan → haqqani, ");
    }

    [Fact]
    public void Explain_SaysWhichOfPatronAndClientIsMissing()
    {
        var (code, _, err) = CliRunner.Run("explain", "--client", "taliban", "--period", "2000", "--measure", "attainment");

        code.Should().Be(2);
        err.Should().Be($"influence: give both --patron and --client (only --client was given){Environment.NewLine}");
    }

    [Fact]
    public void Explain_SaysWhenSingleEffectsCancel_RatherThanBlameTheFormula()
    {
        // o1 and o2 (salience 0.5) rise from 0 in 2003 to 1 in 2005; o3 (salience 1) is first observed in 2005, at 0.
        // 2005: (0.5·1 + 0.5·1 + 1·0) / 2 = 0.5; without the 2005 items 0, so together they move it +0.5.
        // One at a time: without b1 (or b2) (0.5·0 + 0.5·1 + 0) / 2 = 0.25, effect +0.25 each; without b3 1,
        // effect −0.5: the single effects add to 0 because they pull opposite ways.
        var c = TestCases.Builder()
            .AddObjective(new Objective("o1", "P", "One", 0.5) { Toward = "C" })
            .AddObjective(new Objective("o2", "P", "Two", 0.5) { Toward = "C" })
            .AddObjective(new Objective("o3", "P", "Three", 1) { Toward = "C" })
            .Add(TestCases.Attained("a1", TestCases.Year(2003), "o1", 0))
            .Add(TestCases.Attained("a2", TestCases.Year(2003), "o2", 0))
            .Add(TestCases.Attained("b1", TestCases.Year(2005), "o1", 1))
            .Add(TestCases.Attained("b2", TestCases.Year(2005), "o2", 1))
            .Add(TestCases.Attained("b3", TestCases.Year(2005), "o3", 0))
            .Build();

        var (code, output, _) = CliRunner.Run("explain", _cli.Write(c), "--period", "2005", "--measure", "attainment");

        code.Should().Be(0);
        output.Should().StartWith("attainment of P → C in 2005: 0.5");
        output.Should().Contain("all 3 items together: +0.5 (the value without any of them is 0); one at a time their effects add to only 0: some raise it (+0.5 together) and others lower it (−0.5).");
    }

    [Fact]
    public void Explain_SaysWhySingleEffectsAddToLittle_WhenTheFormulaSaturates()
    {
        // Twelve coercions hold conflict near 1; the flow keeps it defined without them.
        var b = TestCases.Builder().Add(TestCases.Support("flow", TestCases.Year(2005), "P", "C", 0.5));
        for (var i = 0; i < 12; i++)
        {
            b.Add(TestCases.Coercion($"k{i}", TestCases.Year(2005), "P", "C", 1));
        }

        var (code, output, _) = CliRunner.Run("explain", _cli.Write(b.Build()), "--period", "2005", "--measure", "conflict");

        code.Should().Be(0);
        output.Should().Contain("all 12 items together: +");
        output.Should().Contain("one at a time their effects add to only +").And.Contain(": each is measured with the others in place, and in a mean an item moves the value only by its distance from the rest, in a saturating formula the others already hold it near its bound");
    }

    [Fact]
    public void Explain_WritesToAFile_WithOut()
    {
        var target = _cli.PathOf("why.txt");

        var (code, output, err) = CliRunner.Run("explain", Case(), "--period", "2005", "--measure", "exchange", "--out", target);

        code.Should().Be(0);
        output.Should().BeEmpty();
        err.Should().Be($"wrote {target}{Environment.NewLine}");
        File.ReadAllText(target).Should().Contain("give").And.Contain("back");
    }

    [Theory]
    [InlineData("--measure", "exchange")]
    [InlineData("--period", "2005")]
    [InlineData("--period", "2005", "--measure", "charisma")]
    [InlineData("--period", "1990", "--measure", "exchange", "--patron", "P", "--client", "nobody")]
    [InlineData("--period", "20o5", "--measure", "exchange")]
    [InlineData("--period", "2005", "--measure", "exchange", "--patron", "P")]
    public void Explain_ExitsWithUsageCode_OnWrongUsage(params string[] args)
    {
        var (code, _, err) = CliRunner.Run(["explain", Case(), .. args]);

        code.Should().Be(2);
        err.Should().StartWith("influence: ");
    }

    [Fact]
    public void Explain_ExitsWithDataCode_OnAnInvalidCase()
    {
        var bad = _cli.PathOf("bad.json");
        File.WriteAllText(bad, "{ not json");

        var (code, _, err) = CliRunner.Run("explain", bad, "--period", "2005", "--measure", "exchange");

        code.Should().Be(1);
        err.Should().Contain("expected well-formed JSON");
    }
}
