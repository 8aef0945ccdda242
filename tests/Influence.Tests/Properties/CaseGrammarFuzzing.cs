using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using FluentAssertions;
using Influence.Cases;
using Influence.IO;
using Influence.Scoring;
using Influence.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace Influence.Tests.Properties;

/// <summary>
/// The case reader on cases generated from the format's grammar (docs/case-format.md): actors with kinds, parents
/// and lifetimes, sources, units, issues, objectives, indicators, dyads and evidence items of every kind, with points
/// and spans of every precision, all valid by construction; then 0 to 3 semantic faults, each a rule the reader
/// checks (a reference to nothing, an id used twice, a span that ends before it starts, a date outside an actor's
/// lifetime, a parent chain that loops, a value just beyond its range, a field of another kind, …), or a change the
/// reader must accept (a source never cited, a value at the end of its range).
/// </summary>
/// <remarks>
/// A valid case must be read with no problem, write and read back to the same case and the same scores, and score
/// every declared dyad with every value in range (<c>ScoringProperties.CheckValues</c>). A case with faults must
/// give, without an exception, problems that each have a path, a message, a line and a column counted from 1, the
/// same problems when read again, and among them one for each fault (at the fault's path or within the item it was
/// put in). A short run (<see cref="Iterations"/> cases per test) is part of the suite; <c>INFLUENCE_FUZZ_SECONDS=N</c>
/// runs each test for N seconds (tests/README.md, "Fuzzing"). A failure prints the faults, the case's text and
/// CsCheck's seed.
/// </remarks>
public class CaseGrammarFuzzing(ITestOutputHelper output)
{
    private const int Iterations = 150;

    /// <summary>The days every generated date lies in.</summary>
    private static readonly DateOnly TimelineStart = new(1985, 1, 1);

    private static readonly DateOnly TimelineEnd = new(2015, 12, 31);

    /// <summary>
    /// Fault kinds the fuzzer does not inject, each with why: a reader bug it found (the smallest input is in the
    /// report of the change that added it). Empty: every kind is injected.
    /// </summary>
    private static readonly HashSet<FaultKind> Skipped = [];

    [Fact]
    public void AGeneratedCase_IsReadScoredAndWrittenBack_AndItsFaultsAreEachReported()
    {
        FuzzTime.SampleSeedsAndFaults(Make, Check, Describe, Iterations, output);
    }

    [Fact]
    public void TheGenerator_MakesValidCases_AndEveryFaultKindIsInjectedAndReported()
    {
        // Without this the property above could pass vacuously: no valid case (nothing scored or written back), or a
        // fault kind never injected (its rule never checked).
        for (var seed = 0; seed < 200; seed++)
        {
            var generated = Make(seed, 0);
            var result = CaseReader.TryRead(Encoding.UTF8.GetBytes(generated.Json));
            result.Problems.Should().BeEmpty($"the generator's case {seed} is valid:\n{generated.Json}");
        }

        FuzzTime.EveryFaultKindIsInjectedAndSeen(
            1500,
            seed =>
            {
                var generated = Make(seed, 1);
                var result = CaseReader.TryRead(Encoding.UTF8.GetBytes(generated.Json));
                return generated.Faults.Select(f => (f.Kind, f.Reported ? result.Problems.Any(p => Matches(p, f)) : result.Success));
            },
            Skipped);
    }

    /// <summary>The checks of one generated case.</summary>
    private static void Check(Generated generated)
    {
        var bytes = Encoding.UTF8.GetBytes(generated.Json);
        CaseReadResult Read() => CaseReader.TryRead(bytes, "case.json");
        var result = ReaderChecks.NeverThrows(Read);

        var reportedFaults = generated.Faults.Where(f => f.Reported).ToList();
        if (reportedFaults.Count == 0)
        {
            result.Problems.Should().BeEmpty("a case without faults the reader checks is valid");
            CheckCase(result.Case!);
            return;
        }

        result.Success.Should().BeFalse("a case with a fault the reader checks is refused");
        foreach (var problem in result.Problems)
        {
            var text = problem.ToString();
            problem.Message.Should().NotBeNullOrWhiteSpace(text);
            problem.Path.Should().StartWith("$", text);
            problem.Line.Should().NotBeNull($"a problem has a position: {text}");
            problem.Column.Should().NotBeNull($"a problem has a position: {text}");
            problem.Line!.Value.Should().BeGreaterThanOrEqualTo(1, text);
            problem.Column!.Value.Should().BeGreaterThanOrEqualTo(1, text);
        }

        foreach (var fault in reportedFaults)
        {
            result.Problems.Should().Contain(p => Matches(p, fault), $"fault {fault} is reported (all problems at once); the problems were:\n{string.Join("\n", result.Problems)}");
        }

        ReaderChecks.GivesTheSameProblemsAgain(result, Read);
    }

    /// <summary>A valid case writes and reads back to the same case and the same scores, all in range.</summary>
    internal static void CheckCase(Case @case)
    {
        var written = CaseWriter.ToJson(@case, canonical: true);
        var again = CaseReader.TryRead(Encoding.UTF8.GetBytes(written));
        again.Problems.Should().BeEmpty("a case is written as a valid case");
        CaseWriter.ToJson(again.Case!, canonical: true).Should().Be(written, "writing and reading a case keeps it");
        if (@case.Dyads.IsEmpty || @case.Evidence.Count == 0)
        {
            return; // valid, but nothing to score by default
        }

        // By year, whatever the case's granularity: a monthly score of a 30-year grid made the short run 3 times longer.
        var scores = Scorer.Score(@case, ScoringOptions.Default, new ScoringRequest { Granularity = Granularity.Year });
        ScoringProperties.CheckValues(scores);

        // The canonical writing orders the dyads: the one read back is asked for them in the original's order.
        var request = new ScoringRequest { Granularity = Granularity.Year, Dyads = [.. @case.Dyads] };
        ScoreWriter.ToJson(Scorer.Score(again.Case!, ScoringOptions.Default, request))
            .Should().Be(ScoreWriter.ToJson(scores), "the case read back scores the same");
    }

    /// <summary>
    /// Whether <paramref name="problem"/> reports <paramref name="fault"/>: at its path, within the element it was
    /// put in, or naming that element's id in its message.
    /// </summary>
    private static bool Matches(CaseProblem problem, Fault fault) =>
        problem.Path == fault.Path
        || Within(problem.Path, fault.Element)
        || (fault.Id is { } id && problem.Message.Contains($"\"{id}\"", StringComparison.Ordinal) && Within(problem.Path, fault.Element.Split('[')[0]));

    private static bool Within(string path, string element) =>
        path.StartsWith(element, StringComparison.Ordinal) && (path.Length == element.Length || path[element.Length] is '.' or '[');

    private static string Describe(Generated generated) =>
        $"faults: {(generated.Faults.Count == 0 ? "none" : string.Join("; ", generated.Faults))}\ncase:\n{generated.Json}";

    // ---------------------------------------------------------------------------------------------------------------
    // The grammar.

    private static readonly string[] ActorKinds = ["state", "nonStateArmedGroup", "faction", "movement", "organisation", "other"];

    private static readonly string[] Resources =
    [
        "funding", "arms", "materiel", "fuel", "food", "logistics", "sanctuary", "training", "intelligence", "personnel", "advisers",
        "diplomatic", "legitimacy", "medical", "documents", "tradeTransitAccess", "strategicTerritoryAccess", "loyalty", "proxyAction",
        "information", "other",
    ];

