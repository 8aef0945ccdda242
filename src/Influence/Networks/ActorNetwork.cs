using System.Collections.Immutable;
using System.Globalization;
using Influence.Cases;
using Influence.Indexing;
using Influence.Scoring;
using QuikGraph;

namespace Influence.Networks;

/// <summary>
/// The actor network of a window of periods, built from the <see cref="EvidenceIndex"/>: actors as vertices, and a
/// typed, weighted, directed edge for the support and for the coercion that runs from one actor to another in the
/// window. The graph is a QuikGraph <see cref="BidirectionalGraph{TVertex,TEdge}"/> whose vertices are actor positions
/// in <see cref="Case.Actors"/>.
/// </summary>
/// <remarks>
/// <para>
/// <b>Which actors are vertices (the roll-up level).</b> Evidence about a faction also counts for its movement
/// (see <see cref="EvidenceIndex"/>), so a network must pick one level per actor or it would count an item twice.
/// Given a set of <em>focus</em> actors (none of which contains another), the vertices are the focus actors and
/// every actor outside them that is <em>outermost</em>: it has no parent, or its parent contains (is an ancestor
/// of) a focus actor. Without focus actors the vertices are the top-level actors (movements, states, groups without a
/// parent). With focus {Pakistan, Haqqani network} they are Pakistan, the Haqqani network, the Taliban's other
/// factions, and the other top-level actors; the Afghan Taliban itself is left out, because its own items (coded at
/// the movement level) cannot be split between the Haqqani network and the rest. The vertices' subtrees are disjoint,
/// so every edge is exactly one pair of the index and every item counts at most once per direction.
/// </para>
/// <para>
/// <b>Edges.</b> For vertices u ≠ v, a support edge u → v when a support item u → v falls in the window, and a
/// coercion edge u → v likewise; the weight is the index's window sum, Σ confidence × magnitude (or severity) × share,
/// which is 0 for an edge whose items all weigh 0: an item whose confidence weight or magnitude is 0 still makes a tie,
/// as it makes a window observed (docs/measures.md).
/// </para>
/// <para>
/// <b>Cost.</b> <see cref="Build"/> filters the index's pairs once, O(pairs), and reads each kept pair's window
/// sums, O(kept pairs × window); <see cref="Around"/> reads only the pairs incident to the focus actors,
/// O(degree × window). Brokerage on the result costs O(E + Σ in-degree × out-degree) (see
/// <see cref="GouldFernandez"/>). Instances are immutable once built and safe to share between threads.
/// </para>
/// </remarks>
public sealed class ActorNetwork
{
    private BidirectionalGraph<int, NetworkEdge>? _building;
    private IBidirectionalGraph<int, NetworkEdge> _graph;
    private readonly Dictionary<long, NetworkEdge> _support = [];
    private readonly Dictionary<long, NetworkEdge> _coercion = [];
    private Period? _nominalFrom;

    private ActorNetwork(EvidenceIndex index, int t0, int t1, ImmutableArray<int> focus, bool isEgo)
    {
        Index = index;
        FirstPeriod = t0;
        LastPeriod = t1;
        Focus = focus;
        IsEgo = isEgo;
        _building = new BidirectionalGraph<int, NetworkEdge>(allowParallelEdges: true);
        _graph = _building;
    }

    /// <summary>The index the network was read from.</summary>
    public EvidenceIndex Index { get; }

    /// <summary>The case.</summary>
    public Case Case => Index.Case;

    /// <summary>
    /// SHA-256 (lower-case hex) of the canonical case and the options the network was read with
    /// (<see cref="Reproducibility.InputHash"/> of <see cref="EvidenceIndex.Case"/> and <see cref="EvidenceIndex.Options"/>):
    /// the <see cref="ScoreSet.InputHash"/> of scores of the same case and options. The window, the focus actors and
    /// whether the network is an ego network are not in it (they are arguments, written beside it by
    /// <see cref="IO.NetworkWriter"/>).
    /// </summary>
    public string InputHash => Index.InputHash;

    /// <summary>The first period position of the window (may be before the grid; sums clip it).</summary>
    public int FirstPeriod { get; }

    /// <summary>The last period position of the window.</summary>
    public int LastPeriod { get; }

    /// <summary>
    /// The first period of the window, clipped to the grid (for <see cref="ForPeriod"/>, the window's own first period,
    /// even where the index was built from the earliest evidence on).
    /// </summary>
    public Period From => _nominalFrom ?? Index.Grid[Math.Clamp(FirstPeriod, 0, Index.Periods - 1)];

