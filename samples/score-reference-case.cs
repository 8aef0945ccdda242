#:project ../src/Influence.Charts/Influence.Charts.csproj
// Scoring the reference case step by step: load it, score it, read Biermann's features over time, draw them, and
// explain one score down to its evidence. The notebook samples/notebooks/01-score-the-reference-case.ipynb tells the
// same story. Run from the repository root:
//
//     dotnet run samples/score-reference-case.cs [chart.png]
//
// CI compares what it prints with samples/score-reference-case.expected.txt.
// <usings>
using System.Globalization;
using Influence;
using Influence.Charts;
using Influence.IO;
using Influence.Scoring;
// </usings>

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

// <load>
// The built-in reference case: Pakistan → Afghan Taliban, coded from Sharma (2026).
var @case = CaseReader.LoadBuiltIn();
Console.WriteLine($"{@case.Name}");
Console.WriteLine($"{@case.Actors.Length} actors, {@case.Evidence.Count} evidence items, {@case.Sources.Length} sources, {@case.Dyads.Length} declared dyad(s)");
// </load>

// <score>
// Score every declared dyad in every period of the case, with the default options.
var scores = Scorer.Score(@case);
var dyad = @case.Dyads[0]; // pakistan → taliban
Console.WriteLine($"{dyad}: {scores.From}–{scores.To}, {scores.PeriodCount} periods, input hash {scores.InputHash[..16]}");
// The evidence ends on 2026-02-28, two months into 2026: ScoreSet.IsPartial says which period it ends inside, and the
// table marks that one "†", as the command line does. Three decimals show a value crossing a state's bar: exchange is
// high from 0.25, so 2000 (0.246) is dormant and 2001 (0.251, with conflict high) contested.
Console.WriteLine("period  exchange  asymmetry  conflict  diffuse  endurance  patron–client  state");
Period? partial = null;
foreach (var p in scores.For(dyad).SkipWhile(p => !p.Asymmetry.IsDefined)) // skip the years before any evidence
{
    partial = scores.IsPartial(p.Period) ? p.Period : partial;
    var period = p.Period == partial ? $"{p.Period}†" : p.Period.ToString();
    var test = p.PatronClient.IsPatronClient switch { true => "yes", false => "no", null => "–" };
    var state = p.State.State is { } s ? RelationshipStates.StateName(s) : "–";
    Console.WriteLine($"{period,-6}  {F(p.Exchange),8}  {F(p.Asymmetry),9}  {F(p.Conflict),8}  {F(p.DiffuseObligation),7}  {F(p.Endurance),9}  {test,-13}  {state}");
}

if (partial is { } cut)
{
    Console.WriteLine($"† the case's evidence ends on {scores.EvidenceEnds:yyyy-MM-dd}, inside {cut}: its values rest on part of the period only (what came later is not in the case).");
}
// </score>

// <series>
// One measure's series with its periods, undefined values included so that a gap stays at its period; an interval
// is shown only where one was computed (here none: no draws were made).
Console.WriteLine("patronShare, the last five periods:");
foreach (var (period, score, hasInterval) in scores.SeriesWithPeriods("patronShare", dyad).TakeLast(5))
{
    var label = scores.IsPartial(period) ? $"{period}†" : period.ToString(); // 2026: partial
    Console.WriteLine(hasInterval ? $"{label}: {score:0.00} [{score.Low:0.00}, {score.High:0.00}]" : $"{label}: {score:0.00}");
}
// </series>

// <plot>
// Draw the features and the influence criteria over time (PNG, bundled font: text renders on any machine).
// The chart goes to the path given as the first argument, or else to artifacts/samples/ under the current folder
// (the repository root when run as above; git ignores artifacts/).
var chart = args.Length > 0 ? args[0] : "artifacts/samples/pakistan-taliban.png";
Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(chart))!);
DyadChart.SavePng(scores, dyad, chart);
Console.WriteLine($"chart written to {chart}");
// </plot>

// <explain>
// What drove the sharpest rise in conflict? Take the period where conflict rose most from the one before and list the
// evidence behind its value: any item it would be undefined without first, then largest effect first (effect = value −
// value scored without the item).
var series = scores.For(dyad);
var rise = Enumerable.Range(1, series.Count - 1)
    .Where(i => series[i].Conflict.IsDefined && series[i - 1].Conflict.IsDefined)
    .MaxBy(i => series[i].Conflict.Value - series[i - 1].Conflict.Value);
var why = Explainer.Explain(scores, dyad, series[rise].Period, "conflict");
Console.WriteLine($"conflict rose most in {why.Period}: {series[rise - 1].Conflict.Value:0.00} → {why.Value:0.00}");
Console.WriteLine($"  formula: {why.Formula}");
Console.WriteLine($"  theory:  {why.Citation}");
foreach (var c in why.Contributions.Take(5))
{
    var effect = c.Effect is { } e ? e.ToString("+0.00;−0.00;0.00", CultureInfo.InvariantCulture) : "  –  ";
    Console.WriteLine($"  {effect}  {c.EvidenceId} ({c.Kind}, {c.Date}, {c.Confidence}; source {c.Sources[0].Id})");
    if (c.Note is { } note)
    {
        Console.WriteLine($"         {note}");
    }
}
// </explain>

// <summary>
// Not scored is not undefined. Before 1994 the Taliban did not exist: those periods are not scored (IsActive is false
// and InactiveReason says why). In a scored period a value can still be undefined, for want of evidence in its window.
// A Score formats as its value, or "–" when undefined.
var before = scores.For(dyad, Period.FromYear(1990));
Console.WriteLine($"{before.Period}: {(before.IsActive ? "scored" : $"not scored: {before.InactiveReason}")}");
var y1995 = scores.For(dyad, Period.FromYear(1995));
Console.WriteLine($"{y1995.Period}: {(y1995.IsActive ? "scored" : "not scored")}, exchange {y1995.Exchange:0.00}, inputEfficiency {y1995["inputEfficiency"]:0.00}");

// Over a range: how often the patron–client test holds, and a measure's mean, least and greatest defined values.
var (from, to) = (Period.FromYear(1995), Period.FromYear(2025));
var counts = scores.PatronClientCounts(dyad, from, to);
Console.WriteLine($"{from}–{to}: the test holds in {counts.Holds} years, fails in {counts.Fails}, is undetermined in {counts.Undetermined}");
var conflict = scores.Summarise("conflict", dyad, from, to);
Console.WriteLine($"conflict {from}–{to}: mean {conflict.Mean:0.00}, min {conflict.Min:0.00}, max {conflict.Max:0.00}, defined in {conflict.Defined} of {conflict.Periods} years");
// </summary>

// <helpers>
static string F(Score s) => s.Value is { } v ? v.ToString("0.000", CultureInfo.InvariantCulture) : "–";
// </helpers>