    private static readonly string[] CoercionTypes =
        ["airstrike", "borderClosure", "tradeSuspension", "deportation", "detention", "backingRivals", "clash", "attack", "threat", "sanctions", "diplomaticPressure", "other"];

    private static readonly string[] Responses = ["complied", "partial", "defied", "ignored"];

    private static readonly string[] PresenceTypes = ["advisers", "officers", "officials", "professionals", "leadershipAccess", "intelligence", "other"];

    private static readonly string[] Formalities = ["treaty", "publicAgreement", "publicPledge", "privateUnderstanding"];

    private static readonly string[] Confidences = ["confirmed", "reported", "alleged"];

    private static readonly string[] EvidenceKinds = ["support", "coercion", "demand", "attainment", "indicator", "presence", "overreach", "commitment", "capability"];

    /// <summary>The fields each kind requires besides the common ones (support's magnitude or amount aside).</summary>
    internal static readonly Dictionary<string, string[]> KindFields = new()
    {
        ["support"] = ["from", "to", "resource", "magnitude", "amount", "unit"],
        ["coercion"] = ["from", "to", "type", "severity"],
        ["demand"] = ["from", "to", "issue", "salience", "response"],
        ["attainment"] = ["objective", "value"],
        ["indicator"] = ["indicator", "value"],
        ["presence"] = ["from", "to", "type", "level"],
        ["overreach"] = ["from", "to", "severity"],
        ["commitment"] = ["from", "to", "formality", "scope"],
        ["capability"] = ["actor", "value"],
    };

    /// <summary>Text of several scripts, with the white space and bidirectional marks text may hold.</summary>
    private static readonly string[] Words =
    [
        "Pakistan", "Afghan Taliban", "Haqqani network", "ISI", "Ministry of Defence", "طالبان", "پاکستان\u200F", "Тегеран", "北京",
        "Front de libération", "line one\nline two", "tab\there", "a  b", "Ωmega (1996–2001)", "\u061Cmark", "“quoted”",
    ];

    /// <summary>Ids of every allowed character.</summary>
    private static readonly string[] IdShapes = ["{0}", "{0}-x", "{0}_y", "{0}.z", "{0}:1", "{0}/2", "{0}#3", "{0}@4", "X{0}"];

    internal sealed record ActorMeta(string Id, int Parent, DateOnly? From, DateOnly? To, int Depth);

    internal sealed record ItemMeta(string Id, string Kind, int[] Parties, bool Dyadic, bool Span, DateOnly First, DateOnly Last, bool Amount);

    /// <summary>What the generator made, as the faults need it (also <see cref="EvidenceCsvGrammarFuzzing"/>'s, which splits its cases).</summary>
    internal sealed class Model
    {
        public required JsonObject Root { get; init; }

        public List<ActorMeta> Actors { get; } = [];

        public List<ItemMeta> Items { get; } = [];

        public JsonArray ActorList => (JsonArray)Root["actors"]!;

        public JsonArray SourceList => (JsonArray)Root["sources"]!;

        public JsonArray EvidenceList => (JsonArray)Root["evidence"]!;

        public JsonArray? Optional(string name) => Root[name] as JsonArray;

        public List<int> Lineage(int actor)
        {
            var list = new List<int>();
            for (var a = actor; a >= 0; a = Actors[a].Parent)
            {
                list.Add(a);
            }

            return list;
        }

        public (DateOnly Lo, DateOnly Hi) Alive(IEnumerable<int> actors)
        {
            var (lo, hi) = (TimelineStart, TimelineEnd);
            foreach (var x in actors.SelectMany(Lineage))
            {
                if (Actors[x].From is { } f && f > lo)
                {
                    lo = f;
                }

                if (Actors[x].To is { } t && t < hi)
                {
                    hi = t;
                }
            }

            return (lo, hi);
        }
    }

    /// <summary>A case's text and the faults put in it.</summary>
    private sealed record Generated(string Json, List<Fault> Faults);

    /// <summary>
    /// A fault: its kind, the path the reader reports it at, the element it was put in (the problem may be at a
    /// field of it), the element's id, and whether the reader must report it (false: it must accept it).
    /// </summary>
    private sealed record Fault(FaultKind Kind, string Path, string Element, string? Id, bool Reported, string What)
    {
        public override string ToString() => $"{Kind} at {Path} ({What})";
    }

    private static Generated Make(int seed, int faults)
    {
        var random = new Random(seed);
        var model = Generate(random);
        var list = Inject(model, faults, random);
        return new Generated(model.Root.ToJsonString(new JsonSerializerOptions { WriteIndented = random.Next(2) == 0, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }), list);
    }

    internal static T Pick<T>(Random r, IReadOnlyList<T> list) => list[r.Next(list.Count)];

    private static string Id(Random r, string stem) => string.Format(CultureInfo.InvariantCulture, Pick(r, IdShapes), stem);

