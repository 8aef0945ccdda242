using System.Globalization;
using FluentAssertions;
using Influence.Cases;
using Influence.Evidence;
using Influence.IO;
using Influence.Scoring;
using Influence.Tests.Support;
using Xunit;

namespace Influence.Tests.Cases;

/// <summary>Codings that are valid but probably not meant: each warning says what the coding does, and it does that.</summary>
public class CaseWarningsTests
{
    private static readonly EvidenceDate War = EvidenceDate.Span(EvidenceDate.OnDay(2006, 7, 12), EvidenceDate.OnDay(2006, 8, 14));

    [Fact]
    public void AShortCoercionSpan_Warns_WithTheShareOfItsSeverityItCounts_AndThatShareIsWhatItCounts()
    {
        var asSpan = TestCases.Builder().Add(TestCases.Coercion("war", War, "P", "C", 1)).Build();
        var asPoint = TestCases.Builder().Add(TestCases.Coercion("war", EvidenceDate.OnDay(2006, 7, 12), "P", "C", 1)).Build();

        var warning = CaseWarnings.Of(asSpan).Should().ContainSingle().Subject;
        CaseWarnings.Of(asPoint).Should().BeEmpty();

        warning.Item.Should().Be("war");
        warning.Message.Should().StartWith("a coercion span of 34 days (2006-07-12..2006-08-14): a span is a yearly rate, so it counts 34/365 = 0.09 of its severity;");
        var total = Explainer.Explain(Scorer.Score(asSpan), TestCases.PC, Period.FromYear(2006), "conflict").Contributions.Single().Weight;
        var full = Explainer.Explain(Scorer.Score(asPoint), TestCases.PC, Period.FromYear(2006), "conflict").Contributions.Single().Weight;
        (total / full).Should().BeApproximately(34.0 / 365, 1e-12);
    }

    [Fact]
    public void ShortSpans_OfSupportWithAnAmount_Warn_AboutTheAmount_AndStandingKinds_AndYearLongSpans_DoNot()
    {
        var b = TestCases.Builder();
        b.AddUnit(new AmountUnit("usd-m", "millions of US dollars", 50));
        b.Add(new SupportEvidence("aid", EvidenceDate.Span(EvidenceDate.InMonth(2003, 3), EvidenceDate.InMonth(2003, 5)), Confidence.Confirmed, TestCases.Src, "P", "C", ResourceType.Funding, 1 - Math.Exp(-100.0 / 50)) { Amount = 100, Unit = "usd-m" });
        b.Add(TestCases.Support("flow", TestCases.Years(2001, 2001), "P", "C", 0.5));
        b.Add(TestCases.Commitment("pact", EvidenceDate.Span(EvidenceDate.InMonth(2004, 1), EvidenceDate.InMonth(2004, 2)), CommitmentFormality.PrivateUnderstanding));
        b.Add(TestCases.Presence("visit", EvidenceDate.Span(EvidenceDate.InMonth(2004, 1), EvidenceDate.InMonth(2004, 2)), "P", "C", 0.5));

        CaseWarnings.Of(b.Build()).Select(w => w.ToString()).Should().ContainSingle()
            .Which.Should().StartWith("item 'aid': a support span of 92 days (2003-03..2003-05): a span is a yearly rate, so it counts 92/365 = 0.25 of its amount;");
    }

    [Fact]
    public void EvidenceInsideOneMovement_Warns_AndIsReadByNoMeasure()
    {
        var without = NetworkCases.Builder().Support("P", "C", 0.5).Support("C", "P", 0.3).Support("X", "C", 0.4).Support("H", "K", 0.2);
        var with = NetworkCases.Builder().Support("P", "C", 0.5).Support("C", "P", 0.3).Support("X", "C", 0.4).Support("H", "K", 0.2)
            .Support("XI", "X", 0.6).Support("C", "H", 0.7);

        var warnings = CaseWarnings.Of(with.Build());

        warnings.Select(w => w.Message).Should().Equal(
            "it passes inside one movement ('H' is part of 'C' (its parent)): evidence internal to a movement counts for no pair, and no measure reads it (https://github.com/influence-research/influence/blob/main/docs/measures.md#faction-roll-up)",
            "it passes inside one movement ('XI' is part of 'X' (its parent)): evidence internal to a movement counts for no pair, and no measure reads it (https://github.com/influence-research/influence/blob/main/docs/measures.md#faction-roll-up)");
        CaseWarnings.Of(without.Build()).Should().BeEmpty("support between sibling factions is a pair of its own");
        var request = new ScoringRequest { Dyads = [new Dyad("P", "C"), new Dyad("X", "C"), new Dyad("P", "H"), new Dyad("H", "K"), new Dyad("X", "P")] };
        Values(Scorer.Score(with.Build(), request: request)).Should().Be(Values(Scorer.Score(without.Build(), request: request)));
    }

