using FluentAssertions;
using Influence.Cases;
using Influence.IO;
using Influence.Scoring;
using Influence.TimeSeries;
using Xunit;
using Xunit.Abstractions;

namespace Influence.Tests.ReferenceCase;

/// <summary>
/// The article's break (issue 6): Sharma (2026) tells of a relationship that turned after the Taliban took Kabul in
/// August 2021. Claim: with the library's DEFAULT options (scoring and change-point search; no tuning of the penalty,
/// no data edits), a change point in the conflict or the presence series of Pakistan → Taliban falls in 2021 or 2022.
/// Skipped, with the reason, while the reference case is not in the package.
/// </summary>
public class ChangePointFindingsTests(ITestOutputHelper output)
{
    private const string ReferenceCase = "pakistan-taliban";

    /// <summary>A fact that runs only when the built-in reference case exists.</summary>
    public sealed class ReferenceCaseFactAttribute : FactAttribute
    {
        /// <summary>Sets <see cref="FactAttribute.Skip"/> when the reference case is absent.</summary>
        public ReferenceCaseFactAttribute()
        {
            if (!CaseReader.BuiltInCases.Contains(ReferenceCase))
            {
                Skip = $"the reference case '{ReferenceCase}' (samples/data/{ReferenceCase}.json) is not in the package yet";
            }
        }
    }

    [ReferenceCaseFact]
    public void ConflictOrPresence_ChangesIn2021Or2022_WithDefaultOptions()
    {
        var c = CaseReader.LoadBuiltIn(ReferenceCase);
        var dyad = new Dyad("pakistan", "taliban");
        var scores = Scorer.Score(c, ScoringOptions.Default, new ScoringRequest { Dyads = [dyad] });
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
}
