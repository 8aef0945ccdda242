using System.Collections.Immutable;
using System.Globalization;
using Influence.Cases;
using Influence.Indexing;
using Influence.Internal;
using Influence.Theory;

namespace Influence.Scoring;

/// <summary>A value with its interval. An undefined value has no interval either; <c>default</c> is undefined.</summary>
/// <param name="Value">The value, or null when undefined.</param>
/// <param name="Low">The interval's lower end (equal to the value until intervals are computed).</param>
/// <param name="High">The interval's upper end (equal to the value until intervals are computed).</param>
/// <remarks>
/// <para>
/// A score is either undefined (all three null) or three finite numbers with Low ≤ Value ≤ High: never NaN, never an
/// infinity, never an interval without its value or a value without its interval. The three are set together, so
/// there is no <c>with</c>: make a new score.
/// </para>
/// <para>
/// As text (<see cref="ToString(string?, IFormatProvider?)"/>, and so in an interpolated string: <c>$"{s:0.00}"</c>)
/// a score is its value in the given format, or "–" when undefined; the interval is not written (format
/// <see cref="Low"/> and <see cref="High"/> for it). <see cref="ToString()"/> is the same with the shortest
/// round-trip format, in the current culture, rather than the record's <c>Score { Value = …, Low = …, High = … }</c>.
/// </para>
/// </remarks>
/// <exception cref="ArgumentOutOfRangeException">
/// A number is NaN or infinite, only some of the three are given, or Low ≤ Value ≤ High does not hold.
/// </exception>
[System.Diagnostics.DebuggerDisplay("{Value} [{Low}, {High}]")]
public readonly record struct Score(double? Value, double? Low, double? High) : IFormattable
{
    /// <summary>What <see cref="ToString(string?, IFormatProvider?)"/> writes for an undefined score: an en dash, as the command line's tables do.</summary>
    public const string UndefinedText = "–";

    /// <summary>The value, or null when undefined.</summary>
    public double? Value { get; } = Checked(Value, Low, High);

    /// <summary>
    /// The interval's lower end, or null when the value is undefined. Without intervals (until
    /// <see cref="Uncertainty.Intervals.Compute(ScoreSet, Uncertainty.IntervalOptions?)"/> or another source of intervals has run) it equals
    /// <see cref="Value"/>: a zero-width interval, which says that no interval was computed, not that the value is
    /// certain. <see cref="ScoreSet.HasInterval(int, int, int)"/> tells the two apart; the writers leave such an interval empty.
    /// </summary>
    public double? Low { get; } = Low;

    /// <summary>
    /// The interval's upper end, or null when the value is undefined. Without intervals it equals <see cref="Value"/>
    /// (zero width; see <see cref="Low"/>).
    /// </summary>
    public double? High { get; } = High;

    /// <summary>Whether the value is defined.</summary>
    public bool IsDefined => Value.HasValue;

    /// <summary>A value with no interval beyond itself.</summary>
    /// <param name="value">The value (null: undefined).</param>
    /// <returns>The score.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is NaN or infinite (an undefined value is null).</exception>
    public static Score Of(double? value) =>
        value is { } v ? new(Check.FiniteOrThrow(v, nameof(value)), v, v) : default;

    /// <summary>The value in the shortest round-trip format of the current culture, or "–" when undefined.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => ToString(null, null);

    /// <summary>The value in a format, or <see cref="UndefinedText"/> ("–") when undefined; the interval is not written.</summary>
    /// <param name="format">A format for <see cref="double"/> ("0.00", "F3", "P0", …), or null for the shortest round-trip form.</param>
    /// <param name="formatProvider">The culture (null: the current culture).</param>
    /// <returns>The text.</returns>
    /// <exception cref="FormatException"><paramref name="format"/> is not a format for <see cref="double"/>.</exception>
    public string ToString(string? format, IFormatProvider? formatProvider) =>
        Value is { } v ? v.ToString(format, formatProvider) : UndefinedText;

    private static double? Checked(double? value, double? low, double? high)
    {
        if (value is null && low is null && high is null)
        {
            return null;
        }

        // A NaN or infinity is named first: it is wrong whatever the other two are.
        foreach (var (x, name) in new[] { (value, nameof(Value)), (low, nameof(Low)), (high, nameof(High)) })
        {
            if (x is { } given)
            {
                Check.FiniteOrThrow(given, name);
            }
        }

        if (value is not { } v || low is not { } l || high is not { } h)
        {
            throw new ArgumentOutOfRangeException(
                value is null ? nameof(Value) : low is null ? nameof(Low) : nameof(High),
                $"a score is undefined (value, low and high all null) or has all three; was value {Show(value)}, low {Show(low)}, high {Show(high)}");
        }

        if (!(l <= v))
        {
            throw OutOfRange(nameof(Low), $"Low must be ≤ Value; were low {Check.Show(l)}, value {Check.Show(v)}");
        }

        if (!(v <= h))
        {
            throw OutOfRange(nameof(High), $"High must be ≥ Value; were value {Check.Show(v)}, high {Check.Show(h)}");
        }

        return v;
    }

    // The message says what the values were: without the actual value, so that the framework does not say it again.
    private static ArgumentOutOfRangeException OutOfRange(string name, string message) => new(name, message);

    private static string Show(double? x) => x is { } v ? Check.Show(v) : "null";
}

