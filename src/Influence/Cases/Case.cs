using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using Influence.Evidence;
using Influence.Internal;

namespace Influence.Cases;

/// <summary>
/// A case: actors, the sources they are known from, the issues and objectives at stake, the dyads to score, and
/// dated, sourced evidence. Immutable; build one with <see cref="CaseBuilder"/> or read one with
/// <see cref="IO.CaseReader"/>.
/// </summary>
/// <remarks>
/// Every cross-reference in a <see cref="Case"/> has been checked: evidence names existing actors, sources, issues,
/// objectives and indicators. Instances are safe to share between threads.
/// </remarks>
public sealed class Case
{
    private readonly FrozenDictionary<string, int> _actorIndex;

    /// <summary>
    /// The first day of the evidence and the day it ends (see <see cref="EvidenceDays"/>), found once; a copy with fewer
    /// or resampled items is given the original's.
    /// </summary>
    /// <remarks>A reference, so that a thread that finds it set finds it whole.</remarks>
    private Tuple<int?, int?>? _days;

    internal Case(
        CaseInfo info,
        ImmutableArray<Actor> actors,
        ImmutableArray<Source> sources,
        ImmutableArray<Issue> issues,
        ImmutableArray<Objective> objectives,
        ImmutableArray<Indicator> indicators,
        ImmutableArray<AmountUnit> units,
        ImmutableArray<Dyad> dyads,
        EvidenceTable evidence)
    {
        Info = info;
        Actors = actors;
        Sources = sources;
        Issues = issues;
        Objectives = objectives;
        Indicators = indicators;
        Units = units;
        Dyads = dyads;
        Evidence = evidence;
        _actorIndex = Index(actors, a => a.Id);
        SourceIndex = Index(sources, s => s.Id);
        IssueIndex = Index(issues, s => s.Id);
        ObjectiveIndex = Index(objectives, s => s.Id);
        IndicatorIndex = Index(indicators, s => s.Id);
        Lifetimes = actors.Any(a => a.ActiveFrom is not null || a.ActiveTo is not null) ? new Lifetimes(actors, ActorIndexOf) : null;
    }

    /// <summary>The case's identifier.</summary>
    public string Id => Info.Id;

    /// <summary>The case's title.</summary>
    public string Name => Info.Name;

    /// <summary>The case in a line: "case 'pakistan-taliban' (Pakistan and the Afghan Taliban, 1973–2026): 30 actors, 176 evidence items, 6 dyads, yearly".</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"case '{Id}' ({Name}): {Actors.Length} actor{(Actors.Length == 1 ? string.Empty : "s")}, {Evidence.Count} evidence item{(Evidence.Count == 1 ? string.Empty : "s")}, {Dyads.Length} dyad{(Dyads.Length == 1 ? string.Empty : "s")}, {Granularity switch { Granularity.Quarter => "quarterly", Granularity.Month => "monthly", _ => "yearly" }}");

    /// <summary>A description of the case and how it was coded.</summary>
    public string? Description => Info.Description;

    /// <summary>What the capability values measure (one scale for the whole case).</summary>
    public string? CapabilityIndex => Info.CapabilityIndex;

    /// <summary>The granularity the case is scored at unless told otherwise.</summary>
    public Granularity Granularity => Info.Granularity;

    /// <summary>The first period scored unless told otherwise (null: the first year with evidence).</summary>
    public Period? From => Info.From;

    /// <summary>The last period scored unless told otherwise (null: the last year with evidence).</summary>
    public Period? To => Info.To;

    /// <summary>
    /// The last day the case's evidence was looked for: the day the file declares (<see cref="CaseBuilder.EvidenceEnds"/>),
    /// else the last day any evidence item covers; null for a case with neither. The reference case's ends on 2026-02-28.
    /// Periods that start after it are not scored (<see cref="Scoring.ScoreSet.InactiveReason"/>), and the period that
    /// holds it short of its own end is partial (<see cref="Scoring.ScoreSet.IsPartial(int)"/>).
    /// </summary>
    public DateOnly? EvidenceEnds => EvidenceDays().Last is { } last ? DateOnly.FromDayNumber(last) : null;