    /// <summary>The last period of the window.</summary>
    public Period To => Index.Grid[Math.Clamp(LastPeriod, 0, Index.Periods - 1)];

    /// <summary>The focus actors (empty: the top-level network).</summary>
    public ImmutableArray<int> Focus { get; }

    /// <summary>
    /// Whether this is an ego network (<see cref="Around"/>): it holds only the edges incident to a focus actor, so
    /// only questions about the focus actors' own ties and two-paths are answered exactly.
    /// </summary>
    public bool IsEgo { get; }

    /// <summary>
    /// The QuikGraph graph (an immutable <see cref="ArrayBidirectionalGraph{TVertex,TEdge}"/>): vertices are actor
    /// positions, edges <see cref="NetworkEdge"/>s (parallel when both support and coercion run the same way).
    /// </summary>
    public IBidirectionalGraph<int, NetworkEdge> Graph => _graph;

    /// <summary>The vertices (actor positions), in ascending order for <see cref="Build"/>.</summary>
    public IEnumerable<int> Actors => _graph.Vertices;

    /// <summary>The edges, in the index's pair order (support before coercion on each pair).</summary>
    public IEnumerable<NetworkEdge> Edges => _graph.Edges;

    /// <summary>The number of vertices.</summary>
    public int ActorCount => _graph.VertexCount;

    /// <summary>The number of edges.</summary>
    public int EdgeCount => _graph.EdgeCount;

    /// <summary>The network in a line: "network, 1994–1998: 24 actors, 36 edges" (an ego network names its focus actors).</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{(IsEgo ? $"ego network of {string.Join(", ", Focus.Select(a => Case.Actors[a].Id))}" : "network")}, {(From == To ? From.ToString() : $"{From}–{To}")}: {ActorCount} actor{(ActorCount == 1 ? string.Empty : "s")}, {EdgeCount} edge{(EdgeCount == 1 ? string.Empty : "s")}");

    /// <summary>
    /// Builds the whole network of a window: every vertex of the level the focus actors define that existed in the
    /// window (an actor with <see cref="Actor.ActiveFrom"/> after it, or <see cref="Actor.ActiveTo"/> before it, is left
    /// out), and every edge among them.
    /// </summary>
    /// <param name="index">The index.</param>
    /// <param name="t0">The first period position, in the index's grid.</param>
    /// <param name="t1">The last period position, in the grid and not before <paramref name="t0"/>.</param>
    /// <param name="focus">Actors to show at their own level (none of them may contain another); null or empty: the top-level network.</param>
    /// <returns>The network.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The window is not a range of the index's grid.</exception>
    /// <exception cref="ArgumentException">A focus actor is out of range or contains another.</exception>
    public static ActorNetwork Build(EvidenceIndex index, int t0, int t1, IEnumerable<int>? focus = null)
    {
        ArgumentNullException.ThrowIfNull(index);
        CheckWindow(index, t0, t1);
        var f = CheckFocus(index, focus);
        var network = new ActorNetwork(index, t0, t1, f, isEgo: false);
        var isVertex = new bool[index.Case.Actors.Length];
        for (var a = 0; a < isVertex.Length; a++)
        {
            isVertex[a] = IsVertex(index, a, f.AsSpan()) && Existed(index, a, t0, t1);
            if (isVertex[a])
            {
                network._building!.AddVertex(a);
            }
        }

        for (var p = 0; p < index.PairCountTotal; p++)
        {
            var (u, v) = (index.PairFrom(p), index.PairTo(p));
            if (isVertex[u] && isVertex[v])
            {
                network.AddPair(p, u, v);
            }
        }

        return network.Freeze();
    }