/// <summary>
/// The scores of a case: every measure for every requested dyad and period, with the patron–client test and the
/// relationship state, and the hash of the inputs that produced them. Immutable and thread-safe.
/// </summary>
public sealed class ScoreSet
{
    private readonly double[][] _values;

    private readonly double[][] _lows;
    private readonly double[][] _highs;
    private readonly Dictionary<string, int> _measureIndex;
    private readonly Dictionary<Dyad, int> _dyadIndex;
    private readonly PatronClientShares[]? _patronClientShares;
    private readonly StateShares[]? _stateShares;

    internal ScoreSet(
        EvidenceIndex index,
        ImmutableArray<Dyad> dyads,
        Period from,
        int periodCount,
        ImmutableArray<Measure> measures,
        double[][] values,
        double[][] lows,
        double[][] highs,
        IntervalSource? intervalSource = null,
        PatronClientShares[]? patronClientShares = null,
        StateShares[]? stateShares = null)
    {
        Index = index;
        IntervalSource = intervalSource;
        _patronClientShares = patronClientShares;
        _stateShares = stateShares;
        Dyads = dyads;
        From = from;
        PeriodCount = periodCount;
        Periods = [.. Enumerable.Range(0, periodCount).Select(from.AddPeriods)];
        Measures = measures;
        _values = values;
        _lows = lows;
        _highs = highs;
        _measureIndex = measures.Select((m, i) => (m.Name, i)).ToDictionary(x => x.Name, x => x.i, StringComparer.OrdinalIgnoreCase);
        _dyadIndex = dyads.Select((d, i) => (d, i)).ToDictionary(x => x.d, x => x.i);
    }

    /// <summary>The case scored.</summary>
    public Case Case => Index.Case;

    /// <summary>The options used.</summary>
    public ScoringOptions Options => Index.Options;

    /// <summary>The evidence index the scores were computed from.</summary>
    public EvidenceIndex Index { get; }

    /// <summary>The granularity.</summary>
    public Granularity Granularity => From.Granularity;

    /// <summary>The dyads scored, in request order.</summary>
    public ImmutableArray<Dyad> Dyads { get; }

    /// <summary>The first period scored.</summary>
    public Period From { get; }

    /// <summary>The last period scored.</summary>
    public Period To => From.AddPeriods(PeriodCount - 1);

    /// <summary>The number of periods per dyad.</summary>
    public int PeriodCount { get; }

    /// <summary>The periods scored, in order.</summary>
    public ImmutableArray<Period> Periods { get; }

    /// <summary>
    /// The measures, in output order: the built-in ones as in <see cref="Theory.Measures.BuiltIn"/>, then the custom ones
    /// as in <see cref="ScoringOptions.CustomMeasures"/>, whatever order <see cref="ScoringRequest.Measures"/> named them in.
    /// </summary>
    public ImmutableArray<Measure> Measures { get; }

    /// <summary>
    /// Where the intervals come from when they were computed from draws (<c>Influence.Uncertainty.Intervals</c>);
    /// null when every interval is the value itself (or a measure's own interval, such as input efficiency's).
    /// </summary>
    public IntervalSource? IntervalSource { get; }

    /// <summary>
    /// SHA-256 (lower-case hex) of the canonical case and the options: the same inputs always give the same hash,
    /// so a result can be reproduced from them.
    /// </summary>
    public string InputHash => Index.InputHash;

    /// <summary>What was scored, in a line: "scores of case 'pakistan-taliban': 6 dyads × 54 years (1973–2026), 22 measures, input hash f92c9c32…".</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"scores of case '{Case.Id}': {Dyads.Length} dyad{(Dyads.Length == 1 ? string.Empty : "s")} × {PeriodCount} {Granularity.ToName()}{(PeriodCount == 1 ? string.Empty : "s")} ({(PeriodCount == 1 ? From.ToString() : $"{From}–{To}")}), {Measures.Length} measure{(Measures.Length == 1 ? string.Empty : "s")}{(IntervalSource is { } i ? $", intervals from {i.Draws} draws" : string.Empty)}, input hash {InputHash[..8]}…");

    /// <summary>The number of dyad-periods scored.</summary>
    public long DyadPeriods => (long)Dyads.Length * PeriodCount;