    private static string DayText(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Year(int year) => year.ToString("D4", CultureInfo.InvariantCulture);

    /// <summary>A point of random precision holding <paramref name="day"/> and lying within lo … hi (a day if nothing coarser does).</summary>
    private static (string Text, DateOnly First, DateOnly Last) PointAt(Random r, DateOnly day, DateOnly lo, DateOnly hi)
    {
        var precision = r.Next(3);
        if (precision == 0 && new DateOnly(day.Year, 1, 1) >= lo && new DateOnly(day.Year, 12, 31) <= hi)
        {
            return (Year(day.Year), new DateOnly(day.Year, 1, 1), new DateOnly(day.Year, 12, 31));
        }

        var first = new DateOnly(day.Year, day.Month, 1);
        var last = first.AddMonths(1).AddDays(-1);
        if (precision <= 1 && first >= lo && last <= hi)
        {
            return (first.ToString("yyyy-MM", CultureInfo.InvariantCulture), first, last);
        }

        return (DayText(day), day, day);
    }

    private static DateOnly DayIn(Random r, DateOnly lo, DateOnly hi) => lo.AddDays(r.Next(hi.DayNumber - lo.DayNumber + 1));

    /// <summary>A number in [0, 1], at either end now and then.</summary>
    private static double Unit(Random r) => r.Next(6) switch
    {
        0 => 0,
        1 => 1,
        _ => Math.Round(r.NextDouble(), r.Next(1, 4)),
    };

    /// <summary>A number in (0, 1]: 1, the smallest double above 0, or one between.</summary>
    private static double Positive(Random r) => r.Next(6) switch
    {
        0 => 1,
        1 => double.Epsilon,
        _ => Math.Round(0.05 + (0.95 * r.NextDouble()), 2),
    };

    internal static Model Generate(Random r)
    {
        var root = new JsonObject();
        var model = new Model { Root = root };
        var members = new List<(string Name, JsonNode Value)>();

        // Actors: some part of an earlier one, some with lifetimes, a part's lying within its parent's.
        var actors = new JsonArray();
        var actorCount = r.Next(2, 7);
        for (var i = 0; i < actorCount; i++)
        {
            var candidates = Enumerable.Range(0, i).Where(k => model.Actors[k].Depth < 4).ToList();
            var parent = candidates.Count > 0 && r.Next(3) == 0 ? Pick(r, candidates) : -1;
            var depth = parent < 0 ? 0 : model.Actors[parent].Depth + 1;
            var o = new JsonObject { ["id"] = Id(r, $"a{i}"), ["name"] = Pick(r, Words), ["kind"] = parent >= 0 && r.Next(2) == 0 ? "faction" : Pick(r, ActorKinds) };
            if (parent >= 0)
            {
                o["parent"] = model.Actors[parent].Id;
            }

            if (r.Next(4) == 0)
            {
                o["aliases"] = new JsonArray(Pick(r, Words), Pick(r, Words));
            }

            if (r.Next(4) == 0)
            {
                o["note"] = Pick(r, Words);
            }

            DateOnly? from = null, to = null;
            if (r.Next(2) == 0)
            {
                // A root from 1985–1995; a part at depth d in 1995 + d, after its parent's start.
                var year = depth == 0 ? r.Next(1985, 1996) : 1995 + depth;
                var p = PointAt(r, DayIn(r, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31)), new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
                o["activeFrom"] = p.Text;
                from = p.First;
            }

            if (r.Next(2) == 0)
            {
                var year = depth == 0 ? r.Next(2005, 2016) : 2005 - depth;
                var p = PointAt(r, DayIn(r, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31)), new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
                o["activeTo"] = p.Text;
                to = p.Last;
            }

            model.Actors.Add(new ActorMeta((string)o["id"]!, parent, from, to, depth));
            actors.Add(o);
        }

        var sources = new JsonArray();
        var sourceIds = new List<string>();
        for (int i = 0, n = r.Next(1, 5); i < n; i++)
        {
            var o = new JsonObject { ["id"] = Id(r, $"s{i}"), ["citation"] = Pick(r, Words) };
            if (r.Next(2) == 0)
            {
                o["url"] = $"https://example.org/{i}";
            }

            sourceIds.Add((string)o["id"]!);
            sources.Add(o);
        }

        var units = new JsonArray();
        var unitIds = new List<string>();
        for (int i = 0, n = r.Next(3); i < n; i++)
        {
            var reference = r.Next(5) switch { 0 => double.Epsilon, 1 => 1e9, _ => Math.Round(0.1 + (10 * r.NextDouble()), 2) };
            units.Add(new JsonObject { ["id"] = Id(r, $"u{i}"), ["name"] = Pick(r, Words), ["reference"] = reference });
            unitIds.Add($"{units[i]!["id"]}");
        }

        var issues = new JsonArray();
        var issueIds = new List<string>();
        for (int i = 0, n = r.Next(4); i < n; i++)
        {
            var o = new JsonObject { ["id"] = Id(r, $"i{i}"), ["name"] = Pick(r, Words) };
            if (r.Next(2) == 0)
            {
                o["core"] = r.Next(2) == 0;
            }

            if (r.Next(3) == 0)
            {
                o["description"] = Pick(r, Words);
            }

            issueIds.Add((string)o["id"]!);
            issues.Add(o);
        }

        var objectives = new JsonArray();
        var objectiveParties = new List<int[]>();
        for (int i = 0, n = r.Next(4); i < n; i++)
        {
            var holder = r.Next(actorCount);
            var o = new JsonObject { ["id"] = Id(r, $"o{i}"), ["holder"] = model.Actors[holder].Id, ["name"] = Pick(r, Words), ["salience"] = Positive(r) };
            int[] parties = [holder];
            if (r.Next(2) == 0)
            {
                var toward = (holder + r.Next(1, actorCount)) % actorCount;
                o["toward"] = model.Actors[toward].Id;
                parties = [holder, toward];
            }

            if (issueIds.Count > 0 && r.Next(2) == 0)
            {
                o["issue"] = Pick(r, issueIds);
            }

            objectiveParties.Add(parties);
            objectives.Add(o);
        }

        var indicators = new JsonArray();
        var indicatorObjective = new List<int>();
        for (int i = 0, n = objectives.Count > 0 ? r.Next(3) : 0; i < n; i++)
        {
            var objective = r.Next(objectives.Count);
            var higher = r.Next(2) == 0;
            var (a, b) = (Math.Round(r.NextDouble() * 100, 1), Math.Round(100 + (r.NextDouble() * 900), 1));
            var o = new JsonObject
            {
                ["id"] = Id(r, $"n{i}"),
                ["objective"] = $"{objectives[objective]!["id"]}",
                ["name"] = Pick(r, Words),
                ["direction"] = higher ? "higherIsBetter" : "lowerIsBetter",
                ["best"] = higher ? b : a,
                ["worst"] = higher ? a : b,
            };
            if (r.Next(2) == 0)
            {
                o["unit"] = "attacks";
            }

            indicatorObjective.Add(objective);
            indicators.Add(o);
        }

        // Dyads: two different actors, neither inside the other's movement (every actor lives through 2000), once each.
        var dyads = new JsonArray();
        var declared = new HashSet<(int, int)>();
        var wanted = r.Next(5) == 0 ? 0 : r.Next(1, 4);
        for (var attempt = 0; attempt < 20 && dyads.Count < wanted; attempt++)
        {
            var (p, c) = (r.Next(actorCount), r.Next(actorCount));
            if (p == c || model.Lineage(p).Contains(c) || model.Lineage(c).Contains(p) || !declared.Add((p, c)))
            {
                continue;
            }

            var o = new JsonObject { ["patron"] = model.Actors[p].Id, ["client"] = model.Actors[c].Id };
            if (r.Next(4) == 0)
            {
                o["note"] = Pick(r, Words);
            }

            dyads.Add(o);
        }

        // Evidence: each item dated within the time every actor it counts for existed.
        var evidence = new JsonArray();
        var count = r.Next(8) == 0 ? 0 : r.Next(1, 11);
        var ids = Enumerable.Range(0, count).Select(i => Id(r, $"e{i:D2}")).ToList();
        if (r.Next(2) == 0)
        {
            ids.Sort(StringComparer.Ordinal);
        }

        for (var i = 0; i < count; i++)
        {
            var kinds = EvidenceKinds.Where(k => k switch
            {
                "demand" => issueIds.Count > 0,
                "attainment" => objectives.Count > 0,
                "indicator" => indicators.Count > 0,
                _ => true,
            }).ToList();
            var kind = Pick(r, kinds);
            var o = new JsonObject { ["id"] = ids[i], ["kind"] = kind };
            int[] parties;
            var dyadic = kind is not ("attainment" or "indicator" or "capability");
            var (from, to) = (r.Next(actorCount), 0);
            to = (from + r.Next(1, actorCount)) % actorCount;
            var objective = -1;
            switch (kind)
            {
                case "attainment":
                    objective = r.Next(objectives.Count);
                    parties = objectiveParties[objective];
                    break;
                case "indicator":
                    var indicator = r.Next(indicators.Count);
                    parties = objectiveParties[indicatorObjective[indicator]];
                    o["indicator"] = $"{indicators[indicator]!["id"]}";
                    break;
                case "capability":
                    parties = [from];
                    o["actor"] = model.Actors[from].Id;
                    break;
                default:
                    parties = [from, to];
                    o["from"] = model.Actors[from].Id;
                    o["to"] = model.Actors[to].Id;
                    break;
            }

            var (lo, hi) = model.Alive(parties);
            bool span;
            DateOnly first, last;
            if (r.Next(3) == 0)
            {
                var (d1, d2) = (DayIn(r, lo, hi), DayIn(r, lo, hi));
                var s = PointAt(r, d1 < d2 ? d1 : d2, lo, hi);
                var e = PointAt(r, d1 < d2 ? d2 : d1, lo, hi);
                (o["start"], o["end"], first, last, span) = (s.Text, e.Text, s.First, e.Last, true);
            }
            else
            {
                var p = PointAt(r, DayIn(r, lo, hi), lo, hi);
                (o["date"], first, last, span) = (p.Text, p.First, p.Last, false);
            }

            o["confidence"] = Pick(r, Confidences);
            o["sources"] = new JsonArray([.. sourceIds.OrderBy(_ => r.Next()).Take(r.Next(1, sourceIds.Count + 1)).Select(s => (JsonNode)s)]);
            var amount = false;
            switch (kind)
            {
                case "support":
                    o["resource"] = Pick(r, Resources);
                    if (unitIds.Count > 0 && r.Next(2) == 0)
                    {
                        o["amount"] = r.Next(4) == 0 ? 0 : Math.Round(r.NextDouble() * 50, 2);
                        o["unit"] = Pick(r, unitIds);
                        amount = true;
                    }
                    else
                    {
                        o["magnitude"] = Unit(r);
                    }

                    break;
                case "coercion":
                    (o["type"], o["severity"]) = (Pick(r, CoercionTypes), Unit(r));
                    break;
                case "demand":
                    (o["issue"], o["salience"], o["response"]) = (Pick(r, issueIds), Positive(r), Pick(r, Responses));
                    break;
                case "attainment":
                    (o["objective"], o["value"]) = ($"{objectives[objective]!["id"]}", Unit(r));
                    break;
                case "indicator":
                    o["value"] = r.Next(4) == 0 ? -1e6 : Math.Round((r.NextDouble() * 2000) - 500, 1);
                    break;
                case "presence":
                    (o["type"], o["level"]) = (Pick(r, PresenceTypes), Unit(r));
                    break;
                case "overreach":
                    o["severity"] = Unit(r);
                    break;
                case "commitment":
                    o["formality"] = Pick(r, Formalities);
                    if (r.Next(2) == 0)
                    {
                        o["scope"] = Unit(r);
                    }

                    break;
                default:
                    o["value"] = r.Next(5) == 0 ? double.Epsilon : Math.Round(0.1 + (r.NextDouble() * 1000), 1);
                    break;
            }

            if (r.Next(3) == 0)
            {
                o["note"] = Pick(r, Words);
            }

            // Members in a shuffled order now and then: the reader takes them in any order.
            if (r.Next(4) == 0)
            {
                var shuffled = o.OrderBy(_ => r.Next()).Select(m => (m.Key, m.Value?.DeepClone())).ToList();
                o.Clear();
                foreach (var (key, value) in shuffled)
                {
                    o[key] = value;
                }
            }

            model.Items.Add(new ItemMeta(ids[i], kind, parties, dyadic, span, first, last, amount));
            evidence.Add(o);
        }

        // The header: granularity, a range no finer than it, and a day the evidence ends not before the evidence.
        members.Add(("schema", "influence.case/1"));
        members.Add(("id", Id(r, "case")));
        members.Add(("name", Pick(r, Words)));
        if (r.Next(2) == 0)
        {
            members.Add(("description", Pick(r, Words)));
        }

        if (r.Next(3) == 0)
        {
            members.Add(("capabilityIndex", "CINC"));
        }

        var granularity = r.Next(4);
        if (granularity > 0)
        {
            members.Add(("granularity", new[] { "year", "quarter", "month" }[granularity - 1]));
        }

        var coarsest = Math.Max(0, granularity - 1);
        var periodKind = r.Next(coarsest + 1);
        var (y1, y2) = (r.Next(1988, 2013), r.Next(1988, 2013));
        var (fromYear, toYear) = (Math.Min(y1, y2), Math.Max(y1, y2));
        if (model.Items.Count > 0)
        {
            // A range that ends before the evidence starts (or starts after it ends) is valid, but the default score of
            // a case that declares only that end is refused (its other end comes from the evidence): kept apart.
            // So is a default score whose periods all start after the evidence ends: the first period is put in the
            // year before the last item's.
            (fromYear, toYear) = (Math.Min(fromYear, model.Items.Max(i => i.Last).Year - 1), Math.Max(toYear, model.Items.Min(i => i.First).Year));
        }

        var (fromSub, toSub) = (r.Next(1, 13), r.Next(1, 13));
        if (fromYear == toYear && fromSub > toSub)
        {
            (fromSub, toSub) = (toSub, fromSub);
        }

        var range = r.Next(10);
        var rangeStart = DateOnly.MinValue;
        if (range < 5)
        {
            members.Add(("from", Period(periodKind, fromYear, fromSub)));
            rangeStart = periodKind switch
            {
                0 => new DateOnly(fromYear, 1, 1),
                1 => new DateOnly(fromYear, (((fromSub - 1) / 3) * 3) + 1, 1),
                _ => new DateOnly(fromYear, fromSub, 1),
            };
        }

        if (range is < 3 or 5 or 6)
        {
            members.Add(("to", Period(periodKind, toYear, toSub)));
        }

        if (r.Next(3) == 0)
        {
            var latest = model.Items.Count == 0 ? TimelineStart : model.Items.Max(i => i.Last);
            var day = (latest > rangeStart ? latest : rangeStart).AddDays(r.Next(3) == 0 ? 0 : r.Next(800));
            members.Add(("evidenceEnds", DayText(day)));
        }

        var collections = new List<(string, JsonNode)> { ("sources", sources), ("actors", actors) };
        foreach (var (name, array) in new[] { ("units", units), ("issues", issues), ("objectives", objectives), ("indicators", indicators), ("dyads", dyads) })
        {
            if (array.Count > 0 || r.Next(4) == 0)
            {
                collections.Add((name, array));
            }
        }

        collections.Add(("evidence", evidence));
        if (r.Next(3) == 0)
        {
            // The collections in another order (the evidence not always last: the reader then reads it whole).
            collections = [.. collections.OrderBy(_ => r.Next())];
        }

        foreach (var (name, value) in members.Concat(collections))
        {
            root[name] = value;
        }

        return model;
    }

    private static string Period(int kind, int year, int sub) => kind switch
    {
        0 => Year(year),
        1 => string.Create(CultureInfo.InvariantCulture, $"{year}Q{((sub - 1) / 3) + 1}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{year}-{sub:D2}"),
    };

    // ---------------------------------------------------------------------------------------------------------------
    // The faults.

    /// <summary>The kinds of fault; the reader reports every one but <see cref="UncitedSource"/> and <see cref="ValueAtRangeEnd"/>.</summary>
    private enum FaultKind
    {
        /// <summary>An item's from, to or actor names no actor.</summary>
        UnknownActorInItem,

        /// <summary>An item cites a source the case does not declare.</summary>
        UnknownSourceInItem,

        /// <summary>An item's issue, objective, indicator or unit names nothing declared.</summary>
        UnknownReferenceInItem,

        /// <summary>An objective's holder, toward or issue, an indicator's objective, or a dyad's party names nothing declared.</summary>
        UnknownReferenceInDeclaration,

        /// <summary>Two evidence items with one id.</summary>
        DuplicateEvidenceId,

        /// <summary>Two sources, issues, objectives, indicators or units with one id.</summary>
        DuplicateDeclarationId,

        /// <summary>Two actors with one id.</summary>
        DuplicateActorId,

        /// <summary>A span whose end is before its start.</summary>
        SpanEndsBeforeStart,

        /// <summary>An actor whose activeTo is before its activeFrom.</summary>
        ActorEndsBeforeStart,

        /// <summary>An item dated when one of its actors (or their movements) did not exist.</summary>
        ItemOutsideLifetime,

        /// <summary>A part whose lifetime reaches outside its parent's.</summary>
        PartOutsideParent,

        /// <summary>A dyad whose parties never existed at the same time.</summary>
        DyadNeverTogether,

        /// <summary>A dyad between an actor and a part of it.</summary>
        DyadInsideMovement,

        /// <summary>A dyad of one actor with itself.</summary>
        DyadSameActor,

        /// <summary>A dyad declared twice.</summary>
        DyadTwice,

        /// <summary>An actor's parent chain that loops (to itself, or through its parent).</summary>
        ParentLoop,

        /// <summary>An actor's parent names no actor.</summary>
        UnknownParent,

        /// <summary>An item whose from and to are one actor.</summary>
        ItemToItself,

        /// <summary>A magnitude, severity, level, scope, salience, value, amount or reference just beyond its range.</summary>
        ValueBeyondRange,

        /// <summary>A value at the end of its range (0, 1, the smallest positive number): accepted.</summary>
        ValueAtRangeEnd,

        /// <summary>A field another kind has, or a misspelt one.</summary>
        WrongField,

        /// <summary>A field the item's kind requires, left out.</summary>
        MissingField,

        /// <summary>Both a date and a span, neither, or a span without its end.</summary>
        DateForm,

        /// <summary>A support item with both a magnitude and an amount.</summary>
        MagnitudeAndAmount,

        /// <summary>A day its month does not have (2001-02-30).</summary>
        NoSuchDay,

        /// <summary>An item with an empty list of sources.</summary>
        NoSources,

        /// <summary>A name that is none of its field's names ("aid" for a kind, "refused" for a response).</summary>
        UnknownName,

        /// <summary>Text with a control character or a bidirectional override, or a name of white space only.</summary>
        BadText,

        /// <summary>An indicator whose best and worst are in the wrong order for its direction.</summary>
        IndicatorDirection,

        /// <summary>A range whose last period is before its first.</summary>
        RangeReversed,

        /// <summary>A range period finer than the case's granularity.</summary>
        RangeTooFine,

        /// <summary>An evidenceEnds before the case's first period.</summary>
        EvidenceEndsTooEarly,

        /// <summary>A declared last period before the year the evidence starts, with no first period declared.</summary>
        ToBeforeEvidence,

        /// <summary>A declared first period after the year the evidence ends, with no last period nor evidenceEnds declared.</summary>
        FromAfterEvidence,

        /// <summary>A source no item cites: accepted.</summary>
        UncitedSource,
    }

    /// <summary>What the faults injected so far have touched, so that a later one does not undo an earlier one.</summary>
    private sealed class Touched
    {
        public HashSet<string> Elements { get; } = [];

        /// <summary>Actors whose lifetime a fault relies on (itself and its parents).</summary>
        public HashSet<int> LifetimeReads { get; } = [];

        /// <summary>Actors whose lifetime a fault changed.</summary>
        public HashSet<int> LifetimeWrites { get; } = [];

        /// <summary>A fault changed which actor is whose part, or an actor's id: no lifetime fault goes with it.</summary>
        public bool Structure { get; set; }

        public bool LifetimeFaults { get; set; }

        /// <summary>
        /// A fault relies on the years the evidence covers (a range end beyond them): no later fault moves an item to
        /// another year while keeping it readable.
        /// </summary>
        public bool EvidenceYears { get; set; }

        public bool CanWriteLifetimes(IEnumerable<int> writes, IEnumerable<int> reads) =>
            !Structure && !writes.Any(w => LifetimeReads.Contains(w) || LifetimeWrites.Contains(w)) && !reads.Any(LifetimeWrites.Contains);

        public void Lifetimes(IEnumerable<int> writes, IEnumerable<int> reads)
        {
            LifetimeWrites.UnionWith(writes);
            LifetimeReads.UnionWith(reads);
            LifetimeFaults = true;
        }
    }

    private static List<Fault> Inject(Model model, int count, Random r)
    {
        var faults = new List<Fault>();
        var touched = new Touched();
        var kinds = Enum.GetValues<FaultKind>().Where(k => !Skipped.Contains(k)).ToArray();
        for (var k = 0; k < count; k++)
        {
            for (var attempt = 0; attempt < 50; attempt++)
            {
                if (TryInject(model, Pick(r, kinds), r, touched) is { } fault)
                {
                    faults.Add(fault);
                    break;
                }
            }
        }

        return faults;
    }

    /// <summary>The fault of that kind put into the case, or null when the case has no place for it.</summary>
    private static Fault? TryInject(Model m, FaultKind kind, Random r, Touched t)
    {
        var items = Enumerable.Range(0, m.Items.Count).Where(i => !t.Elements.Contains(ItemPath(i))).ToList();
        var item = items.Count > 0 ? Pick(r, items) : -1;
        var o = item >= 0 ? (JsonObject)m.EvidenceList[item]! : null;
        var meta = item >= 0 ? m.Items[item] : null;
        var at = item >= 0 ? ItemPath(item) : string.Empty;
        Fault? ItemFault(string field, string what, bool reported = true)
        {
            t.Elements.Add(at);
            return new Fault(kind, $"{at}{field}", at, meta!.Id, reported, what);
        }

        switch (kind)
        {
            case FaultKind.UnknownActorInItem when o is not null:
                {
                    var field = meta!.Dyadic ? Pick(r, new[] { "from", "to" }) : meta.Kind == "capability" ? "actor" : null;
                    if (field is null)
                    {
                        return null;
                    }

                    o[field] = "ghost-actor";
                    return ItemFault($".{field}", "\"ghost-actor\"");
                }

            case FaultKind.UnknownSourceInItem when o is not null:
                {
                    var sources = (JsonArray)o["sources"]!;
                    var k = r.Next(sources.Count);
                    sources[k] = "ghost-source";
                    return ItemFault($".sources[{k}]", "\"ghost-source\"");
                }

            case FaultKind.UnknownReferenceInItem when o is not null:
                {
                    var field = meta!.Kind switch
                    {
                        "demand" => "issue",
                        "attainment" => "objective",
                        "indicator" => "indicator",
                        "support" when meta.Amount => "unit",
                        _ => null,
                    };
                    if (field is null)
                    {
                        return null;
                    }

                    o[field] = "ghost-" + field;
                    return ItemFault($".{field}", $"\"ghost-{field}\"");
                }

            case FaultKind.UnknownReferenceInDeclaration:
                {
                    var choices = new List<(string Collection, string Field)>();
                    foreach (var (collection, field) in new[] { ("objectives", "holder"), ("objectives", "toward"), ("objectives", "issue"), ("indicators", "objective"), ("dyads", "patron"), ("dyads", "client") })
                    {
                        if (m.Optional(collection) is { Count: > 0 } list && list.Any(x => x![field] is not null))
                        {
                            choices.Add((collection, field));
                        }
                    }

                    if (choices.Count == 0)
                    {
                        return null;
                    }

                    // (The lifetime faults are put in items that name their actors, whose objectives do not matter to them.)
                    var (c, f) = Pick(r, choices);
                    var list2 = m.Optional(c)!;
                    var candidates = Enumerable.Range(0, list2.Count).Where(i => list2[i]![f] is not null && !t.Elements.Contains($"$.{c}[{i}]")).ToList();
                    if (candidates.Count == 0)
                    {
                        return null;
                    }

                    var i = Pick(r, candidates);
                    list2[i]![f] = "ghost-" + f;
                    t.Elements.Add($"$.{c}[{i}]");
                    return new Fault(kind, $"$.{c}[{i}].{f}", $"$.{c}[{i}]", list2[i]!["id"]?.GetValue<string>(), true, $"\"ghost-{f}\"");
                }

            case FaultKind.DuplicateEvidenceId when items.Count >= 2:
                {
                    var (a, b) = (Pick(r, items), Pick(r, items));
                    if (a == b)
                    {
                        return null;
                    }

                    var (first, later) = (Math.Min(a, b), Math.Max(a, b));
                    m.EvidenceList[later]!["id"] = m.Items[first].Id;
                    t.Elements.Add(ItemPath(first));
                    t.Elements.Add(ItemPath(later));
                    return new Fault(kind, $"{ItemPath(later)}.id", ItemPath(later), m.Items[first].Id, true, $"the id of {ItemPath(first)}");
                }

            case FaultKind.DuplicateDeclarationId:
                {
                    return Duplicate(m, kind, Pick(r, new[] { "sources", "issues", "objectives", "indicators", "units" }), r, t);
                }

            case FaultKind.DuplicateActorId when !t.Structure && !t.LifetimeFaults:
                {
                    var fault = Duplicate(m, kind, "actors", r, t);
                    t.Structure |= fault is not null;
                    return fault;
                }

            case FaultKind.SpanEndsBeforeStart when o is not null:
                {
                    var year = meta!.First.Year;
                    o.Remove("date");
                    o["start"] = Year(year);
                    o["end"] = string.Create(CultureInfo.InvariantCulture, $"{year - 1}-12-31");
                    return ItemFault(".end", $"{year} to {year - 1}-12-31");
                }

            case FaultKind.ActorEndsBeforeStart:
                {
                    var k = r.Next(m.Actors.Count);
                    if (t.Elements.Contains(ActorPath(k)) || !t.CanWriteLifetimes([k], []))
                    {
                        return null;
                    }

                    var actor = (JsonObject)m.ActorList[k]!;
                    (actor["activeFrom"], actor["activeTo"]) = ("2001", "2000-06");
                    t.Lifetimes([k], []);
                    t.Elements.Add(ActorPath(k));
                    return new Fault(kind, $"{ActorPath(k)}.activeTo", ActorPath(k), m.Actors[k].Id, true, "2001 to 2000-06");
                }

            case FaultKind.ItemOutsideLifetime when o is not null && !t.EvidenceYears:
                {
                    // An actor the item names (or one it is part of) with a start or an end: a year wholly before or after.
                    var lineage = meta!.Dyadic || meta.Kind == "capability" ? meta.Parties.SelectMany(m.Lineage).Distinct().ToList() : [];
                    var bounded = lineage.Where(x => m.Actors[x].From is not null || m.Actors[x].To is not null).ToList();
                    if (bounded.Count == 0 || !t.CanWriteLifetimes([], lineage))
                    {
                        return null;
                    }

                    var x = Pick(r, bounded);
                    var year = m.Actors[x].From is { } f ? f.Year - 1 : m.Actors[x].To!.Value.Year + 1;
                    o.Remove("start");
                    o.Remove("end");
                    o["date"] = Year(year);
                    t.Lifetimes([], lineage);
                    return ItemFault(".date", $"{year}, when \"{m.Actors[x].Id}\" did not exist");
                }

            case FaultKind.PartOutsideParent:
                {
                    var parts = Enumerable.Range(0, m.Actors.Count)
                        .Where(k => m.Actors[k].Parent >= 0 && !t.Elements.Contains(ActorPath(k)) && m.Lineage(k).Skip(1).Any(x => m.Actors[x].From is not null || m.Actors[x].To is not null))
                        .ToList();
                    if (parts.Count == 0)
                    {
                        return null;
                    }

                    var k = Pick(r, parts);
                    var lineage = m.Lineage(k);
                    if (!t.CanWriteLifetimes([k], lineage.Skip(1)))
                    {
                        return null;
                    }

                    var x = lineage.Skip(1).First(a => m.Actors[a].From is not null || m.Actors[a].To is not null);
                    var actor = (JsonObject)m.ActorList[k]!;
                    var (field, year) = m.Actors[x].From is { } f ? ("activeFrom", f.Year - 1) : ("activeTo", m.Actors[x].To!.Value.Year + 1);
                    actor[field] = Year(year);
                    t.Lifetimes([k], lineage.Skip(1));
                    t.Elements.Add(ActorPath(k));
                    return new Fault(kind, $"{ActorPath(k)}.{field}", ActorPath(k), m.Actors[k].Id, true, $"{field} {year}, outside \"{m.Actors[x].Id}\"");
                }

            case FaultKind.DyadNeverTogether:
                {
                    var dyads = m.Optional("dyads");
                    if (dyads is not { Count: > 0 })
                    {
                        return null;
                    }

                    var d = r.Next(dyads.Count);
                    var (p, c) = (IndexOf(m, dyads[d]!["patron"]), IndexOf(m, dyads[d]!["client"]));
                    if (p < 0 || c < 0 || p == c || t.Elements.Contains($"$.dyads[{d}]") || t.Elements.Contains(ActorPath(p)) || t.Elements.Contains(ActorPath(c))
                        || !t.CanWriteLifetimes([p, c], m.Lineage(p).Concat(m.Lineage(c))))
                    {
                        return null;
                    }

                    var (patron, client) = ((JsonObject)m.ActorList[p]!, (JsonObject)m.ActorList[c]!);
                    (patron["activeFrom"], patron["activeTo"]) = ("1980", "1981");
                    client["activeFrom"] = "2020";
                    client.Remove("activeTo");
                    t.Lifetimes([p, c], m.Lineage(p).Concat(m.Lineage(c)));
                    t.Elements.UnionWith([$"$.dyads[{d}]", ActorPath(p), ActorPath(c)]);
                    return new Fault(kind, $"$.dyads[{d}]", $"$.dyads[{d}]", null, true, "patron 1980–1981, client from 2020");
                }

            case FaultKind.DyadInsideMovement when !t.Structure:
                {
                    var parts = Enumerable.Range(0, m.Actors.Count).Where(k => m.Actors[k].Parent >= 0).ToList();
                    if (parts.Count == 0)
                    {
                        return null;
                    }

                    var k = Pick(r, parts);
                    var whole = Pick(r, m.Lineage(k).Skip(1).ToList());
                    var (p, c) = r.Next(2) == 0 ? (whole, k) : (k, whole);
                    var index = AddDyad(m, m.Actors[p].Id, m.Actors[c].Id);
                    t.Elements.Add($"$.dyads[{index}]");
                    t.LifetimeFaults = true; // a later change of parents would take the dyad out of the movement
                    return new Fault(kind, $"$.dyads[{index}]", $"$.dyads[{index}]", null, true, $"{m.Actors[p].Id} → {m.Actors[c].Id}");
                }

            case FaultKind.DyadSameActor:
                {
                    var a = m.Actors[r.Next(m.Actors.Count)].Id;
                    var index = AddDyad(m, a, a);
                    t.Elements.Add($"$.dyads[{index}]");
                    return new Fault(kind, $"$.dyads[{index}]", $"$.dyads[{index}]", null, true, $"{a} → {a}");
                }

            case FaultKind.DyadTwice:
                {
                    var dyads = m.Optional("dyads");
                    if (dyads is not { Count: > 0 })
                    {
                        return null;
                    }

                    var k = r.Next(dyads.Count);
                    if (!t.Elements.Add($"$.dyads[{k}]"))
                    {
                        return null; // another fault changed it (or relies on it)
                    }

                    var d = dyads[k]!;
                    var index = AddDyad(m, $"{d["patron"]}", $"{d["client"]}");
                    t.Elements.Add($"$.dyads[{index}]");
                    return new Fault(kind, $"$.dyads[{index}]", $"$.dyads[{index}]", null, true, $"{d["patron"]} → {d["client"]} again");
                }

            case FaultKind.ParentLoop when !t.Structure && !t.LifetimeFaults:
                {
                    var k = r.Next(m.Actors.Count);
                    var target = m.Actors[k].Parent >= 0 && r.Next(2) == 0 ? m.Lineage(k)[^1] : k;
                    m.ActorList[target]!["parent"] = m.Actors[k].Id;
                    t.Structure = true;
                    t.Elements.Add(ActorPath(target));
                    return new Fault(kind, $"{ActorPath(target)}.parent", ActorPath(target), m.Actors[target].Id, true, $"parent {m.Actors[k].Id}");
                }

            case FaultKind.UnknownParent when !t.Structure && !t.LifetimeFaults:
                {
                    var k = r.Next(m.Actors.Count);
                    m.ActorList[k]!["parent"] = "ghost-parent";
                    t.Structure = true;
                    t.Elements.Add(ActorPath(k));
                    return new Fault(kind, $"{ActorPath(k)}.parent", ActorPath(k), m.Actors[k].Id, true, "\"ghost-parent\"");
                }

            case FaultKind.ItemToItself when o is not null && meta!.Dyadic:
                o["to"] = o["from"]!.DeepClone();
                return ItemFault(".to", $"to {o["from"]}");

            case FaultKind.ValueBeyondRange or FaultKind.ValueAtRangeEnd:
                {
                    var beyond = kind == FaultKind.ValueBeyondRange;
                    if (r.Next(4) == 0)
                    {
                        // A declaration's number: an objective's salience in (0, 1], a unit's reference > 0.
                        var (c, f) = r.Next(2) == 0 ? ("objectives", "salience") : ("units", "reference");
                        if (m.Optional(c) is not { Count: > 0 } list)
                        {
                            return null;
                        }

                        var i = r.Next(list.Count);
                        if (!t.Elements.Add($"$.{c}[{i}]"))
                        {
                            return null;
                        }

                        double value = (c, beyond) switch
                        {
                            ("objectives", true) => r.Next(2) == 0 ? 0 : Math.BitIncrement(1.0),
                            ("objectives", false) => r.Next(2) == 0 ? double.Epsilon : 1,
                            (_, true) => r.Next(2) == 0 ? 0 : -double.Epsilon,
                            _ => double.Epsilon,
                        };
                        list[i]![f] = value;
                        return new Fault(kind, $"$.{c}[{i}].{f}", $"$.{c}[{i}]", list[i]!["id"]?.GetValue<string>(), beyond, Show(value));
                    }

                    if (o is null)
                    {
                        return null;
                    }

                    var field = meta!.Kind switch
                    {
                        "support" => meta.Amount ? "amount" : "magnitude",
                        "coercion" or "overreach" => "severity",
                        "demand" => "salience",
                        "attainment" or "capability" => "value",
                        "presence" => "level",
                        "commitment" => "scope",
                        _ => null,
                    };
                    if (field is null)
                    {
                        return null;
                    }

                    var v = (field, beyond) switch
                    {
                        ("amount", true) => -double.Epsilon,
                        ("amount", false) => 0,
                        ("salience", true) => r.Next(2) == 0 ? 0 : Math.BitIncrement(1.0),
                        ("salience", false) => r.Next(2) == 0 ? double.Epsilon : 1,
                        ("value", true) when meta.Kind == "capability" => r.Next(2) == 0 ? 0 : -double.Epsilon,
                        ("value", false) when meta.Kind == "capability" => double.Epsilon,
                        (_, true) => r.Next(2) == 0 ? -double.Epsilon : Math.BitIncrement(1.0),
                        _ => r.Next(2) == 0 ? 0.0 : 1.0,
                    };
                    o[field] = v;
                    return ItemFault($".{field}", Show(v), beyond);
                }

            case FaultKind.WrongField when o is not null:
                {
                    var present = o.Select(p => p.Key).Where(p => p is not ("id" or "kind")).ToList();
                    if (r.Next(3) == 0 && present.Count > 0)
                    {
                        // A misspelt property: "severity" → "severty".
                        var name = Pick(r, present);
                        var misspelt = name.Length > 3 ? name.Remove(name.Length - 3, 1) : name + "x";
                        var value = o[name]!.DeepClone();
                        o.Remove(name);
                        o[misspelt] = value;
                        return ItemFault($".{misspelt}", $"\"{name}\" spelt \"{misspelt}\"");
                    }

                    var others = KindFields.Values.SelectMany(f => f).Distinct().Where(f => !KindFields[meta!.Kind].Contains(f)).ToList();
                    var field = Pick(r, others);
                    o[field] = field is "from" or "to" or "actor" ? m.Actors[0].Id : field is "resource" ? "arms" : 0.5;
                    return ItemFault($".{field}", $"\"{field}\" on a {meta!.Kind} item");
                }

            case FaultKind.MissingField when o is not null:
                {
                    var required = new[] { "id", "kind", "confidence", "sources" }
                        .Concat(KindFields[meta!.Kind].Where(f => f != "scope"))
                        .Where(f => o[f] is not null)
                        .ToList();
                    var field = Pick(r, required);
                    o.Remove(field);
                    return ItemFault($".{field}", $"\"{field}\" removed");
                }

            case FaultKind.DateForm when o is not null:
                {
                    switch (r.Next(3))
                    {
                        case 0 when !meta!.Span:
                            (o["start"], o["end"]) = (o["date"]!.DeepClone(), o["date"]!.DeepClone());
                            return ItemFault(".date", "a date and a span");
                        case 0:
                            o["date"] = o["start"]!.DeepClone();
                            return ItemFault(".date", "a span and a date");
                        case 1 when meta!.Span:
                            o.Remove("end");
                            return ItemFault(".end", "a span without its end");
                        default:
                            o.Remove("date");
                            o.Remove("start");
                            o.Remove("end");
                            return ItemFault(".date", "no date");
                    }
                }

            case FaultKind.MagnitudeAndAmount when o is not null && meta!.Kind == "support":
                if (meta.Amount)
                {
                    o["magnitude"] = 0.5;
                }
                else
                {
                    (o["amount"], o["unit"]) = (1.0, m.Optional("units") is { Count: > 0 } units ? units[0]!["id"]!.DeepClone() : "usd");
                }

                return ItemFault(".amount", "a magnitude and an amount");

            case FaultKind.NoSuchDay when o is not null:
                {
                    var field = meta!.Span ? Pick(r, new[] { "start", "end" }) : "date";
                    var text = string.Create(CultureInfo.InvariantCulture, $"{meta.First.Year}-{Pick(r, new[] { "02-30", "02-31", "04-31", "06-31", "09-31", "11-31", "13-01", "00-10", "01-00", "01-32" })}");
                    o[field] = text;
                    return ItemFault($".{field}", text);
                }

            case FaultKind.NoSources when o is not null:
                o["sources"] = new JsonArray();
                return ItemFault(".sources", "[]");

            case FaultKind.UnknownName when o is not null:
                {
                    var choices = new List<(string Field, string Value)> { ("confidence", "certain"), ("kind", "aid"), ("kind", "pressure"), ("kind", "Support") };
                    switch (meta!.Kind)
                    {
                        case "support":
                            choices.Add(("resource", "fundng"));
                            break;
                        case "coercion":
                            choices.Add(("type", "bombing"));
                            break;
                        case "demand":
                            choices.AddRange([("response", "refused"), ("response", "met")]);
                            break;
                        case "presence":
                            choices.Add(("type", "troops"));
                            break;
                        case "commitment":
                            choices.Add(("formality", "oral"));
                            break;
                        default:
                            break;
                    }

                    var (field, value) = Pick(r, choices);
                    o[field] = value;
                    return ItemFault($".{field}", $"\"{value}\"");
                }

            case FaultKind.BadText:
                {
                    var bad = Pick(r, new[] { "bad\u0007bell", "x\u001b[31m", "\u202Eoverride", "\u2066isolate\u2069", "c1\u009Bcsi", " \t " });
                    var blank = bad.Trim().Length == 0;
                    var (list, c, field) = r.Next(3) switch
                    {
                        0 => (m.ActorList, "actors", blank || r.Next(2) == 0 ? "name" : "note"),
                        1 => (m.SourceList, "sources", blank || r.Next(2) == 0 ? "citation" : "url"),
                        _ => (m.EvidenceList, "evidence", "note"),
                    };
                    if (list.Count == 0 || (blank && c == "evidence"))
                    {
                        return null;
                    }

                    var i = r.Next(list.Count);
                    if (!t.Elements.Add($"$.{c}[{i}]"))
                    {
                        return null;
                    }

                    list[i]![field] = bad;
                    return new Fault(kind, $"$.{c}[{i}].{field}", $"$.{c}[{i}]", list[i]!["id"]?.GetValue<string>(), true, Printable(bad));
                }

            case FaultKind.IndicatorDirection:
                {
                    if (m.Optional("indicators") is not { Count: > 0 } list)
                    {
                        return null;
                    }

                    var i = r.Next(list.Count);
                    if (!t.Elements.Add($"$.indicators[{i}]"))
                    {
                        return null;
                    }

                    var ind = list[i]!;
                    (ind["best"], ind["worst"]) = (ind["worst"]!.DeepClone(), ind["best"]!.DeepClone());
                    return new Fault(kind, $"$.indicators[{i}]", $"$.indicators[{i}]", ind["id"]?.GetValue<string>(), true, "best and worst swapped");
                }

            case FaultKind.RangeReversed when t.Elements.Add("$.header"):
                (m.Root["from"], m.Root["to"]) = ("2005", "2001");
                return new Fault(kind, "$.to", "$.to", null, true, "2005 to 2001");

            case FaultKind.RangeTooFine when t.Elements.Add("$.header"):
                (m.Root["granularity"], m.Root["from"]) = ("year", Pick(r, new[] { "1995-06", "1995Q2" }));
                return new Fault(kind, "$.from", "$.from", null, true, $"from {m.Root["from"]} in a yearly case");

            case FaultKind.EvidenceEndsTooEarly when t.Elements.Add("$.header"):
                {
                    // Before the first period (declared here if the case has none): refused whatever the evidence.
                    if (m.Root["from"] is null)
                    {
                        m.Root["from"] = "1985";
                    }

                    var from = $"{m.Root["from"]}";
                    var start = new DateOnly(int.Parse(from[..4], CultureInfo.InvariantCulture), from.Length == 7 ? int.Parse(from[5..], CultureInfo.InvariantCulture) : from.Length == 6 ? ((from[5] - '1') * 3) + 1 : 1, 1);
                    m.Root["evidenceEnds"] = DayText(start.AddDays(-1));
                    return new Fault(kind, "$.evidenceEnds", "$.evidenceEnds", null, true, $"{m.Root["evidenceEnds"]}, before {from}");
                }

            case FaultKind.ToBeforeEvidence or FaultKind.FromAfterEvidence when items.Count > 0 && t.Elements.Add("$.header"):
                {
                    // With one end declared the other is the year the evidence starts (or ends): a declared end beyond it
                    // leaves nothing to score. One item no later fault touches keeps the evidence read; the years are the
                    // items' as they are now (an earlier fault may have moved one), and no later fault moves one.
                    var before = kind == FaultKind.ToBeforeEvidence;
                    t.Elements.Add(ItemPath(item));
                    t.EvidenceYears = true;
                    var years = Enumerable.Range(0, m.Items.Count).SelectMany(i => ItemYears(m, i)).ToList();
                    var year = before ? years.Min() - 1 - (r.Next(3) == 0 ? r.Next(1, 5) : 0) : years.Max() + 1 + (r.Next(3) == 0 ? r.Next(1, 5) : 0);
                    var granularity = Array.IndexOf(["year", "quarter", "month"], m.Root["granularity"]?.GetValue<string>() ?? "year");
                    var period = Period(r.Next(granularity + 1), year, r.Next(1, 13));
                    m.Root.Remove("from");
                    m.Root.Remove("to");
                    if (before)
                    {
                        m.Root["to"] = period;
                        return new Fault(kind, "$.to", "$.to", null, true, $"to {period}, evidence from {years.Min()}");
                    }

                    m.Root.Remove("evidenceEnds");
                    m.Root["from"] = period;
                    return new Fault(kind, "$.from", "$.from", null, true, $"from {period}, evidence to {years.Max()}");
                }

            case FaultKind.UncitedSource:
                {
                    var i = m.SourceList.Count;
                    var id = string.Create(CultureInfo.InvariantCulture, $"never-cited-{i}");
                    m.SourceList.Add(new JsonObject { ["id"] = id, ["citation"] = "A source no item cites" });
                    t.Elements.Add($"$.sources[{i}]");
                    return new Fault(kind, $"$.sources[{i}]", $"$.sources[{i}]", id, false, "never cited");
                }

            default:
                return null;
        }
    }

    /// <summary>The years an item's dates are in now (its first and last as generated, and any a fault wrote).</summary>
    private static IEnumerable<int> ItemYears(Model m, int i)
    {
        yield return m.Items[i].First.Year;
        yield return m.Items[i].Last.Year;
        foreach (var field in new[] { "date", "start", "end" })
        {
            if (m.EvidenceList[i]![field] is JsonValue v && v.TryGetValue<string>(out var text) && text.Length >= 4
                && int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var y))
            {
                yield return y;
            }
        }
    }

