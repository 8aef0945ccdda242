using System.Globalization;
using System.Runtime.CompilerServices;
using Influence.Cases;
using Influence.Evidence;
using Influence.Internal;
using Influence.Scoring;

namespace Influence.Indexing;

/// <summary>
/// Per-period sums of a directed pair of actors: support and coercion are stored for every pair; the others (demands,
/// presence, overreach, commitments, which measures read only for a dyad's own two pairs) are built for a pair on its
/// first read (see <see cref="EvidenceIndex"/>).
/// </summary>
public enum PairSum
{
    /// <summary>Σ confidence × magnitude × share of support flows.</summary>
    Support = 0,

    /// <summary>Σ confidence × severity × share of coercive acts.</summary>
    Coercion,

    /// <summary>Σ confidence × salience × share of demands.</summary>
    DemandWeight,

    /// <summary>Σ confidence × salience × share × credit (complied 1, partial ½, else 0) of demands.</summary>
    DemandMet,

    /// <summary>Σ confidence × salience × share of demands defied or ignored.</summary>
    DemandDefied,

    /// <summary>
    /// As <see cref="DemandWeight"/>, for red-line demands (salience ≥ the red-line salience). Built for a pair on its
    /// first read, with its demand sums by issue, and kept with the index.
    /// </summary>
    RedLineWeight,

    /// <summary>As <see cref="DemandDefied"/>, for red-line demands.</summary>
    RedLineDefied,

    /// <summary>Σ confidence × level × share of presence.</summary>
    Presence,

    /// <summary>Σ confidence × severity × share of overreach.</summary>
    Overreach,

    /// <summary>Σ confidence × scope × share of commitments in force.</summary>
    CommitmentWeight,

    /// <summary>Σ confidence × scope × share × formality of commitments in force.</summary>
    CommitmentFormality,
}

/// <summary>
/// Per-period item counts of a directed pair of actors: support, coercion and activity are stored for every pair; the
/// others are built for a pair on its first read, with its sums (see <see cref="PairSum"/>).
/// </summary>
public enum PairCount
{
    /// <summary>Support items touching the period.</summary>
    Support = 0,

    /// <summary>Coercion items.</summary>
    Coercion,

    /// <summary>Demand items.</summary>
    Demand,

    /// <summary>Presence items.</summary>
    Presence,

    /// <summary>Overreach items.</summary>
    Overreach,

    /// <summary>Commitment items.</summary>
    Commitment,

    /// <summary>Items of any kind: the pair was observed in the period.</summary>
    Activity,
}

/// <summary>
/// The case's evidence bucketed once by directed pair of actors and period, as columns: the one structure every
/// measure reads. Building it costs O(evidence + pairs × periods); reading a sum over a window of w periods costs
/// O(w), and reading an item count over any window costs O(1) (the first read of a pair's demand, presence, overreach
/// or commitment sums also builds them: one pass over that pair's items of those kinds and its active span).
/// </summary>
/// <remarks>
/// <para>
/// A point-dated item spreads its weight over the periods its date covers in proportion to the days (its shares sum
/// to one); a span is a yearly rate: its share of a period is the days it covers there over the days of the period's year.
/// </para>
/// <para>
/// Faction roll-up: an item between actors a and b counts for every pair (a′, b′) with a′ in a and its ancestors,
/// b′ in b and its ancestors, unless one of a′, b′ is an ancestor of (or is) the other, in which case the item is
/// internal to a movement at that level.
/// </para>
/// <para>
/// Roll-up means one item sits in several pairs into the same receiver (Haqqani network → X and Afghan Taliban → X).
/// Totals over an actor's supporters (<see cref="SupportReceived"/>, <see cref="SupporterPairs"/>) therefore count
/// each item once, in its <em>outermost</em> pair: the one whose acting actor has no parent, or whose parent is an
/// ancestor of the receiver (see <see cref="IsOutermostPair"/>). The supporters of an actor are thus the movements
/// outside its own movement, and the sibling factions inside it.
/// </para>
/// <para>
/// Sums run in the case's canonical evidence order and each pair is built by one thread, so every value is the
/// same whatever the order evidence was written in or the number of threads. Instances are immutable and safe to
/// share between threads.
/// </para>
/// <para>
/// Layout (see <see href="https://github.com/influence-research/influence/blob/main/docs/performance.md">docs/performance.md</see>): a pair's per-period sums of one evidence kind form one block,
/// stored only when the pair has evidence of that kind (a third party that only sends support costs one support
/// block) and only over the pair's active span, from the first to the last period any of its items touches (every sum
/// and count is 0 outside it); item counts are stored as running totals, so a count over any window is one
/// subtraction. Only support, coercion and activity are stored for every pair: the network measures read them across
/// the network. The dyad-level kinds (demands, presence, overreach, commitments) are read only for a dyad's own two
/// pairs, so they are built per pair when read, in the same layout and with the same bits: the public accessors keep
/// each pair they build, and scoring builds each dyad's two pairs per thread and keeps none. The build runs in linear passes over the evidence columns, split over threads by rows and
/// then by pairs (<see cref="ScoringOptions.MaxDegreeOfParallelism"/>).
/// </para>
/// <para>
/// Positions: the accessors take positions, not ids (actors in <see cref="Case.Actors"/>, objectives in
/// <see cref="Case.Objectives"/>, evidence rows in <see cref="Case.Evidence"/>, periods in <see cref="Grid"/>, pairs
/// from <see cref="PairOf"/>, where −1 means "no pair"). A position outside its range throws
/// <see cref="ArgumentOutOfRangeException"/> naming the parameter and the range, including a period position given to
/// a single-period accessor (<see cref="At"/>, <see cref="AttainmentAt"/>, <see cref="TryCapability"/>); window accessors
/// (<see cref="Sum"/>, <see cref="Count"/>, <see cref="Items"/>, …) clip their periods to the grid instead.
/// <see cref="PairOf"/> is the exception: it answers −1 for any pair of positions that form no pair.
/// </para>
/// </remarks>
public sealed partial class EvidenceIndex
{
    private readonly PairMap _pairIndex;
    private readonly int[] _pairFrom;
    private readonly int[] _pairTo;
    private readonly int[][] _groupBlock;
    private readonly int[] _pairLo;
    private readonly int[] _pairCells;
    private readonly int[][] _blockCells;
    private readonly double[][] _sumData;
    private readonly int[][] _countData;
    private readonly int[] _activity;
    private readonly int[] _firstSupport;
    private readonly int[] _pairItems;
    private readonly int[] _pairGroupStart;
    private readonly int[] _issueSlotStart;
    private readonly int[] _issueSlotIssue;
    private readonly int[][] _ancestorsOrSelf;
    private readonly int[][] _objectivesByHolder;
    private readonly int[] _outStart;
    private readonly int[] _outPairs;
    private readonly int[] _inStart;
    private readonly int[] _inPairs;
    private readonly bool[] _outermost;
    private readonly Builder _builder;
    private readonly object _gate = new();
    private readonly Lazy<string> _inputHash;
    private ReceivedParts? _received;
    private ObjectiveParts? _objectives;
    private CapabilityParts? _capabilities;
    private SupportItems? _supportItems;
    private System.Collections.Concurrent.ConcurrentDictionary<int, PairDemandSums>? _pairDemands;
    private System.Collections.Concurrent.ConcurrentDictionary<int, DyadLevelSums>? _dyadLevel;
    private System.Collections.Concurrent.ConcurrentDictionary<(Type Kind, int W, int T0, int T1), IActorMemo>? _memos;
    private ChildLists? _children;
    private System.Collections.ObjectModel.ReadOnlyCollection<int>[]? _ancestorViews;
    private System.Collections.ObjectModel.ReadOnlyCollection<int>[]? _objectiveViews;

