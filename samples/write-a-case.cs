#:project ../src/Influence/Influence.csproj
// Writing your own case from scratch: actors, sources, an objective, dated evidence; catching mistakes (every problem,
// each located); saving it as a case file; reading it back and scoring it. The notebook
// samples/notebooks/03-write-your-own-case.ipynb tells the same story. Run from the repository root:
//
//     dotnet run samples/write-a-case.cs [my-case.json]
//
// CI compares what it prints with samples/write-a-case.expected.txt.
// <usings>
using System.Globalization;
using Influence;
using Influence.Cases;
using Influence.Evidence;
using Influence.IO;
using Influence.Scoring;
// </usings>

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

// <build>
// A hypothetical case: a regional power ("north") backs an insurgent movement ("river-front") from 2010.
var builder = new CaseBuilder("north-river-front", "North and the River Front (a made-up example)")
{
    Description = "A hypothetical patron–client relationship, made up to show how a case is written.",
    From = Period.FromYear(2010),
    To = Period.FromYear(2020),
};
builder.AddSource(new Source("report-2012", "Example Institute (2012), Report on the River Front, pp. 4–9"));
builder.AddSource(new Source("interview-2019", "Author's interview with a former commander, 3 May 2019"));
builder.AddActor(new Actor("north", "North", ActorKind.State));
builder.AddActor(new Actor("river-front", "River Front", ActorKind.NonStateArmedGroup));
builder.AddIssue(new Issue("ceasefire", "Accepting a ceasefire") { Core = true });
builder.AddObjective(new Objective("buffer", "north", "A friendly buffer along the river", 0.8) { Toward = "river-front" });
builder.AddDyad("north", "river-front");

// Evidence: each item is dated (a year, a month, a day, or a span), sourced, and rated for confidence.
var years2010To2020 = EvidenceDate.Span(EvidenceDate.InYear(2010), EvidenceDate.InYear(2020));
builder.AddCapability("cap-north", EvidenceDate.InYear(2010), Confidence.Confirmed, "report-2012", "north", 80);
builder.AddCapability("cap-front", EvidenceDate.InYear(2010), Confidence.Reported, "report-2012", "river-front", 8);
builder.AddSupport("arms-2010s", EvidenceDate.Span(EvidenceDate.InYear(2010), EvidenceDate.InYear(2016)), Confidence.Reported, "report-2012", "north", "river-front", ResourceType.Arms, 0.6);
builder.AddSupport("sanctuary", years2010To2020, Confidence.Confirmed, "report-2012", "north", "river-front", ResourceType.Sanctuary, 0.5);
builder.AddSupport("proxy-2011", EvidenceDate.Span(EvidenceDate.InYear(2011), EvidenceDate.InYear(2017)), Confidence.Reported, "report-2012", "river-front", "north", ResourceType.ProxyAction, 0.4);
builder.AddCommitment("pledge-2011", EvidenceDate.Span(EvidenceDate.InYear(2011), EvidenceDate.InYear(2020)), Confidence.Reported, "report-2012", "north", "river-front", CommitmentFormality.PublicPledge);
builder.AddPresence("advisers", EvidenceDate.Span(EvidenceDate.InYear(2012), EvidenceDate.InYear(2018)), Confidence.Alleged, "interview-2019", "north", "river-front", PresenceType.Advisers, 0.4);
builder.AddDemand("ceasefire-2014", EvidenceDate.InYear(2014), Confidence.Reported, "interview-2019", "north", "river-front", "ceasefire", 0.7, DemandResponse.Complied);
builder.AddDemand("ceasefire-2018", EvidenceDate.InMonth(2018, 6), Confidence.Reported, "interview-2019", "north", "river-front", "ceasefire", 0.8, DemandResponse.Defied);
builder.AddCoercion("border-2018", EvidenceDate.InMonth(2018, 9), Confidence.Confirmed, "interview-2019", "north", "river-front", CoercionType.BorderClosure, 0.5);
builder.AddAttainment("buffer-2013", EvidenceDate.InYear(2013), Confidence.Reported, "report-2012", "buffer", 0.7);
builder.AddAttainment("buffer-2019", EvidenceDate.InYear(2019), Confidence.Reported, "interview-2019", "buffer", 0.3);
// </build>

// <mistakes>
// A mistake: an item citing a source the case does not list, and one naming an unknown actor. TryBuild reports every
// problem at once, each with its item; Build would throw InvalidCaseException carrying the same list.
var broken = new CaseBuilder("broken", "A case with mistakes");
broken.AddSource(new Source("s1", "A source"));
broken.AddActor(new Actor("north", "North", ActorKind.State));
broken.AddSupport("funds-2015", EvidenceDate.InYear(2015), Confidence.Reported, "s2", "north", "south", ResourceType.Funding, 0.4);
if (!broken.TryBuild(out _, out var problems))
{
    Console.WriteLine($"{problems.Count} problem(s) in the broken case:");
    foreach (var problem in problems)
    {
        Console.WriteLine($"  {problem}");
    }
}
// </mistakes>

// <save>
// Build the case, save it as a case file (influence.case/1 JSON, docs/case-format.md) and read it back. The file goes
// to the path given as the first argument, or else to artifacts/samples/ under the current folder (the repository
// root when run as above; git ignores artifacts/).
var @case = builder.Build();
var path = args.Length > 0 ? args[0] : "artifacts/samples/north-river-front.json";
Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
File.WriteAllText(path, CaseWriter.ToJson(@case));
var reread = CaseReader.ReadFile(path);
Console.WriteLine($"saved {path}: {reread.Actors.Length} actors, {reread.Evidence.Count} evidence items; same input hash when read back: {Reproducibility.InputHash(reread, ScoringOptions.Default) == Reproducibility.InputHash(@case, ScoringOptions.Default)}");
// </save>

// <score>
var scores = Scorer.Score(reread);
Console.WriteLine("year  exchange  asymmetry  conflict  diffuse  endurance  compliance  attainment  patron–client  state");
foreach (var p in scores.For(new Dyad("north", "river-front")))
{
    var test = p.PatronClient.IsPatronClient switch { true => "yes", false => "no", null => "–" };
    var state = p.State.State is { } s ? RelationshipStates.StateName(s) : "–";
    Console.WriteLine($"{p.Period,-4}  {F(p.Exchange),8}  {F(p.Asymmetry),9}  {F(p.Conflict),8}  {F(p.DiffuseObligation),7}  {F(p.Endurance),9}  {F(p.Compliance),10}  {F(p.Attainment),10}  {test,-13}  {state}");
}
// </score>

// <helpers>
static string F(Score s) => s.Value is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) : "–";
// </helpers>
