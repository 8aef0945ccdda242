using Influence.Cases;
using Influence.IO;
using Influence.Scoring;

namespace Influence.Tests.ReferenceCase;

/// <summary>The built-in reference case scored once with the library's default options, shared by the findings tests.</summary>
public sealed class ReferenceCaseFixture
{
    public static readonly Dyad PakistanTaliban = new("pakistan", "taliban");

    public ReferenceCaseFixture()
    {
        Case = CaseReader.LoadBuiltIn(CaseReader.ReferenceCaseId);
        Scores = Scorer.Score(Case, ScoringOptions.Default);
    }

    public Case Case { get; }

    public ScoreSet Scores { get; }

    public SeriesSummary Summary(string measure, int from, int to) =>
        Scores.Summarise(measure, PakistanTaliban, Period.FromYear(from), Period.FromYear(to));
}
