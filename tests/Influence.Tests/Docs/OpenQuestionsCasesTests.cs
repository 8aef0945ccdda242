using System.Text.RegularExpressions;
using FluentAssertions;
using Influence.Cases;
using Influence.Evidence;
using Influence.IO;
using Influence.Scoring;
using Influence.Tests.Support;
using Xunit;

namespace Influence.Tests.Docs;

/// <summary>
/// The small cases of docs/open-questions.md are case files under samples/data/open-questions/. Each test scores one
/// file with the library's default options, as the command line does, and checks every figure and state the page
/// quotes for it, to the precision printed there; each figure is also looked up on the page, so the page and the files
/// cannot drift apart. After changing a case or a measure, change the page's figure and the one here together.
/// </summary>
public partial class OpenQuestionsCasesTests
{
    private static readonly DocPage Page = new("open-questions.md");

    private static string Folder => Repository.PathOf("samples", "data", "open-questions");

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var f in FileNames())
        {
            data.Add(f);
        }

        return data;
    }

    private static IEnumerable<string> FileNames() =>
        Directory.GetFiles(Folder, "*.json").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal);

    [Theory]
    [MemberData(nameof(Files))]
    public void EveryFile_IsValid_IllustratesItsSection_AndIsNamedOnThePage(string file)
    {
        var read = CaseReader.TryReadFile(Path.Combine(Folder, file));

        read.Success.Should().BeTrue(string.Join("\n", read.Problems));
        var section = file[..file.IndexOf('-', StringComparison.Ordinal)];
        read.Case!.Description.Should().Contain($"docs/open-questions.md §{section}");
        read.Case.Sources.Should().ContainSingle().Which.Citation.Should().Be($"Illustrative case for docs/open-questions.md §{section}; not evidence about real actors");
        Page.Text.Should().Contain($"`{file}`", "the page names the file under its case");
    }

    [Fact]
    public void ThePage_NamesOnlyFilesThatExist_AndSaysHowToScoreThem()
    {
        var named = FileName().Matches(Page.Text).Select(m => m.Groups["file"].Value).Distinct().ToList();

        named.Should().NotBeEmpty();
        named.Should().OnlyContain(f => File.Exists(Path.Combine(Folder, f)));
        named.Should().BeEquivalentTo(FileNames(), "every file is named on the page and every name is a file");
        Page.Quotes("dotnet run --project src/Influence.Cli -- score samples/data/open-questions/FILE.json --patron P --client C");
        Page.Text.Should().NotContain("described in words so that it can be rebuilt");
    }

    /// <summary>§1, first case: a compliant client that gives more than it receives reads inverted.</summary>
    [Fact]
    public void Section1_CompliantClient_ReadsInvertedInEveryYear()
    {
        var scores = Score("1-compliant-client-reads-inverted.json", "P", "C");

        Page.Quotes("*inverted* in every year, with compliance 1, client agency 0 and patron share 1 (account balance −0.45)");
        Page.Quotes("A patron (capability 90) giving funding 0.3 a year to a client (capability 10) that gives strategic territory 0.8 a year and complies with all nine of the patron's demands");
        scores.Periods.Select(p => p.ToString()).Should().Equal("2016", "2017", "2018");
        foreach (var at in scores.For(Pair("P", "C")))
        {
            at.State.State.Should().Be(RelationshipState.Inverted, $"in {at.Period}");
            DocPage.Figure(at.Compliance, "1");
            DocPage.Figure(at.ClientAgency, "0");
            DocPage.Figure(at.PatronShare, "1");
            DocPage.Figure(at.AccountBalance, "−0.45");
        }

        scores.Case.Evidence.OfType<DemandEvidence>().Should().HaveCount(9).And.OnlyContain(d => d.Response == DemandResponse.Complied);
    }

    /// <summary>§1, second case: a defiant client with leverage that receives more than it gives reads consolidated.</summary>
    [Fact]
    public void Section1_DefiantClient_ReadsConsolidatedInEveryYear()
    {
        var scores = Score("1-defiant-client-reads-consolidated.json", "P", "C");

        Page.Quotes("an alternative patron (patron share 0.5) and shelters a group that attacks the patron (reverse leverage 0.50)");
        Page.Quotes("*consolidated* in every year, with compliance 0 and client agency 0.63");
        scores.Periods.Select(p => p.ToString()).Should().Equal("2016", "2017", "2018");
        foreach (var at in scores.For(Pair("P", "C")))
        {
            at.State.State.Should().Be(RelationshipState.Consolidated, $"in {at.Period}");
            DocPage.Figure(at.PatronShare, "0.5");
            DocPage.Figure(at.ReverseLeverage, "0.50");
            DocPage.Figure(at.Compliance, "0");
            DocPage.Figure(at.ClientAgency, "0.63");
            at.AccountBalance.Value.Should().BePositive("the client receives more than it gives");
        }
    }

    /// <summary>§2: a year without recorded flows reads dormant and not patron–client, the next consolidated again.</summary>
    [Fact]
    public void Section2_AYearWithoutFlows_ReadsDormant_AndTheNextConsolidated()
    {
        var scores = Score("2-gap-year-reads-dormant.json", "P", "C");
        var y2006 = scores.For(Pair("P", "C"), Period.FromYear(2006));
        var y2007 = scores.For(Pair("P", "C"), Period.FromYear(2007));

        Page.Quotes("read *dormant* and \"not patron–client (exchange 0 < 0.1)\" in 2006 and *consolidated* again in 2007 (exchange 0.41)");
        y2006.State.State.Should().Be(RelationshipState.Dormant);
        y2006.PatronClient.IsPatronClient.Should().BeFalse();
        y2006.PatronClient.Rule.Should().Be("not patron–client: exchange 0 < 0.1");
        y2006.Exchange.Value.Should().Be(0);
        y2007.State.State.Should().Be(RelationshipState.Consolidated);
        DocPage.Figure(y2007.Exchange, "0.41");
    }

    /// <summary>§3, first case: a private understanding with steady input gives diffuse obligation exactly 0.5.</summary>
    [Fact]
    public void Section3_PrivateUnderstandingWithSteadyInput_SitsExactlyOnTheThreshold()
    {
        var scores = Score("3-private-understanding-sits-on-threshold.json", "P", "C");

        Page.Quotes("gives exactly α = 0.5, the threshold: with funding 0.5 a year and intelligence 0.3 back, the test holds with margin 0 in every year from 2013");
        foreach (var at in scores.For(Pair("P", "C")).Where(a => a.Period.Year >= 2011))
        {
            at.DiffuseObligation.Value.Should().Be(0.5, $"exactly α in {at.Period}");
        }

        foreach (var at in scores.For(Pair("P", "C")))
        {
            at.PatronClient.IsPatronClient.Should().Be(at.Period.Year >= 2013, $"in {at.Period}");
            if (at.Period.Year >= 2013)
            {
                at.PatronClient.Margin.Should().Be(0, $"the verdict sits on the boundary in {at.Period}");
            }
        }
    }

    /// <summary>§3, second case: the same flows with no commitment coded read as fully formal.</summary>
    [Fact]
    public void Section3_NoCommitmentCoded_ReadsAsFullyFormal()
    {
        var scores = Score("3-undocumented-tie-reads-formal.json", "P", "C");

        Page.Quotes("the same flows without the understanding read \"not patron–client (diffuseObligation 0 < 0.5)\"");
        scores.Case.Evidence.OfType<CommitmentEvidence>().Should().BeEmpty();
        foreach (var at in scores.For(Pair("P", "C")).Where(a => a.Period.Year >= 2011))
        {
            at.DiffuseObligation.Value.Should().Be(0, $"in {at.Period}");
            at.PatronClient.IsPatronClient.Should().BeFalse();
            at.PatronClient.Rule.Should().Contain("diffuseObligation 0 < 0.5");
        }

        foreach (var at in scores.For(Pair("P", "C")).Where(a => a.Period.Year >= 2013))
        {
            at.PatronClient.Rule.Should().Be("not patron–client: diffuseObligation 0 < 0.5", $"in {at.Period}, diffuse obligation alone fails");
        }
    }

    /// <summary>§4, first case: a general objective is credited to a state the patron only visited.</summary>
    [Fact]
    public void Section4_GeneralObjective_IsCreditedToAStateThePatronOnlyVisited()
    {
        var scores = Score("4-general-objective-credited-to-any-client.json", "P", "S");
        var at = scores.For(Pair("P", "S"), Period.FromYear(2022));

        Page.Quotes("a patron with a general objective attained at 0.9 reads attainment 0.9 toward a state where it has only one presence item (its intelligence chief's visit to the capital, level 0.6), and a presence–influence gap of −0.45");
        scores.Case.Evidence.Where(e => e is DyadicEvidence d && (d.From == "S" || d.To == "S")).Should().ContainSingle().Which.Should().BeOfType<PresenceEvidence>();
        DocPage.Figure(at.Attainment, "0.9");
        DocPage.Figure(at.PresenceInfluenceGap, "−0.45");
    }

    /// <summary>§4, second case: an objective toward a faction is not rolled up to its movement, its demand is.</summary>
    [Fact]
    public void Section4_FactionObjective_IsNotRolledUp_ButItsDefiedDemandLowersTheMovementsCompliance()
    {
        var scores = Score("4-faction-objective-not-rolled-up.json", "P", "C");
        var at = scores.For(Pair("P", "C"), Period.FromYear(2022));

        Page.Quotes("an objective toward faction F attained at 0 is ignored at the level of its movement C (attainment 0.9 there, from the general objective)");
        Page.Quotes("compliance (0.56: F's defied demand of salience 0.7 against C's own, complied with, of 0.9)");
        DocPage.Figure(at.Attainment, "0.9");
        DocPage.Figure(at.Compliance, "0.56");
    }

    /// <summary>§5: a sibling faction's funding makes it an alternative patron.</summary>
    [Fact]
    public void Section5_SiblingFaction_CountsAsAnAlternativePatron()
    {
        var scores = Score("5-sibling-faction-counts-as-alternative-patron.json", "P", "F1");

        Page.Quotes("P → F1 has alternative patrons 1, patron share 0.5 and dependence asymmetry −0.5");
        scores.Case.Actors.Single(a => a.Id == "F2").Parent.Should().Be(scores.Case.Actors.Single(a => a.Id == "F1").Parent);
        foreach (var at in scores.For(Pair("P", "F1")))
        {
            DocPage.Figure(at.AlternativePatrons, "1");
            DocPage.Figure(at.PatronShare, "0.5");
            DocPage.Figure(at.DependenceAsymmetry, "−0.5");
        }
    }

    /// <summary>§7: reverse leverage closes only when both legs fall in one window.</summary>
    [Fact]
    public void Section7_ReverseLeverage_IsZeroByYear_AndClosesIn2024Q1ToQ3ByQuarter()
    {
        const string file = "7-reverse-leverage-needs-both-legs-in-one-window.json";
        var yearly = Score(file, "P", "C");
        var quarterly = Score(file, "P", "C", Granularity.Quarter);

        Page.Quotes("the client sheltering a group in 2023-11 (sanctuary 0.9) and the group attacking the patron in 2024-02 (severity 0.8) gives 0 in a yearly series (2023 and 2024) and 0.55 in 2024Q1–Q3 in a quarterly one");
        yearly.Periods.Select(p => p.ToString()).Should().Equal("2023", "2024");
        foreach (var at in yearly.For(Pair("P", "C")))
        {
            at.ReverseLeverage.Value.Should().Be(0, $"no path closes in {at.Period}");
        }

        foreach (var at in quarterly.For(Pair("P", "C")))
        {
            var closes = at.Period >= Period.FromQuarter(2024, 1) && at.Period <= Period.FromQuarter(2024, 3);
            if (closes)
            {
                DocPage.Figure(at.ReverseLeverage, "0.55");
            }
            else
            {
                (at.ReverseLeverage.Value ?? 0).Should().Be(0, $"no path closes in {at.Period}");
            }
        }
    }

    /// <summary>§8: a public pledge added to a private understanding lowers informality and flips the test.</summary>
    [Fact]
    public void Section8_PublicPledgeOnAPrivateTie_LowersInformality_AndFlipsTheTest()
    {
        const string file = "8-public-pledge-flips-private-tie.json";
        var scores = Score(file, "P", "C");
        var dyad = Pair("P", "C");

        Page.Quotes("gives diffuse obligation 0.58 and a patron–client test that holds in 2013–2015");
        Page.Quotes("lowers informality from 1 to 0.76 (1 − 0.4 × 1 / (0.7 + 1)): diffuse obligation falls to 0.46–0.47 and the test fails from 2016 (\"not patron–client: diffuseObligation 0.462 < 0.5\")");
        Page.Quotes("`explain --measure diffuseObligation` gives the pledge an effect of −0.12");
        var commitments = scores.Case.Evidence.OfType<CommitmentEvidence>().ToList();
        commitments.Should().HaveCount(2);
        commitments.Should().ContainSingle(c => c.Formality == CommitmentFormality.PrivateUnderstanding && c.Confidence == Confidence.Reported);
        commitments.Should().ContainSingle(c => c.Formality == CommitmentFormality.PublicPledge && c.Confidence == Confidence.Confirmed);

        foreach (var at in scores.For(dyad))
        {
            var year = at.Period.Year;
            if (year is >= 2011 and <= 2015)
            {
                DocPage.Figure(at.DiffuseObligation, "0.58");
            }
            else if (year >= 2016)
            {
                at.DiffuseObligation.Value.Should().BeInRange(0.455, 0.475, $"0.46–0.47 in {at.Period}");
                at.PatronClient.IsPatronClient.Should().BeFalse($"in {at.Period}");
            }

            if (year is >= 2013 and <= 2015)
            {
                at.PatronClient.IsPatronClient.Should().BeTrue($"in {at.Period}");
            }
        }

        var y2014 = scores.For(dyad, Period.FromYear(2014));
        var y2016 = scores.For(dyad, Period.FromYear(2016));
        y2016.PatronClient.Rule.Should().Be("not patron–client: diffuseObligation 0.462 < 0.5");

        // 2014 and 2016 have the same five yearly inputs (0.6, 0.4, 0.6, 0.4, 0.6), so their variability is the same and
        // the difference is α = ½ times the fall in informality, from 1 (the understanding alone).
        var informality2016 = 1 - ((y2014.DiffuseObligation.Value!.Value - y2016.DiffuseObligation.Value!.Value) / 0.5);
        Math.Round(informality2016, 2).Should().Be(0.76);

        var explanation = Explainer.Explain(scores, dyad, Period.FromYear(2016), "diffuseObligation");
        var pledge = explanation.Contributions.Single(c => c.EvidenceId == "com-P-C-2016-2019-pledge");
        Math.Round(pledge.Effect!.Value, 2).Should().Be(-0.12);
    }

    private static ScoreSet Score(string file, string patron, string client, Granularity? granularity = null) =>
        Scorer.Score(
            CaseReader.ReadFile(Path.Combine(Folder, file)),
            ScoringOptions.Default,
            new ScoringRequest { Dyads = [Pair(patron, client)], Granularity = granularity });

    private static Dyad Pair(string patron, string client) => new(patron, client);

    [GeneratedRegex(@"`(?<file>\d+-[a-z0-9-]+\.json)`")]
    private static partial Regex FileName();
}
