using System.Text.Json;
using System.Text.Json.Nodes;
using FluentAssertions;
using Influence.Cases;
using Influence.IO;
using Influence.Scoring;
using Influence.Tests.Support;
using Xunit;

namespace Influence.Tests.Scoring;

/// <summary>
/// Where a case's evidence ends (<see cref="Case.EvidenceEnds"/>): periods that start after it are not scored, the
/// period that holds it is partial, and a case looked at for longer than its last item declares so.
/// </summary>
public class EvidenceEndsTests
{
    private static readonly Case Reference = CaseReader.LoadBuiltIn(CaseReader.ReferenceCaseId);

    [Fact]
    public void TheReferenceCase_ScoredByQuarter_HasNoValueAfterFebruary2026_AndSaysWhy()
    {
        var scores = Scorer.Score(Reference, request: new ScoringRequest
        {
            Dyads = [new Dyad("pakistan", "taliban")],
            Granularity = Granularity.Quarter,
            From = Period.FromQuarter(2025, 3),
            To = Period.FromQuarter(2026, 4),
        });

        scores.EvidenceEnds.Should().Be(new DateOnly(2026, 2, 28));
        Reference.DeclaresEvidenceEnds.Should().BeFalse("the reference case leaves the end to its last item");
        var labels = scores.Periods.Select(p => p.ToString()).ToArray();
        labels.Should().Equal("2025Q3", "2025Q4", "2026Q1", "2026Q2", "2026Q3", "2026Q4");
        Enumerable.Range(0, 6).Select(scores.IsAfterEvidence).Should().Equal(false, false, false, true, true, true);
        Enumerable.Range(0, 6).Select(scores.IsPartial).Should().Equal(false, false, true, false, false, false);

        for (var p = 0; p < 6; p++)
        {
            var point = scores.For(0, p);
            var defined = Enumerable.Range(0, scores.Measures.Length).Count(m => scores.Get(m, 0, p).IsDefined);
            if (p < 3)
            {
                point.InactiveReason.Should().BeNull();
                defined.Should().BeGreaterThan(0);
                scores.State(0, p).State.Should().NotBeNull();
            }
            else
            {
                point.InactiveReason.Should().Be($"after the evidence: the case's evidence ends on 2026-02-28, before {labels[p]}");
                defined.Should().Be(0, labels[p]);
                scores.State(0, p).State.Should().BeNull();
                scores.State(0, p).Rule.Should().Contain("after the evidence");
                scores.PatronClient(0, p).IsPatronClient.Should().BeNull();
            }
        }
    }

    [Fact]
    public void AfterTheEvidence_NothingChangesTheValuesBefore()
    {
        // Leaving later periods out must not move what is scored before them (no measure looks ahead).
        var request = new ScoringRequest { Dyads = [new Dyad("pakistan", "taliban")], Granularity = Granularity.Quarter, From = Period.FromQuarter(2024, 1) };
        var through = Scorer.Score(Reference, request: request with { To = Period.FromQuarter(2026, 1) });
        var beyond = Scorer.Score(Reference, request: request with { To = Period.FromQuarter(2026, 4) });

        for (var m = 0; m < through.Measures.Length; m++)
        {
            for (var p = 0; p < through.PeriodCount; p++)
            {
                beyond.Get(m, 0, p).Should().Be(through.Get(m, 0, p));
            }
        }
    }

    [Fact]
    public void WithoutADeclaredEnd_TheLastItemEndsTheEvidence_AndLaterPeriodsAreNotScored()
    {
        var b = TestCases.Builder().Add(TestCases.Support("s", TestCases.Years(2000, 2004), "P", "C", 0.6));
        b.EvidenceEnds = null;
        var scores = TestCases.Score(b.Build());

        scores.EvidenceEnds.Should().Be(new DateOnly(2004, 12, 31));
        var p2005 = scores.Periods.IndexOf(Period.FromYear(2005));
        scores.IsAfterEvidence(p2005 - 1).Should().BeFalse();
        scores.IsAfterEvidence(p2005).Should().BeTrue();
        Enumerable.Range(0, scores.Measures.Length).Should().OnlyContain(m => !scores.Get(m, 0, p2005).IsDefined);
        scores.InactiveReason(0, p2005).Should().Be("after the evidence: the case's evidence ends on 2004-12-31, before 2005");
    }