    /// <summary>The position of a dyad in <see cref="Dyads"/>, or −1.</summary>
    /// <param name="dyad">The dyad.</param>
    /// <returns>The position.</returns>
    public int IndexOf(Dyad dyad) => _dyadIndex.TryGetValue(dyad, out var i) ? i : -1;

    /// <summary>
    /// The position of a measure by name, or by the short name the command line's score table heads its column with
    /// (gap, agency, share, confl, …; a custom measure of that name comes first), or −1.
    /// </summary>
    /// <param name="measure">The measure name (case-insensitive).</param>
    /// <returns>The position.</returns>
    public int MeasureIndexOf(string measure) =>
        Theory.Measures.Resolve(measure ?? throw new ArgumentNullException(nameof(measure)), _measureIndex.ContainsKey) is { } name ? _measureIndex[name] : -1;

    /// <summary>One value with its interval.</summary>
    /// <param name="measure">The measure position.</param>
    /// <param name="dyad">The dyad position.</param>
    /// <param name="period">The period position (0 = <see cref="From"/>).</param>
    /// <returns>The score.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A position is outside <see cref="Measures"/>, <see cref="Dyads"/> or the periods.</exception>
    public Score Get(int measure, int dyad, int period)
    {
        Check.IndexOrThrow(measure, _values.Length);
        var cell = Cell(dyad, period);
        var v = _values[measure][cell];
        if (double.IsNaN(v))
        {
            return default;
        }

        var low = _lows[measure] is { } lows && !double.IsNaN(lows[cell]) ? lows[cell] : v;
        var high = _highs[measure] is { } highs && !double.IsNaN(highs[cell]) ? highs[cell] : v;
        return new Score(v, Math.Min(low, v), Math.Max(high, v));
    }

    /// <summary>One value with its interval, by names.</summary>
    /// <param name="measure">The measure name.</param>
    /// <param name="dyad">The dyad.</param>
    /// <param name="period">The period.</param>
    /// <returns>The score.</returns>
    /// <exception cref="ArgumentException">
    /// The measure, dyad or period was not scored (<see cref="For(Dyad, Period)"/> computes a measure the request left
    /// out instead).
    /// </exception>
    public Score Get(string measure, Dyad dyad, Period period) =>
        Get(RequireMeasure(measure), RequireDyad(dyad), RequirePeriod(period));

    /// <summary>
    /// A measure's values for one dyad, one per period (null where undefined); <see cref="SeriesWithPeriods"/> gives
    /// each with its period and interval.
    /// </summary>
    /// <param name="measure">The measure name.</param>
    /// <param name="dyad">The dyad.</param>
    /// <returns>The series.</returns>
    public ImmutableArray<double?> Series(string measure, Dyad dyad)
    {
        var m = RequireMeasure(measure);
        var d = RequireDyad(dyad);
        return [.. Enumerable.Range(0, PeriodCount).Select(p => Get(m, d, p).Value)];
    }

    /// <summary>
    /// A measure's scores for one dyad with their periods, in period order: one point per scored period, undefined
    /// values included (<see cref="Score.IsDefined"/> false), so that a gap in the series stays a gap at its own period.
    /// </summary>
    /// <param name="measure">The measure name, or a short name of the score table (case-insensitive).</param>
    /// <param name="dyad">The dyad.</param>
    /// <returns>The points, <see cref="PeriodCount"/> of them, from <see cref="From"/> to <see cref="To"/>.</returns>
    /// <exception cref="ArgumentException">The measure or the dyad was not scored.</exception>
    /// <remarks>
    /// <see cref="Series"/> gives the same values without their periods or intervals. Each point's
    /// <see cref="SeriesPoint.HasInterval"/> says whether its <see cref="Score.Low"/> and <see cref="Score.High"/>
    /// are a computed interval (<see cref="HasInterval(int, int, int)"/>) or just the value again.
    /// </remarks>
    public ImmutableArray<SeriesPoint> SeriesWithPeriods(string measure, Dyad dyad)
    {
        var m = RequireMeasure(measure);
        var d = RequireDyad(dyad);
        return [.. Enumerable.Range(0, PeriodCount).Select(p => new SeriesPoint(Periods[p], Get(m, d, p), HasInterval(m, d, p)))];
    }