    [Fact]
    public void ACaseWithNothingToScore_WarnsAsAWhole()
    {
        var empty = new CaseBuilder("empty", "Empty").Build();

        CaseWarnings.Of(empty).Should().OnlyContain(w => w.Item == null).And.HaveCount(2);
        CaseWarnings.Of(empty)[0].ToString().Should().StartWith("the case has no actors");
    }

    [Fact]
    public void AnItemFarBeforeTheRange_Warns_ThatTheGridItSetsIsLong_NamingTheItem_AndTheGridIsThatLong()
    {
        // A year typed 0202 for 2020: the grid starts at the earliest evidence, 1,818 years before the range.
        var typo = Monthly(2019, 2021).Add(TestCases.Support("ok", TestCases.Month(2019, 4), "P", "C", 0.5)).Add(TestCases.Support("typo", TestCases.Month(202, 3), "P", "C", 0.5)).Build();

        var warning = CaseWarnings.Of(typo).Should().ContainSingle().Subject;

        warning.Item.Should().Be("typo");
        warning.Message.Should().Be(
            "scoring this case runs over 21,838 monthly periods (0202-03–2021-12, 1,820 years), more than 1,200: it starts at item 'typo' (0202-03), the earliest evidence, 1,817 years before the case's range (2019-01–2021-12) starts (the next earliest item, 'ok', begins 1,817 years later, on 2019-04-01); it ends at the case's \"to\" (2021-12). "
            + "A score indexes the evidence over every one of them and computes each measure for 1 declared dyad × 36 periods of the range = 36 dyad-periods: its time and memory grow with both; if the item's year is mistyped (0202 for 2020, say), correct it; if it is right, a coarser granularity shortens the grid (https://github.com/influence-research/influence/blob/main/docs/case-format.md#a-long-period-grid)");
        CaseWarnings.Of(Monthly(2019, 2021).Add(TestCases.Support("ok", TestCases.Month(2019, 4), "P", "C", 0.5)).Add(TestCases.Support("typo", TestCases.Month(2020, 3), "P", "C", 0.5)).Build())
            .Should().BeEmpty("the same case with the year typed right has a grid of 36 months");
        new DocPage("case-format.md").Quotes("### A long period grid");
        new DocPage("case-format.md").Quotes(warning.ToString().Replace("https://github.com/influence-research/influence/blob/main/docs", "…", StringComparison.Ordinal));
    }

    [Fact]
    public void ARangeWhoseDyadPeriodsAScoreRefuses_SaysSoInTheWarning()
    {
        var b = Monthly(1, 9999);
        b.EvidenceEnds = new DateOnly(9999, 12, 31);
        for (var a = 0; a < 134; a++)
        {
            b.AddActor(new Actor($"A{a}", $"Actor {a}", ActorKind.State));
        }

        var c = b.Add(TestCases.Support("s", TestCases.Year(2005), "P", "C", 0.5)).Build();

        // Every ordered pair of the 137 actors, as the case's dyads.
        var huge = c.WithDyads([.. c.Actors.SelectMany(p => c.Actors.Where(q => q != p).Select(q => new Dyad(p.Id, q.Id)))]);
        CaseWarnings.Of(huge).Should().ContainSingle().Which.Message.Should().Contain(
            "18,632 declared dyads × 119,988 periods of the range = 2,235,616,416 dyad-periods (more than an array holds, 2,147,483,591: a score of them all is refused): its time");
    }