    /// <summary>
    /// Builds the ego network of the focus actors: the focus actors, and every edge that has a focus actor at one end
    /// and a vertex of the focus level at the other. Enough for the focus actors' supporters, brokerage between focus
    /// actors and third parties, and reverse leverage; costs only O(degree × window).
    /// </summary>
    /// <param name="index">The index.</param>
    /// <param name="t0">The first period position, in the index's grid.</param>
    /// <param name="t1">The last period position, in the grid and not before <paramref name="t0"/>.</param>
    /// <param name="focus">The focus actors (at least one; none may contain another).</param>
    /// <returns>The network.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The window is not a range of the index's grid.</exception>
    /// <exception cref="ArgumentException">No focus actor is given, one is out of range, or one contains another.</exception>
    public static ActorNetwork Around(EvidenceIndex index, int t0, int t1, params ReadOnlySpan<int> focus)
    {
        ArgumentNullException.ThrowIfNull(index);
        CheckWindow(index, t0, t1);
        if (focus.IsEmpty)
        {
            throw new ArgumentException("an ego network needs at least one focus actor", nameof(focus));
        }

        var f = CheckFocus(index, focus.ToArray());
        var network = new ActorNetwork(index, t0, t1, f, isEgo: true);
        foreach (var a in f)
        {
            network._building!.AddVertex(a);
        }

        foreach (var a in f)
        {
            foreach (var p in index.OutPairSpan(a))
            {
                var v = index.PairTo(p);
                if (IsVertex(index, v, f.AsSpan()))
                {
                    network.AddPair(p, a, v);
                }
            }

            foreach (var p in index.InPairSpan(a))
            {
                var u = index.PairFrom(p);
                if (!f.Contains(u) && IsVertex(index, u, f.AsSpan()))
                {
                    network.AddPair(p, u, a);
                }
            }
        }

        return network.Freeze();
    }

    /// <summary>
    /// Builds the whole network of one period of a case: indexes the case over the network window that ends at the
    /// period (<see cref="MultilateralOptions.NetworkWindowYears"/>) and calls <see cref="Build"/>.
    /// </summary>
    /// <param name="case">The case.</param>
    /// <param name="period">The period (its granularity is the network's).</param>
    /// <param name="options">The options (null: <see cref="ScoringOptions.Default"/>).</param>
    /// <param name="focus">Actor ids to show at their own level (null: the top-level network).</param>
    /// <returns>The network.</returns>
    /// <exception cref="ArgumentException">
    /// The period lies outside the case's range (its declared range, else its evidence's) or starts after the case's
    /// evidence ends (<see cref="Case.EvidenceEnds"/>), a focus id names no actor of the case, or one focus actor
    /// contains another.
    /// </exception>
    public static ActorNetwork ForPeriod(Case @case, Period period, ScoringOptions? options = null, IEnumerable<string>? focus = null)
    {
        ArgumentNullException.ThrowIfNull(@case);
        if (@case.AfterEvidence(period, period) is { } after)
        {
            throw new ArgumentException(after, nameof(period));
        }

        // Outside the case's range nothing was looked at: an empty network there would read "no ties", as a score
        // there would read "no evidence" (Scorer.Score refuses such a period too).
        if (RangeOf(@case, period.Granularity) is var (first, last) && (period < first || period > last))
        {
            var covers = first == last ? $"the case covers {first} only" : $"the case covers {first}–{last}";
            throw new ArgumentException($"period {period} is {(period < first ? $"before the case's first period ({first})" : $"after the case's last period ({last})")}; {covers}", nameof(period));
        }

        options ??= ScoringOptions.Default;
        var ids = focus?.ToArray() ?? [];
        var positions = new int[ids.Length];
        for (var i = 0; i < ids.Length; i++)
        {
            positions[i] = @case.ActorIndexOf(ids[i]);
            if (positions[i] < 0)
            {
                throw new ArgumentException($"focus: {@case.NoActorCalled(ids[i])}", nameof(focus));
            }
        }

        var window = period.Granularity.PeriodsIn(options.Multilateral.NetworkWindowYears);

        // A window reaching back before the earliest evidence starts there instead: the same items, the same network
        // (and a window of 1e300 years neither leaves the calendar nor indexes millennia of empty periods).
        var columns = @case.Evidence.Columns;
        var firstDay = int.MaxValue;
        for (var i = 0; i < columns.Count; i++)
        {
            firstDay = Math.Min(firstDay, columns.FirstDay[i]);
        }

        var back = window - 1;
        if (firstDay != int.MaxValue && Period.Containing(period.Granularity, DateOnly.FromDayNumber(firstDay)) is var earliest && earliest <= period)
        {
            back = Math.Min(back, period.PeriodsSince(earliest));
        }
        else
        {
            back = Math.Min(back, 0);
        }

        var grid = new PeriodGrid(period.AddPeriods(-back), period);
        // The network reads only the pairs' parts: the per-actor and per-objective series, which the public Build
        // refuses when they would not fit in an array, are left to be built (or refused) if the index's reader asks.
        var index = EvidenceIndex.Build(@case, grid, options, EvidenceIndex.Parts.None);
        var network = Build(index, 0, grid.Count - 1, positions);

        // The window as asked for (from the first period of the calendar at the most), not as far as the index went.
        var calendar = Period.Containing(period.Granularity, DateOnly.MinValue);
        network._nominalFrom = period.AddPeriods(-Math.Min(window - 1, period.PeriodsSince(calendar)));
        return network;
    }

