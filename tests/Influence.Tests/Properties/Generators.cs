using System.Collections.Immutable;
using CsCheck;
using Influence.Cases;
using Influence.Evidence;
using Influence.Scoring;

namespace Influence.Tests.Properties;

/// <summary>
/// Random small cases for property tests: five actors (P, the movement C, its faction CF, and two third parties X and
/// Y, so a client can have more than one supporter besides its patron), three declared dyads (P→C, X→C, P→CF), two
/// issues, three objectives, one indicator, and up to a dozen evidence items of every kind, dated 1998–2006 as points
/// of every precision or spans, scored 2000–2005.
/// </summary>
internal static class Generators
{
    public static readonly ImmutableArray<string> Actors = ["P", "C", "CF", "X", "Y"];

    public static readonly ImmutableArray<Dyad> Dyads = [new("P", "C"), new("X", "C"), new("P", "CF")];

    public static readonly Period From = Period.FromYear(2000);

    public static readonly Period To = Period.FromYear(2005);

    /// <summary>A number in [0, 1], hitting both ends now and then.</summary>
    public static readonly Gen<double> Unit = Gen.Frequency((1, Gen.Const(0.0)), (1, Gen.Const(1.0)), (6, Gen.Double[0, 1]));

    /// <summary>A salience in (0, 1].</summary>
    public static readonly Gen<double> Salience = Gen.Frequency((1, Gen.Const(1.0)), (1, Gen.Const(0.8)), (4, Gen.Double[0.01, 1]));

    /// <summary>A point known to the year, month or day, 1998–2006.</summary>
    public static readonly Gen<EvidenceDate> Point = Gen.Select(Gen.Int[1998, 2006], Gen.Int[1, 12], Gen.Int[1, 28], Gen.Int[0, 2], MakePoint);

    /// <summary>A point (three times in four) or a span of up to four calendar years.</summary>
    public static readonly Gen<EvidenceDate> Date = Gen.Frequency(
        (3, Point),
        (1, Gen.Select(Point, Gen.Int[0, 3], Gen.Int[1, 12], Gen.Int[0, 2], (start, years, month, precision) =>
        {
            var end = MakePoint(start.First.Year + years, month, 28, precision);
            return EvidenceDate.Span(start, end.Last < start.First ? start : end);
        })));

    /// <summary>Two different actors.</summary>
    public static readonly Gen<(string From, string To)> Pair = Gen.Select(Gen.Int[0, 4], Gen.Int[1, 4], (a, k) => (Actors[a], Actors[(a + k) % 5]));

    public static readonly Gen<Confidence> Confidence = Gen.Enum<Confidence>();

    /// <summary>An item of any kind, waiting for its id.</summary>
    public static readonly Gen<Func<string, EvidenceItem>> Item = Gen.OneOf(
        Gen.Select(Date, Confidence, Pair, Gen.Enum<ResourceType>(), Unit, (d, c, p, r, m) =>
            (Func<string, EvidenceItem>)(id => new SupportEvidence(id, d, c, ["s1"], p.From, p.To, r, m))),
        Gen.Select(Date, Confidence, Pair, Gen.Enum<CoercionType>(), Unit, (d, c, p, t, s) =>
            (Func<string, EvidenceItem>)(id => new CoercionEvidence(id, d, c, ["s1"], p.From, p.To, t, s))),
        Gen.Select(Date, Confidence, Pair, Gen.Int[1, 2], Salience, Gen.Enum<DemandResponse>(), (d, c, p, i, s, r) =>
            (Func<string, EvidenceItem>)(id => new DemandEvidence(id, d, c, ["s2"], p.From, p.To, $"i{i}", s, r))),
        Gen.Select(Date, Confidence, Gen.Int[1, 3], Unit, (d, c, o, v) =>
            (Func<string, EvidenceItem>)(id => new AttainmentEvidence(id, d, c, ["s1"], $"o{o}", v))),
        Gen.Select(Date, Confidence, Gen.Double[-20, 120], (d, c, v) =>
            (Func<string, EvidenceItem>)(id => new IndicatorEvidence(id, d, c, ["s1", "s2"], "ind1", v))),
        Gen.Select(Date, Confidence, Pair, Gen.Enum<PresenceType>(), Unit, (d, c, p, t, l) =>
            (Func<string, EvidenceItem>)(id => new PresenceEvidence(id, d, c, ["s1"], p.From, p.To, t, l))),
        Gen.Select(Date, Confidence, Pair, Unit, (d, c, p, s) =>
            (Func<string, EvidenceItem>)(id => new OverreachEvidence(id, d, c, ["s1"], p.From, p.To, s))),
        Gen.Select(Date, Confidence, Pair, Gen.Enum<CommitmentFormality>(), Unit, (d, c, p, f, s) =>
            (Func<string, EvidenceItem>)(id => new CommitmentEvidence(id, d, c, ["s1"], p.From, p.To, f) { Scope = s })),
        Gen.Select(Date, Confidence, Gen.Int[0, 4], Gen.Double[0.1, 100], (d, c, a, v) =>
            (Func<string, EvidenceItem>)(id => new CapabilityEvidence(id, d, c, ["s2"], Actors[a], v))));