    [Fact]
    public void TheWarnedGridLength_IsTheGridAScoreBuilds_AndTheThresholdIsACenturyOfMonths()
    {
        var atThreshold = Monthly(2000, 2021).Add(TestCases.Support("early", TestCases.Month(1922, 1), "P", "C", 0.5)).Build();
        var beyond = Monthly(2000, 2021).Add(TestCases.Support("early", TestCases.Month(1921, 12), "P", "C", 0.5)).Build();

        CaseWarnings.LongGridPeriods.Should().Be(1200);
        Scorer.Score(atThreshold).Index.Grid.Count.Should().Be(1200);
        CaseWarnings.Of(atThreshold).Should().BeEmpty();
        Scorer.Score(beyond).Index.Grid.Count.Should().Be(1201);
        CaseWarnings.Of(beyond).Should().ContainSingle().Which.Message.Should().StartWith("scoring this case runs over 1,201 monthly periods (1921-12–2021-12, 100 years), more than 1,200: it starts at item 'early' (1921-12)");
    }

    [Fact]
    public void ADeclaredRangeOfManyCenturies_Warns_ForTheCaseAsAWhole_WithItsDyadPeriods()
    {
        var b = Monthly(1, 9999);
        b.EvidenceEnds = new DateOnly(9999, 12, 31);
        var c = b.Add(TestCases.Support("s", TestCases.Year(2005), "P", "C", 0.5)).Build();

        var warning = CaseWarnings.Of(c).Should().ContainSingle().Subject;

        warning.Item.Should().BeNull();
        warning.Message.Should().StartWith("scoring this case runs over 119,988 monthly periods (0001-01–9999-12, 9,999 years), more than 1,200: it starts at the case's \"from\" (0001-01); it ends at the case's \"to\" (9999-12). A score indexes the evidence over every one of them and computes each measure for 1 declared dyad × 119,988 periods of the range = 119,988 dyad-periods")
            .And.Contain("if a year is mistyped (0202 for 2020, say), correct it; else score part of the range (--from, --to) or at a coarser granularity");
    }

    [Fact]
    public void WithoutADeclaredRange_TheItemFurthestFromTheRest_IsNamed()
    {
        // No from or to: the range is the years of the evidence, 2001–9001 by year, set by one item far after the others.
        var b = new CaseBuilder("open", "Open");
        b.AddSource(new Source("s1", "A test source"));
        b.AddActor(new Actor("P", "Patron", ActorKind.State));
        b.AddActor(new Actor("C", "Client", ActorKind.NonStateArmedGroup));
        b.AddDyad("P", "C");
        b.Add(TestCases.Support("first", TestCases.Year(2001), "P", "C", 0.5)).Add(TestCases.Support("next", TestCases.Year(2003), "P", "C", 0.5));
        b.Add(TestCases.Support("last", TestCases.Year(2010), "P", "C", 0.5)).Add(TestCases.Support("far", TestCases.Year(9001), "P", "C", 0.5));

        var warning = CaseWarnings.Of(b.Build()).Should().ContainSingle().Subject;

        warning.Item.Should().Be("far");
        warning.Message.Should().StartWith("scoring this case runs over 7,001 yearly periods (2001–9001, 7,001 years), more than 1,200: it starts in the year of item 'first' (2001), the earliest evidence, as the case declares no \"from\" (the next earliest item, 'next', begins 2 years later, on 2003-01-01); it ends in the year of item 'far' (9001), the latest evidence, as the case declares no \"to\" (the next latest item, 'last', ends 6,991 years earlier, on 2010-12-31).");
    }