    [Fact]
    public void ADeclaredLaterEnd_ScoresThePeriodsUpToIt_CarryingTheEvidenceForward()
    {
        // The coder looked through 2007 and found nothing more: 2005–2007 are scored (endurance still counts the
        // 2000–2004 flows), 2008–2010 are not.
        var b = TestCases.Builder().Add(TestCases.Support("s", TestCases.Years(2000, 2004), "P", "C", 0.6));
        b.EvidenceEnds = new DateOnly(2007, 12, 31);
        var c = b.Build();
        var scores = TestCases.Score(c);

        c.DeclaresEvidenceEnds.Should().BeTrue();
        scores.EvidenceEnds.Should().Be(new DateOnly(2007, 12, 31));
        TestCases.Value(c, "endurance", 2007).Should().BeGreaterThan(0);
        TestCases.Value(c, "endurance", 2008).Should().BeNull();
        scores.IsPartial(scores.Periods.IndexOf(Period.FromYear(2007))).Should().BeFalse("the evidence ends on the year's last day");
    }

    [Fact]
    public void ADeclaredEndInsideAYear_MakesThatYearPartial()
    {
        var b = TestCases.Builder().Add(TestCases.Support("s", TestCases.Years(2000, 2004), "P", "C", 0.6));
        b.EvidenceEnds = new DateOnly(2006, 3, 31);
        var scores = TestCases.Score(b.Build());

        var p2006 = scores.Periods.IndexOf(Period.FromYear(2006));
        scores.IsPartial(p2006).Should().BeTrue();
        scores.IsAfterEvidence(p2006).Should().BeFalse();
        scores.IsAfterEvidence(p2006 + 1).Should().BeTrue();
    }

    [Fact]
    public void APeriod_AsksTheSameAsItsPosition_AndAnotherGranularityOrRangeIsRefused()
    {
        var b = TestCases.Builder().Add(TestCases.Support("s", TestCases.Years(2000, 2004), "P", "C", 0.6));
        b.EvidenceEnds = new DateOnly(2006, 3, 31);
        var scores = TestCases.Score(b.Build());
        var dyad = scores.Dyads[0];

        for (var i = 0; i < scores.PeriodCount; i++)
        {
            var period = scores.Periods[i];
            scores.IsPartial(period).Should().Be(scores.IsPartial(i), $"{period}");
            scores.IsAfterEvidence(period).Should().Be(scores.IsAfterEvidence(i), $"{period}");
            scores.For(dyad, period).IsPartial.Should().Be(scores.IsPartial(i), $"{period}");
        }

        scores.Periods.Where(scores.IsPartial).Should().Equal(Period.FromYear(2006));
        FluentActions.Invoking(() => scores.IsPartial(Period.FromQuarter(2006, 1))).Should().Throw<ArgumentException>().WithMessage("*not a year period*");
        FluentActions.Invoking(() => scores.IsAfterEvidence(Period.FromYear(1990))).Should().Throw<ArgumentException>().WithMessage("*outside the scored range*");
    }

    [Fact]
    public void ADeclaredEndBeforeTheLastItem_IsAProblem_NamingTheItem()
    {
        var b = TestCases.Builder()
            .Add(TestCases.Support("early", TestCases.Year(2001), "P", "C", 0.6))
            .Add(TestCases.Support("late", TestCases.Years(2003, 2005), "P", "C", 0.6));
        b.EvidenceEnds = new DateOnly(2004, 12, 31);

        b.TryBuild(out _, out var problems).Should().BeFalse();
        problems.Should().ContainSingle().Which.Should().Be(
            new CaseProblem("$.evidenceEnds", null, "expected a day not before the last day the evidence covers (2005-12-31, item \"late\"); was 2004-12-31"));
    }

    [Fact]
    public void TheDeclaredEnd_IsWrittenAndReadBack_AndLeftOutWhenNotDeclared()
    {
        var b = TestCases.Builder().Add(TestCases.Support("s", TestCases.Years(2000, 2004), "P", "C", 0.6));
        b.EvidenceEnds = new DateOnly(2007, 6, 30);
        var declared = b.Build();
        b.EvidenceEnds = null;
        var left = b.Build();

        var json = CaseWriter.ToJson(declared);
        JsonNode.Parse(json)!["evidenceEnds"]!.GetValue<string>().Should().Be("2007-06-30");
        var read = CaseReader.Read(json);
        read.DeclaresEvidenceEnds.Should().BeTrue();
        read.EvidenceEnds.Should().Be(new DateOnly(2007, 6, 30));

        JsonNode.Parse(CaseWriter.ToJson(left))!.AsObject().ContainsKey("evidenceEnds").Should().BeFalse();
        CaseReader.Read(CaseWriter.ToJson(left)).EvidenceEnds.Should().Be(new DateOnly(2004, 12, 31));
    }