    /// <summary>Whether an actor is a vertex.</summary>
    /// <param name="actor">The actor position.</param>
    /// <returns>Whether it is a vertex.</returns>
    public bool Contains(int actor) => _graph.ContainsVertex(actor);

    /// <summary>The edge of a kind from one actor to another, or null.</summary>
    /// <param name="from">The acting actor.</param>
    /// <param name="to">The other actor.</param>
    /// <param name="kind">Support or coercion.</param>
    /// <returns>The edge or null.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is not support or coercion.</exception>
    public NetworkEdge? Edge(int from, int to, TieKind kind) =>
        (kind switch
        {
            TieKind.Support => _support,
            TieKind.Coercion => _coercion,
            _ => throw Internal.Check.Undefined(kind, nameof(kind), "support or coercion"),
        }).TryGetValue(Key(from, to), out var e) ? e : null;

    /// <summary>The weight of the edge of a kind from one actor to another (0 when there is none).</summary>
    /// <param name="from">The acting actor.</param>
    /// <param name="to">The other actor.</param>
    /// <param name="kind">Support or coercion.</param>
    /// <returns>The weight.</returns>
    public double Weight(int from, int to, TieKind kind) => Edge(from, to, kind)?.Weight ?? 0;

    /// <summary>
    /// Gould–Fernandez brokerage counts of every vertex over the support ties (see <see cref="GouldFernandez"/>).
    /// On an ego network (<see cref="IsEgo"/>) only two-paths with a focus actor at an end and in the middle are
    /// complete, so use <see cref="Build"/> for every actor's roles.
    /// </summary>
    /// <param name="groups">The actor groups (null: <see cref="ActorGroups.StatesAndNonStates"/>).</param>
    /// <returns>The counts by actor position, in vertex order.</returns>
    public IReadOnlyDictionary<int, BrokerageRoles> BrokerageRoles(ActorGroups? groups = null)
    {
        groups ??= ActorGroups.StatesAndNonStates;
        var actors = Case.Actors;
        return GouldFernandez.Roles(_graph, v => groups.GroupOf(actors[v]), IsSupportTie);
    }

    /// <summary>The open two-paths of support ties that one actor brokers, each with its Gould–Fernandez role.</summary>
    /// <param name="broker">The broker's actor position.</param>
    /// <param name="groups">The actor groups (null: states vs non-state actors).</param>
    /// <returns>The paths.</returns>
    /// <exception cref="ArgumentException">The broker is not a vertex.</exception>
    public IReadOnlyList<BrokeragePath> BrokeragePaths(int broker, ActorGroups? groups = null)
    {
        groups ??= ActorGroups.StatesAndNonStates;
        var actors = Case.Actors;
        return [.. GouldFernandez.OpenTwoPaths(_graph, broker, IsSupportTie)
            .Select(p => new BrokeragePath(p.From, p.Broker, p.To, GouldFernandez.Classify(groups.GroupOf(actors[p.From]), groups.GroupOf(actors[p.Broker]), groups.GroupOf(actors[p.To]))))];
    }

    /// <summary>
    /// The patron's brokerage between its client and each third party over this network's window: for every third
    /// party in contact with the client, whether each direction runs directly, through the patron (an open two-path:
    /// brokerage), or both. Computed at the level of focus {patron, client} (see <see cref="Networks.PatronBrokerage"/>),
    /// which is this network's level whenever both are vertices of a network built with them as focus or, for
    /// top-level actors, without focus.
    /// </summary>
    /// <param name="patron">The patron's actor position.</param>
    /// <param name="client">The client's actor position.</param>
    /// <param name="groups">The actor groups for the roles (null: states vs non-state actors).</param>
    /// <returns>The brokerage.</returns>
    /// <exception cref="ArgumentException">The patron or the client is not a vertex, or they are the same actor.</exception>
    public PatronBrokerage PatronBrokerage(int patron, int client, ActorGroups? groups = null)
    {
        RequirePair(patron, client);
        return Networks.PatronBrokerage.Of(Index, patron, client, FirstPeriod, LastPeriod, groups);
    }

