using System.Collections.Immutable;
using Influence.Cases;
using Influence.Evidence;

namespace Influence.Tests.Support;

/// <summary>Small hand-made cases for tests: a patron P, a client C and a third party X.</summary>
internal static class TestCases
{
    public static readonly ImmutableArray<string> Src = ["s1"];

    public static CaseBuilder Builder(string id = "test")
    {
        var b = new CaseBuilder(id, "Test case") { From = Period.FromYear(2000), To = Period.FromYear(2010) };
        b.AddSource(new Source("s1", "A test source"));
        b.AddActor(new Actor("P", "Patron", ActorKind.State));
        b.AddActor(new Actor("C", "Client", ActorKind.NonStateArmedGroup));
        b.AddActor(new Actor("X", "Third party", ActorKind.State));
        b.AddDyad("P", "C");
        return b;
    }

    public static EvidenceDate Year(int y) => EvidenceDate.InYear(y);

    public static EvidenceDate Years(int from, int to) => EvidenceDate.Span(EvidenceDate.InYear(from), EvidenceDate.InYear(to));

    public static SupportEvidence Support(string id, EvidenceDate date, string from, string to, double magnitude, Confidence confidence = Confidence.Confirmed, ResourceType resource = ResourceType.Funding) =>
        new(id, date, confidence, Src, from, to, resource, magnitude);

    public static CoercionEvidence Coercion(string id, EvidenceDate date, string from, string to, double severity, Confidence confidence = Confidence.Confirmed) =>
        new(id, date, confidence, Src, from, to, CoercionType.Clash, severity);

    public static DemandEvidence Demand(string id, EvidenceDate date, string issue, double salience, DemandResponse response, Confidence confidence = Confidence.Confirmed) =>
        new(id, date, confidence, Src, "P", "C", issue, salience, response);
}