    private static string ItemPath(int i) => string.Create(CultureInfo.InvariantCulture, $"$.evidence[{i}]");

    private static string ActorPath(int i) => string.Create(CultureInfo.InvariantCulture, $"$.actors[{i}]");

    private static int IndexOf(Model m, JsonNode? id) => id is null ? -1 : m.Actors.FindIndex(a => a.Id == id.GetValue<string>());

    private static int AddDyad(Model m, string patron, string client)
    {
        if (m.Optional("dyads") is not { } dyads)
        {
            m.Root["dyads"] = dyads = [];
        }

        dyads.Add(new JsonObject { ["patron"] = patron, ["client"] = client });
        return dyads.Count - 1;
    }

    /// <summary>The later of two elements of a collection takes the earlier's id.</summary>
    private static Fault? Duplicate(Model m, FaultKind kind, string collection, Random r, Touched t)
    {
        if (m.Optional(collection) is not { Count: >= 2 } list)
        {
            return null;
        }

        var (a, b) = (r.Next(list.Count), r.Next(list.Count));
        var (first, later) = (Math.Min(a, b), Math.Max(a, b));
        var path = string.Create(CultureInfo.InvariantCulture, $"$.{collection}[{later}]");
        if (a == b || !t.Elements.Add(path))
        {
            return null;
        }

        var id = list[first]!["id"]!.GetValue<string>();
        list[later]!["id"] = id;
        return new Fault(kind, $"{path}.id", path, id, true, $"the id of {collection}[{first}]");
    }

    private static string Show(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    private static string Printable(string s) => string.Concat(s.Select(c => char.IsControl(c) || c is >= '\u2066' and <= '\u2069' or >= '\u202A' and <= '\u202E' ? $"\\u{(int)c:X4}" : c.ToString()));
}