    /// <summary>
    /// The reverse-leverage paths client → third party → patron over this network's window: the client supports a
    /// third party that coerces the patron (Afghan Taliban → TTP → Pakistan). Level as for <see cref="PatronBrokerage"/>.
    /// </summary>
    /// <param name="patron">The patron's actor position.</param>
    /// <param name="client">The client's actor position.</param>
    /// <returns>The paths, by third party's position.</returns>
    /// <exception cref="ArgumentException">The patron or the client is not a vertex, or they are the same actor.</exception>
    public ImmutableArray<ReverseLeveragePath> ReverseLeveragePaths(int patron, int client)
    {
        RequirePair(patron, client);
        return ReverseLeveragePath.Find(Index, patron, client, FirstPeriod, LastPeriod);
    }

    internal static bool IsSupportTie(NetworkEdge e) => e.Kind == TieKind.Support;

    internal void RequirePair(int patron, int client)
    {
        if (!Contains(patron))
        {
            throw new ArgumentException($"the patron (actor {patron}) is not a vertex of this network", nameof(patron));
        }

        if (!Contains(client))
        {
            throw new ArgumentException($"the client (actor {client}) is not a vertex of this network", nameof(client));
        }

        if (patron == client)
        {
            throw new ArgumentException($"patron and client must differ; both are actor {patron}", nameof(client));
        }
    }