    /// <summary>
    /// Whether a value has a computed interval: from draws (<see cref="IntervalSource"/>), or the measure's own (input
    /// efficiency's regression interval). False for an undefined value, and for a value whose <see cref="Score.Low"/>
    /// and <see cref="Score.High"/> merely repeat it because no interval was computed; the writers then leave the
    /// interval empty (CSV) or null (JSON), so that a missing interval is never read as certainty.
    /// </summary>
    /// <param name="measure">The measure position.</param>
    /// <param name="dyad">The dyad position.</param>
    /// <param name="period">The period position (0 = <see cref="From"/>).</param>
    /// <returns>True when the interval was computed.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A position is outside <see cref="Measures"/>, <see cref="Dyads"/> or the periods.</exception>
    /// <remarks>
    /// With draws, a value that no draw defined has no interval either. A computed interval can still have zero width
    /// (every draw gave the same value): that is a finding of the draws, not a missing interval.
    /// </remarks>
    public bool HasInterval(int measure, int dyad, int period)
    {
        Check.IndexOrThrow(measure, _values.Length);
        var cell = Cell(dyad, period);
        return !double.IsNaN(_values[measure][cell]) && OwnInterval(measure, cell) is not null;
    }

    /// <summary>
    /// Whether a value has a computed interval, by names (see <see cref="HasInterval(int, int, int)"/>): false for an
    /// undefined value and for one whose <see cref="Score.Low"/> and <see cref="Score.High"/> only repeat it.
    /// </summary>
    /// <param name="measure">The measure name, or a short name of the score table (case-insensitive).</param>
    /// <param name="dyad">The dyad.</param>
    /// <param name="period">The period.</param>
    /// <returns>True when the interval was computed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="measure"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// The measure, dyad or period was not scored, as for <see cref="Get(string, Dyad, Period)"/> (a measure the request
    /// left out has no interval from draws: <see cref="For(Dyad, Period)"/> computes its value).
    /// </exception>
    public bool HasInterval(string measure, Dyad dyad, Period period) =>
        HasInterval(RequireMeasure(measure), RequireDyad(dyad), RequirePeriod(period));

    /// <summary>The patron–client test in one period.</summary>
    /// <param name="dyad">The dyad position.</param>
    /// <param name="period">The period position.</param>
    /// <returns>The verdict.</returns>
    public PatronClientVerdict PatronClient(int dyad, int period) => InactiveReason(dyad, period) is { } why
        ? new PatronClientVerdict(null, null, $"undetermined: {why}")
        : PatronClientTest.Evaluate(
            Value(Exchange.Instance, dyad, period),
            Value(PowerAsymmetry.Instance, dyad, period),
            Value(DiffuseObligation.Instance, dyad, period),
            Value(Endurance.Instance, dyad, period),
            Options.PatronClient);

    /// <summary>The relationship state in one period.</summary>
    /// <param name="dyad">The dyad position.</param>
    /// <param name="period">The period position.</param>
    /// <returns>The state and its rule.</returns>
    public StateVerdict State(int dyad, int period) => InactiveReason(dyad, period) is { } why
        ? new StateVerdict(null, $"unobserved: {why}")
        : RelationshipStates.Classify(
            Value(Exchange.Instance, dyad, period),
            Value(Conflict.Instance, dyad, period),
            Value(AccountBalance.Instance, dyad, period),
            Options.States);

    /// <summary>
    /// The last day the case's evidence was looked for (<see cref="Case.EvidenceEnds"/>: declared, else the last day any
    /// item covers; null for a case with neither). A period that holds it short of its own end (<see cref="IsPartial(int)"/>)
    /// rests on part of its time only: the reference case's evidence ends on 2026-02-28, two months into 2026. Periods
    /// after it are not scored (<see cref="IsAfterEvidence(int)"/>).
    /// </summary>
    public DateOnly? EvidenceEnds => Case.EvidenceEnds;

    /// <summary>
    /// Whether the case's evidence ends inside a period, before the period's last day (<see cref="EvidenceEnds"/>): its
    /// values then rest on part of the period only, and later flows and events are not in the case.
    /// </summary>
    /// <param name="period">The period position.</param>
    /// <returns>True for that one period, if any.</returns>
    public bool IsPartial(int period)
    {
        Check.IndexOrThrow(period, PeriodCount);
        return Case.EndsInside(Periods[period]);
    }

    /// <summary>
    /// Whether a period starts after the case's evidence ends (<see cref="EvidenceEnds"/>): nothing in it was looked at,
    /// so no dyad is scored in it (<see cref="InactiveReason"/>). Quarterly, the reference case's 2026Q2–2026Q4 are.
    /// </summary>
    /// <param name="period">The period position.</param>
    /// <returns>True for every period wholly after the evidence.</returns>
    public bool IsAfterEvidence(int period)
    {
        Check.IndexOrThrow(period, PeriodCount);
        return Case.StartsAfterEvidence(Periods[period]);
    }

    /// <summary>Whether the case's evidence ends inside <paramref name="period"/> (see <see cref="IsPartial(int)"/>).</summary>
    /// <param name="period">A period of the scored range, at the set's granularity.</param>
    /// <returns>True for that one period, if any.</returns>
    /// <exception cref="ArgumentException">The period is of another granularity or outside the scored range.</exception>
    public bool IsPartial(Period period) => IsPartial(RequirePeriod(period));