    private static long _builds;

    private EvidenceIndex(Case @case, PeriodGrid grid, ScoringOptions options, Builder b)
    {
        BuildId = Interlocked.Increment(ref _builds);
        Case = @case;
        Grid = grid;
        Options = options;
        _inputHash = new Lazy<string>(() => Reproducibility.InputHash(@case, options));
        _pairIndex = b.Pairs;
        _pairFrom = b.PairFrom;
        _pairTo = b.PairTo;
        _groupBlock = b.GroupBlock;
        _pairLo = b.PairLo;
        _pairCells = b.PairCells;
        _blockCells = b.BlockCells;
        _sumData = b.SumData;
        _countData = b.CountData;
        _activity = b.Activity;
        _firstSupport = b.FirstSupport;
        _pairItems = b.PairItems;
        _pairGroupStart = b.PairGroupStart;
        _issueSlotStart = b.IssueSlotStart;
        _issueSlotIssue = b.IssueSlotIssue;
        _ancestorsOrSelf = b.AncestorsOrSelf;
        _objectivesByHolder = b.ObjectivesByHolder;
        _outStart = b.OutStart;
        _outPairs = b.OutPairs;
        _inStart = b.InStart;
        _inPairs = b.InPairs;
        _outermost = b.Outermost;
        _supportItems = b.SupportItems;
        _builder = b;
    }

    /// <summary>Parts of the index that only some measures read: built on first use, or ahead by <see cref="Prepare"/>.</summary>
    [Flags]
    internal enum Parts
    {
        None = 0,

        /// <summary>
        /// Support received per actor (<see cref="SupportReceived"/>, <see cref="SupportReceivedCount"/>), built from
        /// <see cref="SupportItems"/> (each receiver's pairs' items): a build asked for it fills them, and an index built
        /// without them gathers them first.
        /// </summary>
        Received = 1,

        /// <summary>Attainment of objectives (<see cref="AttainmentAt"/>, <see cref="ObjectiveItems"/>).</summary>
        Objectives = 2,

        /// <summary>Capabilities (<see cref="TryCapability"/>, <see cref="CapabilityItems"/>).</summary>
        Capabilities = 4,

        /// <summary>
        /// Every pair's support items, compact (<see cref="SupportItemsOf"/>): dependence asymmetry's window pass. Not in
        /// <see cref="All"/>, which names what the public accessors read.
        /// </summary>
        SupportItems = 8,

        /// <summary>
        /// The build's compact entries (20 bytes per (pair, item) entry), kept after the build: the dyad-level sums
        /// (<see cref="DyadLevel"/>, <see cref="PairDemands"/>) read a pair's items from them in one sweep instead of
        /// from the evidence columns at scattered rows, with the same values. <see cref="Scorer"/> keeps them while it
        /// scores (they are allocated by the build anyway) and drops them after (<see cref="ReleaseEntries"/>). Not in
        /// <see cref="All"/>.
        /// </summary>
        Entries = 16,

        All = Received | Objectives | Capabilities,
    }

    private ReceivedParts Received => Volatile.Read(ref _received) ?? Make(ref _received, () => Fitting(Parts.Received, () => _builder.BuildReceived(1, SupportItemsPart(1))));

    private ObjectiveParts Objectives => Volatile.Read(ref _objectives) ?? Make(ref _objectives, () => Fitting(Parts.Objectives, _builder.BuildObjectives));

    private CapabilityParts Capabilities => Volatile.Read(ref _capabilities) ?? Make(ref _capabilities, () => Fitting(Parts.Capabilities, _builder.BuildCapabilities));

    /// <summary>A part built by <paramref name="build"/>, once <see cref="RequireFits"/> has found that it fits.</summary>
    private T Fitting<T>(Parts part, Func<T> build)
    {
        RequireFits(part);
        return build();
    }

    /// <summary>
    /// Builds the parts a set of measures reads before they are scored in parallel, on every thread the options
    /// allow (a part first read while scoring is built by the reading thread alone). Values do not depend on when or
    /// how a part is built.
    /// </summary>
    internal void Prepare(Parts parts)
    {
        var threads = Options.MaxDegreeOfParallelism;
        var trace = new PhaseTrace("index parts");
        if ((parts & Parts.Received) != 0 && Volatile.Read(ref _received) is null)
        {
            Make(ref _received, () => Fitting(Parts.Received, () => _builder.BuildReceived(threads, SupportItemsPart(threads))));
            trace.Lap("support received");
        }

        if ((parts & Parts.Objectives) != 0)
        {
            _ = Objectives;
            trace.Lap("objectives");
        }

        if ((parts & Parts.Capabilities) != 0)
        {
            _ = Capabilities;
            trace.Lap("capabilities");
        }

        if ((parts & Parts.SupportItems) != 0 && Volatile.Read(ref _supportItems) is null)
        {
            Make(ref _supportItems, () => _builder.BuildSupportItems(threads));
            trace.Lap("support items");
        }
    }

    /// <summary>
    /// A pair's support items (all dates), compact, in the order of <see cref="PairItemSpan(int, EvidenceKind)"/>, with
    /// their codes (resource type and span flag, <see cref="SupportItems"/>). Filled during the build when the scoring
    /// asks for it (<see cref="Build(Case, PeriodGrid, ScoringOptions, Parts)"/>); otherwise built for every pair on
    /// first read.
    /// </summary>
    internal SupportSpan SupportItemsOf(int pair) => SupportItemsPart(1).Of(pair);

    /// <summary>Every pair's support items: those the build filled, else gathered from the evidence columns now on <paramref name="threads"/> threads.</summary>
    private SupportItems SupportItemsPart(int threads) =>
        Volatile.Read(ref _supportItems) ?? Make(ref _supportItems, () => _builder.BuildSupportItems(threads));

    /// <summary>
    /// A per-actor memo of values that depend only on one actor and a series of trailing windows (w periods, windows
    /// ending at t0 … t1), shared by every thread and every dyad in which the actor appears: each actor's value is
    /// computed on first use (at most once per racing thread, and every computation gives the same value, so which one
    /// is kept changes nothing). Sized by actors, never by dyads; <see cref="ReleaseMemos()"/> drops them all and <see cref="ReleaseMemos(int)"/> one actor's.
    /// </summary>
    /// <typeparam name="T">The per-actor value (one type per kind of memo).</typeparam>
    internal ActorMemo<T> Memo<T>(int w, int t0, int t1)
        where T : class
    {
        var memos = Volatile.Read(ref _memos) ?? Make(ref _memos, () => new());
        return (ActorMemo<T>)memos.GetOrAdd((typeof(T), w, t0, t1), static (_, actors) => new ActorMemo<T>(actors), Case.Actors.Length);
    }

    /// <summary>The actors whose parent is <paramref name="actor"/>, in position order (built on first use).</summary>
    internal ReadOnlySpan<int> ChildrenOf(int actor)
    {
        var lists = Volatile.Read(ref _children) ?? Make(ref _children, BuildChildren);
        return lists.Actors.AsSpan(lists.Start[actor], lists.Start[actor + 1] - lists.Start[actor]);
    }