    /// <summary>
    /// Why periods <paramref name="from"/> … <paramref name="to"/> cannot be scored when the first starts after the
    /// evidence ends (<see cref="EvidenceEnds"/>), or null when it does not: the message of the error a request for them
    /// gets.
    /// </summary>
    internal string? AfterEvidence(Period from, Period to)
    {
        if (!StartsAfterEvidence(from))
        {
            return null;
        }

        var day = EvidenceEnds!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return (from == to
            ? $"the period requested ({from}) starts after the case's evidence ends ({day}): nothing in it was looked at, so it would not be scored"
            : $"the periods requested ({from}–{to}) start after the case's evidence ends ({day}): nothing in them was looked at, so none would be scored")
            + "; a case looked at for longer declares its evidenceEnds";
    }

    /// <summary>Whether <paramref name="period"/> starts after the evidence ends (<see cref="EvidenceEnds"/>): it is not scored.</summary>
    internal bool StartsAfterEvidence(Period period) => EvidenceEnds is { } end && period.Start > end;

    /// <summary>Whether the evidence ends inside <paramref name="period"/>, before its last day (<see cref="EvidenceEnds"/>).</summary>
    internal bool EndsInside(Period period) => EvidenceEnds is { } end && period.Start <= end && end < period.End;

    /// <summary>Whether the file declares where its evidence ends (<see cref="EvidenceEnds"/>) rather than leaving it to the last item.</summary>
    public bool DeclaresEvidenceEnds => Info.EvidenceEnds is not null;

    /// <summary>
    /// The day a case file must declare as its <c>evidenceEnds</c> to read back with the same <see cref="EvidenceEnds"/>:
    /// the declared day, or for a copy with fewer items (<see cref="WhereEvidence"/>) the original's when its own last
    /// item ends earlier; null when the last item's day is the end.
    /// </summary>
    internal DateOnly? EvidenceEndsToWrite =>
        Info.EvidenceEnds ?? EvidenceEndsBeyondItems;

    /// <summary>
    /// <see cref="EvidenceEnds"/> when it is not the last day an item covers (null when it is): what the input hash takes,
    /// so that declaring the day the items end anyway, as a case file written from a copy with fewer items does, does
    /// not change the hash of what scores the same.
    /// </summary>
    internal DateOnly? EvidenceEndsBeyondItems =>
        EvidenceEnds is { } end && CoveredDays(null).Item2 != end.DayNumber ? end : null;

    /// <summary>The actors.</summary>
    public ImmutableArray<Actor> Actors { get; }

    /// <summary>The sources evidence cites.</summary>
    public ImmutableArray<Source> Sources { get; }

    /// <summary>The issues demands are about.</summary>
    public ImmutableArray<Issue> Issues { get; }

    /// <summary>The actors' objectives.</summary>
    public ImmutableArray<Objective> Objectives { get; }

    /// <summary>The indicator series mapped onto objectives.</summary>
    public ImmutableArray<Indicator> Indicators { get; }

    /// <summary>The units support amounts are given in.</summary>
    public ImmutableArray<AmountUnit> Units { get; }

    /// <summary>The dyads the case declares for scoring.</summary>
    public ImmutableArray<Dyad> Dyads { get; }

    /// <summary>The evidence, in canonical order (by id).</summary>
    public EvidenceTable Evidence { get; }

    internal CaseInfo Info { get; }

    internal FrozenDictionary<string, int> SourceIndex { get; }

    internal FrozenDictionary<string, int> IssueIndex { get; }

    internal FrozenDictionary<string, int> ObjectiveIndex { get; }

    internal FrozenDictionary<string, int> IndicatorIndex { get; }

    /// <summary>Finds an actor by id.</summary>
    /// <param name="id">The actor id.</param>
    /// <returns>The actor, or null.</returns>
    public Actor? FindActor(string id) => _actorIndex.TryGetValue(NotNull(id), out var i) ? Actors[i] : null;

