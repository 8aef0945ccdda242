using System.Collections.Immutable;
using Influence.Cases;
using Influence.Evidence;
using Influence.Scoring;

namespace Influence.Tests.Support;

/// <summary>
/// Small hand-made cases for tests: a patron P, a client C and a third party X, scored 2000–2010 by year unless a
/// test says otherwise. Confidence weights (defaults): confirmed 1.0, reported 0.7, alleged 0.4.
/// </summary>
internal static class TestCases
{
    public static readonly ImmutableArray<string> Src = ["s1"];

    /// <summary>The dyad every builder declares.</summary>
    public static readonly Dyad PC = new("P", "C");

    public static CaseBuilder Builder(string id = "test")
    {
        // Coded over 2000–2010 and looked at to its end: the measures carry earlier evidence forward to 2010, as
        // between items (without a declared end, periods after the last item would not be scored).
        var b = new CaseBuilder(id, "Test case") { From = Period.FromYear(2000), To = Period.FromYear(2010), EvidenceEnds = new DateOnly(2010, 12, 31) };
        b.AddSource(new Source("s1", "A test source"));
        b.AddActor(new Actor("P", "Patron", ActorKind.State));
        b.AddActor(new Actor("C", "Client", ActorKind.NonStateArmedGroup));
        b.AddActor(new Actor("X", "Third party", ActorKind.State));
        b.AddDyad("P", "C");
        return b;
    }

    public static EvidenceDate Year(int y) => EvidenceDate.InYear(y);

    public static EvidenceDate Month(int y, int m) => EvidenceDate.InMonth(y, m);

    public static EvidenceDate Years(int from, int to) => EvidenceDate.Span(EvidenceDate.InYear(from), EvidenceDate.InYear(to));

    public static SupportEvidence Support(string id, EvidenceDate date, string from, string to, double magnitude, Confidence confidence = Confidence.Confirmed, ResourceType resource = ResourceType.Funding) =>
        new(id, date, confidence, Src, from, to, resource, magnitude);

    public static CoercionEvidence Coercion(string id, EvidenceDate date, string from, string to, double severity, Confidence confidence = Confidence.Confirmed) =>
        new(id, date, confidence, Src, from, to, CoercionType.Clash, severity);

    public static DemandEvidence Demand(string id, EvidenceDate date, string issue, double salience, DemandResponse response, Confidence confidence = Confidence.Confirmed) =>
        new(id, date, confidence, Src, "P", "C", issue, salience, response);

    public static PresenceEvidence Presence(string id, EvidenceDate date, string from, string to, double level, Confidence confidence = Confidence.Confirmed) =>
        new(id, date, confidence, Src, from, to, PresenceType.Advisers, level);

    public static OverreachEvidence Overreach(string id, EvidenceDate date, double severity = 1, Confidence confidence = Confidence.Confirmed) =>
        new(id, date, confidence, Src, "P", "C", severity);

    public static CommitmentEvidence Commitment(string id, EvidenceDate date, CommitmentFormality formality, double scope = 1, Confidence confidence = Confidence.Confirmed, string from = "P", string to = "C") =>
        new(id, date, confidence, Src, from, to, formality) { Scope = scope };

    public static CapabilityEvidence Capability(string id, EvidenceDate date, string actor, double value, Confidence confidence = Confidence.Confirmed) =>
        new(id, date, confidence, Src, actor, value);

    public static AttainmentEvidence Attained(string id, EvidenceDate date, string objective, double value, Confidence confidence = Confidence.Confirmed) =>
        new(id, date, confidence, Src, objective, value);

    public static IndicatorEvidence Observed(string id, EvidenceDate date, string indicator, double value, Confidence confidence = Confidence.Confirmed) =>
        new(id, date, confidence, Src, indicator, value);

    /// <summary>Scores a case at a granularity over the case's range (2000–2010 for <see cref="Builder"/>).</summary>
    public static ScoreSet Score(Case @case, Granularity granularity = Granularity.Year, ScoringOptions? options = null) =>
        Scorer.Score(@case, options, new ScoringRequest { Granularity = granularity });

    /// <summary>One measure's value for P → C (or another dyad) in one period.</summary>
    public static double? Value(Case @case, string measure, Period period, ScoringOptions? options = null, Dyad? dyad = null) =>
        Score(@case, period.Granularity, options).For(dyad ?? PC, period)[measure].Value;

    /// <summary>One measure's value for P → C in one year.</summary>
    public static double? Value(Case @case, string measure, int year, ScoringOptions? options = null) =>
        Value(@case, measure, Period.FromYear(year), options);
}
