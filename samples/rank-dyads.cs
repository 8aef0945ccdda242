#:project ../src/Influence/Influence.csproj
// Scoring many dyads and ranking them. First every ordered pair of actors in the reference case, then a generated
// universe of 1,200 patron–client pairs over 20 years, scored in one call through one evidence index. The notebook
// samples/notebooks/02-rank-many-dyads.ipynb tells the same story. Run from the repository root:
//
//     dotnet run samples/rank-dyads.cs
//
// CI compares what it prints with samples/rank-dyads.expected.txt.
// <usings>
using System.Globalization;
using Influence;
using Influence.Cases;
using Influence.Evidence;
using Influence.IO;
using Influence.Scoring;
// </usings>

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

// <pairs>
// Every ordered pair of actors in the reference case: who acts as whose patron, and for how long?
var reference = CaseReader.LoadBuiltIn();
var scores = Scorer.Score(reference, request: ScoringRequest.AllPairs(reference));
Console.WriteLine($"{reference.Name}: {scores.Dyads.Length} ordered pairs × {scores.PeriodCount} periods");
// AllPairs leaves out the pairs of a movement and one of its own factions (the Taliban and its three): their evidence
// is internal to the movement.
var n = reference.Actors.Length;
Console.WriteLine($"({n} actors make {n * (n - 1)} ordered pairs; the {n * (n - 1) - scores.Dyads.Length} of a movement and one of its own factions are left out)");
// The mean exchange is over whole periods only: the period the evidence ends inside (ScoreSet.IsPartial; the
// reference case's 2026, which rests on two months) would weigh as much as a whole year.
var whole = Enumerable.Range(0, scores.PeriodCount).Where(p => !scores.IsPartial(p)).Select(p => scores.Periods[p]).ToHashSet();
var ranked = scores.Dyads
    .Select(d => (Dyad: d, Periods: scores.For(d)))
    .Select(x => (
        x.Dyad,
        PatronClientPeriods: x.Periods.Count(p => p.PatronClient.IsPatronClient == true),
        MeanExchange: Mean(x.Periods.Where(p => whole.Contains(p.Period)).Select(p => p.Exchange.Value)),
        Last: x.Periods.LastOrDefault(p => p.State.State is not null)))
    .OrderByDescending(x => x.PatronClientPeriods)
    .ThenByDescending(x => x.MeanExchange ?? -1)
    .ThenBy(x => x.Dyad.ToString(), StringComparer.Ordinal)
    .ToList();
Console.WriteLine($"{ranked.Count(r => r.PatronClientPeriods > 0)} of {ranked.Count} pairs pass the patron–client test in at least one period; the ten ranked first by those periods, then by mean exchange:");
var cutShort = scores.Periods.Where(p => !whole.Contains(p)).ToList();
Console.WriteLine($"(mean exchange: over the {whole.Count} whole periods{(cutShort.Count == 0 ? "" : $"; {string.Join(", ", cutShort)}, inside which the evidence ends, is left out")})");
Console.WriteLine("rank  dyad                          patron–client periods  mean exchange  last state");
Period? partial = null;
for (var i = 0; i < Math.Min(10, ranked.Count); i++)
{
    var r = ranked[i];
    // The last state and its period, marked "†" when the case's evidence ends inside it (ScoreSet.IsPartial), as the
    // command line marks it: the reference case's 2026 rests on two months.
    partial = r.Last is { } l && scores.IsPartial(l.Period) ? l.Period : partial;
    var state = r.Last is { State.State: { } s } last
        ? $"{RelationshipStates.StateName(s)} ({last.Period}{(last.Period == partial ? "†" : "")})"
        : "–";
    Console.WriteLine($"{i + 1,4}  {r.Dyad,-28}  {r.PatronClientPeriods,21}  {F(r.MeanExchange),13}  {state}");
}

if (partial is { } cut)
{
    Console.WriteLine($"† the case's evidence ends on {scores.EvidenceEnds:yyyy-MM-dd}, inside {cut}: a state of {cut} rests on part of the period only.");
}
// </pairs>

// <universe>
// A generated universe: 30 patrons and 40 clients, every patron–client pair observed for 20 years (seeded, so the
// numbers are the same on every machine). One call scores all 1,200 dyads through one evidence index.
var universe = Generate(patrons: 30, clients: 40, firstYear: 2000, years: 20, seed: 2026);
var all = Scorer.Score(universe);
Console.WriteLine($"universe: {universe.Actors.Length} actors, {universe.Evidence.Count} evidence items, {all.Dyads.Length} dyads, {all.DyadPeriods} dyad-periods");
// </universe>