    [Fact]
    public void OnACopyWithoutAnEarlierItem_EveryWarningNamesAnItemOfTheCopy_AndWhatSetsItsGrid()
    {
        // Warnings name items by id, found afresh in the copy, never by a position in the original: the short span is
        // still 'burst' after an item before it is left out. But the copy keeps the original's evidence days (it
        // covers the same years), so its grid still starts in 0700, at the item it left out: the long-grid warning
        // must not name 'first', the copy's earliest item, as what starts it.
        var b = new CaseBuilder("open", "Open");
        b.AddSource(new Source("s1", "A test source"));
        b.AddActor(new Actor("P", "Patron", ActorKind.State));
        b.AddActor(new Actor("C", "Client", ActorKind.NonStateArmedGroup));
        b.AddDyad("P", "C");
        b.Add(TestCases.Support("a-early", TestCases.Year(700), "P", "C", 0.5)).Add(TestCases.Support("first", TestCases.Year(2001), "P", "C", 0.5));
        b.Add(TestCases.Support("next", TestCases.Year(2003), "P", "C", 0.5));
        b.Add(TestCases.Support("burst", EvidenceDate.Span(EvidenceDate.OnDay(2004, 7, 12), EvidenceDate.OnDay(2004, 8, 14)), "P", "C", 0.5));
        var original = b.Build();

        var copy = original.WithoutEvidence(["a-early"]);
        var warnings = CaseWarnings.Of(copy);

        CaseWarnings.Of(original).Select(w => w.Item).Should().Equal("a-early", "burst");
        Scorer.Score(copy).Index.Grid.First.Should().Be(Period.FromYear(700), "the copy covers the years the original covers");
        warnings.Should().HaveCount(2);
        warnings.Select(w => w.Item).Should().OnlyContain(id => id == null || copy.Evidence.IndexOf(id) >= 0);
        warnings[0].Item.Should().Be("burst", "the end of the grid is the only end an item of the copy sets");
        warnings[0].Message.Should().StartWith(
            "scoring this case runs over 1,305 yearly periods (0700–2004, 1,305 years), more than 1,200: it starts at the evidence of the case this one was copied from, which begins on 0700-01-01 (an item this copy leaves out), as the case declares no \"from\"; it ends in the year of item 'burst' (2004-07-12..2004-08-14), the latest evidence, as the case declares no \"to\" (the next latest item, 'next', ends less than a year earlier, on 2003-12-31).")
            .And.NotContain("'first'");
        warnings[1].ToString().Should().StartWith("item 'burst': a support span of 34 days (2004-07-12..2004-08-14)");

        // Left out at the other end too: no item of the copy sets either end, and none is named for the grid.
        var bare = original.WithoutEvidence(["a-early", "burst"]);
        CaseWarnings.Of(bare).Should().ContainSingle().Which.Should().Match<CaseWarning>(w => w.Item == null);
        CaseWarnings.Of(bare)[0].Message.Should().Contain("; it ends at the evidence of the case this one was copied from, which ends on 2004-08-14 (an item this copy leaves out), as the case declares no \"to\".");

        // A declared range past the evidence: the copy without the item that ends last keeps the day it ends.
        var ranged = Ranged("ranged", 2001, 2010);
        ranged.Add(TestCases.Support("a", TestCases.Year(2001), "P", "C", 0.5)).Add(TestCases.Support("z-last", TestCases.Year(2007), "P", "C", 0.5));
        var rangedCase = ranged.Build();
        CaseWarnings.Of(rangedCase).Should().ContainSingle().Which.Message.Should().StartWith("the case's range runs to 2010, but its last item ends on 2007-12-31 and it declares no evidenceEnds");
        CaseWarnings.Of(rangedCase.WithoutEvidence(["z-last"])).Should().ContainSingle().Which.Message.Should().StartWith(
            "the case's range runs to 2010, but the evidence of the case this one was copied from ends (an item this copy leaves out) on 2007-12-31 and it declares no evidenceEnds: the periods after 2007-12-31 (2008–2010) are not scored");
    }

