using System.Globalization;
using System.Text.Json.Nodes;
using FluentAssertions;
using Influence.Cases;
using Influence.Indexing;
using Influence.IO;
using Influence.Scoring;
using Influence.Tests.Support;
using Influence.Theory;
using Influence.TimeSeries;
using Xunit;

namespace Influence.Tests.Docs;

/// <summary>
/// The figures docs/open-questions.md computes on the reference case itself (not on the small invented cases): §9's
/// presence what-ifs, §11's fifth condition of the patron–client test, §13's other fits of input efficiency, §14's leverage-adjusted attainment and §15's attainment via
/// the client, scored here, and §10's table, which must be the lines
/// samples/alternative-readings.cs prints (CI checks that the sample prints its expected output).
/// </summary>
public partial class OpenQuestionsCasesTests
{
    private static readonly Dyad PakistanTaliban = new("pakistan", "taliban");

    /// <summary>§9: presence in the Haqqani faction, as a point and as a standing tie, leaves claims 3, 4b and T1 holding.</summary>
    [Theory]
    [InlineData("as coded", null, null, "0.000", "−0.169", "1996, 2002, 2021")]
    [InlineData("(a) the charge as a point, September 2011", "2011-09", null, "0.018", "−0.151", "1996, 2002, 2021")]
    [InlineData("(a) a standing tie, September 2011 – August 2021", "2011-09", "2021-08", "0.169", "−0.000", "1996, 2002, 2012, 2021")]
    public void Section9_PresenceInTheHaqqaniFaction_MovesTheEarlierMeans_NotTheClaims(string coding, string? start, string? end, string presence, string gap, string changePoints)
    {
        var scores = Scorer.Score(ReferenceCaseWithHaqqaniPresence(start, end));

        var earlierPresence = scores.Summarise("presence", PakistanTaliban, Period.FromYear(2002), Period.FromYear(2020)).Mean!.Value;
        var earlierGap = scores.Summarise("presenceInfluenceGap", PakistanTaliban, Period.FromYear(2002), Period.FromYear(2020)).Mean!.Value;
        var laterPresence = scores.Summarise("presence", PakistanTaliban, Period.FromYear(2022), Period.FromYear(2025)).Mean!.Value;
        var laterGap = scores.Summarise("presenceInfluenceGap", PakistanTaliban, Period.FromYear(2022), Period.FromYear(2025)).Mean!.Value;
        var found = ChangePoints.Detect(scores, "presence", PakistanTaliban, to: Period.FromYear(2025)).ChangePoints;
        var breaks = found.Select(c => c.Period.Year.ToString(CultureInfo.InvariantCulture));

        Page.Quotes($"| {coding} | {presence}");
        Page.Quotes($"| {gap} | {changePoints} |");
        Page.Quotes("Presence 2022–2025 (0.638) and the gap (0.369) do not move");
        Printed(earlierPresence, 3).Should().Be(presence.Replace('−', '-'));
        Printed(earlierGap, 3).Should().Be(gap.Replace('−', '-'));
        Printed(laterPresence, 3).Should().Be("0.638");
        Printed(laterGap, 3).Should().Be("0.369");
        string.Join(", ", breaks).Should().Be(changePoints);

        // Claims 3 and 4b (docs/reference-case.md): the later means above the earlier; T1: a break in 2021.
        laterPresence.Should().BeGreaterThan(earlierPresence);
        laterGap.Should().BeGreaterThan(earlierGap);
        breaks.Should().Contain("2021");
        if (start is not null)
        {
            var year = scores.For(PakistanTaliban, Period.FromYear(end is null ? 2011 : 2012)).Presence;
            DocPage.Figure(year, "0.343");
        }

        if (end is not null)
        {
            // T1's break in the standing-tie coding: from the tie's level rather than from 0.
            var t1 = found.Single(c => c.Period.Year == 2021);
            Page.Quotes($"in the standing-tie coding from {Printed(t1.MeanBefore, 3)} to {Printed(t1.MeanAfter, 3)} rather than from 0");
        }
    }