    [Fact]
    public void ACopyWithoutTheLastItem_KeepsTheOriginalsEnd_AlsoWhenWrittenAndReadBack()
    {
        // Sensitivity and resampling drop items: where the evidence ends must not move with them, nor when such a
        // copy is saved as a case file.
        var c = Reference;
        var lastDay = c.Evidence.Max(i => i.Date.Last);
        var without = c.WhereEvidence(row => c.Evidence[row].Date.Last < lastDay);

        without.EvidenceEnds.Should().Be(c.EvidenceEnds);
        var json = CaseWriter.ToJson(without);
        JsonNode.Parse(json)!["evidenceEnds"]!.GetValue<string>().Should().Be("2026-02-28");
        CaseReader.Read(json).EvidenceEnds.Should().Be(c.EvidenceEnds);
        JsonNode.Parse(CaseWriter.ToJson(c))!.AsObject().ContainsKey("evidenceEnds").Should().BeFalse("the reference case's own last item ends its evidence");
    }

    [Fact]
    public void ADeclaredEndBeforeTheFirstPeriod_IsAProblem()
    {
        var b = TestCases.Builder();
        b.EvidenceEnds = new DateOnly(1999, 6, 30);

        b.TryBuild(out _, out var problems).Should().BeFalse();
        problems.Should().ContainSingle().Which.Message.Should().Be("expected a day not before the case's first period (2000, from 2000-01-01); was 1999-06-30");
    }

    [Fact]
    public void TrendAndChangePoints_SayWhichPeriodsAskedForAreNotScored()
    {
        string[] words = ["--patron", "pakistan", "--client", "taliban", "--granularity", "quarter", "--from", "2020Q1", "--to", "2026Q4", "--measure", "exchange"];
        const string Note = "  note: 2026Q2–2026Q4: not scored, as the case's evidence ends on 2026-02-28";

        CliRunner.Run(["trend", .. words]).Out.Should().Contain(Note).And.Contain("2020Q1–2026Q1");
        CliRunner.Run(["changepoints", .. words]).Out.Should().Contain(Note);
        CliRunner.Run(["trend", .. words[..^4], "--to", "2026Q1", "--measure", "exchange"]).Out.Should().NotContain("not scored");
        CliRunner.Run(["trend", .. words[..^4], "--measure", "exchange"]).Out.Should().Contain(Note, "by quarter the case's range (to 2026) runs to 2026Q4");
    }

    [Fact]
    public void ARangeWhollyAfterTheEvidence_IsRefused_NamingTheDay()
    {
        var request = new ScoringRequest { Dyads = [new Dyad("pakistan", "taliban")], Granularity = Granularity.Quarter };

        ((Action)(() => Scorer.Score(Reference, request: request with { From = Period.FromQuarter(2026, 3), To = Period.FromQuarter(2026, 4) })))
            .Should().Throw<ArgumentException>().WithParameterName("request")
            .WithMessage("the periods requested (2026Q3–2026Q4) start after the case's evidence ends (2026-02-28): nothing in them was looked at, so none would be scored; a case looked at for longer declares its evidenceEnds*");
        ((Action)(() => Scorer.Score(Reference, request: request with { From = Period.FromQuarter(2026, 2), To = Period.FromQuarter(2026, 2) })))
            .Should().Throw<ArgumentException>().WithMessage("the period requested (2026Q2) starts after the case's evidence ends (2026-02-28)*");
        Scorer.Score(Reference, request: request with { From = Period.FromQuarter(2026, 1), To = Period.FromQuarter(2026, 4) }).PeriodCount
            .Should().Be(4, "a range that only ends after the evidence is scored, its last periods marked");

        var (code, _, err) = CliRunner.Run("explain", "--patron", "pakistan", "--client", "taliban", "--period", "2026Q3", "--measure", "exchange");
        code.Should().Be(2);
        err.Should().Contain("the period requested (2026Q3) starts after the case's evidence ends (2026-02-28)");
    }