    /// <summary>Whether <paramref name="period"/> starts after the case's evidence ends (see <see cref="IsAfterEvidence(int)"/>).</summary>
    /// <param name="period">A period of the scored range, at the set's granularity.</param>
    /// <returns>True for every period wholly after the evidence.</returns>
    /// <exception cref="ArgumentException">The period is of another granularity or outside the scored range.</exception>
    public bool IsAfterEvidence(Period period) => IsAfterEvidence(RequirePeriod(period));

    /// <summary>
    /// Why a dyad is not scored in a period, or null when it is. Every measure of a dyad is undefined in the periods on
    /// none of whose days its patron and its client, with the movements they belong to, existed together
    /// (<see cref="Actor.ActiveFrom"/>, <see cref="Actor.ActiveTo"/>), and in the periods that start after the case's
    /// evidence ends (<see cref="IsAfterEvidence(int)"/>): their values would only carry earlier evidence forward, and read
    /// "nothing happened" where the truth is "not looked at".
    /// </summary>
    /// <param name="dyad">The dyad position.</param>
    /// <param name="period">The period position.</param>
    /// <returns>
    /// The reason ("taliban did not exist in 1990 (it existed from 1994)", "after the evidence: the case's evidence ends
    /// on 2026-02-28, before 2026Q2"), or null.
    /// </returns>
    public string? InactiveReason(int dyad, int period)
    {
        _ = Cell(dyad, period);
        if (Case.HasActiveSpans)
        {
            var d = Dyads[dyad];
            if (Case.Inactive(Case.ActorIndexOf(d.Patron), Case.ActorIndexOf(d.Client), Periods[period]) is { } why)
            {
                return why;
            }
        }

        return IsAfterEvidence(period)
            ? $"after the evidence: the case's evidence ends on {EvidenceEnds!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}, before {Periods[period]}"
            : null;
    }

    /// <summary>How often the patron–client test held across the draws, or null when no draws were made.</summary>
    /// <param name="dyad">The dyad position.</param>
    /// <param name="period">The period position.</param>
    /// <returns>The shares, or null.</returns>
    public PatronClientShares? PatronClientShares(int dyad, int period) => _patronClientShares?[Cell(dyad, period)];

    /// <summary>How often each relationship state came out across the draws, or null when no draws were made.</summary>
    /// <param name="dyad">The dyad position.</param>
    /// <param name="period">The period position.</param>
    /// <returns>The shares, or null.</returns>
    public StateShares? StateShares(int dyad, int period) => _stateShares?[Cell(dyad, period)];

    /// <summary>The evidence items that fed one value (see <see cref="Measure.Trace"/>).</summary>
    /// <param name="measure">The measure position.</param>
    /// <param name="dyad">The dyad position.</param>
    /// <param name="period">The period position.</param>
    /// <returns>The uses, in the order the measure lists them.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A position is outside <see cref="Measures"/>, <see cref="Dyads"/> or the periods.</exception>
    public IReadOnlyList<EvidenceUse> Trace(int measure, int dyad, int period)
    {
        Check.IndexOrThrow(measure, Measures.Length);
        var uses = new List<EvidenceUse>();
        if (InactiveReason(dyad, period) is null)
        {
            Measures[measure].Trace(At(dyad, period), uses);
        }

        return uses;
    }

    /// <summary>The number of distinct evidence items that fed one value.</summary>
    /// <param name="measure">The measure position.</param>
    /// <param name="dyad">The dyad position.</param>
    /// <param name="period">The period position.</param>
    /// <returns>The count.</returns>
    public int EvidenceCount(int measure, int dyad, int period) =>
        Trace(measure, dyad, period).Select(u => u.Row).Distinct().Count();

    /// <summary>The view measures take of one dyad and period.</summary>
    /// <param name="dyad">The dyad position.</param>
    /// <param name="period">The period position.</param>
    /// <returns>The view.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A position is outside <see cref="Dyads"/> or the periods.</exception>
    public DyadPeriod At(int dyad, int period)
    {
        _ = Cell(dyad, period);
        var d = Dyads[dyad];
        return new DyadPeriod(Index, Case.ActorIndexOf(d.Patron), Case.ActorIndexOf(d.Client), Index.Grid.IndexOf(From) + period);
    }

    /// <summary>Everything scored for one dyad in one period, by name.</summary>
    /// <param name="dyad">The dyad position.</param>
    /// <param name="period">The period position.</param>
    /// <returns>The scores.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A position is outside <see cref="Dyads"/> or the periods.</exception>
    public PeriodScores For(int dyad, int period)
    {
        _ = Cell(dyad, period);
        return new(this, dyad, period);
    }