    [Fact]
    public void ADeclaredRange_EndingBeforeTheFirstEvidence_Warns_NamingTheFirstItemAndItsDay()
    {
        var b = Ranged("early", 1900, 1920);
        b.Add(TestCases.Support("later", TestCases.Year(1980), "P", "C", 0.5)).Add(TestCases.Support("first", TestCases.Year(1973), "P", "C", 0.5));
        var c = b.Build();

        var w = CaseWarnings.Of(c).Should().ContainSingle().Which;

        w.Item.Should().Be("first");
        w.Message.Should().StartWith("the case's range (1900–1920) ends before its first evidence item (this one) begins, on 1973-01-01: no evidence lies in it, so every measure is undefined in every period");
        Scorer.Score(c).For(new Dyad("P", "C")).Should().OnlyContain(p => !p.Exchange.IsDefined, "that is what the warning says");

        // A range that reaches the evidence does not warn.
        var reaching = new CaseBuilder("reaching", "Reaching") { From = Period.FromYear(1900), To = Period.FromYear(1973) };
        reaching.AddSource(new Source("s1", "A test source"));
        reaching.AddActor(new Actor("P", "Patron", ActorKind.State));
        reaching.AddActor(new Actor("C", "Client", ActorKind.NonStateArmedGroup));
        reaching.AddDyad("P", "C");
        reaching.Add(TestCases.Support("first", TestCases.Year(1973), "P", "C", 0.5));
        CaseWarnings.Of(reaching.Build()).Should().BeEmpty();
    }

    [Fact]
    public void TheLongGridWarning_ReadsTheSame_WhateverTheCurrentCulture()
    {
        // The tests run in globalization-invariant mode: a culture of its own that groups thousands with dots.
        var culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        (culture.NumberFormat.NumberGroupSeparator, culture.NumberFormat.NumberDecimalSeparator) = (".", ",");

        // A range to the year of a declared evidenceEnds (no "to"), and dyad-periods beyond an array: every number and day.
        var b = Monthly(1000, 2020);
        b.To = null;
        for (var a = 0; a < 134; a++)
        {
            b.AddActor(new Actor($"A{a}", $"Actor {a}", ActorKind.State));
        }

        var c = b.Add(TestCases.Support("s", TestCases.Year(2005), "P", "C", 0.5)).Build();
        var huge = c.WithDyads([.. c.Actors.SelectMany(p => c.Actors.Where(q => q != p).Select(q => new Dyad(p.Id, q.Id)))]);
        var invariant = InCulture(CultureInfo.InvariantCulture, () => CaseWarnings.Of(huge).Single().Message);

        invariant.Should().Contain("it ends in the year of the case's \"evidenceEnds\" (2020-12-31)")
            .And.Contain("18,632 declared dyads × 12,252 periods of the range = 228,279,264 dyad-periods: its time");
        InCulture(culture, () => CaseWarnings.Of(huge).Single().Message).Should().Be(invariant);
        b.From = Period.FromMonth(1, 1);
        b.To = Period.FromMonth(9999, 12);
        b.EvidenceEnds = new DateOnly(9999, 12, 31);
        var allYears = b.Build().WithDyads(huge.Dyads);
        var refused = InCulture(culture, () => CaseWarnings.Of(allYears).Single().Message);
        refused.Should().Contain("(more than an array holds, 2,147,483,591: a score of them all is refused)");
    }

    private static T InCulture<T>(CultureInfo culture, Func<T> run)
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = culture;
            return run();
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    /// <summary>A monthly test case declaring the months of <paramref name="from"/> … <paramref name="to"/>, looked at to their end.</summary>
    private static CaseBuilder Monthly(int from, int to)
    {
        var b = TestCases.Builder();
        b.Granularity = Granularity.Month;
        b.From = Period.FromMonth(from, 1);
        b.To = Period.FromMonth(to, 12);
        b.EvidenceEnds = new DateOnly(to, 12, 31);
        return b;
    }

    /// <summary>The score CSV without its input hash column (the inputs differ by the internal items).</summary>
    private static string Values(ScoreSet scores) =>
        string.Join('\n', ScoreWriter.ToCsv(scores).Split('\n').Select(line => line.Contains(',', StringComparison.Ordinal) ? line[..line.LastIndexOf(',')] : line));

    /// <summary>P → C with one source and a declared range from <paramref name="from"/> to <paramref name="to"/>, no evidenceEnds and no evidence yet.</summary>
    private static CaseBuilder Ranged(string id, int from, int to)
    {
        var b = new CaseBuilder(id, id) { From = Period.FromYear(from), To = Period.FromYear(to) };
        b.AddSource(new Source("s1", "A test source"));
        b.AddActor(new Actor("P", "Patron", ActorKind.State));
        b.AddActor(new Actor("C", "Client", ActorKind.NonStateArmedGroup));
        b.AddDyad("P", "C");
        return b;
    }
}