    /// <summary>§11 (b): the patron–client test with a fifth condition, conflict in at least one year of a trailing window.</summary>
    [Theory]
    [InlineData(1, "1 year", 11, "fails")]
    [InlineData(3, "3 years", 15, "fails")]
    [InlineData(5, "5 years", 19, "holds")]
    [InlineData(10, "10 years", 28, "holds")]
    public void Section11_AFifthConditionOfConflict_LeavesClaim1OnlyWithALongWindow(int window, string printed, int expected, string claim)
    {
        var scores = Scorer.Score(CaseReader.LoadBuiltIn());
        double? Conflict(int year) => year >= scores.From.Year ? scores.For(PakistanTaliban, Period.FromYear(year)).Conflict.Value : null;
        var years = Enumerable.Range(1995, 31).ToList();
        var asScored = years.Count(y => scores.For(PakistanTaliban, Period.FromYear(y)).PatronClient.IsPatronClient == true);
        var nonZero = years.Select(Conflict).OfType<double>().Where(c => c > 0);

        foreach (var bar in new[] { 0.0, 0.05, 0.1 })
        {
            var passing = years.Count(y =>
                scores.For(PakistanTaliban, Period.FromYear(y)).PatronClient.IsPatronClient == true
                && Enumerable.Range(y - window + 1, window).Any(z => Conflict(z) > bar));
            passing.Should().Be(expected, $"with a bar of {bar}");
        }

        asScored.Should().Be(29);
        nonZero.Min().Should().BeGreaterThanOrEqualTo(0.24);
        (expected > years.Count / 2 ? "holds" : "fails").Should().Be(claim);
        Page.Quotes($"| {printed} | {expected} of 31 | {claim} |");
        Page.Quotes("claim 1, which passes in 29 of the 31 years 1995–2025 as scored");
        Page.Quotes("every year with conflict reads at least 0.24");
    }

    /// <summary>
    /// §13: input efficiency's own points (periods with observed attainment in the trailing window, cumulative input X,
    /// attainment a), fitted three other ways: (a) each objective on its own observations, then the salience-weighted
    /// mean; (b) the change in a between consecutive points on the input between them; (c) a on X and time together. Each is reported as the measure reports its slope: × the regressor's range, clipped
    /// to [−1, 1]; undefined where the regressor has no spread of its own (constant input, or X a straight line in time).
    /// </summary>
    [Theory]
    [InlineData(2016, "–", "0.058", "–", "–")]
    [InlineData(2020, "0.241", "0.160", "–", "–")]
    [InlineData(2021, "0.314", "0.179", "−0.009", "−1.000")]
    [InlineData(2022, "0.292", "0.202", "0.152", "0.697")]
    [InlineData(2023, "0.283", "0.113", "0.071", "0.383")]
    [InlineData(2024, "0.185", "0.066", "0.153", "0.745")]
    [InlineData(2025, "0.095", "−0.154", "0.097", "0.547")]
    public void Section13_InputEfficiency_PerObjective_OnDifferences_AndNetOfTime(int year, string asScored, string objectives, string differences, string netOfTime)
    {
        var (scored, perObjective, onDifferences, netOfTrend) = Section13Values(Scorer.Score(CaseReader.LoadBuiltIn()), year);

        Page.Quotes($"| {year} | {asScored} | {objectives} | {differences} | {netOfTime} |");
        (Shown(scored), Shown(perObjective), Shown(onDifferences), Shown(netOfTrend)).Should().Be((asScored, objectives, differences, netOfTime), "the four figures of the row, compared at once so that a change names them all");
    }

    /// <summary>§13: R2's mean over 2022–2025 under each fit; every one is above 0, so R2 fails under each.</summary>
    [Fact]
    public void Section13_R2_FailsUnderEveryFit()
    {
        var scores = Scorer.Score(CaseReader.LoadBuiltIn());
        var values = Enumerable.Range(2022, 4).Select(y => Section13Values(scores, y)).ToList();
        var means = new[]
        {
            values.Average(v => v.Scored!.Value),
            values.Average(v => v.PerObjective!.Value),
            values.Average(v => v.OnDifferences!.Value),
            values.Average(v => v.NetOfTrend!.Value),
        };

        means.Select(m => Printed(m, 3)).Should().Equal("0.214", "0.057", "0.118", "0.593");
        means.Should().OnlyContain(m => m > 0);
        Page.Quotes("Over 2022–2025 (a) averages 0.057, against 0.214 as scored");
        Page.Quotes("(means over 2022–2025 of 0.057, 0.118 and 0.593)");
    }