    private ChildLists BuildChildren()
    {
        var n = _ancestorsOrSelf.Length;
        var start = new int[n + 1];
        for (var a = 0; a < n; a++)
        {
            if (ParentOf(a) is var parent and >= 0)
            {
                start[parent + 1]++;
            }
        }

        for (var a = 0; a < n; a++)
        {
            start[a + 1] += start[a];
        }

        var actors = new int[start[n]];
        var next = start[..n];
        for (var a = 0; a < n; a++)
        {
            if (ParentOf(a) is var parent and >= 0)
            {
                actors[next[parent]++] = a;
            }
        }

        return new ChildLists(start, actors);
    }

    /// <summary>Drops the per-actor memos (the scorer calls it when a scoring ends: they are rebuilt on demand).</summary>
    internal void ReleaseMemos() => Volatile.Read(ref _memos)?.Clear();

    /// <summary>
    /// Drops one actor's values from every per-actor memo (the scorer calls it once the last dyad in which the actor
    /// appears is scored, so that a scoring keeps only the memos of actors still to come; a later read recomputes the
    /// same value).
    /// </summary>
    internal void ReleaseMemos(int actor)
    {
        if (Volatile.Read(ref _memos) is { } memos)
        {
            // Enumerating the dictionary itself takes no lock (its Values property would take them all and copy).
            foreach (var memo in memos)
            {
                memo.Value.Release(actor);
            }
        }
    }

    /// <summary>What every <see cref="ActorMemo{T}"/> can do without its type.</summary>
    internal interface IActorMemo
    {
        /// <summary>Forgets the actor's value.</summary>
        void Release(int actor);
    }

    /// <summary>One value per actor, computed on first use (see <see cref="Memo{T}"/>).</summary>
    internal sealed class ActorMemo<T> : IActorMemo
        where T : class
    {
        private readonly T?[] _values;

        public ActorMemo(int actors) => _values = new T?[actors];

        /// <summary>The actor's value, computed by <paramref name="compute"/> on first use.</summary>
        public T Get<TState>(int actor, TState state, Func<int, TState, T> compute)
        {
            var value = Volatile.Read(ref _values[actor]);
            if (value is not null)
            {
                return value;
            }

            value = compute(actor, state);
            return Interlocked.CompareExchange(ref _values[actor], value, null) ?? value;
        }

        /// <inheritdoc />
        public void Release(int actor) => Volatile.Write(ref _values[actor], null);
    }

    private T Make<T>(ref T? field, Func<T> build)
        where T : class
    {
        lock (_gate)
        {
            if (field is null)
            {
                Volatile.Write(ref field, build());
            }

            return field;
        }
    }

    /// <summary>
    /// The dyadic evidence kinds, each with its per-period sums and counts: the first <see cref="StoredGroups"/> are
    /// stored as one block per pair that has the kind, the others are built per pair when read (<see cref="DyadLevelSums"/>).
    /// </summary>
    internal enum Group
    {
        Support = 0,
        Coercion,
        Demand,
        Presence,
        Overreach,
        Commitment,
    }

    /// <summary>How many <see cref="Group"/>s there are.</summary>
    private const int GroupCount = 6;

    /// <summary>
    /// The groups stored for every pair (support and coercion, the first two <see cref="Group"/>s): the network measures
    /// read them for pairs beyond a dyad's own. The other groups are dyad-level (<see cref="DyadLevelSums"/>).
    /// </summary>
    private const int StoredGroups = 2;

    /// <summary>The case indexed.</summary>
    public Case Case { get; }

    /// <summary>A number unique to this index in the process (per-thread memos key on it, so they hold no reference).</summary>
    internal long BuildId { get; }

    /// <summary>The periods indexed.</summary>
    public PeriodGrid Grid { get; }

    /// <summary>The options whose weights were applied.</summary>
    public ScoringOptions Options { get; }

    /// <summary>
    /// <see cref="Reproducibility.InputHash"/> of <see cref="Case"/> and <see cref="Options"/>, computed once and shared by
    /// every result read from this index (scores, networks).
    /// </summary>
    internal string InputHash => _inputHash.Value;

    /// <summary>The number of periods (<see cref="PeriodGrid.Count"/>).</summary>
    public int Periods => Grid.Count;

    /// <summary>The number of directed pairs with evidence.</summary>
    public int PairCountTotal => _pairFrom.Length;

    /// <summary>Builds the index of a case over a grid.</summary>
    /// <param name="case">The case.</param>
    /// <param name="grid">The periods; evidence outside them is ignored.</param>
    /// <param name="options">The options (confidence weights, formality values, red-line salience).</param>
    /// <returns>The index.</returns>
    /// <exception cref="ArgumentException">
    /// The per-actor or per-objective series that the index's accessors read (<see cref="SupportReceived"/>,
    /// <see cref="TryCapability"/>, <see cref="AttainmentAt"/>) would need an array of more than
    /// <see cref="Array.MaxLength"/> values (actors × (grid periods + 1), objectives × grid periods): refused, with the
    /// counts, before anything is allocated, as <see cref="Scorer"/> refuses such a score.
    /// </exception>
    public static EvidenceIndex Build(Case @case, PeriodGrid grid, ScoringOptions options)
    {
        ArgumentNullException.ThrowIfNull(@case, nameof(@case));
        ArgumentNullException.ThrowIfNull(grid);
        CheckSeriesSizes(@case, grid, Parts.All, nameof(grid), "build the index over a shorter grid or at a coarser granularity");
        return Build(@case, grid, options, Parts.None);
    }

    /// <summary>
    /// Refuses, before anything of their size is allocated, the per-actor and per-objective series of
    /// <paramref name="parts"/> over <paramref name="grid"/> that would not fit in an array: each is one array of
    /// actors × (periods + 1) or objectives × periods values. The one check of these sizes, for <see cref="Build(Case,
    /// PeriodGrid, ScoringOptions)"/> and <see cref="Scorer"/>.
    /// </summary>
    /// <param name="case">The case.</param>
    /// <param name="grid">The grid.</param>
    /// <param name="parts">The parts that will be built (<see cref="Parts.Received"/>, <see cref="Parts.Capabilities"/>, <see cref="Parts.Objectives"/>).</param>
    /// <param name="paramName">The parameter the exception names.</param>
    /// <param name="advice">What to do instead, appended to the counts.</param>
    /// <exception cref="ArgumentException">Such a series would hold more than <see cref="Array.MaxLength"/> values.</exception>
    internal static void CheckSeriesSizes(Case @case, PeriodGrid grid, Parts parts, string paramName, string advice)
    {
        if (SeriesTooLarge(@case, grid, parts) is { } what)
        {
            throw new ArgumentException($"{what}; {advice}", paramName);
        }
    }

