using Influence.Cases;
using Influence.Evidence;
using Influence.Indexing;
using Influence.Scoring;
using Influence.Theory;

namespace Influence.Tests.Support;

/// <summary>
/// Small multilateral cases: patron P (state), client C (movement) with factions H and K, third parties X and Y
/// (states) and T (an armed group), X's faction XI. Years 2000–2010.
/// </summary>
internal static class NetworkCases
{
    public static CaseBuilder Builder(string id = "net")
    {
        // Coded over 2000–2010 and looked at to its end, as TestCases.Builder.
        var b = new CaseBuilder(id, "Network test case") { From = Period.FromYear(2000), To = Period.FromYear(2010), EvidenceEnds = new DateOnly(2010, 12, 31) };
        b.AddSource(new Source("s1", "A test source"));
        b.AddActor(new Actor("P", "Patron", ActorKind.State));
        b.AddActor(new Actor("C", "Client", ActorKind.Movement));
        b.AddActor(new Actor("H", "Client faction H", ActorKind.Faction) { Parent = "C" });
        b.AddActor(new Actor("K", "Client faction K", ActorKind.Faction) { Parent = "C" });
        b.AddActor(new Actor("X", "Third state X", ActorKind.State));
        b.AddActor(new Actor("XI", "X's intelligence service", ActorKind.Faction) { Parent = "X" });
        b.AddActor(new Actor("Y", "Third state Y", ActorKind.State));
        b.AddActor(new Actor("T", "Armed group T", ActorKind.NonStateArmedGroup));
        b.AddDyad("P", "C");
        return b;
    }

    public static CaseBuilder Support(this CaseBuilder b, string from, string to, double magnitude, int year = 2005, ResourceType resource = ResourceType.Funding, Confidence confidence = Confidence.Confirmed) =>
        b.AddSupport($"s-{from}-{to}-{resource}-{year}-{b.EvidenceCount}", EvidenceDate.InYear(year), confidence, "s1", from, to, resource, magnitude);

    public static CaseBuilder Coerce(this CaseBuilder b, string from, string to, double severity, int year = 2005) =>
        b.AddCoercion($"k-{from}-{to}-{year}-{b.EvidenceCount}", EvidenceDate.InYear(year), Confidence.Confirmed, "s1", from, to, CoercionType.Attack, severity);

    public static EvidenceIndex Index(Case @case) =>
        EvidenceIndex.Build(@case, new PeriodGrid(Period.FromYear(2000), Period.FromYear(2010)), ScoringOptions.Default);

    public static int T(int year) => year - 2000;

    public static DyadPeriod At(EvidenceIndex index, string patron, string client, int year) =>
        new(index, index.Case.ActorIndexOf(patron), index.Case.ActorIndexOf(client), T(year));

    public static int A(this Case c, string id) => c.ActorIndexOf(id);
}