    /// <summary>Everything scored for one dyad in one period, by name.</summary>
    /// <param name="dyad">The dyad.</param>
    /// <param name="period">The period.</param>
    /// <returns>The scores.</returns>
    public PeriodScores For(Dyad dyad, Period period) => new(this, RequireDyad(dyad), RequirePeriod(period));

    /// <summary>Every period of one dyad.</summary>
    /// <param name="dyad">The dyad.</param>
    /// <returns>The periods' scores, in order.</returns>
    public IReadOnlyList<PeriodScores> For(Dyad dyad)
    {
        var d = RequireDyad(dyad);
        return [.. Enumerable.Range(0, PeriodCount).Select(p => new PeriodScores(this, d, p))];
    }

    /// <summary>
    /// A copy of these scores with intervals from draws: the values stay the point estimates; <paramref name="lows"/>
    /// and <paramref name="highs"/> give, per measure, one bound per cell (dyad × periods + period; NaN where the draws
    /// gave none), and the shares say how often each verdict came out.
    /// </summary>
    internal ScoreSet WithIntervals(double[][] lows, double[][] highs, IntervalSource source, PatronClientShares[] patronClient, StateShares[] states)
    {
        ArgumentNullException.ThrowIfNull(lows);
        ArgumentNullException.ThrowIfNull(highs);
        ArgumentNullException.ThrowIfNull(source);
        var cells = Dyads.Length * PeriodCount;
        if (lows.Length != Measures.Length || highs.Length != Measures.Length || lows.Any(l => l.Length != cells) || highs.Any(h => h.Length != cells)
            || patronClient.Length != cells || states.Length != cells)
        {
            throw new ArgumentException("interval arrays must hold one entry per measure and cell", nameof(lows));
        }

        return new ScoreSet(Index, Dyads, From, PeriodCount, Measures, _values, lows, highs, source, patronClient, states);
    }

    /// <summary>A measure's own interval at a cell (input efficiency's regression interval), or null when it has none.</summary>
    internal (double Low, double High)? OwnInterval(int measure, int cell) =>
        _lows[measure] is { } l && _highs[measure] is { } h && !double.IsNaN(l[cell]) && !double.IsNaN(h[cell]) ? (l[cell], h[cell]) : null;

    /// <summary>The raw value of a cell (NaN when undefined), for the interval engine.</summary>
    internal double RawValue(int measure, int cell) => _values[measure][cell];

    /// <summary>The position of a scored measure; an exception naming the measures expected when there is none so called.</summary>
    /// <param name="measure">The name or short name.</param>
    /// <param name="alsoExpected">Names the caller takes besides measures (the explainer's verdicts), listed with them.</param>
    internal int RequireMeasure(string measure, IReadOnlyList<string>? alsoExpected = null) =>
        MeasureIndexOf(measure) is var m and >= 0 ? m
        : Theory.Measures.Find(Theory.Measures.FullName(measure) ?? measure) is not null || Options.CustomMeasures.Any(c => c.Name == measure)
            ? throw new ArgumentException($"measure '{measure}' was not scored: the request left it out (ScoringRequest.Measures); scored: {string.Join(", ", Measures.Select(x => x.Name))}", nameof(measure))
            : throw new ArgumentException(NoMeasureCalled(measure, Measures.Select(x => x.Name), alsoExpected), nameof(measure));

    /// <summary>
    /// "no measure is called 'x'; expected one of: …" with the names (and <paramref name="alsoExpected"/>), and the
    /// nearest of them or of the short names when one is near.
    /// </summary>
    internal static string NoMeasureCalled(string measure, IEnumerable<string> names, IReadOnlyList<string>? alsoExpected)
    {
        var expected = names.Concat(alsoExpected ?? []).ToList();
        return $"no measure is called '{measure}'; expected one of: {string.Join(", ", expected)}, or a short name of the score table ({string.Join(", ", Theory.Measures.ShortNames.Keys)}){Names.DidYouMean(measure, expected.Concat(Theory.Measures.ShortNames.Keys))}";
    }

    /// <summary>
    /// The position of a scored dyad; otherwise an <see cref="ArgumentException"/> saying why it is not among them: one of
    /// its actors is not in the case (in the words of <see cref="Scorer"/>), or the dyad is in
    /// the case but was not requested (then the scored dyads are listed).
    /// </summary>
    internal int RequireDyad(Dyad dyad)
    {
        if (IndexOf(dyad) is var d and >= 0)
        {
            return d;
        }

        Case.ThrowIfAny([.. Case.DyadProblems(dyad)], nameof(dyad));
        throw new ArgumentException($"dyad {dyad} was not scored; scored: {string.Join(", ", Dyads)}", nameof(dyad));
    }

