using Influence.Cases;
using Influence.Evidence;
using Influence.Scoring;

namespace Influence.Indexing;

/// <summary>Sums the index keeps for every directed pair of actors and period.</summary>
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

    /// <summary>As <see cref="DemandWeight"/>, for red-line demands (salience ≥ the red-line salience).</summary>
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

/// <summary>Item counts the index keeps for every directed pair of actors and period.</summary>
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
/// The case's evidence bucketed once by directed pair of actors and period, as dense columns: the one structure
/// every measure reads. Building it costs O(evidence + pairs × periods); reading a sum over a window of w periods
/// costs O(w).
/// </summary>
/// <remarks>
/// <para>
/// A point-dated item spreads its weight over the periods its date covers in proportion to the days (its shares sum
/// to one); a span counts as an intensity: its share of a period is the fraction of the period it covers.
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
/// </remarks>
public sealed class EvidenceIndex
{
    private static readonly int SumKinds = Enum.GetValues<PairSum>().Length;
    private static readonly int CountKinds = Enum.GetValues<PairCount>().Length;

    private readonly Dictionary<long, int> _pairIndex;
    private readonly int[] _pairFrom;
    private readonly int[] _pairTo;
    private readonly double[][] _sums;
    private readonly int[][] _counts;
    private readonly int[] _pairItemStart;
    private readonly int[] _pairItems;
    private readonly int[] _issueSlotStart;
    private readonly int[] _issueSlotIssue;
    private readonly double[] _issueWeight;
    private readonly double[] _issueMet;
    private readonly double[] _supportIn;
    private readonly int[] _supportInCount;
    private readonly double[] _attainmentSum;
    private readonly double[] _attainmentWeight;
    private readonly int[] _objectiveItemStart;
    private readonly int[] _objectiveItems;
    private readonly int[] _capabilityStart;
    private readonly int[] _capabilityRows;
    private readonly int[] _capabilityAt;
    private readonly int[][] _ancestorsOrSelf;
    private readonly double[] _attainmentValue;
    private readonly int[] _firstSupport;
    private readonly double[] _cumulativeSupport;
    private readonly int[][] _objectivesByHolder;
    private readonly int[] _outStart;
    private readonly int[] _outPairs;
    private readonly int[] _inStart;
    private readonly int[] _inPairs;
    private readonly bool[] _outermost;

    private EvidenceIndex(Case @case, PeriodGrid grid, ScoringOptions options, Builder b)
    {
        Case = @case;
        Grid = grid;
        Options = options;
        _pairIndex = b.PairIndex;
        _pairFrom = [.. b.PairFrom];
        _pairTo = [.. b.PairTo];
        _sums = b.Sums;
        _counts = b.Counts;
        _pairItemStart = b.PairItemStart;
        _pairItems = b.PairItems;
        _issueSlotStart = b.IssueSlotStart;
        _issueSlotIssue = b.IssueSlotIssue;
        _issueWeight = b.IssueWeight;
        _issueMet = b.IssueMet;
        _supportIn = b.SupportIn;
        _supportInCount = b.SupportInCount;
        _attainmentSum = b.AttainmentSum;
        _attainmentWeight = b.AttainmentWeight;
        _objectiveItemStart = b.ObjectiveItemStart;
        _objectiveItems = b.ObjectiveItems;
        _capabilityStart = b.CapabilityStart;
        _capabilityRows = b.CapabilityRows;
        _capabilityAt = b.CapabilityAt;
        _ancestorsOrSelf = b.AncestorsOrSelf;
        _attainmentValue = b.AttainmentValue;
        _firstSupport = b.FirstSupport;
        _cumulativeSupport = b.CumulativeSupport;
        _objectivesByHolder = b.ObjectivesByHolder;
        _outStart = b.OutStart;
        _outPairs = b.OutPairs;
        _inStart = b.InStart;
        _inPairs = b.InPairs;
        _outermost = b.Outermost;
    }

    /// <summary>The case indexed.</summary>
    public Case Case { get; }

    /// <summary>The periods indexed.</summary>
    public PeriodGrid Grid { get; }

    /// <summary>The options whose weights were applied.</summary>
    public ScoringOptions Options { get; }

    /// <summary>The number of periods (<see cref="PeriodGrid.Count"/>).</summary>
    public int Periods => Grid.Count;

    /// <summary>The number of directed pairs with evidence.</summary>
    public int PairCountTotal => _pairFrom.Length;