    /// <summary>
    /// Input efficiency of Pakistan → Taliban in a year as scored, and refitted on the measure's own points per
    /// objective (a), on differences (b) and net of a time trend (c); null where undefined.
    /// </summary>
    private static (double? Scored, double? PerObjective, double? OnDifferences, double? NetOfTrend) Section13Values(ScoreSet scores, int year)
    {
        var index = scores.Index;
        var at = new DyadPeriod(index, index.Case.ActorIndexOf("pakistan"), index.Case.ActorIndexOf("taliban"), index.Grid.IndexOf(Period.FromYear(year)));
        var (a, b, observed, _, _) = InputEfficiency.Points(at);
        var (xs, ys, ts) = (new List<double>(), new List<double>(), new List<double>());
        var cumulative = 0.0;
        for (var t = 0; t <= b; t++)
        {
            cumulative += index.Sum(PairSum.Support, at.PatronToClient, t, t);
            if (t >= a && !double.IsNaN(observed[t - a]))
            {
                xs.Add(cumulative);
                ys.Add(observed[t - a]);
                ts.Add(t);
            }
        }

        // (b): Δa on ΔX between consecutive points.
        var dx = xs.Skip(1).Select((x, i) => x - xs[i]).ToArray();
        var dy = ys.Skip(1).Select((y, i) => y - ys[i]).ToArray();
        double? onDifferences = dx.Length >= 2 && dx.Max() - dx.Min() > 1e-12 * dx.Average()
            ? Math.Clamp(MathNet.Numerics.Fit.Line(dx, dy).B * (dx.Max() - dx.Min()), -1, 1)
            : null;

        // (c): a = β0 + βX·X + βt·t, reported as βX · (max X − min X); undefined when X is (numerically) a line in t.
        double? netOfTrend = null;
        if (xs.Count >= 4)
        {
            var design = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(xs.Count, 3, (i, j) => j switch { 0 => 1, 1 => xs[i], _ => ts[i] });
            if (design.ConditionNumber() < 1e12)
            {
                var beta = design.QR().Solve(MathNet.Numerics.LinearAlgebra.Vector<double>.Build.DenseOfEnumerable(ys));
                netOfTrend = Math.Clamp(beta[1] * (xs.Max() - xs.Min()), -1, 1);
            }
        }

        // (a): per objective, its own observations in the window against X, then the salience-weighted mean of the
        // objectives' values (each × the range of X over its own points, clipped), over those with 3 points and a spread.
        double weighted = 0, weights = 0;
        foreach (var o in Attainment.ObjectivesOf(at))
        {
            var (ox, oy) = (new List<double>(), new List<double>());
            for (var i = 0; i < ts.Count; i++)
            {
                var (sum, weight) = index.AttainmentAt(o, (int)ts[i]);
                if (weight > 0)
                {
                    ox.Add(xs[i]);
                    oy.Add(Math.Clamp(sum / weight, 0, 1));
                }
            }

            if (ox.Count >= 3 && ox.Max() - ox.Min() > 1e-12 * ox.Average())
            {
                var salience = index.Case.Objectives[o].Salience;
                weighted += salience * Math.Clamp(MathNet.Numerics.Fit.Line([.. ox], [.. oy]).B * (ox.Max() - ox.Min()), -1, 1);
                weights += salience;
            }
        }

        double? perObjective = weights > 0 ? weighted / weights : null;

        return (scores.For(PakistanTaliban, Period.FromYear(year)).InputEfficiency.Value, perObjective, onDifferences, netOfTrend);
    }

    private static string Shown(double? value) => value is { } v ? Printed(v, 3).Replace('-', '−') : "–";

    /// <summary>§14 (c): attainment × patron share, year by year, and claim 4a's two means on it.</summary>
    [Fact]
    public void Section14_LeverageAdjustedAttainment_HoldsClaim4a()
    {
        var scores = Scorer.Score(CaseReader.LoadBuiltIn());
        double? Product(int year) =>
            scores.For(PakistanTaliban, Period.FromYear(year)) is var at && at.Attainment.Value is { } a && at.PatronShare.Value is { } s ? a * s : null;

        for (var year = 2019; year <= 2025; year++)
        {
            var at = scores.For(PakistanTaliban, Period.FromYear(year));
            Page.Quotes($"| {year} | {Shown(at.Attainment.Value)} | {Shown(at.PatronShare.Value)} | {Shown(Product(year))} |");
        }

        var earlier = Enumerable.Range(2019, 2).Average(y => Product(y)!.Value);
        var later = Enumerable.Range(2022, 4).Average(y => Product(y)!.Value);
        Page.Quotes($"would hold on the product: {Printed(later, 3)} against {Printed(earlier, 3)}.");
        later.Should().BeLessThanOrEqualTo(earlier);
        Page.Quotes("which fails on attainment (0.384 against 0.332)");
        Printed(scores.Summarise("attainment", PakistanTaliban, Period.FromYear(2022), Period.FromYear(2025)).Mean!.Value, 3).Should().Be("0.384");
        Printed(scores.Summarise("attainment", PakistanTaliban, Period.FromYear(2019), Period.FromYear(2020)).Mean!.Value, 3).Should().Be("0.332");
    }