    /// <summary>The position of a scored period, or an <see cref="ArgumentException"/> naming the caller's parameter.</summary>
    internal int RequirePeriod(Period period, string paramName = "period")
    {
        if (period.Granularity != Granularity)
        {
            throw new ArgumentException($"period {period} is not a {Granularity.ToName()} period", paramName);
        }

        var p = period.PeriodsSince(From);
        return p >= 0 && p < PeriodCount ? p : throw new ArgumentException($"period {period} is outside the scored range {From}–{To}", paramName);
    }

    /// <summary>
    /// A measure's score in one cell: the stored one when the measure was scored; otherwise computed now from the same
    /// index and options, checked against its scale as scoring checks it, with the measure's own interval if it has
    /// one (undefined where the dyad is inactive).
    /// </summary>
    internal Score ScoreOf(Measure measure, int dyad, int period)
    {
        var m = Measures.IndexOf(measure);
        if (m >= 0)
        {
            return Get(m, dyad, period);
        }

        if (InactiveReason(dyad, period) is not null)
        {
            return default;
        }

        var at = At(dyad, period);
        if (Scorer.Checked(measure, measure.Evaluate(at), at) is not { } v)
        {
            return default;
        }

        return Scorer.CheckedInterval(measure, measure.EvaluateInterval(at), v, at) is var (low, high)
            ? new Score(v, low, high)
            : new Score(v, v, v);
    }

    /// <summary>The measure a name calls for: a scored one, else a built-in or custom one the request left out.</summary>
    /// <exception cref="ArgumentException">No measure is called so.</exception>
    internal Measure ResolveMeasure(string measure)
    {
        if (MeasureIndexOf(measure) is var m and >= 0)
        {
            return Measures[m];
        }

        return Theory.Measures.Find(measure)
            ?? Options.CustomMeasures.FirstOrDefault(c => string.Equals(c.Name, measure, StringComparison.OrdinalIgnoreCase))
            ?? (Theory.Measures.FullName(measure) is { } full ? Theory.Measures.Find(full) : null)
            ?? throw new ArgumentException(NoMeasureCalled(measure, Theory.Measures.BuiltIn.Concat(Options.CustomMeasures).Select(x => x.Name), null), nameof(measure));
    }

    private double? Value(Measure measure, int dyad, int period) => ScoreOf(measure, dyad, period).Value;

    private int Cell(int dyad, int period)
    {
        Check.IndexOrThrow(dyad, Dyads.Length);
        Check.IndexOrThrow(period, PeriodCount);
        return (dyad * PeriodCount) + period;
    }
}

/// <summary>One point of a measure's series for one dyad (<see cref="ScoreSet.SeriesWithPeriods"/>): the period and its score.</summary>
/// <param name="Period">The period.</param>
/// <param name="Score">The score: its value, null when undefined, and its interval.</param>
/// <param name="HasInterval">
/// Whether <see cref="Score"/>'s <see cref="Score.Low"/> and <see cref="Score.High"/> are a computed interval
/// (<see cref="ScoreSet.HasInterval(int, int, int)"/>); false when they only repeat the value, or the value is undefined.
/// </param>
public readonly record struct SeriesPoint(Period Period, Score Score, bool HasInterval);

/// <summary>Everything scored for one dyad in one period.</summary>
/// <remarks>
/// <para>
/// Every measure can be read here, whichever measures the request scored (<see cref="ScoringRequest.Measures"/>): a
/// measure the request left out is computed when it is read, from the same evidence index and options, exactly as
/// <see cref="PatronClient"/> and <see cref="State"/> compute the features they need. Its value is the one scoring it
/// would have stored. It is computed again on each read, and it has no interval from draws (only the measure's own
/// interval, such as input efficiency's; otherwise <c>Low = High = Value</c>), since the draws re-scored only the
/// requested measures.
/// </para>
/// <para>
/// A score is undefined (<see cref="Score.IsDefined"/> false) only when the measure has no value there (no evidence in
/// its window, or the dyad did not exist): never because the request left the measure out. To read only what was
/// stored, and be told when a measure was left out, use <see cref="ScoreSet.Get(string, Dyad, Period)"/>.
/// </para>
/// </remarks>
public sealed class PeriodScores
{
    private readonly ScoreSet _set;
    private readonly int _dyad;
    private readonly int _period;

    internal PeriodScores(ScoreSet set, int dyad, int period)
    {
        _set = set;
        _dyad = dyad;
        _period = period;
    }

    /// <summary>The dyad.</summary>
    public Dyad Dyad => _set.Dyads[_dyad];

    /// <summary>The period.</summary>
    public Period Period => _set.Periods[_period];

    /// <summary>Cooperative resource exchange.</summary>
    public Score Exchange => this["exchange"];

    /// <summary>Power asymmetry.</summary>
    public Score Asymmetry => this["asymmetry"];

    /// <summary>The conflictual character of the relation.</summary>
    public Score Conflict => this["conflict"];