    /// <summary>Builds the index of a case over a grid.</summary>
    /// <param name="case">The case.</param>
    /// <param name="grid">The periods; evidence outside them is ignored.</param>
    /// <param name="options">The options (confidence weights, formality values, red-line salience).</param>
    /// <returns>The index.</returns>
    public static EvidenceIndex Build(Case @case, PeriodGrid grid, ScoringOptions options)
    {
        ArgumentNullException.ThrowIfNull(@case, nameof(@case));
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(options);
        var b = new Builder(@case, grid, options);
        b.Run();
        return new EvidenceIndex(@case, grid, options, b);
    }

    /// <summary>The pair (from → to) position, or −1 when no evidence links them in that direction.</summary>
    /// <param name="fromActor">The acting actor's position in <see cref="Case.Actors"/>.</param>
    /// <param name="toActor">The other actor's position.</param>
    /// <returns>The pair position or −1.</returns>
    public int PairOf(int fromActor, int toActor) =>
        _pairIndex.TryGetValue(Key(fromActor, toActor), out var p) ? p : -1;

    /// <summary>The acting actor of a pair.</summary>
    /// <param name="pair">The pair.</param>
    /// <returns>The actor position.</returns>
    public int PairFrom(int pair) => _pairFrom[pair];

    /// <summary>The other actor of a pair.</summary>
    /// <param name="pair">The pair.</param>
    /// <returns>The actor position.</returns>
    public int PairTo(int pair) => _pairTo[pair];

    /// <summary>An actor and its ancestors (parent, grandparent, …), nearest first.</summary>
    /// <param name="actor">The actor position.</param>
    /// <returns>The chain.</returns>
    public IReadOnlyList<int> AncestorsOrSelf(int actor) => _ancestorsOrSelf[actor];

    /// <summary>A sum for one pair and period; 0 when the pair is −1.</summary>
    /// <param name="sum">Which sum.</param>
    /// <param name="pair">The pair, or −1.</param>
    /// <param name="t">The period position.</param>
    /// <returns>The sum.</returns>
    public double At(PairSum sum, int pair, int t) => pair < 0 ? 0 : _sums[(int)sum][(pair * Periods) + t];

    /// <summary>A sum over periods t0 … t1 (inclusive, clipped to the grid), added in period order.</summary>
    /// <param name="sum">Which sum.</param>
    /// <param name="pair">The pair, or −1.</param>
    /// <param name="t0">The first period position.</param>
    /// <param name="t1">The last period position.</param>
    /// <returns>The sum (0 when the pair is −1 or the window is empty).</returns>
    public double Sum(PairSum sum, int pair, int t0, int t1)
    {
        if (pair < 0)
        {
            return 0;
        }

        t0 = Math.Max(t0, 0);
        t1 = Math.Min(t1, Periods - 1);
        var column = _sums[(int)sum];
        var baseIndex = pair * Periods;
        var s = 0.0;
        for (var t = t0; t <= t1; t++)
        {
            s += column[baseIndex + t];
        }

        return s;
    }

    /// <summary>An item count over periods t0 … t1 (an item touching several periods counts in each).</summary>
    /// <param name="count">Which count.</param>
    /// <param name="pair">The pair, or −1.</param>
    /// <param name="t0">The first period position.</param>
    /// <param name="t1">The last period position.</param>
    /// <returns>The count.</returns>
    public int Count(PairCount count, int pair, int t0, int t1)
    {
        if (pair < 0)
        {
            return 0;
        }

        t0 = Math.Max(t0, 0);
        t1 = Math.Min(t1, Periods - 1);
        var column = _counts[(int)count];
        var baseIndex = pair * Periods;
        var s = 0;
        for (var t = t0; t <= t1; t++)
        {
            s += column[baseIndex + t];
        }

        return s;
    }

    /// <summary>The first period position in which a pair has a support item, or −1 when it has none.</summary>
    /// <param name="pair">The pair, or −1.</param>
    /// <returns>The position or −1.</returns>
    public int FirstSupportPeriod(int pair) => pair < 0 ? -1 : _firstSupport[pair];

    /// <summary>Weighted support on a pair summed over every period up to and including t (added in period order).</summary>
    /// <param name="pair">The pair, or −1.</param>
    /// <param name="t">The period position.</param>
    /// <returns>The cumulative support.</returns>
    public double CumulativeSupport(int pair, int t) => pair < 0 || t < 0 ? 0 : _cumulativeSupport[(pair * Periods) + Math.Min(t, Periods - 1)];

    /// <summary>The objectives held by an actor, as positions in <see cref="Case.Objectives"/>.</summary>
    /// <param name="actor">The actor position.</param>
    /// <returns>The objective positions, ascending.</returns>
    public IReadOnlyList<int> ObjectivesHeldBy(int actor) => _objectivesByHolder[actor];

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
        t0 = Math.Max(t0, 0);
        t1 = Math.Min(t1, Periods - 1);
        var s = 0.0;
        for (var t = t0; t <= t1; t++)
        {
            s += _supportIn[(actor * Periods) + t];
        }

