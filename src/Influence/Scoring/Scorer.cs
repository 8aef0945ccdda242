using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.CompilerServices;
using Influence.Cases;
using Influence.Indexing;
using Influence.Internal;
using Influence.Theory;

namespace Influence.Scoring;

/// <summary>
/// The engine: scores directed dyads of a case, period by period, with every built-in and custom measure, the
/// patron–client test and the relationship state. One dyad and a universe of millions of dyad-periods go through
/// the same code: one <see cref="EvidenceIndex"/> build, O(evidence + pairs × periods), then each dyad's series.
/// </summary>
/// <remarks>
/// Dyads are scored in parallel (up to <see cref="ScoringOptions.MaxDegreeOfParallelism"/> threads); every value is
/// computed by one thread from the index alone, so the result is identical, bit for bit, whatever the thread count.
/// </remarks>
public static class Scorer
{
    /// <summary>Scores a case.</summary>
    /// <param name="case">The case.</param>
    /// <param name="options">The options (null: <see cref="ScoringOptions.Default"/>).</param>
    /// <param name="request">What to score (null: the case's dyads, granularity and range).</param>
    /// <returns>The scores.</returns>
    /// <exception cref="ArgumentException">
    /// A requested dyad names an unknown actor, the same actor twice or a movement and one of its own factions, no dyad
    /// is given or declared, the range is
    /// empty or mixes granularities without a <see cref="ScoringRequest.Granularity"/>, lies outside the case's range
    /// (its declared range, else the years of its evidence), or a requested measure is null, empty, unknown or named
    /// twice (also by a short name and its full name); every bad measure entry is named at once. Or the scores or the
    /// index would need an array of more than <see cref="Array.MaxLength"/> values (dyads × scored periods, or actors
    /// or objectives × the periods of the grid, which starts at the earliest evidence): refused, with the counts, before
    /// it is allocated.
    /// </exception>
    /// <exception cref="InvalidOperationException">
    /// A measure produced NaN, an infinity or a value outside its scale (a count that is not a whole number ≥ 0).
    /// </exception>
    /// <remarks>
    /// An exception a custom measure throws reaches the caller as it is, with its own type and stack (that of the
    /// first dyad to fail, in a fixed order), never wrapped in an <see cref="AggregateException"/>, whatever
    /// <see cref="ScoringOptions.MaxDegreeOfParallelism"/> is.
    /// </remarks>
    public static ScoreSet Score(Case @case, ScoringOptions? options = null, ScoringRequest? request = null) =>
        Score(@case, options, request, customIntervals: true);

    /// <summary>
    /// <see cref="Score(Case, ScoringOptions?, ScoringRequest?)"/>, asking custom measures for their own intervals or
    /// not: the draws of <c>Intervals</c> read only the point scores' own intervals, so they do not ask.
    /// </summary>
    internal static ScoreSet Score(Case @case, ScoringOptions? options, ScoringRequest? request, bool customIntervals)
    {
        ArgumentNullException.ThrowIfNull(@case, nameof(@case));
        options ??= ScoringOptions.Default;
        request ??= ScoringRequest.Default;
        var plan = Plan(@case, options, request);
        CheckSeriesSizes(@case, plan.Grid, PartsRead(plan.Measures), nameof(request));
        // The build's entries are kept while the dyads are scored (the dyad-level sums read them) and dropped after:
        // the returned scores hold the index, for explanations, and need not hold the entries.
        var index = EvidenceIndex.Build(@case, plan.Grid, options, PartsRead(plan.Measures) | EvidenceIndex.Parts.Entries);
        try
        {
            return Run(index, plan, customIntervals);
        }
        finally
        {
            index.ReleaseEntries();
        }
    }