    [Fact]
    public void TheNetworkOfAPeriodAfterTheEvidence_IsRefused_AndThePartialPeriodIsMarked()
    {
        ((Action)(() => Influence.Networks.ActorNetwork.ForPeriod(Reference, Period.FromMonth(2026, 12))))
            .Should().Throw<ArgumentException>().WithParameterName("period")
            .WithMessage("the period requested (2026-12) starts after the case's evidence ends (2026-02-28)*");

        var (code, _, err) = CliRunner.Run("network", "--period", "2026Q3");
        code.Should().Be(2);
        err.Should().Contain("the period requested (2026Q3) starts after the case's evidence ends (2026-02-28)");

        using var partial = JsonDocument.Parse(NetworkWriter.ToJson(Influence.Networks.ActorNetwork.ForPeriod(Reference, Period.FromYear(2026))));
        using var whole = JsonDocument.Parse(NetworkWriter.ToJson(Influence.Networks.ActorNetwork.ForPeriod(Reference, Period.FromYear(2025))));
        partial.RootElement.GetProperty("evidenceEnds").GetString().Should().Be("2026-02-28");
        partial.RootElement.GetProperty("partial").GetBoolean().Should().BeTrue();
        whole.RootElement.GetProperty("partial").GetBoolean().Should().BeFalse();
    }

    [Fact]
    public void Validate_WarnsWhenTheDeclaredRangeRunsPastTheEvidence_WithoutADeclaredEnd()
    {
        var b = TestCases.Builder().Add(TestCases.Support("s", TestCases.Years(2000, 2007), "P", "C", 0.6));
        b.EvidenceEnds = null;
        CaseWarnings.Of(b.Build()).Should().ContainSingle(w => w.Item == null && w.Message.StartsWith(
            "the case's range runs to 2010, but its last item ends on 2007-12-31 and it declares no evidenceEnds: the periods after 2007-12-31 (2008–2010) are not scored; if the case was looked at up to its range's end", StringComparison.Ordinal));

        b.EvidenceEnds = new DateOnly(2010, 12, 31);
        CaseWarnings.Of(b.Build()).Should().BeEmpty("the case says it was looked at to its end");
        CaseWarnings.Of(Reference).Should().BeEmpty("the reference case's range ends with the year its evidence ends in");
    }

    [Fact]
    public void TheScoresJson_GivesEachPeriodsPartialMark_AndWhyItIsNotScored()
    {
        var (code, output, err) = CliRunner.Run("score", "--patron", "pakistan", "--client", "taliban", "--granularity", "quarter", "--from", "2025Q4", "--format", "json");

        code.Should().Be(0, err);
        using var doc = JsonDocument.Parse(output);
        var periods = doc.RootElement.GetProperty("dyads")[0].GetProperty("periods").EnumerateArray()
            .Select(p => (Period: p.GetProperty("period").GetString(), Partial: p.GetProperty("partial").GetBoolean(), NotScored: p.GetProperty("notScored").GetString()))
            .ToList();
        periods.Should().Equal(
            ("2025Q4", false, null),
            ("2026Q1", true, null),
            ("2026Q2", false, "after the evidence: the case's evidence ends on 2026-02-28, before 2026Q2"),
            ("2026Q3", false, "after the evidence: the case's evidence ends on 2026-02-28, before 2026Q3"),
            ("2026Q4", false, "after the evidence: the case's evidence ends on 2026-02-28, before 2026Q4"));
    }

    [Fact]
    public void TheScoreTable_SaysWhichPeriodsAreNotScored_AndWhy()
    {
        var (code, output, _) = CliRunner.Run("score", "--patron", "pakistan", "--client", "taliban", "--granularity", "quarter", "--from", "2025Q3");

        code.Should().Be(0);
        output.Should().Contain("2026Q2–2026Q4");
        string.Join(' ', output.Split('\n').Select(l => l.Trim())).Should().Contain(
            "2026Q2–2026Q4: not scored, as the case's evidence ends on 2026-02-28; a case looked at for longer says so with \"evidenceEnds\" (https://github.com/influence-research/influence/blob/main/docs/case-format.md).");
    }
}