    /// <summary>
    /// What is too large of the per-actor and per-objective series of <paramref name="parts"/> over
    /// <paramref name="grid"/>, with the counts ("the case's 18003 actors over the grid's 119988 monthly periods
    /// (0001-01–9999-12) are 2160161967 values of per-actor series, more than an array holds (2147483591)"), each such
    /// series named; null when all fit.
    /// </summary>
    private static string? SeriesTooLarge(Case @case, PeriodGrid grid, Parts parts)
    {
        var span = string.Create(CultureInfo.InvariantCulture, $"{grid.Count} {Scorer.Adjective(grid.Granularity)} periods ({grid.First}–{grid.Last})");
        var problems = new List<string>();
        var actorValues = (long)@case.Actors.Length * (grid.Count + 1);
        if ((parts & (Parts.Received | Parts.Capabilities)) != 0 && actorValues > Array.MaxLength)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"the case's {@case.Actors.Length} actors over the grid's {span} are {actorValues} values of per-actor series, more than an array holds ({Array.MaxLength})"));
        }

        var objectiveValues = (long)@case.Objectives.Length * grid.Count;
        if ((parts & Parts.Objectives) != 0 && objectiveValues > Array.MaxLength)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"the case's {@case.Objectives.Length} objectives over the grid's {span} are {objectiveValues} values of per-objective series, more than an array holds ({Array.MaxLength})"));
        }

        return problems.Count == 0 ? null : string.Join("; ", problems);
    }

    /// <summary>
    /// Refuses to build a part of an index whose build did not check its size (one built for measures that do not read
    /// it, or for a network) when it would not fit in an array, with the counts, instead of an overflow.
    /// </summary>
    /// <exception cref="InvalidOperationException">The part would hold more than <see cref="Array.MaxLength"/> values.</exception>
    private void RequireFits(Parts part)
    {
        if (SeriesTooLarge(Case, Grid, part) is { } what)
        {
            throw new InvalidOperationException($"{what}: this index cannot hold them; build one over a shorter grid or at a coarser granularity");
        }
    }

    /// <summary>
    /// Builds the index, filling during the build the parts in <paramref name="parts"/> that it can fill there
    /// (<see cref="Parts.SupportItems"/>: written from the build's compact entries, in one pass, instead of gathered
    /// from the evidence columns later; <see cref="Parts.Entries"/>: those entries kept). The other parts are built
    /// when first read or prepared.
    /// </summary>
    internal static EvidenceIndex Build(Case @case, PeriodGrid grid, ScoringOptions options, Parts parts)
    {
        ArgumentNullException.ThrowIfNull(@case, nameof(@case));
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(options);
        var b = new Builder(@case, grid, options);
        b.Run((parts & (Parts.SupportItems | Parts.Received)) != 0, (parts & Parts.Entries) != 0);
        return new EvidenceIndex(@case, grid, options, b);
    }

    /// <summary>Drops the build's entries if it kept them (<see cref="Parts.Entries"/>); values read later do not change.</summary>
    internal void ReleaseEntries() => _builder.ReleaseEntries();

    /// <summary>Whether the build's entries are kept (<see cref="Parts.Entries"/>, not yet released).</summary>
    internal bool KeepsEntries => _builder.KeepsEntries;

    /// <summary>
    /// The pair (from → to) position, or −1 when no evidence links them in that direction (or either position is not an
    /// actor's: unlike the other accessors, this one answers for any position).
    /// </summary>
    /// <param name="fromActor">The acting actor's position in <see cref="Case.Actors"/>.</param>
    /// <param name="toActor">The other actor's position.</param>
    /// <returns>The pair position or −1.</returns>
    public int PairOf(int fromActor, int toActor) => _pairIndex.Find(Key(fromActor, toActor));

    /// <summary>The acting actor of a pair.</summary>
    /// <param name="pair">The pair.</param>
    /// <returns>The actor position.</returns>
    public int PairFrom(int pair) => _pairFrom[Check.IndexOrThrow(pair, PairCountTotal)];

    /// <summary>The other actor of a pair.</summary>
    /// <param name="pair">The pair.</param>
    /// <returns>The actor position.</returns>
    public int PairTo(int pair) => _pairTo[Check.IndexOrThrow(pair, PairCountTotal)];

    /// <summary>An actor and its ancestors (parent, grandparent, …), nearest first.</summary>
    /// <param name="actor">The actor position.</param>
    /// <returns>The chain.</returns>
    public IReadOnlyList<int> AncestorsOrSelf(int actor) => (_ancestorViews ??= Views(_ancestorsOrSelf))[ActorArg(actor)];

    /// <summary>An actor and its ancestors, nearest first, without a view (for the engine's own loops).</summary>
    internal ReadOnlySpan<int> AncestorSpan(int actor) => _ancestorsOrSelf[actor];

    /// <summary>A sum for one pair and period; 0 when the pair is −1.</summary>
    /// <param name="sum">Which sum.</param>
    /// <param name="pair">The pair, or −1.</param>
    /// <param name="t">The period position.</param>
    /// <returns>The sum.</returns>
    public double At(PairSum sum, int pair, int t)
    {
        Check.IndexOrThrow(t, Periods);
        return Series(sum, PairArg(pair))[t];
    }

    /// <summary>A sum over periods t0 … t1 (inclusive, clipped to the grid), added in period order.</summary>
    /// <param name="sum">Which sum.</param>
    /// <param name="pair">The pair, or −1.</param>
    /// <param name="t0">The first period position.</param>
    /// <param name="t1">The last period position.</param>
    /// <returns>The sum (0 when the pair is −1 or the window is empty).</returns>
    public double Sum(PairSum sum, int pair, int t0, int t1)
    {
        // Periods outside the pair's active span hold +0, and adding +0 to a sum that is never −0 changes nothing: the
        // sum over the part of the window inside the span is the sum over the whole window, bit for bit.
        var series = Series(sum, PairArg(pair));
        t0 = Math.Max(t0, series.Start);
        t1 = Math.Min(t1, series.Start + series.Values.Length - 1);
        var s = 0.0;
        for (var t = t0; t <= t1; t++)
        {
            s += series.Values[t - series.Start];
        }

        return s;
    }

    /// <summary>
    /// An item count over periods t0 … t1 (an item touching several periods counts in each). Costs O(1) (for a
    /// dyad-level kind, after the pair's first read: see <see cref="PairCount"/>).
    /// </summary>
    /// <param name="count">Which count.</param>
    /// <param name="pair">The pair, or −1.</param>
    /// <param name="t0">The first period position.</param>
    /// <param name="t1">The last period position.</param>
    /// <returns>The count.</returns>
    public int Count(PairCount count, int pair, int t0, int t1)
    {
        return CountPrefix(count, PairArg(pair)).In(Math.Max(t0, 0), Math.Min(t1, Periods - 1));
    }

    /// <summary>The first period position in which a pair has a support item, or −1 when it has none.</summary>
    /// <param name="pair">The pair, or −1.</param>
    /// <returns>The position or −1.</returns>
    public int FirstSupportPeriod(int pair) => PairArg(pair) < 0 ? -1 : _firstSupport[pair];

    /// <summary>Weighted support on a pair summed over every period up to and including t (added in period order).</summary>
    /// <param name="pair">The pair, or −1.</param>
    /// <param name="t">The period position.</param>
    /// <returns>The cumulative support.</returns>
    /// <remarks>O(periods): the pair's per-period sums are added in period order, as <see cref="Cumulate"/> adds them
    /// (the +0 outside its active span left out, which changes nothing), so the value is the same bits as a measure's
    /// series of it.</remarks>
    public double CumulativeSupport(int pair, int t)
    {
        // Only the pair's active span is added: the periods outside it hold +0, which changes no sum.
        var support = SumSeries(PairSum.Support, PairArg(pair));
        var running = 0.0;
        var last = Math.Min(Math.Min(t, Periods - 1), support.Start + support.Values.Length - 1);
        for (var q = support.Start; q <= last; q++)
        {
            running += support.Values[q - support.Start];
        }

        return running;
    }

    /// <summary>
    /// Whether a pair's weighted support over periods t0 … t1 is positive: exactly
    /// <c>Sum(PairSum.Support, pair, t0, t1) &gt; 0</c> (a sum of non-negative terms is positive when one term is).
    /// </summary>
    /// <param name="pair">The pair, or −1.</param>
    /// <param name="t0">The first period position.</param>
    /// <param name="t1">The last period position.</param>
    /// <returns>Whether support flowed with weight in the window.</returns>
    public bool HasSupport(int pair, int t0, int t1)
    {
        var support = SumSeries(PairSum.Support, PairArg(pair));
        var last = Math.Min(Math.Min(t1, Periods - 1), support.Start + support.Values.Length - 1);
        for (var q = Math.Max(t0, support.Start); q <= last; q++)
        {
            if (support.Values[q - support.Start] > 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The objectives held by an actor, as positions in <see cref="Case.Objectives"/>.</summary>
    /// <param name="actor">The actor position.</param>
    /// <returns>The objective positions, ascending.</returns>
    public IReadOnlyList<int> ObjectivesHeldBy(int actor) => (_objectiveViews ??= Views(_objectivesByHolder))[ActorArg(actor)];

    // Read-only views of the index's own arrays, made once: handing out the arrays would let a caller who casts the
    // list back to int[] change an index that every thread and every later scoring shares.
    private static System.Collections.ObjectModel.ReadOnlyCollection<int>[] Views(int[][] lists) => [.. lists.Select(l => Array.AsReadOnly(l))];

    /// <summary>
    /// Weighted support an actor receives from outside it over periods t0 … t1, each item counted once (in its
    /// outermost pair: see <see cref="SupporterPairs"/>).
    /// </summary>
    /// <param name="actor">The receiving actor.</param>
    /// <param name="t0">The first period position.</param>
    /// <param name="t1">The last period position.</param>
    /// <returns>The sum.</returns>
    public double SupportReceived(int actor, int t0, int t1)
    {
        ActorArg(actor);
        t0 = Math.Max(t0, 0);
        t1 = Math.Min(t1, Periods - 1);
        var sums = Received.Sums;
        var s = 0.0;
        for (var t = t0; t <= t1; t++)
        {
            s += sums[(actor * Periods) + t];
        }

        return s;
    }

    /// <summary>The number of support items an actor receives over periods t0 … t1 (an item touching several periods counts in each). Costs O(1).</summary>
    /// <param name="actor">The receiving actor.</param>
    /// <param name="t0">The first period position.</param>
    /// <param name="t1">The last period position.</param>
    /// <returns>The count.</returns>
    public int SupportReceivedCount(int actor, int t0, int t1)
    {
        ActorArg(actor);
        t0 = Math.Max(t0, 0);
        t1 = Math.Min(t1, Periods - 1);
        if (t0 > t1)
        {
            return 0;
        }

        var baseIndex = actor * (Periods + 1);
        var counts = Received.Counts;
        return counts[baseIndex + t1 + 1] - counts[baseIndex + t0];
    }

    /// <summary>The pairs into an actor (evidence of any kind from another actor to it), at every roll-up level.</summary>
    /// <param name="actor">The receiving actor.</param>
    /// <returns>The pair positions, ascending. Costs O(in-degree).</returns>
    public IEnumerable<int> PairsInto(int actor) => PairsIntoOf(ActorArg(actor));

    private IEnumerable<int> PairsIntoOf(int actor)
    {
        for (var k = _inStart[actor]; k < _inStart[actor + 1]; k++)
        {
            yield return _inPairs[k];
        }
    }

    /// <summary>The pairs out of an actor (evidence of any kind from it to another actor), at every roll-up level.</summary>
    /// <param name="actor">The acting actor.</param>
    /// <returns>The pair positions, ascending. Costs O(out-degree).</returns>
    public IEnumerable<int> PairsFrom(int actor) => PairsFromOf(ActorArg(actor));

    private IEnumerable<int> PairsFromOf(int actor)
    {
        for (var k = _outStart[actor]; k < _outStart[actor + 1]; k++)
        {
            yield return _outPairs[k];
        }
    }

    /// <summary>
    /// The pairs into an actor at the outermost level (see <see cref="IsOutermostPair"/>): every item from outside the
    /// actor to it lies in exactly one of them, so they partition what the actor receives among its supporters.
    /// </summary>
    /// <param name="actor">The receiving actor.</param>
    /// <returns>The pair positions, ascending.</returns>
    public IEnumerable<int> SupporterPairs(int actor) => SupporterPairsOf(ActorArg(actor));

    private IEnumerable<int> SupporterPairsOf(int actor)
    {
        for (var k = _inStart[actor]; k < _inStart[actor + 1]; k++)
        {
            if (_outermost[_inPairs[k]])
            {
                yield return _inPairs[k];
            }
        }
    }

    /// <summary>
    /// Whether a pair is at the outermost level for its receiving actor: its acting actor has no parent, or its parent
    /// is an ancestor of the receiver. Each item from outside an actor to it lies in exactly one such pair into it.
    /// </summary>
    /// <param name="pair">The pair.</param>
    /// <returns>Whether the pair is outermost.</returns>
    public bool IsOutermostPair(int pair) => _outermost[Check.IndexOrThrow(pair, PairCountTotal)];

    /// <summary>The parent (the movement a faction belongs to) of an actor, or −1.</summary>
    /// <param name="actor">The actor position.</param>
    /// <returns>The parent's position or −1.</returns>
    public int ParentOf(int actor) => _ancestorsOrSelf[ActorArg(actor)].Length > 1 ? _ancestorsOrSelf[actor][1] : -1;

    /// <summary>Whether one actor is the other or one of its ancestors (evidence between them is internal to a movement).</summary>
    /// <param name="a">One actor position.</param>
    /// <param name="b">The other actor position.</param>
    /// <returns>Whether they are related.</returns>
    public bool AreRelated(int a, int b) => Array.IndexOf(_ancestorsOrSelf[ActorArg(a)], ActorArg(b)) >= 0 || Array.IndexOf(_ancestorsOrSelf[b], a) >= 0;

    /// <summary>Whether <paramref name="ancestor"/> is <paramref name="actor"/> or one of its ancestors.</summary>
    /// <param name="actor">The actor position.</param>
    /// <param name="ancestor">The candidate ancestor's position.</param>
    /// <returns>Whether the actor lies within the ancestor.</returns>
    public bool IsWithin(int actor, int ancestor) => Array.IndexOf(_ancestorsOrSelf[ActorArg(actor)], ActorArg(ancestor)) >= 0;

    /// <summary>The period position of a day, equal to <see cref="PeriodGrid.IndexOfDay"/> (a table look-up, not a search).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal int PeriodOfDay(int day) => _builder.PeriodOfDay(day);

    /// <summary>
    /// Every item row of a pair (all kinds, all dates), grouped by kind (support, coercion, demand, presence,
    /// overreach, commitment), each kind's rows in canonical order.
    /// </summary>
    internal ReadOnlySpan<int> PairItemSpan(int pair)
    {
        var (start, end) = (_pairGroupStart[pair * GroupCount], _pairGroupStart[(pair + 1) * GroupCount]);
        return _pairItems.AsSpan(start, end - start);
    }

    /// <summary>The item rows of one kind on a pair (all dates), in canonical order; none for a kind pairs do not hold.</summary>
    internal ReadOnlySpan<int> PairItemSpan(int pair, EvidenceKind kind)
    {
        var (start, end) = PairKindRange(pair, kind);
        return _pairItems.AsSpan(start, end - start);
    }

    /// <summary>Where a pair's items of one kind lie in <see cref="_pairItems"/> (an empty range for a kind pairs do not hold).</summary>
    private (int Start, int End) PairKindRange(int pair, EvidenceKind kind)
    {
        if (GroupOf(kind) is not { } group)
        {
            return (0, 0);
        }

        var g = (pair * GroupCount) + (int)group;
        return (_pairGroupStart[g], _pairGroupStart[g + 1]);
    }

    /// <summary>The first and last day numbers of periods t0 … t1 (clipped to the grid).</summary>
    internal (int FirstDay, int LastDay) WindowDays(int t0, int t1) => Days(t0, t1);

    internal ReadOnlySpan<int> InPairSpan(int actor) => _inPairs.AsSpan(_inStart[actor], _inStart[actor + 1] - _inStart[actor]);

    internal ReadOnlySpan<int> OutPairSpan(int actor) => _outPairs.AsSpan(_outStart[actor], _outStart[actor + 1] - _outStart[actor]);

    /// <summary>The issues a pair's demands are about, as issue positions.</summary>
    /// <param name="pair">The pair, or −1.</param>
    /// <returns>The issue positions, ascending.</returns>
    public IEnumerable<int> IssuesOf(int pair) => IssuesOfPair(PairArg(pair));

    private IEnumerable<int> IssuesOfPair(int pair)
    {
        if (pair < 0)
        {
            yield break;
        }

        for (var s = _issueSlotStart[pair]; s < _issueSlotStart[pair + 1]; s++)
        {
            yield return _issueSlotIssue[s];
        }
    }

    /// <summary>Demand weight and met weight of one issue of a pair over periods t0 … t1.</summary>
    /// <param name="pair">The pair.</param>
    /// <param name="issue">The issue position.</param>
    /// <param name="t0">The first period position.</param>
    /// <param name="t1">The last period position.</param>
    /// <returns>(Σ confidence × salience × share, Σ … × credit).</returns>
    /// <remarks>A pair's demand sums (by issue and of red lines) are built on its first read, over the whole grid, and
    /// kept with the index.</remarks>
    public (double Weight, double Met) IssueSums(int pair, int issue, int t0, int t1)
    {
        if (PairArg(pair) < 0)
        {
            return (0, 0);
        }

        t0 = Math.Max(t0, 0);
        t1 = Math.Min(t1, Periods - 1);
        var first = _issueSlotStart[pair];
        for (var s = first; s < _issueSlotStart[pair + 1]; s++)
        {
            if (_issueSlotIssue[s] != issue)
            {
                continue;
            }

            var demands = DemandsOf(pair);
            var at = (s - first) * Periods;
            double w = 0, m = 0;
            for (var t = t0; t <= t1; t++)
            {
                w += demands.IssueWeight[at + t];
                m += demands.IssueMet[at + t];
            }

            return (w, m);
        }

        return (0, 0);
    }

    /// <summary>The attainment sums of an objective in one period.</summary>
    /// <param name="objective">The objective position.</param>
    /// <param name="t">The period position.</param>
    /// <returns>(Σ confidence × share × attainment, Σ confidence × share); weight 0 means no observation.</returns>
    public (double Sum, double Weight) AttainmentAt(int objective, int t)
    {
        Check.IndexOrThrow(objective, Case.Objectives.Length);
        Check.IndexOrThrow(t, Periods);
        var parts = Objectives;
        return (parts.Sum[(objective * Periods) + t], parts.Weight[(objective * Periods) + t]);
    }

    /// <summary>
    /// The latest capability of an actor at the end of a period: the confidence-weighted mean of its observations on
    /// the latest day observed.
    /// </summary>
    /// <param name="actor">The actor position.</param>
    /// <param name="t">The period position.</param>
    /// <param name="value">The capability.</param>
    /// <returns>Whether the actor has been observed by then.</returns>
    public bool TryCapability(int actor, int t, out double value)
    {
        ActorArg(actor);
        Check.IndexOrThrow(t, Periods);
        var cell = (actor * Periods) + t;
        var parts = Capabilities;
        if (parts.At[cell] < 0)
        {
            value = 0;
            return false;
        }

        value = parts.Value[cell];
        return true;
    }

    /// <summary>The capability items behind <see cref="TryCapability"/> (the latest day's observations).</summary>
    /// <param name="actor">The actor position.</param>
    /// <param name="t">The period position.</param>
    /// <returns>The evidence rows.</returns>
    public IEnumerable<int> CapabilityItems(int actor, int t)
    {
        ActorArg(actor);
        Check.IndexOrThrow(t, Periods);
        return CapabilityItemsAt(actor, t);
    }

    private IEnumerable<int> CapabilityItemsAt(int actor, int t)
    {
        var parts = Capabilities;
        var k = parts.At[(actor * Periods) + t];
        if (k < 0)
        {
            yield break;
        }

        var c = Case.Evidence.Columns;
        var day = c.FirstDay[parts.Rows[k]];
        for (var j = k; j >= parts.Start[actor] && c.FirstDay[parts.Rows[j]] == day; j--)
        {
            yield return parts.Rows[j];
        }
    }

    /// <summary>The items of a kind on a pair that touch periods t0 … t1, in canonical order.</summary>
    /// <param name="pair">The pair, or −1.</param>
    /// <param name="kind">The kind (a kind pairs do not hold, such as attainment, has none).</param>
    /// <param name="t0">The first period position.</param>
    /// <param name="t1">The last period position.</param>
    /// <returns>The evidence rows.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is not an <see cref="EvidenceKind"/>, or <paramref name="pair"/> is neither −1 nor a pair.</exception>
    public IEnumerable<int> Items(int pair, EvidenceKind kind, int t0, int t1) =>
        ItemsOf(PairArg(pair), Enum.IsDefined(kind) ? kind : throw new ArgumentOutOfRangeException(nameof(kind), kind, "not an evidence kind"), t0, t1);

    private IEnumerable<int> ItemsOf(int pair, EvidenceKind kind, int t0, int t1)
    {
        if (pair < 0)
        {
            yield break;
        }

        var (d0, d1) = Days(t0, t1);
        var c = Case.Evidence.Columns;
        var (start, end) = PairKindRange(pair, kind);
        for (var k = start; k < end; k++)
        {
            var row = _pairItems[k];
            if (c.LastDay[row] >= d0 && c.FirstDay[row] <= d1)
            {
                yield return row;
            }
        }
    }

    /// <summary>The attainment and indicator items of an objective that touch periods t0 … t1.</summary>
    /// <param name="objective">The objective position.</param>
    /// <param name="t0">The first period position.</param>
    /// <param name="t1">The last period position.</param>
    /// <returns>The evidence rows.</returns>
    public IEnumerable<int> ObjectiveItems(int objective, int t0, int t1) => ObjectiveItemsOf(Check.IndexOrThrow(objective, Case.Objectives.Length), t0, t1);

    private IEnumerable<int> ObjectiveItemsOf(int objective, int t0, int t1)
    {
        var (d0, d1) = Days(t0, t1);
        var c = Case.Evidence.Columns;
        var parts = Objectives;
        for (var k = parts.ItemStart[objective]; k < parts.ItemStart[objective + 1]; k++)
        {
            var row = parts.Items[k];
            if (c.LastDay[row] >= d0 && c.FirstDay[row] <= d1)
            {
                yield return row;
            }
        }
    }

    /// <summary>The numeric weight of an item's confidence.</summary>
    /// <param name="row">The evidence row.</param>
    /// <returns>The weight.</returns>
    public double ConfidenceWeight(int row) => Options.Confidence.Of((Confidence)Case.Evidence.Columns.Confidence[RowArg(row)]);

    /// <summary>
    /// The item's weight before spreading over periods: confidence × magnitude, severity, level, salience or scope;
    /// confidence alone for attainment, indicator and capability observations.
    /// </summary>
    /// <param name="row">The evidence row.</param>
    /// <returns>The weight.</returns>
    public double Weight(int row)
    {
        RowArg(row);
        var c = Case.Evidence.Columns;
        return (EvidenceKind)c.Kind[row] switch
        {
            EvidenceKind.Attainment or EvidenceKind.Indicator or EvidenceKind.Capability => ConfidenceWeight(row),
            _ => ConfidenceWeight(row) * c.Value[row],
        };
    }

    /// <summary>An item's weight summed over its shares of periods t0 … t1 (clipped to the grid): <see cref="Weight"/> × Σ_t share.</summary>
    /// <param name="row">The evidence row.</param>
    /// <param name="t0">The first period position.</param>
    /// <param name="t1">The last period position.</param>
    /// <returns>The weight in the window.</returns>
    public double WindowWeight(int row, int t0, int t1)
    {
        var w = Weight(row);
        var s = 0.0;
        for (var t = Math.Max(t0, 0); t <= Math.Min(t1, Periods - 1); t++)
        {
            s += Share(row, t);
        }

        return w * s;
    }

    /// <summary>The attainment an attainment or indicator item reports, in [0, 1] (indicators mapped by their series).</summary>
    /// <param name="row">The evidence row.</param>
    /// <returns>The attainment (0 for items of other kinds).</returns>
    public double AttainmentValue(int row)
    {
        RowArg(row);
        var c = Case.Evidence.Columns;
        return (EvidenceKind)c.Kind[row] switch
        {
            EvidenceKind.Attainment => c.Value[row],
            EvidenceKind.Indicator => Case.Indicators[c.Ref[row]].ToAttainment(c.Value[row]),
            _ => 0,
        };
    }

    /// <summary>An item's share of a period: see the remarks of <see cref="EvidenceIndex"/>.</summary>
    /// <param name="row">The evidence row.</param>
    /// <param name="t">The period position.</param>
    /// <returns>The share in [0, 1].</returns>
    public double Share(int row, int t)
    {
        RowArg(row);
        Check.IndexOrThrow(t, Periods);
        var c = Case.Evidence.Columns;
        return ShareOf(Grid, c.FirstDay[row], c.LastDay[row], c.IsSpan(row), t);
    }

    /// <summary>The share of an item (its first and last day, and whether it is a span) in a period of a grid.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double ShareOf(PeriodGrid grid, int first, int last, bool span, int t) => ShareOf(grid.StartDays, grid.YearDays, first, last, span, t);

    /// <summary>
    /// As <see cref="ShareOf(PeriodGrid, int, int, bool, int)"/>, from the grid's start days and year lengths: a point
    /// spreads its mass by days (its shares sum to 1); a span is a yearly rate, so a period gets the days it covers over
    /// the days of the period's year (a whole year 1, a whole January 31/365), whatever the granularity.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double ShareOf(ReadOnlySpan<int> startDays, ReadOnlySpan<int> yearDays, int first, int last, bool span, int t)
    {
        var start = startDays[t];
        var end = startDays[t + 1] - 1;
        var overlap = Math.Min(last, end) - Math.Max(first, start) + 1;
        if (overlap <= 0)
        {
            return 0;
        }

        return span ? (double)overlap / yearDays[t] : (double)overlap / (last - first + 1);
    }

    /// <summary>A pair's per-period sums of one kind over its active span (0 outside it), or empty when it has none (all zero).</summary>
    internal PairSeries SumSeries(PairSum sum, int pair) => Series(sum, pair);

    /// <summary>A pair's running item counts of one kind over its active span, or empty when it has none.</summary>
    internal PairCounts CountPrefix(PairCount count, int pair)
    {
        if (pair < 0)
        {
            return default;
        }

        var (first, end) = (_pairCells[pair], _pairCells[pair + 1]);
        if (count == PairCount.Activity)
        {
            return new PairCounts(_activity.AsSpan(first + pair, end - first + 1), _pairLo[pair]);
        }

        if (DyadLevelSums.Holds(count))
        {
            return DyadLevelOf(pair).Counts(count);
        }

        var g = (int)count;
        var block = _groupBlock[g][pair];
        return block < 0 ? default : new PairCounts(_countData[g].AsSpan(_blockCells[g][block] + block, end - first + 1), _pairLo[pair]);
    }

    /// <summary>An item count over periods a … b from a pair's running counts (<see cref="PairCounts.In"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int CountIn(PairCounts counts, int a, int b) => counts.In(a, b);

    /// <summary>A pair's sum of one kind in period t (0 outside its active span, or when it has none of the kind).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double ValueAt(PairSeries series, int t) => series[t];

    /// <summary>An actor's capability position (−1 before any observation) and value by period.</summary>
    internal (ReadOnlyMemory<int> At, ReadOnlyMemory<double> Value) CapabilitySeries(int actor)
    {
        var parts = Capabilities;
        return (parts.At.AsMemory(actor * Periods, Periods), parts.Value.AsMemory(actor * Periods, Periods));
    }

    /// <summary>An actor's running count of support items received.</summary>
    internal ReadOnlySpan<int> SupportInCountPrefix(int actor) => Received.Counts.AsSpan(actor * (Periods + 1), Periods + 1);

    /// <summary>An item count over periods a … b (a clipped at 0, b within the grid) from running counts; 0 when empty.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int CountIn(ReadOnlySpan<int> prefix, int a, int b)
    {
        a = Math.Max(a, 0);
        return prefix.IsEmpty || a > b ? 0 : prefix[b + 1] - prefix[a];
    }

    /// <summary>An actor's per-period support received over the whole grid.</summary>
    internal ReadOnlySpan<double> SupportInSeries(int actor) => Received.Sums.AsSpan(actor * Periods, Periods);

    /// <summary>
    /// Running sums of a per-period series from period 0 (<paramref name="into"/>[q] = series[0] + … + series[q], added
    /// in period order) for the first <paramref name="into"/>.Length periods: a pair's cumulative support, built per
    /// dyad by the measure that reads it rather than kept for every pair.
    /// </summary>
    internal static void Cumulate(PairSeries series, Span<double> into)
    {
        var running = 0.0;
        for (var q = 0; q < into.Length; q++)
        {
            running += series[q];
            into[q] = running;
        }
    }

    /// <summary>The issue slots of a pair: slot s holds issue <see cref="IssueOfSlot"/> and its sums.</summary>
    internal (int First, int End) IssueSlots(int pair) => pair < 0 ? (0, 0) : (_issueSlotStart[pair], _issueSlotStart[pair + 1]);

    internal int IssueOfSlot(int slot) => _issueSlotIssue[slot];

    /// <summary>
    /// One pair's demand sums over the whole grid (the sums <see cref="IssueSums"/> and the red-line sums of
    /// <see cref="Sum"/> add), into the caller's buffers: each of its issue slots' weight and met weight (slot after slot, <see cref="Periods"/> values
    /// each, in <see cref="IssueSlots"/> order) and its red-line weight and defied weight. The measures read demands
    /// this way, per dyad, so that scoring keeps no demand sums for pairs no dyad reads. <c>slotOf</c> is work space
    /// of at least one entry per issue of the case.
    /// </summary>
    internal void PairDemands(int pair, Span<double> issueWeight, Span<double> issueMet, Span<double> redWeight, Span<double> redDefied, int[] slotOf)
    {
        if (pair < 0)
        {
            redWeight.Clear();
            redDefied.Clear();
            return;
        }

        _builder.PairDemands(pair, issueWeight, issueMet, redWeight, redDefied, slotOf);
    }

    /// <summary>
    /// A pair's demand sums for the public accessors (<see cref="IssueSums"/>, the red-line sums), built on the pair's
    /// first read and kept as long as the index: only the pairs read cost memory, and reading every pair costs what a
    /// whole-index part would. Scoring does not fill them (issue spread's and client agency's series build their dyad's
    /// sums per thread, <see cref="PairDemands"/> through the dyad memo); the per-period <c>Evaluate</c> paths do
    /// (explanations, and <see cref="Scoring.ScoreSet"/> reads of measures that were not scored).
    /// </summary>
    private PairDemandSums DemandsOf(int pair) =>
        LazyInitializer.EnsureInitialized(ref _pairDemands).GetOrAdd(pair, static (p, index) =>
        {
            var t = index.Periods;
            var (first, end) = index.IssueSlots(p);
            var sums = new PairDemandSums(new double[checked((end - first) * t)], new double[checked((end - first) * t)], new double[t], new double[t]);
            index.PairDemands(p, sums.IssueWeight, sums.IssueMet, sums.RedLineWeight, sums.RedLineDefied, new int[index.Case.Issues.Length]);
            return sums;
        }, this);

    /// <summary>The latest period position τ ≤ t in which an objective was observed (attainment weight &gt; 0), or −1.</summary>
    internal int LastAttainmentPeriod(int objective, int t) => Objectives.Last[(objective * Periods) + t];

    /// <summary>
    /// A pair's sums of one kind: over its active span, or over the whole grid for the red-line sums (built on the
    /// pair's first read, as the dyad-level sums are); empty when the pair is −1 or has none of the kind.
    /// </summary>
    private PairSeries Series(PairSum sum, int pair)
    {
        if (pair < 0)
        {
            return default;
        }

        if (sum is PairSum.RedLineWeight or PairSum.RedLineDefied)
        {
            if (PairItemSpan(pair, EvidenceKind.Demand).IsEmpty)
            {
                return default;
            }

            var demands = DemandsOf(pair);
            return new PairSeries(sum == PairSum.RedLineWeight ? demands.RedLineWeight : demands.RedLineDefied, 0);
        }

        if (DyadLevelSums.Holds(sum))
        {
            return DyadLevelOf(pair).Series(sum);
        }

        var g = (int)GroupOf(sum);
        var block = _groupBlock[g][pair];
        var cells = _blockCells[g];
        return block < 0 ? default : new PairSeries(_sumData[(int)sum].AsSpan(cells[block], cells[block + 1] - cells[block]), _pairLo[pair]);
    }

    /// <summary>
    /// A pair's dyad-level sums and counts for the public accessors and the per-period paths, built on the pair's first
    /// read and kept as long as the index (as <see cref="DemandsOf"/> is). Scoring does not fill them: the measures'
    /// series build their dyad's two pairs per thread (<see cref="DyadLevel"/>).
    /// </summary>
    private DyadLevelSums DyadLevelOf(int pair) =>
        LazyInitializer.EnsureInitialized(ref _dyadLevel).GetOrAdd(pair, static (p, index) =>
        {
            var sums = new DyadLevelSums();
            index.DyadLevel(p, sums);
            return sums;
        }, this);

    /// <summary>How many pairs' dyad-level sums the public accessors have built and kept (a test's view of the cache).</summary>
    internal int DyadLevelPairsKept => _dyadLevel?.Count ?? 0;

    /// <summary>
    /// Builds pair <paramref name="pair"/>'s sums and counts of the dyad-level kinds (demands, presence, overreach,
    /// commitments) into <paramref name="into"/>, a buffer the caller reuses: the index stores them for no pair, since
    /// only a dyad's own two pairs are read. Costs one pass over the pair's items of those kinds and its active span.
    /// </summary>
    internal void DyadLevel(int pair, DyadLevelSums into)
    {
        if (pair < 0)
        {
            into.Reset(-1, 0, 0, 0);
            return;
        }

        _builder.DyadLevel(pair, into);
    }

    private static Group GroupOf(PairSum sum) => sum switch
    {
        PairSum.Support => Group.Support,
        PairSum.Coercion => Group.Coercion,
        PairSum.Presence => Group.Presence,
        PairSum.Overreach => Group.Overreach,
        PairSum.CommitmentWeight or PairSum.CommitmentFormality => Group.Commitment,
        _ => Group.Demand,
    };

    private static Group GroupOf(PairCount count) => (Group)(int)count;

    private static Group? GroupOf(EvidenceKind kind) => kind switch
    {
        EvidenceKind.Support => Group.Support,
        EvidenceKind.Coercion => Group.Coercion,
        EvidenceKind.Demand => Group.Demand,
        EvidenceKind.Presence => Group.Presence,
        EvidenceKind.Overreach => Group.Overreach,
        EvidenceKind.Commitment => Group.Commitment,
        _ => null,
    };

    private (int FirstDay, int LastDay) Days(int t0, int t1)
    {
        t0 = Math.Clamp(t0, 0, Periods);
        t1 = Math.Clamp(t1, -1, Periods - 1);
        return (Grid.StartDay(t0), Grid.StartDay(t1 + 1) - 1);
    }

    // Argument checks of the public accessors: one unsigned comparison each. Without them a period, actor or objective
    // position past the end reads the next block's values, silently.
    private int ActorArg(int actor, [CallerArgumentExpression(nameof(actor))] string? name = null) => Check.IndexOrThrow(actor, Case.Actors.Length, name);

    private int RowArg(int row) => Check.IndexOrThrow(row, Case.Evidence.Count);

    /// <summary>A pair position or −1 (no pair), else <see cref="ArgumentOutOfRangeException"/>.</summary>
    private int PairArg(int pair)
    {
        if (pair < -1 || pair >= PairCountTotal)
        {
            throw new ArgumentOutOfRangeException(nameof(pair), $"pair must be −1 (no pair) or in [0, {PairCountTotal - 1}]; was {pair}");
        }

        return pair;
    }

    private static long Key(int from, int to) => ((long)from << 32) | (uint)to;

    /// <summary>Each actor's children: Actors[Start[a] … Start[a + 1]) in position order.</summary>
    private sealed record ChildLists(int[] Start, int[] Actors);

    /// <summary>Support received per actor and period: sums and running item counts.</summary>
    private sealed record ReceivedParts(double[] Sums, int[] Counts);

    /// <summary>Objectives' attainment sums, weights and latest observed period by period, and their items.</summary>
    private sealed record ObjectiveParts(double[] Sum, double[] Weight, int[] Last, int[] ItemStart, int[] Items);

    /// <summary>Actors' capability observations, and the latest one and its value by period.</summary>
    private sealed record CapabilityParts(int[] Start, int[] Rows, int[] At, double[] Value);

    /// <summary>One pair's demand weight and met weight per issue slot and period (slot after slot), and its red-line sums.</summary>
    private sealed record PairDemandSums(double[] IssueWeight, double[] IssueMet, double[] RedLineWeight, double[] RedLineDefied);
}