    /// <summary>
    /// Support to the client C from both third parties, X and Y, in one year of the scored range, each weighing at
    /// least 0.2: added to random items, it gives the client two supporters besides its patron, so that counts above 1
    /// are drawn too.
    /// </summary>
    public static readonly Gen<EvidenceItem[]> SupportFromBothThirdParties = Gen.Select(Gen.Int[2000, 2005], Gen.Double[0.2, 1], Gen.Double[0.2, 1], (year, x, y) =>
        new EvidenceItem[]
        {
            new SupportEvidence("x-to-c", EvidenceDate.InYear(year), Influence.Evidence.Confidence.Confirmed, ["s1"], "X", "C", ResourceType.Funding, x),
            new SupportEvidence("y-to-c", EvidenceDate.InYear(year), Influence.Evidence.Confidence.Confirmed, ["s1"], "Y", "C", ResourceType.Arms, y),
        });

    /// <summary>Up to <paramref name="max"/> items with ids e00, e01, ….</summary>
    public static Gen<EvidenceItem[]> Items(int max = 12) =>
        Item.Array[0, max].Select(fs => fs.Select((f, i) => f($"e{i:D2}")).ToArray());

    public static readonly Gen<Granularity> Granularity = Gen.Frequency(
        (3, Gen.Const(Influence.Granularity.Year)), (2, Gen.Const(Influence.Granularity.Quarter)), (1, Gen.Const(Influence.Granularity.Month)));

    /// <summary>The case skeleton with the given evidence, in the given order.</summary>
    public static Case Build(IEnumerable<EvidenceItem> items)
    {
        var b = new CaseBuilder("generated", "Generated case") { From = From, To = To };
        b.AddSource(new Source("s1", "Source one")).AddSource(new Source("s2", "Source two"));
        b.AddActor(new Actor("P", "Patron", ActorKind.State))
            .AddActor(new Actor("C", "Client movement", ActorKind.Movement))
            .AddActor(new Actor("CF", "Client faction", ActorKind.Faction) { Parent = "C" })
            .AddActor(new Actor("X", "Third party", ActorKind.State))
            .AddActor(new Actor("Y", "Another third party", ActorKind.State));
        b.AddIssue(new Issue("i1", "Core issue") { Core = true }).AddIssue(new Issue("i2", "Other issue"));
        b.AddObjective(new Objective("o1", "P", "Depth", 0.9) { Toward = "C" })
            .AddObjective(new Objective("o2", "P", "Prestige", 0.4))
            .AddObjective(new Objective("o3", "X", "Rival's aim", 0.7) { Toward = "C" });
        b.AddIndicator(new Indicator("ind1", "o1", "Attacks", IndicatorDirection.LowerIsBetter, 0, 100));
        foreach (var d in Dyads)
        {
            b.AddDyad(d.Patron, d.Client);
        }

        // Looked at over the whole range (and to the last item, when one runs past it): every period is scored.
        var list = items.ToList();
        var rangeEnd = To.End;
        var lastItem = list.Count == 0 ? rangeEnd : list.Max(i => i.Date.Last);
        b.EvidenceEnds = lastItem > rangeEnd ? lastItem : rangeEnd;
        return b.AddRange(list).Build();
    }

    /// <summary>Scores a case 2000–2005 at a granularity.</summary>
    public static ScoreSet Score(Case @case, Granularity granularity, ScoringOptions? options = null) =>
        Scorer.Score(@case, options, new ScoringRequest { Granularity = granularity, From = From, To = To });

    /// <summary>A short description of the evidence for failure reports.</summary>
    public static string Print(IEnumerable<EvidenceItem> items) => string.Join("\n", items.Select(Describe));

    private static string Describe(EvidenceItem e) => e switch
    {
        SupportEvidence s => $"{s.Id} support {s.Date} {s.Confidence} {s.From}→{s.To} {s.Magnitude}",
        CoercionEvidence k => $"{k.Id} coercion {k.Date} {k.Confidence} {k.From}→{k.To} {k.Severity}",
        DemandEvidence d => $"{d.Id} demand {d.Date} {d.Confidence} {d.From}→{d.To} {d.Issue} {d.Salience} {d.Response}",
        AttainmentEvidence a => $"{a.Id} attainment {a.Date} {a.Confidence} {a.Objective} {a.Value}",
        IndicatorEvidence i => $"{i.Id} indicator {i.Date} {i.Confidence} {i.Indicator} {i.Value}",
        PresenceEvidence p => $"{p.Id} presence {p.Date} {p.Confidence} {p.From}→{p.To} {p.Level}",
        OverreachEvidence o => $"{o.Id} overreach {o.Date} {o.Confidence} {o.From}→{o.To} {o.Severity}",
        CommitmentEvidence m => $"{m.Id} commitment {m.Date} {m.Confidence} {m.From}→{m.To} {m.Formality} {m.Scope}",
        CapabilityEvidence c => $"{c.Id} capability {c.Date} {c.Confidence} {c.Actor} {c.Value}",
        _ => e.Id,
    };

    private static EvidenceDate MakePoint(int year, int month, int day, int precision) => precision switch
    {
        0 => EvidenceDate.InYear(year),
        1 => EvidenceDate.InMonth(year, month),
        _ => EvidenceDate.OnDay(new DateOnly(year, month, day)),
    };
}