    /// <summary>
    /// The movements through which evidence coded on <paramref name="actor"/> counts for one of
    /// <paramref name="dyad"/>'s parties: its parent, its parent's parent, … up to that party, which comes last
    /// (["taliban"] for haqqani in pakistan → taliban). Empty when the actor is a party itself or lies outside both.
    /// </summary>
    /// <param name="actor">The actor id, as an item codes it.</param>
    /// <param name="dyad">The dyad.</param>
    /// <returns>The chain of movements, ending with the party.</returns>
    public ImmutableArray<string> CountsFor(string actor, Dyad dyad)
    {
        var chain = ImmutableArray.CreateBuilder<string>();
        for (var a = FindActor(actor); a?.Parent is { } parent && chain.Count < Actors.Length; a = FindActor(parent))
        {
            chain.Add(parent);
            if (parent == dyad.Patron || parent == dyad.Client)
            {
                return chain.ToImmutable();
            }
        }

        return [];
    }

    /// <summary>The position of an actor in <see cref="Actors"/>, or −1.</summary>
    /// <param name="id">The actor id.</param>
    /// <returns>The position.</returns>
    public int ActorIndexOf(string id) => _actorIndex.TryGetValue(NotNull(id), out var i) ? i : -1;

    /// <summary>Finds a source by id.</summary>
    /// <param name="id">The source id.</param>
    /// <returns>The source, or null.</returns>
    public Source? FindSource(string id) => SourceIndex.TryGetValue(NotNull(id), out var i) ? Sources[i] : null;

    /// <summary>
    /// Why a dyad is not scored in a period: its parties (with their movements) did not exist together on any day of
    /// it (see <see cref="Actor.ActiveFrom"/>); null when they did.
    /// </summary>
    /// <param name="patron">The patron's actor position.</param>
    /// <param name="client">The client's actor position.</param>
    /// <param name="period">The period.</param>
    /// <returns>The reason, or null.</returns>
    internal string? Inactive(int patron, int client, Period period) => Lifetimes?.Inactive(patron, client, period);

    /// <summary>Why the dyad has no value in any period of a range because of its parties' lifetimes, or null (<see cref="Lifetimes.Inactive(int, int, Period, Period)"/>).</summary>
    internal string? Inactive(int patron, int client, Period from, Period to) => Lifetimes?.Inactive(patron, client, from, to);

    /// <summary>Whether any actor of the case says when it existed (when none does, no dyad is ever inactive).</summary>
    internal bool HasActiveSpans => Lifetimes is not null;

    /// <summary>When the actors existed, with their movements; null when no actor says.</summary>
    internal Lifetimes? Lifetimes { get; }

    /// <summary>"no actor is called "X" in case 'c'", with a suggestion when an actor's id is close.</summary>
    internal string NoActorCalled(string id) => $"no actor is called \"{Printable.Shown(id)}\" in case '{Id}'{Names.DidYouMean(id, Actors.Select(a => a.Id), listAs: "actors")}";