    /// <summary>Scores with an index already built (for example to re-score many dyads over one index).</summary>
    /// <param name="index">The index.</param>
    /// <param name="request">What to score; its periods must lie inside the index's grid, in its granularity.</param>
    /// <returns>The scores.</returns>
    /// <exception cref="ArgumentException">
    /// As for <see cref="Score(Case, ScoringOptions?, ScoringRequest?)"/> (the index's grid for its per-actor series),
    /// or the request's periods lie outside the index's grid.
    /// </exception>
    /// <exception cref="InvalidOperationException">A measure produced NaN, an infinity or a value outside its scale.</exception>
    /// <remarks>
    /// <para>
    /// The index reads only the evidence that touches its grid (<see cref="EvidenceIndex.Build(Case, PeriodGrid, ScoringOptions)"/>). <see
    /// cref="Score(Case, ScoringOptions?, ScoringRequest?)"/> builds its grid from the case's earliest evidence, so
    /// over an index whose grid starts later the measures that look back further than the grid (trailing windows that
    /// reach before it, endurance since the first support) see less evidence and may give other values; an index whose
    /// grid covers the case's evidence gives the same values.
    /// </para>
    /// <para>A custom measure's own exception reaches the caller as it is, as for <see cref="Score(Case, ScoringOptions?, ScoringRequest?)"/>.</para>
    /// </remarks>
    public static ScoreSet Score(EvidenceIndex index, ScoringRequest? request = null)
    {
        ArgumentNullException.ThrowIfNull(index);
        var plan = Plan(index.Case, index.Options, request ?? ScoringRequest.Default);
        if (plan.From.Granularity != index.Grid.Granularity || plan.From < index.Grid.First || plan.To > index.Grid.Last)
        {
            throw new ArgumentException($"the request's periods ({plan.From}–{plan.To}) must lie in the index's grid ({index.Grid.First}–{index.Grid.Last}), in its granularity", nameof(request));
        }

        CheckSeriesSizes(index.Case, index.Grid, PartsRead(plan.Measures), nameof(request));
        return Run(index, plan with { Grid = index.Grid });
    }

    /// <summary>The parts of the index that the measures read (<see cref="Measure.Reads"/>).</summary>
    private static EvidenceIndex.Parts PartsRead(IEnumerable<Measure> measures) =>
        measures.Aggregate(EvidenceIndex.Parts.None, (parts, m) => parts | m.Reads);

    /// <summary>The period range a request resolves to for a case (granularity, first, last).</summary>
    /// <param name="case">The case.</param>
    /// <param name="request">The request.</param>
    /// <returns>The first and last period.</returns>
    /// <exception cref="ArgumentException">
    /// The case has no evidence and no range, the request's first and last periods differ in granularity and it gives
    /// no granularity, or the range ends before it starts.
    /// </exception>
    public static (Period From, Period To) ResolveRange(Case @case, ScoringRequest? request = null)
    {
        ArgumentNullException.ThrowIfNull(@case, nameof(@case));
        return ResolveRange(@case, request ?? ScoringRequest.Default, EvidenceDays(@case));
    }

    private static (Period From, Period To) ResolveRange(Case @case, ScoringRequest request, (int? First, int? Last) days)
    {
        if (request.Granularity is null && request.From is { } rf && request.To is { } rt && rf.Granularity != rt.Granularity)
        {
            throw new ArgumentException(
                $"the request's first and last periods must have one granularity, or the request a Granularity to convert both to; From was {rf} ({rf.Granularity.ToName()}), To was {rt} ({rt.Granularity.ToName()})",
                nameof(request));
        }

        var granularity = request.Granularity ?? @case.Granularity;
        var (firstDay, lastDay) = days;
        var from = request.From ?? OwnFirst(@case, firstDay);
        var to = request.To ?? OwnLast(@case, lastDay);
        if (from is null || to is null)
        {
            throw new ArgumentException("the case has no evidence and no range: give the first and last period to score", nameof(request));
        }

        var f2 = from.Value.ToGranularity(granularity);
        var t2 = to.Value.ToGranularity(granularity, atEnd: true);
        if (t2 < f2)
        {
            // An end the request leaves out comes from the case: say from where, so that a case whose declared "to"
            // precedes its evidence reads as what it is.
            var last = request.To is not null ? $"{t2}" : Origin(t2, @case.To is not null, "to", "ends", lastDay);
            var first = request.From is not null ? $"{f2}" : Origin(f2, @case.From is not null, "from", "starts", firstDay);
            throw new ArgumentException($"the last period ({last}) is before the first ({first})", nameof(request));
        }

        return (f2, t2);
    }

