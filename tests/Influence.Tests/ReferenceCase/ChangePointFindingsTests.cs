using FluentAssertions;
using Influence.TimeSeries;
using Xunit;
using Xunit.Abstractions;

namespace Influence.Tests.ReferenceCase;

/// <summary>
/// The article's break (issue 6): Sharma (2026) tells of a relationship that turned after the Taliban took Kabul in
/// August 2021. Claim: with the library's DEFAULT options — for scoring and for the change-point search (penalty
/// 3·σ̂²·ln n, fixed before the reference case was coded) — a change point in the conflict or the presence series of
/// Pakistan → Taliban falls in 2021 or 2022. No tuning of the penalty, no data edits.
/// </summary>
public class ChangePointFindingsTests(ReferenceCaseFixture reference, ITestOutputHelper output) : IClassFixture<ReferenceCaseFixture>
{
    [Fact]
    public void ConflictOrPresence_ChangesIn2021Or2022_WithDefaultOptions()
    {
        var scores = reference.Scores;
        var dyad = ReferenceCaseFixture.PakistanTaliban;
        var first = Period.FromYear(2021).ToGranularity(scores.Granularity);
        var last = Period.FromYear(2022).ToGranularity(scores.Granularity, atEnd: true);

        var found = new List<(string Measure, ChangePoint Change)>();
        foreach (var measure in new[] { "conflict", "presence" })
        {
            var result = ChangePoints.Detect(scores, measure, dyad);
            output.WriteLine($"{measure} {result.From}–{result.To}: {result.Points} values, σ̂ {result.NoiseSigma:0.####}, β {result.Penalty:0.####}");
            foreach (var cp in result.ChangePoints)
            {
                output.WriteLine($"  {cp.Period}: {cp.MeanBefore:0.###} → {cp.MeanAfter:0.###} (shift {cp.Shift:+0.###;-0.###})");
                found.Add((measure, cp));
            }
        }

        found.Should().Contain(
            x => x.Change.Period >= first && x.Change.Period <= last,
            "the article's break (August 2021) should show as a change point in conflict or presence in 2021–2022");
    }

    [Fact]
    public void Presence_RisesIn2021_AndConflictIn2023()
    {
        // What the library finds with the default options (see docs/time-series.md, "The reference finding"): presence
        // jumps in 2021 (Pakistani officials in Kabul from September 2021); conflict's only break comes in 2023 (the
        // deportation drive, the closures and shelling and the defied demand to act against the TTP, all dated by the
        // article to 2023), two years after the takeover, not at it. Until the data audit of 2026-11-27 these were dated
        // to December 2023, the month of the report that describes them, and the break fell in 2024.
        var presence = ChangePoints.Detect(reference.Scores, "presence", ReferenceCaseFixture.PakistanTaliban);
        var conflict = ChangePoints.Detect(reference.Scores, "conflict", ReferenceCaseFixture.PakistanTaliban);

        presence.ChangePoints.Should().Contain(c => c.Period == Period.FromYear(2021) && c.Shift > 0);
        conflict.ChangePoints.Should().Contain(c => c.Period == Period.FromYear(2023) && c.Shift > 0);
        conflict.ChangePoints.Should().NotContain(c => c.Period == Period.FromYear(2021) || c.Period == Period.FromYear(2022));

        // docs/reference-case.md, claim T1, prints each break with the means before and after it.
        var up = presence.ChangePoints.Single(c => c.Period == Period.FromYear(2021));
        var late = conflict.ChangePoints.Single(c => c.Period == Period.FromYear(2023));
        var row = ClaimsPage.ReferenceCase.Row("T1");
        row.Reads(
            "presence breaks in {} ({} → {}); conflict's break is in {} ({} → {})",
            up.Period.Year,
            up.MeanBefore,
            up.MeanAfter,
            late.Period.Year,
            late.MeanBefore,
            late.MeanAfter);
        row.Outcome(holds: true);
    }

    /// <summary>
    /// docs/time-series.md, "The reference finding", prints the dyad's range, how many of its years have a value, and
    /// for presence and conflict σ̂, β and every change point with the means before and after it (the article's break,
    /// 2021–2022, in bold): each figure is what <c>influence changepoints --patron pakistan --client taliban --measure M</c>
    /// computes, at the precision printed.
    /// </summary>
    [Theory]
    [InlineData("presence")]
    [InlineData("conflict")]
    public void TheTimeSeriesPage_PrintsTheChangePointsTheLibraryFinds(string measure)
    {
        var page = ClaimsPage.TimeSeries;
        var result = ChangePoints.Detect(reference.Scores, measure, ReferenceCaseFixture.PakistanTaliban);

        page.Says(
            "on the dyad's own range ({}–{}, the years in which both parties existed; {} of its {} years have a value)",
            result.From.Year,
            result.To.Year,
            result.Points,
            result.Points + result.Skipped);
        page.CellReads(measure, 1, "{}", result.NoiseSigma);
        page.CellReads(measure, 2, "{}", result.Penalty);

        var (first, last) = (Period.FromYear(2021), Period.FromYear(2022));
        var template = string.Join(
            "; ",
            result.ChangePoints.Select(c => c.Period >= first && c.Period <= last ? "**{}: {} → {}**" : "{}: {} → {}"));
        var figures = result.ChangePoints.SelectMany(c => new double?[] { c.Period.Year, c.MeanBefore, c.MeanAfter }).ToArray();
        page.CellReads(measure, 3, template, figures);
    }
}