    /// <summary>The case's range at a granularity (its declared range, else its evidence's), or null when it has neither.</summary>
    private static (Period First, Period Last)? RangeOf(Case @case, Granularity granularity)
    {
        try
        {
            return Scorer.ResolveRange(@case, new ScoringRequest { Granularity = granularity });
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>A window of period positions must be a range of the index's grid: a reversed or outside one is refused.</summary>
    private static void CheckWindow(EvidenceIndex index, int t0, int t1)
    {
        if (t0 < 0 || t1 >= index.Periods || t0 > t1)
        {
            var grid = index.Grid;
            throw new ArgumentOutOfRangeException(
                t0 < 0 || t0 > t1 ? nameof(t0) : nameof(t1),
                string.Create(CultureInfo.InvariantCulture, $"the window must be period positions t0 ≤ t1 in the index's grid [0, {index.Periods}) ({grid[0]}–{grid[index.Periods - 1]}); was {t0}..{t1}"));
        }
    }

    /// <summary>
    /// Whether an actor (with its movements) existed on some day of the window (<see cref="Actor.ActiveFrom"/>,
    /// <see cref="Actor.ActiveTo"/>).
    /// </summary>
    private static bool Existed(EvidenceIndex index, int actor, int t0, int t1)
    {
        if (index.Case.Lifetimes is not { } lifetimes)
        {
            return true;
        }

        var grid = index.Grid;
        var first = grid[Math.Clamp(t0, 0, index.Periods - 1)].Start.DayNumber;
        var last = grid[Math.Clamp(t1, 0, index.Periods - 1)].End.DayNumber;
        var joint = lifetimes.Joint(actor, -1);
        return joint.First <= joint.Last && last >= joint.First && first <= joint.Last;
    }

    /// <summary>Whether an actor is a vertex of the level a focus set defines (see the remarks).</summary>
    internal static bool IsVertex(EvidenceIndex index, int actor, ReadOnlySpan<int> focus)
    {
        var parent = index.ParentOf(actor);
        if (focus.IsEmpty)
        {
            return parent < 0;
        }

        var parentHoldsFocus = false;
        foreach (var f in focus)
        {
            if (f == actor)
            {
                return true;
            }

            if (index.AreRelated(actor, f))
            {
                return false;
            }

            parentHoldsFocus |= parent >= 0 && index.IsWithin(f, parent);
        }

        return parent < 0 || parentHoldsFocus;
    }

    private static ImmutableArray<int> CheckFocus(EvidenceIndex index, IEnumerable<int>? focus)
    {
        var list = focus?.Distinct().ToImmutableArray() ?? [];
        var n = index.Case.Actors.Length;
        foreach (var a in list)
        {
            if (a < 0 || a >= n)
            {
                throw new ArgumentException($"focus actors must be actor positions in [0, {n}); was {a}", nameof(focus));
            }
        }

        for (var i = 0; i < list.Length; i++)
        {
            for (var j = i + 1; j < list.Length; j++)
            {
                if (index.AreRelated(list[i], list[j]))
                {
                    throw new ArgumentException($"focus actors must not contain one another; '{index.Case.Actors[list[i]].Id}' and '{index.Case.Actors[list[j]].Id}' are in one movement line", nameof(focus));
                }
            }
        }

        return list;
    }

    private ActorNetwork Freeze()
    {
        _graph = new ArrayBidirectionalGraph<int, NetworkEdge>(_building!);
        _building = null;
        return this;
    }

    private static long Key(int from, int to) => ((long)from << 32) | (uint)to;

    private void AddPair(int pair, int from, int to)
    {
        if (DyadTies.Tie(Index, pair, FirstPeriod, LastPeriod))
        {
            var e = new NetworkEdge(from, to, TieKind.Support, Index.Sum(PairSum.Support, pair, FirstPeriod, LastPeriod));
            _building!.AddVerticesAndEdge(e);
            _support[Key(from, to)] = e;
        }

        if (DyadTies.Coerces(Index, pair, FirstPeriod, LastPeriod))
        {
            var e = new NetworkEdge(from, to, TieKind.Coercion, Index.Sum(PairSum.Coercion, pair, FirstPeriod, LastPeriod));
            _building!.AddVerticesAndEdge(e);
            _coercion[Key(from, to)] = e;
        }
    }
}

/// <summary>An open two-path of support ties From → Broker → To with its Gould–Fernandez role.</summary>
/// <param name="From">The origin's actor position.</param>
/// <param name="Broker">The broker's actor position.</param>
/// <param name="To">The destination's actor position.</param>
/// <param name="Role">The role, from the three actors' groups.</param>
public readonly record struct BrokeragePath(int From, int Broker, int To, BrokerageRole Role);

/// <summary>
/// A reverse-leverage path: the client supports a third party that coerces the patron.
/// </summary>
/// <param name="Client">The client's actor position.</param>
/// <param name="ThirdParty">The third party's actor position.</param>
/// <param name="Patron">The patron's actor position.</param>
/// <param name="Support">The weight of the client's support to the third party in the window.</param>
/// <param name="Coercion">The weight of the third party's coercion of the patron in the window.</param>
public readonly record struct ReverseLeveragePath(int Client, int ThirdParty, int Patron, double Support, double Coercion)
{
    /// <summary>The path's strength: min(support, coercion), the weaker leg bounds the leverage.</summary>
    public double Strength => Math.Min(Support, Coercion);

    /// <summary>
    /// Every path client → z → patron over periods t0 … t1, z a third party at the level of focus {patron, client}
    /// (see <see cref="ActorNetwork"/>). Costs O(out-degree(client) × window).
    /// </summary>
    /// <param name="index">The index.</param>
    /// <param name="patron">The patron's actor position.</param>
    /// <param name="client">The client's actor position.</param>
    /// <param name="t0">The first period position.</param>
    /// <param name="t1">The last period position.</param>
    /// <returns>The paths, by third party's position (empty when one of patron and client contains the other).</returns>
    public static ImmutableArray<ReverseLeveragePath> Find(EvidenceIndex index, int patron, int client, int t0, int t1)
    {
        ArgumentNullException.ThrowIfNull(index);
        if (index.AreRelated(patron, client))
        {
            return [];
        }

        var paths = new List<ReverseLeveragePath>();
        Sum(index, patron, client, t0, t1, paths, out _);
        paths.Sort((x, y) => x.ThirdParty.CompareTo(y.ThirdParty));
        return [.. paths];
    }

    /// <summary>
    /// Σ path strengths, and whether a leg is observed at all (the client supports a third party, or a third party
    /// coerces the patron). Allocates nothing when <paramref name="paths"/> is null.
    /// </summary>
    internal static double Sum(EvidenceIndex index, int patron, int client, int t0, int t1, List<ReverseLeveragePath>? paths, out bool legObserved)
    {
        legObserved = false;
        var sum = 0.0;
        foreach (var pair in index.OutPairSpan(client))
        {
            var z = index.PairTo(pair);
            if (!DyadTies.IsThirdParty(index, z, patron, client))
            {
                continue;
            }

            if (!DyadTies.Tie(index, pair, t0, t1))
            {
                continue;
            }

            legObserved = true;
            var back = index.PairOf(z, patron);
            if (DyadTies.Coerces(index, back, t0, t1))
            {
                var path = new ReverseLeveragePath(client, z, patron, index.Sum(PairSum.Support, pair, t0, t1), index.Sum(PairSum.Coercion, back, t0, t1));
                sum += path.Strength;
                paths?.Add(path);
            }
        }

        if (!legObserved)
        {
            foreach (var pair in index.InPairSpan(patron))
            {
                if (DyadTies.IsThirdParty(index, index.PairFrom(pair), patron, client) && DyadTies.Coerces(index, pair, t0, t1))
                {
                    legObserved = true;
                    break;
                }
            }
        }

        return sum;
    }
}