    private static ScoreSet Run(EvidenceIndex index, ScorePlan plan, bool customIntervals = true)
    {
        var grid = index.Grid;
        var t0 = grid.IndexOf(plan.From);
        var t1 = grid.IndexOf(plan.To);
        var periods = t1 - t0 + 1;
        var measures = plan.Measures;
        var dyadCount = plan.Dyads.Length;
        var cells = dyadCount * periods;
        var values = new double[measures.Length][];
        for (var m = 0; m < measures.Length; m++)
        {
            values[m] = new double[cells];
        }

        var lows = new double[measures.Length][];
        var highs = new double[measures.Length][];
        for (var m = 0; m < measures.Length; m++)
        {
            if (HasOwnInterval(measures[m]) && (customIntervals || measures[m] is InputEfficiency))
            {
                lows[m] = new double[cells];
                highs[m] = new double[cells];
            }
        }

        index.Prepare(PartsRead(measures));
        var patrons = plan.Dyads.Select(d => index.Case.ActorIndexOf(d.Patron)).ToArray();
        var clients = plan.Dyads.Select(d => index.Case.ActorIndexOf(d.Client)).ToArray();

        // Dyads sharing a client are scored one after the other, so the per-thread memos of what the client receives
        // (see ResourceDependence) serve them all. Each dyad writes only its own cells: the order changes no value.
        // A measure that throws fails the call with its own exception (that of the first dyad in this order to fail).
        // Periods that start after the case's evidence ends are not scored (ScoreSet.InactiveReason says why): nothing
        // in them was looked at, so their values would only carry earlier evidence forward.
        var observed = LastObserved(index.Case, grid, t0, t1);
        var order = Enumerable.Range(0, dyadCount).OrderBy(d => clients[d]).ThenBy(d => patrons[d]).ThenBy(d => d).ToArray();

        // An actor's memos are dropped when the last dyad in which it appears has been scored: a scoring then holds
        // the memos of the actors still to come, not of every actor (no memo is keyed by an actor outside its dyad).
        var uses = new int[index.Case.Actors.Length];
        foreach (var d in order)
        {
            uses[patrons[d]]++;
            uses[clients[d]]++;
        }

        ParallelLoop.For(dyadCount, index.Options.MaxDegreeOfParallelism, () => new double?[periods], (k, buffer) =>
        {
            var d = order[k];
            var (from, to) = index.Case.HasActiveSpans ? ActivePeriods(index, patrons[d], clients[d], t0, observed) : (t0, observed);
            if (from <= to)
            {
                ScoreDyad(new DyadPeriod(index, patrons[d], clients[d], from), from, to, (d * periods) + from - t0, measures, values, lows, highs, buffer);
            }

            if (from > t0 || to < t1)
            {
                Blank(t0, t1, from, to, d * periods, values, lows, highs);
            }

            Used(index, uses, patrons[d]);
            Used(index, uses, clients[d]);
            return buffer;
        });

        // The per-actor memos the measures shared (sized by actors × windows) are not kept with the scores.
        index.ReleaseMemos();
        return new ScoreSet(index, plan.Dyads, plan.From, periods, measures, values, lows, highs);
    }

    /// <summary>Counts one use of an actor's memos done, and drops them after its last.</summary>
    private static void Used(EvidenceIndex index, int[] uses, int actor)
    {
        if (Interlocked.Decrement(ref uses[actor]) == 0)
        {
            index.ReleaseMemos(actor);
        }
    }