    private static string NotNull(string id, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(id))] string? name = null) =>
        id ?? throw new ArgumentNullException(name);

    /// <summary>
    /// A copy of this case without the given evidence items (used to measure each item's effect). It covers the
    /// years this case covers (its declared range, else the years of this case's evidence), so it scores over the same
    /// periods by default.
    /// </summary>
    /// <param name="evidenceIds">The ids of the items to leave out; unknown ids are ignored.</param>
    /// <returns>The reduced case.</returns>
    public Case WithoutEvidence(IEnumerable<string> evidenceIds)
    {
        ArgumentNullException.ThrowIfNull(evidenceIds);
        var drop = new HashSet<int>();
        foreach (var id in evidenceIds)
        {
            var i = Evidence.IndexOf(id);
            if (i >= 0)
            {
                drop.Add(i);
            }
        }

        return drop.Count == 0 ? this : WithEvidence(Evidence.Columns.Where(i => !drop.Contains(i)));
    }

    /// <summary>
    /// A copy of this case keeping only the evidence items a predicate accepts. It covers the years this case covers
    /// (its declared range, else the years of this case's evidence), so it scores over the same periods by default.
    /// </summary>
    /// <param name="keep">Decides, by position in <see cref="Evidence"/>, whether an item stays.</param>
    /// <returns>The reduced case.</returns>
    public Case WhereEvidence(Func<int, bool> keep)
    {
        ArgumentNullException.ThrowIfNull(keep);
        return WithEvidence(Evidence.Columns.Where(keep));
    }

    /// <summary>
    /// A copy of this case in which item i appears <paramref name="copies"/>[i] times (0 leaves it out): a bootstrap
    /// resample. Copies after the first are named <c>id#k</c> (more <c>#</c> appended should that name be taken), so ids stay unique.
    /// </summary>
    /// <param name="copies">One count per item, in canonical order.</param>
    /// <returns>The resampled case.</returns>
    internal Case WithRepeatedEvidence(ReadOnlySpan<int> copies) => WithEvidence(Evidence.Columns.Repeat(copies));

    /// <summary>
    /// What is wrong with a dyad as this case reads it, each problem a message: unset, an actor id the case does not
    /// have (with the nearest), the same actor twice, or one party inside the other's movement. Empty when both are
    /// actors of the case, differ and lie outside each other's movement.
    /// </summary>
    internal IEnumerable<string> DyadProblems(Dyad d)
    {
        if (d.IsDefault)
        {
            yield return "a dyad must name a patron and a client; one is unset (default(Dyad))";
            yield break;
        }

        var known = true;
        foreach (var id in d.Patron == d.Client ? [d.Patron] : new[] { d.Patron, d.Client })
        {
            if (ActorIndexOf(id) < 0)
            {
                known = false;
                yield return $"dyad {d}: {NoActorCalled(id)}";
            }
        }

        if (d.Patron == d.Client)
        {
            yield return $"dyad {d} must name two different actors";
        }
        else if (known && WithinEachOther(d) is { } inside)
        {
            // Refused wherever a dyad is named (declared, requested, counterfactual, sensitivity), as the case reader
            // refuses one declared: nothing between a movement and its own faction is counted, so no score would mean anything.
            yield return $"dyad {d}: {inside}, so what passes between them stays inside one movement and the dyad is never scored";
        }
    }

    /// <summary>
    /// Throws one <see cref="ArgumentException"/> listing every problem (the first 20, then how many more), so that a
    /// list of dyads is fixed in one round; nothing when there is none.
    /// </summary>
    internal static void ThrowIfAny(IReadOnlyList<string> problems, string paramName)
    {
        const int Listed = 20;
        if (problems.Count == 0)
        {
            return;
        }

        // A dyad or measure given twice is one problem, said once.
        var distinct = problems.Distinct(StringComparer.Ordinal).ToList();
        var more = distinct.Count > Listed ? string.Create(CultureInfo.InvariantCulture, $"; and {distinct.Count - Listed} more") : string.Empty;
        throw new ArgumentException(string.Join("; ", distinct.Take(Listed)) + more, paramName);
    }

    /// <summary>A copy of this case with other declared dyads.</summary>
    /// <param name="dyads">The dyads; each must name two different actors of the case.</param>
    /// <returns>The copy.</returns>
    /// <exception cref="ArgumentException">A dyad is unset, names an unknown actor or the same actor twice, has one party inside the other's movement, or is given twice.</exception>
    public Case WithDyads(IEnumerable<Dyad> dyads)
    {
        ArgumentNullException.ThrowIfNull(dyads);
        var list = dyads.ToImmutableArray();
        var seen = new HashSet<Dyad>();
        var problems = new List<string>();
        foreach (var d in list)
        {
            problems.AddRange(DyadProblems(d));

            if (!d.IsDefault && !seen.Add(d))
            {
                problems.Add($"dyad {d} is given twice");
            }
        }

        ThrowIfAny(problems, nameof(dyads));
        return new Case(Info, Actors, Sources, Issues, Objectives, Indicators, Units, list, Evidence) { _days = _days };
    }

    /// <remarks>
    /// The copy covers the years this case covers: a case that declares no range covers the years of its evidence, and
    /// leaving items out (or resampling them) must not shrink that, or a period of the original would lie outside the
    /// copy. The copy's declared range (<see cref="From"/>, <see cref="To"/>) and input hash are unaffected.
    /// </remarks>
    private Case WithEvidence(EvidenceColumns columns) =>
        new(Info, Actors, Sources, Issues, Objectives, Indicators, Units, Dyads, new EvidenceTable(
            columns,
            Evidence.ActorIds,
            Evidence.SourceIds,
            Evidence.IssueIds,
            Evidence.ObjectiveIds,
            Evidence.IndicatorIds,
            Evidence.UnitIds))
        { _days = Days() };

    /// <summary>
    /// How <paramref name="inner"/> lies within <paramref name="outer"/>'s movement line ("'hq' is part of 'tb' (its
    /// parent)"), or null when it does not; <paramref name="parentOf"/> gives an actor's parent (the chain must end).
    /// </summary>
    internal static string? Within(string inner, string outer, Func<string, string?> parentOf)
    {
        var chain = new List<string>();
        for (var p = parentOf(inner); p is not null; p = parentOf(p))
        {
            chain.Add(p);
            if (p == outer)
            {
                return chain.Count == 1
                    ? $"'{inner}' is part of '{outer}' (its parent)"
                    : $"'{inner}' lies within '{outer}' (through {string.Join(", ", chain.SkipLast(1).Select(x => $"'{x}'"))})";
            }
        }

        return null;
    }

    /// <summary>How one party of a dyad lies within the other's movement line, or null when neither does.</summary>
    internal string? WithinEachOther(Dyad dyad)
    {
        string? ParentOf(string id) => ActorIndexOf(id) is var k and >= 0 ? Actors[k].Parent : null;
        return Within(dyad.Client, dyad.Patron, ParentOf) ?? Within(dyad.Patron, dyad.Client, ParentOf);
    }

    /// <summary>
    /// The first day any evidence item covers, and the day the evidence ends (<see cref="EvidenceEnds"/>), null where
    /// there is no evidence and nothing declared; for a copy with fewer or resampled items, those of the case it was
    /// copied from, which decide the range the copy covers when none is declared and where its evidence ends.
    /// </summary>
    /// <remarks>Found once per case (a pass over the evidence), then kept: scoring and writers ask for it often.</remarks>
    internal (int? First, int? Last) EvidenceDays() => Days().ToValueTuple();

    private Tuple<int?, int?> Days() => _days ??= CoveredDays(Info.EvidenceEnds);

    private Tuple<int?, int?> CoveredDays(DateOnly? declaredEnd)
    {
        var c = Evidence.Columns;
        if (c.Count == 0)
        {
            return Tuple.Create<int?, int?>(null, declaredEnd?.DayNumber);
        }

        int first = int.MaxValue, last = int.MinValue;
        for (var i = 0; i < c.Count; i++)
        {
            first = Math.Min(first, c.FirstDay[i]);
            last = Math.Max(last, c.LastDay[i]);
        }

        // The builder refuses a declared end before the last day an item covers.
        return Tuple.Create<int?, int?>(first, declaredEnd?.DayNumber ?? last);
    }

    private static FrozenDictionary<string, int> Index<T>(ImmutableArray<T> items, Func<T, string> id)
    {
        var d = new Dictionary<string, int>(items.Length, StringComparer.Ordinal);
        for (var i = 0; i < items.Length; i++)
        {
            d.TryAdd(id(items[i]), i);
        }

        return d.ToFrozenDictionary(StringComparer.Ordinal);
    }
}

/// <summary>A case's descriptive fields.</summary>
internal sealed record CaseInfo(
    string Id,
    string Name,
    string? Description,
    string? CapabilityIndex,
    Granularity Granularity,
    Period? From,
    Period? To,
    DateOnly? EvidenceEnds);