// <rank>
// Rank the dyads by their mean patron–client margin over the last five years: how far the weakest of Biermann's
// features clears its bar (positive: a patron–client relation; negative: one feature falls short).
var lastFive = Enumerable.Range(all.PeriodCount - 5, 5).ToArray();
var top = Enumerable.Range(0, all.Dyads.Length)
    .Select(d => (Dyad: all.Dyads[d], Margin: Mean(lastFive.Select(p => all.PatronClient(d, p).Margin)), Compliance: Mean(lastFive.Select(p => all.For(d, p).Compliance.Value))))
    .Where(x => x.Margin is not null)
    .OrderByDescending(x => x.Margin)
    .ThenBy(x => x.Dyad.ToString(), StringComparer.Ordinal)
    .ToList();
Console.WriteLine($"{top.Count} dyads have a margin in {all.Periods[lastFive[0]]}–{all.To}; {top.Count(x => x.Margin > 0)} of them have a positive mean margin (the margin averaged over the five years, which is not the test holding in each of them)");
Console.WriteLine("rank  dyad                    margin  compliance");
foreach (var (r, i) in top.Take(10).Select((r, i) => (r, i)))
{
    Console.WriteLine($"{i + 1,4}  {r.Dyad,-22}  {F(r.Margin),6}  {F(r.Compliance),10}");
}
// </rank>

// <helpers>
static double? Mean(IEnumerable<double?> values)
{
    var defined = values.OfType<double>().ToList();
    return defined.Count == 0 ? null : defined.Average();
}

static string F(double? v) => v is { } x ? x.ToString("0.000", CultureInfo.InvariantCulture) : "–";
// </helpers>

// <generate>
static Case Generate(int patrons, int clients, int firstYear, int years, int seed)
{
    var random = new Random(seed);
    var builder = new CaseBuilder("universe", "A generated universe of patrons and clients")
    {
        From = Period.FromYear(firstYear),
        To = Period.FromYear(firstYear + years - 1),
    };
    builder.AddSource(new Source("generated", "Generated by samples/rank-dyads.cs (seeded)"));
    builder.AddIssue(new Issue("basing", "Basing rights"));
    for (var p = 0; p < patrons; p++)
    {
        builder.AddActor(new Actor($"patron-{p:00}", $"Patron {p:00}", ActorKind.State));
        builder.AddCapability($"cap-p{p:00}", EvidenceDate.InYear(firstYear), Confidence.Confirmed, "generated", $"patron-{p:00}", 50 + random.Next(50));
    }

    for (var c = 0; c < clients; c++)
    {
        builder.AddActor(new Actor($"client-{c:00}", $"Client {c:00}", ActorKind.NonStateArmedGroup));
        builder.AddCapability($"cap-c{c:00}", EvidenceDate.InYear(firstYear), Confidence.Confirmed, "generated", $"client-{c:00}", 1 + random.Next(30));
    }

    var n = 0;
    for (var p = 0; p < patrons; p++)
    {
        for (var c = 0; c < clients; c++)
        {
            var (patron, client) = ($"patron-{p:00}", $"client-{c:00}");
            builder.AddDyad(patron, client);
            var closeness = random.NextDouble(); // how tied this pair is, on average
            for (var y = firstYear; y < firstYear + years; y++)
            {
                var year = EvidenceDate.InYear(y);
                if (random.NextDouble() < closeness)
                {
                    builder.AddSupport($"e{n++}", year, Confidence.Confirmed, "generated", patron, client, ResourceType.Funding, Math.Round(0.2 + (0.8 * random.NextDouble()), 2));
                    builder.AddSupport($"e{n++}", year, Confidence.Reported, "generated", client, patron, ResourceType.ProxyAction, Math.Round(0.1 + (0.6 * random.NextDouble()), 2));
                }

                if (random.NextDouble() < 0.15)
                {
                    builder.AddCoercion($"e{n++}", year, Confidence.Reported, "generated", patron, client, CoercionType.DiplomaticPressure, Math.Round(0.1 + (0.5 * random.NextDouble()), 2));
                }

                if (random.NextDouble() < 0.3)
                {
                    var response = random.NextDouble() < closeness ? DemandResponse.Complied : DemandResponse.Defied;
                    builder.AddDemand($"e{n++}", year, Confidence.Reported, "generated", patron, client, "basing", 0.6, response);
                }
            }

            if (closeness > 0.5)
            {
                builder.AddCommitment($"e{n++}", EvidenceDate.Span(EvidenceDate.InYear(firstYear), EvidenceDate.InYear(firstYear + years - 1)), Confidence.Reported, "generated", patron, client, CommitmentFormality.PrivateUnderstanding);
            }
        }
    }

    return builder.Build();
}
// </generate>