    /// <summary>§15: attainment without the observations a via-client flag would set aside.</summary>
    [Theory]
    [InlineData("as coded", "", "0.332", "0.527", "0.384", "−0.169", "0.369")]
    [InlineData("via the client: without the fencing and the 2020 poppy count", "att-durand-2021-2026 ind-poppy-2020", "0.250", "0.459", "0.372", "−0.161", "0.376")]
    [InlineData("also without the 2023 poppy count", "att-durand-2021-2026 ind-poppy-2020 ind-poppy-2023", "0.250", "0.459", "0.339", "−0.161", "0.392")]
    public void Section15_AttainmentViaTheClient_FailsClaim4aByMore(string coding, string without, string earlier, string in2021, string later, string earlierGap, string laterGap)
    {
        var reference = CaseReader.LoadBuiltIn();
        var scores = Scorer.Score(without.Length == 0 ? reference : reference.WithoutEvidence(without.Split(' ')));

        Page.Quotes($"| {coding} | {earlier} | {in2021} | {later} | {earlierGap} | {laterGap} |");
        Printed(scores.Summarise("attainment", PakistanTaliban, Period.FromYear(2019), Period.FromYear(2020)).Mean!.Value, 3).Should().Be(earlier);
        DocPage.Figure(scores.For(PakistanTaliban, Period.FromYear(2021)).Attainment, in2021);
        var laterMean = scores.Summarise("attainment", PakistanTaliban, Period.FromYear(2022), Period.FromYear(2025)).Mean!.Value;
        Printed(laterMean, 3).Should().Be(later);
        Printed(scores.Summarise("presenceInfluenceGap", PakistanTaliban, Period.FromYear(2002), Period.FromYear(2020)).Mean!.Value, 3).Should().Be(earlierGap.Replace('−', '-'));
        Printed(scores.Summarise("presenceInfluenceGap", PakistanTaliban, Period.FromYear(2022), Period.FromYear(2025)).Mean!.Value, 3).Should().Be(laterGap);

        // Claim 4a fails in every row (the later mean is above 2019–2020's); without the fencing alone, 2022–2025 reads 0.387.
        laterMean.Should().BeGreaterThan(scores.Summarise("attainment", PakistanTaliban, Period.FromYear(2019), Period.FromYear(2020)).Mean!.Value);
        var fencingOnly = Scorer.Score(reference.WithoutEvidence(["att-durand-2021-2026"]));
        Page.Quotes("Without the fencing alone the values hardly move (2022–2025: 0.387;");
        Printed(fencingOnly.Summarise("attainment", PakistanTaliban, Period.FromYear(2022), Period.FromYear(2025)).Mean!.Value, 3).Should().Be("0.387");
    }

    /// <summary>§10's table is the sample's output, row by row.</summary>
    [Fact]
    public void Section10_Table_IsWhatTheSamplePrints()
    {
        var printed = File.ReadAllLines(Repository.PathOf("samples", "alternative-readings.expected.txt"));
        var rows = File.ReadAllLines(Repository.PathOf("docs", "open-questions.md"))
            .SkipWhile(l => !l.StartsWith("## 10.", StringComparison.Ordinal))
            .TakeWhile(l => !l.StartsWith("## 11.", StringComparison.Ordinal))
            .Where(l => l.StartsWith("| 202", StringComparison.Ordinal))
            .ToList();

        rows.Should().HaveCount(5, "§10's table has a row for each of 2021–2025");
        foreach (var row in rows)
        {
            var cells = row.Trim('|', ' ').Split('|').Select(c => c.Trim()).ToArray();
            var line = printed.Single(l => l.StartsWith(cells[0] + " ", StringComparison.Ordinal));
            var numbers = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);

            // period, patron input, client input, informality, as scored, (a), (a′), (b), (c)
            numbers.Skip(4).Should().Equal(cells.Skip(1), $"the page's row for {cells[0]} is what the sample prints");
        }
    }

    private static string Printed(double value, int decimals) =>
        Math.Round(value, decimals, MidpointRounding.AwayFromZero).ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    /// <summary>The reference case file with §9's presence item added beside the Mullen charge (none without a start).</summary>
    private static Case ReferenceCaseWithHaqqaniPresence(string? start, string? end)
    {
        var root = JsonNode.Parse(File.ReadAllText(Repository.PathOf("samples", "data", "pakistan-taliban.json")))!;
        if (start is not null)
        {
            var evidence = root["evidence"]!.AsArray();
            var at = evidence.Select((e, i) => (e, i)).Single(x => (string?)x.e!["id"] == "sup-haq-pak-2011-09-arm-of-isi").i;
            var item = new JsonObject { ["id"] = "pre-pak-haq-2011-arm-of-isi", ["kind"] = "presence" };
            if (end is null)
            {
                item["date"] = start;
            }
            else
            {
                item["start"] = start;
                item["end"] = end;
            }

            item["confidence"] = "reported";
            item["sources"] = new JsonArray("sharma2026-s1", "sharma2026-fn10");
            item["from"] = "pakistan";
            item["to"] = "haqqani";
            item["type"] = "intelligence";
            item["level"] = 0.6;
            item["note"] = "docs/open-questions.md §9: Mullen's charge coded as the ISI's operational reach into the faction (anchor 0.6).";
            evidence.Insert(at + 1, item);
        }

        return CaseReader.Read(root.ToJsonString());
    }
}