    /// <summary>Diffuse obligation.</summary>
    public Score DiffuseObligation => this["diffuseObligation"];

    /// <summary>Endurance.</summary>
    public Score Endurance => this["endurance"];

    /// <summary>The account balance (what the client owes, in [−1, 1]).</summary>
    public Score AccountBalance => this["accountBalance"];

    /// <summary>Attainment of the patron's objectives.</summary>
    public Score Attainment => this["attainment"];

    /// <summary>Compliance with the patron's demands.</summary>
    public Score Compliance => this["compliance"];

    /// <summary>The spread of compliance across issues.</summary>
    public Score IssueSpread => this["issueSpread"];

    /// <summary>The counter-reaction to overreach.</summary>
    public Score CounterReaction => this["counterReaction"];

    /// <summary>Input efficiency.</summary>
    public Score InputEfficiency => this["inputEfficiency"];

    /// <summary>The patron's presence in the client.</summary>
    public Score Presence => this["presence"];

    /// <summary>Presence minus influence.</summary>
    public Score PresenceInfluenceGap => this["presenceInfluenceGap"];

    /// <summary>The client's agency.</summary>
    public Score ClientAgency => this["clientAgency"];

    /// <summary>The patron's share of the client's support.</summary>
    public Score PatronShare => this["patronShare"];

    /// <summary>The number of alternative patrons (a count).</summary>
    public Score AlternativePatrons => this["alternativePatrons"];

    /// <summary>The Herfindahl concentration of the client's supporters.</summary>
    public Score SupplierConcentration => this["supplierConcentration"];

    /// <summary>The client's criticality-weighted dependence on the patron minus the patron's on the client.</summary>
    public Score DependenceAsymmetry => this["dependenceAsymmetry"];

    /// <summary>The patron's brokerage between the client and third parties.</summary>
    public Score Brokerage => this["brokerage"];

    /// <summary>Reverse leverage: the client supports third parties that coerce the patron.</summary>
    public Score ReverseLeverage => this["reverseLeverage"];

    /// <summary>The conflict the patron's coercion makes (one of the two sides of <see cref="Conflict"/>).</summary>
    public Score ConflictByPatron => this["conflictByPatron"];

    /// <summary>The conflict the client's coercion makes (the other side of <see cref="Conflict"/>).</summary>
    public Score ConflictByClient => this["conflictByClient"];

    /// <summary>The patron–client test.</summary>
    public PatronClientVerdict PatronClient => _set.PatronClient(_dyad, _period);

    /// <summary>The relationship state.</summary>
    public StateVerdict State => _set.State(_dyad, _period);

    /// <summary>How often the patron–client test held across the draws (null when no draws were made).</summary>
    public PatronClientShares? PatronClientShares => _set.PatronClientShares(_dyad, _period);

    /// <summary>How often each state came out across the draws (null when no draws were made).</summary>
    public StateShares? StateShares => _set.StateShares(_dyad, _period);

    /// <summary>
    /// Why the dyad is not scored in this period, or null when it is: one of its parties did not exist then
    /// ("taliban did not exist in 1990 (it existed from 1994)"). Its measures are then undefined and its state unobserved.
    /// </summary>
    public string? InactiveReason => _set.InactiveReason(_dyad, _period);

    /// <summary>Whether the dyad is scored in this period: both its parties existed then (<see cref="InactiveReason"/> is null).</summary>
    public bool IsActive => InactiveReason is null;

    /// <summary>
    /// Whether the case's evidence ends inside this period, before its last day (<see cref="ScoreSet.IsPartial(int)"/>):
    /// its values rest on part of the period only.
    /// </summary>
    public bool IsPartial => _set.IsPartial(_period);

    /// <summary>Any measure by name (built-in or custom), computed on demand when the request left it out.</summary>
    /// <param name="measure">The measure name (case-insensitive).</param>
    /// <returns>The score.</returns>
    /// <exception cref="ArgumentException">No built-in measure and no custom measure of the options is called so.</exception>
    /// <exception cref="InvalidOperationException">A custom measure left out of the request gives NaN, an infinity or a value outside its scale.</exception>
    public Score this[string measure] =>
        _set.ScoreOf(_set.ResolveMeasure(measure ?? throw new ArgumentNullException(nameof(measure))), _dyad, _period);

    /// <summary>The dyad, the period and its verdicts in a line: "pakistan→taliban in 2024: contested; patron–client yes".</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        if (InactiveReason is { } why)
        {
            return $"{Dyad} in {Period}: not scored ({why})";
        }

        var state = State.State is { } s ? RelationshipStates.StateName(s) : "unobserved";
        var test = PatronClient.IsPatronClient switch { true => "yes", false => "no", null => "undetermined" };
        return $"{Dyad} in {Period}: {state}; patron–client {test}";
    }
}