        return s;
    }

    /// <summary>The number of support items an actor receives over periods t0 … t1 (an item touching several periods counts in each).</summary>
    /// <param name="actor">The receiving actor.</param>
    /// <param name="t0">The first period position.</param>
    /// <param name="t1">The last period position.</param>
    /// <returns>The count.</returns>
    public int SupportReceivedCount(int actor, int t0, int t1)
    {
        t0 = Math.Max(t0, 0);
        t1 = Math.Min(t1, Periods - 1);
        var s = 0;
        for (var t = t0; t <= t1; t++)
        {
            s += _supportInCount[(actor * Periods) + t];
        }

        return s;
    }

    /// <summary>The pairs into an actor (evidence of any kind from another actor to it), at every roll-up level.</summary>
    /// <param name="actor">The receiving actor.</param>
    /// <returns>The pair positions, ascending. Costs O(in-degree).</returns>
    public IEnumerable<int> PairsInto(int actor)
    {
        for (var k = _inStart[actor]; k < _inStart[actor + 1]; k++)
        {
            yield return _inPairs[k];
        }
    }

    /// <summary>The pairs out of an actor (evidence of any kind from it to another actor), at every roll-up level.</summary>
    /// <param name="actor">The acting actor.</param>
    /// <returns>The pair positions, ascending. Costs O(out-degree).</returns>
    public IEnumerable<int> PairsFrom(int actor)
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
    public IEnumerable<int> SupporterPairs(int actor)
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
    public bool IsOutermostPair(int pair) => _outermost[pair];

    /// <summary>The parent (the movement a faction belongs to) of an actor, or −1.</summary>
    /// <param name="actor">The actor position.</param>
    /// <returns>The parent's position or −1.</returns>
    public int ParentOf(int actor) => _ancestorsOrSelf[actor].Length > 1 ? _ancestorsOrSelf[actor][1] : -1;

    /// <summary>Whether one actor is the other or one of its ancestors (evidence between them is internal to a movement).</summary>
    /// <param name="a">One actor position.</param>
    /// <param name="b">The other actor position.</param>
    /// <returns>Whether they are related.</returns>
    public bool AreRelated(int a, int b) => Array.IndexOf(_ancestorsOrSelf[a], b) >= 0 || Array.IndexOf(_ancestorsOrSelf[b], a) >= 0;

    /// <summary>Whether <paramref name="ancestor"/> is <paramref name="actor"/> or one of its ancestors.</summary>
    /// <param name="actor">The actor position.</param>
    /// <param name="ancestor">The candidate ancestor's position.</param>
    /// <returns>Whether the actor lies within the ancestor.</returns>
    public bool IsWithin(int actor, int ancestor) => Array.IndexOf(_ancestorsOrSelf[actor], ancestor) >= 0;

    /// <summary>Every item row of a pair (all kinds, all dates), in canonical order.</summary>
    internal ReadOnlySpan<int> PairItemSpan(int pair) => _pairItems.AsSpan(_pairItemStart[pair], _pairItemStart[pair + 1] - _pairItemStart[pair]);

    /// <summary>The first and last day numbers of periods t0 … t1 (clipped to the grid).</summary>
    internal (int FirstDay, int LastDay) WindowDays(int t0, int t1) => Days(t0, t1);

    internal ReadOnlySpan<int> InPairSpan(int actor) => _inPairs.AsSpan(_inStart[actor], _inStart[actor + 1] - _inStart[actor]);

    internal ReadOnlySpan<int> OutPairSpan(int actor) => _outPairs.AsSpan(_outStart[actor], _outStart[actor + 1] - _outStart[actor]);

    /// <summary>The issues a pair's demands are about, as issue positions.</summary>
    /// <param name="pair">The pair, or −1.</param>
    /// <returns>The issue positions, ascending.</returns>
    public IEnumerable<int> IssuesOf(int pair)
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
    public (double Weight, double Met) IssueSums(int pair, int issue, int t0, int t1)
    {
        if (pair < 0)
        {
            return (0, 0);
        }

        t0 = Math.Max(t0, 0);
        t1 = Math.Min(t1, Periods - 1);
        for (var s = _issueSlotStart[pair]; s < _issueSlotStart[pair + 1]; s++)
        {
            if (_issueSlotIssue[s] != issue)
            {
                continue;
            }

            double w = 0, m = 0;
            for (var t = t0; t <= t1; t++)
            {
                w += _issueWeight[(s * Periods) + t];
                m += _issueMet[(s * Periods) + t];
            }

            return (w, m);
        }

        return (0, 0);
    }

    /// <summary>The attainment sums of an objective in one period.</summary>
    /// <param name="objective">The objective position.</param>
    /// <param name="t">The period position.</param>
    /// <returns>(Σ confidence × share × attainment, Σ confidence × share); weight 0 means no observation.</returns>
    public (double Sum, double Weight) AttainmentAt(int objective, int t) =>
        (_attainmentSum[(objective * Periods) + t], _attainmentWeight[(objective * Periods) + t]);

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
        var k = _capabilityAt[(actor * Periods) + t];
        if (k < 0)
        {
            value = 0;
            return false;
        }

        var c = Case.Evidence.Columns;
        var day = c.FirstDay[_capabilityRows[k]];
        double sum = 0, weight = 0;
        for (var j = k; j >= _capabilityStart[actor] && c.FirstDay[_capabilityRows[j]] == day; j--)
        {
            var row = _capabilityRows[j];
            var w = ConfidenceWeight(row);
            sum += w * c.Value[row];
            weight += w;
        }

        value = weight > 0 ? sum / weight : MeanOfLatest(actor, k, day);
        return true;
    }

    /// <summary>The capability items behind <see cref="TryCapability"/> (the latest day's observations).</summary>
    /// <param name="actor">The actor position.</param>
    /// <param name="t">The period position.</param>
    /// <returns>The evidence rows.</returns>
    public IEnumerable<int> CapabilityItems(int actor, int t)
    {
        var k = _capabilityAt[(actor * Periods) + t];
        if (k < 0)
        {
            yield break;
        }

        var c = Case.Evidence.Columns;
        var day = c.FirstDay[_capabilityRows[k]];
        for (var j = k; j >= _capabilityStart[actor] && c.FirstDay[_capabilityRows[j]] == day; j--)
        {
            yield return _capabilityRows[j];
        }
    }

    /// <summary>The items of a kind on a pair that touch periods t0 … t1, in canonical order.</summary>
    /// <param name="pair">The pair, or −1.</param>
    /// <param name="kind">The kind.</param>
    /// <param name="t0">The first period position.</param>
    /// <param name="t1">The last period position.</param>
    /// <returns>The evidence rows.</returns>
    public IEnumerable<int> Items(int pair, EvidenceKind kind, int t0, int t1)
    {
        if (pair < 0)
        {
            yield break;
        }

        var (d0, d1) = Days(t0, t1);
        var c = Case.Evidence.Columns;
        for (var k = _pairItemStart[pair]; k < _pairItemStart[pair + 1]; k++)
        {
            var row = _pairItems[k];
            if (c.Kind[row] == (byte)kind && c.LastDay[row] >= d0 && c.FirstDay[row] <= d1)
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
    public IEnumerable<int> ObjectiveItems(int objective, int t0, int t1)
    {
        var (d0, d1) = Days(t0, t1);
        var c = Case.Evidence.Columns;
        for (var k = _objectiveItemStart[objective]; k < _objectiveItemStart[objective + 1]; k++)
        {
            var row = _objectiveItems[k];
            if (c.LastDay[row] >= d0 && c.FirstDay[row] <= d1)
            {
                yield return row;
            }
        }
    }

    /// <summary>The numeric weight of an item's confidence.</summary>
    /// <param name="row">The evidence row.</param>
    /// <returns>The weight.</returns>
    public double ConfidenceWeight(int row) => Options.Confidence.Of((Confidence)Case.Evidence.Columns.Confidence[row]);

    /// <summary>
    /// The item's weight before spreading over periods: confidence × magnitude, severity, level, salience or scope;
    /// confidence alone for attainment, indicator and capability observations.
    /// </summary>
    /// <param name="row">The evidence row.</param>
    /// <returns>The weight.</returns>
    public double Weight(int row)
    {
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
    /// <returns>The attainment.</returns>
    public double AttainmentValue(int row) => _attainmentValue[row];

    /// <summary>An item's share of a period: see the remarks of <see cref="EvidenceIndex"/>.</summary>
    /// <param name="row">The evidence row.</param>
    /// <param name="t">The period position.</param>
    /// <returns>The share in [0, 1].</returns>
    public double Share(int row, int t)
    {
        var c = Case.Evidence.Columns;
        return ShareOf(Grid, c.FirstDay[row], c.LastDay[row], c.IsSpan(row), t);
    }

    /// <summary>The share of an item (its first and last day, and whether it is a span) in a period of a grid.</summary>
    internal static double ShareOf(PeriodGrid grid, int first, int last, bool span, int t)
    {
        var start = grid.StartDay(t);
        var end = grid.StartDay(t + 1) - 1;
        var overlap = Math.Min(last, end) - Math.Max(first, start) + 1;
        if (overlap <= 0)
        {
            return 0;
        }

        return span ? (double)overlap / (end - start + 1) : (double)overlap / (last - first + 1);
    }

    private double MeanOfLatest(int actor, int k, int day)
    {
        var c = Case.Evidence.Columns;
        double sum = 0;
        var n = 0;
        for (var j = k; j >= _capabilityStart[actor] && c.FirstDay[_capabilityRows[j]] == day; j--)
        {
            sum += c.Value[_capabilityRows[j]];
            n++;
        }

        return sum / n;
    }

    private (int FirstDay, int LastDay) Days(int t0, int t1)
    {
        t0 = Math.Clamp(t0, 0, Periods);
        t1 = Math.Clamp(t1, -1, Periods - 1);
        return (Grid.StartDay(t0), Grid.StartDay(t1 + 1) - 1);
    }

    private static long Key(int from, int to) => ((long)from << 32) | (uint)to;

    /// <summary>The passes that fill the index.</summary>
    private sealed class Builder
    {
        private readonly Case _case;
        private readonly PeriodGrid _grid;
        private readonly ScoringOptions _options;
        private readonly int _t;

        public Builder(Case @case, PeriodGrid grid, ScoringOptions options)
        {
            _case = @case;
            _grid = grid;
            _options = options;
            _t = grid.Count;
        }

        public Dictionary<long, int> PairIndex { get; } = [];

        public List<int> PairFrom { get; } = [];

        public List<int> PairTo { get; } = [];

        public double[][] Sums { get; private set; } = [];

        public int[][] Counts { get; private set; } = [];

        public int[] PairItemStart { get; private set; } = [];

        public int[] PairItems { get; private set; } = [];

        public int[] IssueSlotStart { get; private set; } = [];

        public int[] IssueSlotIssue { get; private set; } = [];

        public double[] IssueWeight { get; private set; } = [];

        public double[] IssueMet { get; private set; } = [];

        public double[] SupportIn { get; private set; } = [];

        public int[] SupportInCount { get; private set; } = [];

        public double[] AttainmentSum { get; private set; } = [];

        public double[] AttainmentWeight { get; private set; } = [];

        public int[] ObjectiveItemStart { get; private set; } = [];

        public int[] ObjectiveItems { get; private set; } = [];

        public int[] CapabilityStart { get; private set; } = [];

        public int[] CapabilityRows { get; private set; } = [];

        public int[] CapabilityAt { get; private set; } = [];

        public int[][] AncestorsOrSelf { get; private set; } = [];

        public double[] AttainmentValue { get; private set; } = [];

        public int[] FirstSupport { get; private set; } = [];

        public double[] CumulativeSupport { get; private set; } = [];

        public int[][] ObjectivesByHolder { get; private set; } = [];

        public int[] OutStart { get; private set; } = [];

        public int[] OutPairs { get; private set; } = [];

        public int[] InStart { get; private set; } = [];

        public int[] InPairs { get; private set; } = [];

        public bool[] Outermost { get; private set; } = [];

        public void Run()
        {
            BuildAncestors();
            var (entryPair, entryRow) = ExpandPairs();
            BucketPairItems(entryPair, entryRow);
            IndexAdjacency();
            AggregatePairs();
            AggregateIssues();
            AggregateSupportReceived();
            AggregateObjectives();
            IndexCapabilities();
            SummariseSupport();
            GroupObjectives();
        }

        /// <summary>Pairs by acting and by receiving actor (CSR, ascending pair order), and which pairs are outermost.</summary>
        private void IndexAdjacency()
        {
            var actors = _case.Actors.Length;
            var pairs = PairFrom.Count;
            (OutStart, OutPairs) = Group(PairFrom);
            (InStart, InPairs) = Group(PairTo);
            Outermost = new bool[pairs];
            for (var p = 0; p < pairs; p++)
            {
                var chain = AncestorsOrSelf[PairFrom[p]];
                Outermost[p] = chain.Length == 1 || Related(chain[1], PairTo[p]);
            }

            (int[] Start, int[] Pairs) Group(List<int> key)
            {
                var start = new int[actors + 1];
                foreach (var a in key)
                {
                    start[a + 1]++;
                }

                for (var a = 0; a < actors; a++)
                {
                    start[a + 1] += start[a];
                }

                var items = new int[pairs];
                var next = start[..^1];
                for (var p = 0; p < pairs; p++)
                {
                    items[next[key[p]]++] = p;
                }

                return (start, items);
            }
        }

        private void SummariseSupport()
        {
            var pairs = PairFrom.Count;
            var support = Sums[(int)PairSum.Support];
            var count = Counts[(int)PairCount.Support];
            FirstSupport = new int[pairs];
            CumulativeSupport = new double[pairs * _t];
            for (var p = 0; p < pairs; p++)
            {
                FirstSupport[p] = -1;
                var running = 0.0;
                for (var t = 0; t < _t; t++)
                {
                    var cell = (p * _t) + t;
                    if (FirstSupport[p] < 0 && count[cell] > 0)
                    {
                        FirstSupport[p] = t;
                    }

                    running += support[cell];
                    CumulativeSupport[cell] = running;
                }
            }
        }

        private void GroupObjectives()
        {
            var lists = new List<int>[_case.Actors.Length];
            for (var a = 0; a < lists.Length; a++)
            {
                lists[a] = [];
            }

            for (var o = 0; o < _case.Objectives.Length; o++)
            {
                lists[_case.ActorIndexOf(_case.Objectives[o].Holder)].Add(o);
            }

            ObjectivesByHolder = [.. lists.Select(l => l.ToArray())];
        }

        private void BuildAncestors()
        {
            var actors = _case.Actors;
            AncestorsOrSelf = new int[actors.Length][];
            for (var i = 0; i < actors.Length; i++)
            {
                var chain = new List<int> { i };
                var current = actors[i];
                while (current.Parent is { } parent)
                {
                    var p = _case.ActorIndexOf(parent);
                    chain.Add(p);
                    current = actors[p];
                }

                AncestorsOrSelf[i] = [.. chain];
            }
        }

        /// <summary>Whether an item from <paramref name="from"/> forms a pair into <paramref name="to"/> at some level of the giver.</summary>
        private bool FormsPairInto(int from, int to)
        {
            foreach (var a in AncestorsOrSelf[from])
            {
                if (!Related(a, to))
                {
                    return true;
                }
            }

            return false;
        }

        private bool Related(int a, int b) => Array.IndexOf(AncestorsOrSelf[a], b) >= 0 || Array.IndexOf(AncestorsOrSelf[b], a) >= 0;

        /// <summary>Every (pair, row) entry after roll-up, numbering pairs in first-seen canonical order.</summary>
        private (List<int> Pair, List<int> Row) ExpandPairs()
        {
            var c = _case.Evidence.Columns;
            var entryPair = new List<int>(c.Count);
            var entryRow = new List<int>(c.Count);
            for (var row = 0; row < c.Count; row++)
            {
                if (c.B[row] < 0)
                {
                    continue;
                }

                foreach (var a in AncestorsOrSelf[c.A[row]])
                {
                    foreach (var b in AncestorsOrSelf[c.B[row]])
                    {
                        if (Related(a, b))
                        {
                            continue;
                        }

                        var key = Key(a, b);
                        if (!PairIndex.TryGetValue(key, out var p))
                        {
                            p = PairFrom.Count;
                            PairIndex[key] = p;
                            PairFrom.Add(a);
                            PairTo.Add(b);
                        }

                        entryPair.Add(p);
                        entryRow.Add(row);
                    }
                }
            }

            return (entryPair, entryRow);
        }

        private void BucketPairItems(List<int> entryPair, List<int> entryRow)
        {
            var pairs = PairFrom.Count;
            PairItemStart = new int[pairs + 1];
            foreach (var p in entryPair)
            {
                PairItemStart[p + 1]++;
            }

            for (var p = 0; p < pairs; p++)
            {
                PairItemStart[p + 1] += PairItemStart[p];
            }

            PairItems = new int[entryPair.Count];
            var next = PairItemStart[..^1];
            for (var e = 0; e < entryPair.Count; e++)
            {
                PairItems[next[entryPair[e]]++] = entryRow[e];
            }
        }

        private (int T0, int T1) PeriodsOf(int row)
        {
            var c = _case.Evidence.Columns;
            var t0 = _grid.IndexOfDay(c.FirstDay[row]);
            var t1 = _grid.IndexOfDay(c.LastDay[row]);
            return (Math.Max(t0, 0), Math.Min(t1, _t - 1));
        }

        private double Share(int row, int t)
        {
            var c = _case.Evidence.Columns;
            return ShareOf(_grid, c.FirstDay[row], c.LastDay[row], c.IsSpan(row), t);
        }

        private void AggregatePairs()
        {
            var pairs = PairFrom.Count;
            var cells = pairs * _t;
            Sums = new double[SumKinds][];
            for (var k = 0; k < SumKinds; k++)
            {
                Sums[k] = new double[cells];
            }

            Counts = new int[CountKinds][];
            for (var k = 0; k < CountKinds; k++)
            {
                Counts[k] = new int[cells];
            }

            var c = _case.Evidence.Columns;
            var conf = _options.Confidence;
            var compliance = _options.Compliance;
            var formality = _options.DiffuseObligation;
            for (var p = 0; p < pairs; p++)
            {
                var cellBase = p * _t;
                for (var k = PairItemStart[p]; k < PairItemStart[p + 1]; k++)
                {
                    var row = PairItems[k];
                    var (t0, t1) = PeriodsOf(row);
                    if (t0 > t1)
                    {
                        continue;
                    }

                    var w = conf.Of((Confidence)c.Confidence[row]);
                    var kind = (EvidenceKind)c.Kind[row];
                    for (var t = t0; t <= t1; t++)
                    {
                        var share = Share(row, t);
                        var cell = cellBase + t;
                        Counts[(int)PairCount.Activity][cell]++;
                        switch (kind)
                        {
                            case EvidenceKind.Support:
                                Sums[(int)PairSum.Support][cell] += w * c.Value[row] * share;
                                Counts[(int)PairCount.Support][cell]++;
                                break;
                            case EvidenceKind.Coercion:
                                Sums[(int)PairSum.Coercion][cell] += w * c.Value[row] * share;
                                Counts[(int)PairCount.Coercion][cell]++;
                                break;
                            case EvidenceKind.Demand:
                                {
                                    var s = w * c.Value[row] * share;
                                    var response = (DemandResponse)c.Type[row];
                                    var defied = response is DemandResponse.Defied or DemandResponse.Ignored;
                                    Sums[(int)PairSum.DemandWeight][cell] += s;
                                    Sums[(int)PairSum.DemandMet][cell] += s * compliance.Credit(response);
                                    if (defied)
                                    {
                                        Sums[(int)PairSum.DemandDefied][cell] += s;
                                    }

                                    if (c.Value[row] >= compliance.RedLineSalience)
                                    {
                                        Sums[(int)PairSum.RedLineWeight][cell] += s;
                                        if (defied)
                                        {
                                            Sums[(int)PairSum.RedLineDefied][cell] += s;
                                        }
                                    }

                                    Counts[(int)PairCount.Demand][cell]++;
                                    break;
                                }

                            case EvidenceKind.Presence:
                                Sums[(int)PairSum.Presence][cell] += w * c.Value[row] * share;
                                Counts[(int)PairCount.Presence][cell]++;
                                break;
                            case EvidenceKind.Overreach:
                                Sums[(int)PairSum.Overreach][cell] += w * c.Value[row] * share;
                                Counts[(int)PairCount.Overreach][cell]++;
                                break;
                            case EvidenceKind.Commitment:
                                {
                                    var s = w * c.Value[row] * share;
                                    Sums[(int)PairSum.CommitmentWeight][cell] += s;
                                    Sums[(int)PairSum.CommitmentFormality][cell] += s * formality.Of((CommitmentFormality)c.Type[row]);
                                    Counts[(int)PairCount.Commitment][cell]++;
                                    break;
                                }
                        }
                    }
                }
            }
        }

        private void AggregateIssues()
        {
            var pairs = PairFrom.Count;
            var c = _case.Evidence.Columns;
            var slots = new List<(int Pair, int Issue)>();
            var slotOf = new Dictionary<(int, int), int>();
            IssueSlotStart = new int[pairs + 1];
            for (var p = 0; p < pairs; p++)
            {
                IssueSlotStart[p] = slots.Count;
                var issues = new SortedSet<int>();
                for (var k = PairItemStart[p]; k < PairItemStart[p + 1]; k++)
                {
                    var row = PairItems[k];
                    if (c.Kind[row] == (byte)EvidenceKind.Demand)
                    {
                        issues.Add(c.Ref[row]);
                    }
                }

                foreach (var issue in issues)
                {
                    slotOf[(p, issue)] = slots.Count;
                    slots.Add((p, issue));
                }
            }

            IssueSlotStart[pairs] = slots.Count;
            IssueSlotIssue = [.. slots.Select(s => s.Issue)];
            IssueWeight = new double[slots.Count * _t];
            IssueMet = new double[slots.Count * _t];
            var conf = _options.Confidence;
            for (var p = 0; p < pairs; p++)
            {
                for (var k = PairItemStart[p]; k < PairItemStart[p + 1]; k++)
                {
                    var row = PairItems[k];
                    if (c.Kind[row] != (byte)EvidenceKind.Demand)
                    {
                        continue;
                    }

                    var slot = slotOf[(p, c.Ref[row])];
                    var (t0, t1) = PeriodsOf(row);
                    var w = conf.Of((Confidence)c.Confidence[row]) * c.Value[row];
                    var credit = _options.Compliance.Credit((DemandResponse)c.Type[row]);
                    for (var t = t0; t <= t1; t++)
                    {
                        var s = w * Share(row, t);
                        IssueWeight[(slot * _t) + t] += s;
                        IssueMet[(slot * _t) + t] += s * credit;
                    }
                }
            }
        }

        /// <summary>
        /// What each actor receives from all others, counting every support item once per receiving actor (the
        /// receiver and each of its ancestors the item is not internal to). Summing the pair sums instead would count
        /// a faction's flow twice for its receiver: once as the faction's and once rolled up to its movement.
        /// </summary>
        private void AggregateSupportReceived()
        {
            var actors = _case.Actors.Length;
            SupportIn = new double[actors * _t];
            SupportInCount = new int[actors * _t];
            var c = _case.Evidence.Columns;
            var conf = _options.Confidence;
            for (var row = 0; row < c.Count; row++)
            {
                if (c.Kind[row] != (byte)EvidenceKind.Support)
                {
                    continue;
                }

                var (t0, t1) = PeriodsOf(row);
                var w = conf.Of((Confidence)c.Confidence[row]);
                foreach (var to in AncestorsOrSelf[c.B[row]])
                {
                    if (!FormsPairInto(c.A[row], to))
                    {
                        continue;
                    }

                    for (var t = t0; t <= t1; t++)
                    {
                        SupportIn[(to * _t) + t] += w * c.Value[row] * Share(row, t);
                        SupportInCount[(to * _t) + t]++;
                    }
                }
            }
        }

        private void AggregateObjectives()
        {
            var c = _case.Evidence.Columns;
            var objectives = _case.Objectives.Length;
            AttainmentSum = new double[objectives * _t];
            AttainmentWeight = new double[objectives * _t];
            AttainmentValue = new double[c.Count];
            var objectiveOfIndicator = _case.Indicators.Select(i => _case.ObjectiveIndex[i.Objective]).ToArray();
            var perObjective = new List<int>[objectives];
            for (var o = 0; o < objectives; o++)
            {
                perObjective[o] = [];
            }

            for (var row = 0; row < c.Count; row++)
            {
                int objective;
                double value;
                switch ((EvidenceKind)c.Kind[row])
                {
                    case EvidenceKind.Attainment:
                        objective = c.Ref[row];
                        value = c.Value[row];
                        break;
                    case EvidenceKind.Indicator:
                        objective = objectiveOfIndicator[c.Ref[row]];
                        value = _case.Indicators[c.Ref[row]].ToAttainment(c.Value[row]);
                        break;
                    default:
                        continue;
                }

                AttainmentValue[row] = value;
                perObjective[objective].Add(row);
                var w = _options.Confidence.Of((Confidence)c.Confidence[row]);
                var (t0, t1) = PeriodsOf(row);
                for (var t = t0; t <= t1; t++)
                {
                    var s = w * Share(row, t);
                    AttainmentSum[(objective * _t) + t] += s * value;
                    AttainmentWeight[(objective * _t) + t] += s;
                }
            }

            ObjectiveItemStart = new int[objectives + 1];
            var all = new List<int>();
            for (var o = 0; o < objectives; o++)
            {
                ObjectiveItemStart[o] = all.Count;
                all.AddRange(perObjective[o]);
            }

            ObjectiveItemStart[objectives] = all.Count;
            ObjectiveItems = [.. all];
        }

        private void IndexCapabilities()
        {
            var c = _case.Evidence.Columns;
            var actors = _case.Actors.Length;
            var perActor = new List<int>[actors];
            for (var a = 0; a < actors; a++)
            {
                perActor[a] = [];
            }

            for (var row = 0; row < c.Count; row++)
            {
                if (c.Kind[row] == (byte)EvidenceKind.Capability)
                {
                    perActor[c.A[row]].Add(row);
                }
            }

            CapabilityStart = new int[actors + 1];
            var rows = new List<int>();
            CapabilityAt = new int[actors * _t];
            Array.Fill(CapabilityAt, -1);
            for (var a = 0; a < actors; a++)
            {
                CapabilityStart[a] = rows.Count;
                var list = perActor[a];
                list.Sort((x, y) => c.FirstDay[x] != c.FirstDay[y] ? c.FirstDay[x].CompareTo(c.FirstDay[y]) : x.CompareTo(y));
                var offset = rows.Count;
                rows.AddRange(list);
                var k = -1;
                for (var t = 0; t < _t; t++)
                {
                    var lastDay = _grid.StartDay(t + 1) - 1;
                    while (k + 1 < list.Count && c.FirstDay[list[k + 1]] <= lastDay)
                    {
                        k++;
                    }

                    CapabilityAt[(a * _t) + t] = k < 0 ? -1 : offset + k;
                }
            }

            CapabilityStart[actors] = rows.Count;
            CapabilityRows = [.. rows];
        }
    }
}