    /// <summary>
    /// The positions in t0 … t1 in which both parties of a dyad existed: one run, since each party's time is one run
    /// (empty when from &gt; to). Measures are not evaluated outside it: a dyad has no value there.
    /// </summary>
    private static (int From, int To) ActivePeriods(EvidenceIndex index, int patron, int client, int t0, int t1)
    {
        // One look at the parties' joint time, then day numbers: no reason is worded for periods that are skipped.
        var joint = index.Case.Lifetimes!.Joint(patron, client);
        var grid = index.Grid;
        var from = t0;
        while (from <= t1 && grid[from].End.DayNumber < joint.First)
        {
            from++;
        }

        var to = t1;
        while (to >= from && grid[to].Start.DayNumber > joint.Last)
        {
            to--;
        }

        return joint.First > joint.Last ? (t0, t0 - 1) : (from, to);
    }

    /// <summary>The last position in t0 … t1 that does not start after the evidence ends (t0 − 1 when none).</summary>
    private static int LastObserved(Case @case, PeriodGrid grid, int t0, int t1)
    {
        var last = t1;
        while (last >= t0 && @case.StartsAfterEvidence(grid[last]))
        {
            last--;
        }

        return last;
    }

    /// <summary>Undefined values for one dyad in the positions of t0 … t1 outside from … to.</summary>
    private static void Blank(int t0, int t1, int from, int to, int cell, double[][] values, double[][] lows, double[][] highs)
    {
        for (var t = t0; t <= t1; t++)
        {
            if (t >= from && t <= to)
            {
                continue;
            }

            var c = cell + t - t0;
            for (var m = 0; m < values.Length; m++)
            {
                values[m][c] = double.NaN;
                if (lows[m] is { } low)
                {
                    low[c] = double.NaN;
                    highs[m][c] = double.NaN;
                }
            }
        }
    }

    /// <summary>Every measure's series of one dyad into the value columns, starting at <paramref name="cell"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ScoreDyad(DyadPeriod dyad, int t0, int t1, int cell, ImmutableArray<Measure> measures, double[][] values, double[][] lows, double[][] highs, double?[] buffer)
    {
        var periods = t1 - t0 + 1;
        for (var m = 0; m < measures.Length; m++)
        {
            if (lows[m] is { } low && measures[m] is InputEfficiency)
            {
                // The interval comes with the value: one regression per period instead of two.
                InputEfficiency.Series(dyad, t0, t1, buffer.AsSpan(0, periods), low.AsSpan(cell, periods), highs[m].AsSpan(cell, periods));
            }
            else
            {
                measures[m].EvaluateSeries(dyad, t0, t1, buffer.AsSpan(0, periods));
            }

            var column = values[m];
            var scale = measures[m].Scale;
            var lowest = scale == MeasureScale.Signed ? -1.0 : 0.0;
            for (var p = 0; p < periods; p++)
            {
                if (buffer[p] is { } v)
                {
                    column[cell + p] = InScale(v, scale, lowest) ?? throw OutOfScale(measures[m], v, dyad.At(t0 + p));
                }
                else
                {
                    column[cell + p] = double.NaN;
                }
            }

            if (lows[m] is { } lowColumn && measures[m] is not InputEfficiency)
            {
                // A custom measure's own interval, period by period, checked as the value is.
                for (var p = 0; p < periods; p++)
                {
                    var at = dyad.At(t0 + p);
                    (lowColumn[cell + p], highs[m][cell + p]) = double.IsNaN(column[cell + p])
                        ? (double.NaN, double.NaN)
                        : CheckedInterval(measures[m], measures[m].EvaluateInterval(at), column[cell + p], at) ?? (double.NaN, double.NaN);
                }
            }
        }
    }

    /// <summary>
    /// Whether a measure may give intervals of its own (<see cref="Measure.EvaluateInterval"/>): input efficiency among
    /// the built-in measures, and any custom measure (asked period by period; one that gives none leaves them empty).
    /// </summary>
    internal static bool HasOwnInterval(Measure measure) =>
        measure is InputEfficiency || measure.GetType().Assembly != typeof(Measure).Assembly;

    /// <summary>
    /// A measure's own interval around its value <paramref name="value"/>, checked: null when it gives none; else two
    /// finite numbers, low ≤ high, that hold the value (within 1e-9, then widened to hold it exactly).
    /// </summary>
    /// <exception cref="InvalidOperationException">The interval is NaN, infinite, reversed or leaves the value out.</exception>
    internal static (double Low, double High)? CheckedInterval(Measure measure, (double Low, double High)? interval, double value, in DyadPeriod at)
    {
        if (interval is not var (low, high))
        {
            return null;
        }

        if (!double.IsFinite(low) || !double.IsFinite(high) || !(low <= high) || low > value + 1e-9 || high < value - 1e-9)
        {
            throw new InvalidOperationException(
                $"measure '{measure.Name}' gave the interval [{Check.Show(low)}, {Check.Show(high)}] around its value {Check.Show(value)} for {at.Index.Case.Actors[at.Patron].Id}→{at.Index.Case.Actors[at.Client].Id} in {at.Period}: an interval must be two finite numbers, low ≤ high, holding the value");
        }

        return (Math.Min(low, value), Math.Max(high, value));
    }

    /// <summary>A measure's value checked against its scale (see <see cref="Checked"/>).</summary>
    /// <param name="measure">The measure.</param>
    /// <param name="value">Its value (null: undefined).</param>
    /// <param name="at">The dyad and period it was computed for.</param>
    /// <returns>The value, clamped onto the scale where it lies within 1e-9 of it.</returns>
    /// <exception cref="InvalidOperationException">The value is NaN, infinite or outside the measure's scale.</exception>
    internal static double? Checked(Measure measure, double? value, in DyadPeriod at)
    {
        if (value is not { } v)
        {
            return null;
        }

        var lowest = measure.Scale == MeasureScale.Signed ? -1.0 : 0.0;
        return InScale(v, measure.Scale, lowest) ?? throw OutOfScale(measure, v, at);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double? InScale(double value, MeasureScale scale, double lowest)
    {
        if (scale == MeasureScale.Count)
        {
            return double.IsFinite(value) && value >= 0 && value == Math.Floor(value) ? value : null;
        }

        return double.IsFinite(value) && value >= lowest - 1e-9 && value <= 1 + 1e-9 ? Math.Clamp(value, lowest, 1) : null;
    }

    private static InvalidOperationException OutOfScale(Measure measure, double value, in DyadPeriod at)
    {
        var where = $"for {at.Index.Case.Actors[at.Patron].Id}→{at.Index.Case.Actors[at.Client].Id} in {at.Period}";
        var shown = Check.Show(value);
        return measure.Scale == MeasureScale.Count
            ? new InvalidOperationException($"measure '{measure.Name}' produced {shown} {where}, not a count (a whole number ≥ 0)")
            : new InvalidOperationException($"measure '{measure.Name}' produced {shown} {where}, outside its range [{(measure.Scale == MeasureScale.Signed ? -1 : 0)}, 1]");
    }

    private static ScorePlan Plan(Case @case, ScoringOptions options, ScoringRequest request)
    {
        var dyads = request.Dyads.IsEmpty ? @case.Dyads : request.Dyads;
        if (dyads.IsEmpty)
        {
            throw new ArgumentException("no dyad to score: the case declares none and the request names none", nameof(request));
        }

        // Every bad dyad of the request at once.
        Case.ThrowIfAny([.. dyads.SelectMany(@case.DyadProblems)], nameof(request));

        var measures = Measures.BuiltIn.AddRange(options.CustomMeasures);
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var m in measures)
        {
            if (!names.Add(m.Name))
            {
                throw new ArgumentException($"measure name '{m.Name}' is used twice; custom measures need names of their own", nameof(options));
            }
        }

        if (!request.Measures.IsEmpty)
        {
            // Every bad entry at once: missing, unknown (with the nearest name), or naming a measure already named.
            var wanted = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            var problems = new List<string>();
            for (var i = 0; i < request.Measures.Length; i++)
            {
                var name = request.Measures[i];
                if (string.IsNullOrWhiteSpace(name))
                {
                    problems.Add(string.Create(CultureInfo.InvariantCulture, $"Measures must each name a measure; measure {i} was {(name is null ? "null" : $"'{name}'")}"));
                }
                else if (Measures.Resolve(name, names.Contains) is not { } resolved)
                {
                    problems.Add(ScoreSet.NoMeasureCalled(name, measures.Select(m => m.Name), null));
                }
                else if (!wanted.TryAdd(resolved, i))
                {
                    var earlier = wanted[resolved];
                    problems.Add(string.Create(CultureInfo.InvariantCulture, $"Measures must name each measure once; measure {i}, '{name}', names {resolved}, as measure {earlier}, '{request.Measures[earlier]}', does"));
                }
            }

            Case.ThrowIfAny(problems, nameof(request));

            measures = [.. measures.Where(m => wanted.ContainsKey(m.Name))];
        }

        var days = EvidenceDays(@case);
        var (from, to) = CheckedRange(@case, request, days, nameof(request), nameof(request));

        // Refused before anything of their size is allocated: every measure's values are one array of dyads × periods.
        var scored = to.PeriodsSince(from) + 1;
        if ((long)dyads.Length * scored > Array.MaxLength)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"{dyads.Length} dyads over {scored} {Adjective(to.Granularity)} periods ({from}–{to}) are {(long)dyads.Length * scored} dyad-periods, more than an array holds ({Array.MaxLength}), and each measure's values are one array of them; score fewer dyads, a shorter range or a coarser granularity"),
                nameof(request));
        }

        var first = GridFirst(from, days.First);
        return new ScorePlan(new PeriodGrid(first, to), from, to, dyads, measures);
    }

    /// <summary>
    /// The first period of the grid a score of <paramref name="from"/> … builds: the period that holds the earliest
    /// evidence (<paramref name="firstDay"/>) when it is earlier, so that measures with memory see the whole history.
    /// </summary>
    internal static Period GridFirst(Period from, int? firstDay) =>
        firstDay is { } day && Period.Containing(from.Granularity, DateOnly.FromDayNumber(day)) is var earliest && earliest < from ? earliest : from;

    /// <summary>
    /// Refuses, before the index allocates them, the per-actor and per-objective series a scoring would build over
    /// <paramref name="grid"/> when one would not fit in an array (<see cref="EvidenceIndex.CheckSeriesSizes"/>, the
    /// check <see cref="EvidenceIndex.Build(Case, PeriodGrid, ScoringOptions)"/> makes too).
    /// </summary>
    /// <exception cref="ArgumentException">Such a series would hold more than <see cref="Array.MaxLength"/> values.</exception>
    private static void CheckSeriesSizes(Case @case, PeriodGrid grid, EvidenceIndex.Parts parts, string paramName) =>
        EvidenceIndex.CheckSeriesSizes(@case, grid, parts, paramName, "score a shorter range or a coarser granularity, or check the date of the earliest item (the grid starts at it)");

    /// <summary>"yearly", "quarterly" or "monthly".</summary>
    internal static string Adjective(Granularity granularity) => granularity switch
    {
        Granularity.Quarter => "quarterly",
        Granularity.Month => "monthly",
        _ => "yearly",
    };

    /// <summary>
    /// Requires a dyad's actors to be in the case, to differ and to lie outside each other's movement (an
    /// <see cref="ArgumentException"/> naming <paramref name="name"/>): nothing between a movement and its own faction
    /// is counted, so such a dyad is refused when requested as when declared.
    /// </summary>
    internal static void RequireDyad(Case @case, Dyad dyad, string name) =>
        Case.ThrowIfAny([.. @case.DyadProblems(dyad)], name);

    /// <summary>
    /// The range a request resolves to (see <see cref="ResolveRange(Case, ScoringRequest?)"/>), its ends required to lie in the
    /// case's range (its declared range, else the years of its evidence): outside it nothing was coded, and scores there
    /// would read "no evidence" where the truth is "not looked at". An end coarser than the scored granularity that
    /// overlaps the case's range is clipped to it (1994 on a monthly case from 1994-03 starts at 1994-03).
    /// </summary>
    internal static (Period From, Period To) CheckedRange(Case @case, ScoringRequest request, string fromName, string toName) =>
        CheckedRange(@case, request, EvidenceDays(@case), fromName, toName);

    private static (Period From, Period To) CheckedRange(Case @case, ScoringRequest request, (int? First, int? Last) days, string fromName, string toName)
    {
        if ((request.From is null && request.To is null)
            || (request.Granularity is null && request.From is { } rf && request.To is { } rt && rf.Granularity != rt.Granularity)
            || (@case.From is null && days.First is null) || (@case.To is null && days.Last is null))
        {
            return AfterTheEvidence(@case, ResolveRange(@case, request, days), fromName);
        }

        var g = request.Granularity ?? @case.Granularity;
        var (caseFrom, caseTo) = ResolveRange(@case, new ScoringRequest { Granularity = g }, days);
        var covers = caseFrom == caseTo ? $"the case covers {caseFrom} only" : $"the case covers {caseFrom}–{caseTo}";
        Period? Clip(Period? end, string name, string which)
        {
            if (end is not { } e)
            {
                return null;
            }

            var (lo, hi) = (e.ToGranularity(g), e.ToGranularity(g, atEnd: true));
            if (hi < caseFrom)
            {
                throw new ArgumentException($"the {which} period requested ({e}) is before the case's first period ({caseFrom}); {covers}", name);
            }

            if (lo > caseTo)
            {
                throw new ArgumentException($"the {which} period requested ({e}) is after the case's last period ({caseTo}); {covers}", name);
            }

            return which == "first" ? (lo < caseFrom ? caseFrom : lo) : (hi > caseTo ? caseTo : hi);
        }

        var from = Clip(request.From, fromName, "first");
        var to = Clip(request.To, toName, "last");
        return AfterTheEvidence(@case, ResolveRange(@case, request with { Granularity = g, From = from, To = to }, days), request.From is null ? toName : fromName);
    }

    /// <summary>
    /// The range, unless it starts after the evidence ends: nothing in it was looked at, so none of it would be scored
    /// (<see cref="ScoreSet.IsAfterEvidence(int)"/>); a range that only ends after it is scored up to it.
    /// </summary>
    private static (Period From, Period To) AfterTheEvidence(Case @case, (Period From, Period To) range, string name) =>
        @case.AfterEvidence(range.From, range.To) is { } why ? throw new ArgumentException(why, name) : range;

    private static (int? First, int? Last) EvidenceDays(Case @case) => @case.EvidenceDays();

    /// <summary>
    /// Whether the case gives its own range, so that a request may leave out its first and last periods: a declared
    /// first (or dated evidence) and a declared last (or dated evidence) period. When it does not,
    /// <see cref="ResolveRange(Case, ScoringRequest?)"/> needs both from the request.
    /// </summary>
    internal static bool HasOwnRange(Case @case)
    {
        var (firstDay, lastDay) = EvidenceDays(@case);
        return OwnFirst(@case, firstDay) is not null && OwnLast(@case, lastDay) is not null;
    }

    /// <summary>A period the case gives, with where it comes from: its declared range, or the day its evidence starts or ends.</summary>
    private static string Origin(Period period, bool declared, string key, string verb, int? day) =>
        declared || day is not { } d
            ? $"{period}, the case's \"{key}\""
            : $"{period}, where the case's evidence {verb}: {DateOnly.FromDayNumber(d).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}";

    private static Period? OwnFirst(Case @case, int? firstDay) => @case.From ?? (firstDay is { } f ? EvidenceYear(f) : null);

    private static Period? OwnLast(Case @case, int? lastDay) => @case.To ?? (lastDay is { } l ? EvidenceYear(l) : null);

    /// <summary>The end of a case's default range that its evidence gives, where the case declares none: the year of the day.</summary>
    internal static Period EvidenceYear(int day) => Period.FromYear(DateOnly.FromDayNumber(day).Year);


    private sealed record ScorePlan(PeriodGrid Grid, Period From, Period To, ImmutableArray<Dyad> Dyads, ImmutableArray<Measure> Measures);
}
