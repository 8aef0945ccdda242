using System.Collections.Immutable;
using Influence.Cases;
using Influence.Evidence;
using Influence.Internal;
using Influence.Scoring;
using Influence.Theory;

namespace Influence.Uncertainty;

/// <summary>One option's row of a tornado table.</summary>
/// <param name="Option">The option's name (<see cref="OptionKnob.Name"/>).</param>
/// <param name="Kind">What the option is.</param>
/// <param name="Setting">The option's value in the options analysed.</param>
/// <param name="LowSetting">The low end of its range.</param>
/// <param name="HighSetting">The high end of its range.</param>
/// <param name="ValueAtLow">The value scored with the option at its low end (null: undefined).</param>
/// <param name="ValueAtHigh">The value with the option at its high end.</param>
/// <param name="Swing">The largest distance of ValueAtLow, ValueAtHigh and the value from one another: how much this option alone moves the value (null when the value is undefined at all three settings).</param>
public sealed record TornadoRow(string Option, OptionKind Kind, double Setting, double LowSetting, double HighSetting, double? ValueAtLow, double? ValueAtHigh, double? Swing);

/// <summary>One-at-a-time sensitivity of one value to each option: the rows of a tornado chart, largest swing first.</summary>
/// <param name="Dyad">The dyad.</param>
/// <param name="Period">The period.</param>
/// <param name="Measure">The measure's name.</param>
/// <param name="Value">The value with the options analysed (null: undefined).</param>
/// <param name="Rows">One row per option that can change a value, largest swing first (undefined swings last, then by name).</param>
public sealed record Tornado(Dyad Dyad, Period Period, string Measure, double? Value, ImmutableArray<TornadoRow> Rows)
{
    /// <inheritdoc />
    /// <remarks>Compares <see cref="Rows"/> by their contents, in order.</remarks>
    public bool Equals(Tornado? other) =>
        other is not null && Dyad == other.Dyad && Period == other.Period && Measure == other.Measure && Nullable.Equals(Value, other.Value)
        && Records.SequenceEqual(Rows, other.Rows);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Dyad, Period, Measure, Value, Records.SequenceHash(Rows));

    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        Records.Print(builder).Add(nameof(Dyad), Dyad).Add(nameof(Period), Period).Add(nameof(Measure), Measure).Add(nameof(Value), Value).Add(nameof(Rows), Rows);
        return true;
    }
}

/// <summary>The two verdicts a period gets.</summary>
public enum Verdict
{
    /// <summary>The relationship state (consolidated, contested, estranged, dormant, inverted).</summary>
    State = 0,

    /// <summary>The patron–client test.</summary>
    PatronClient,
}

/// <summary>An evidence item, with what a reader needs to find it: its kind, date, confidence, sources and note.</summary>
/// <param name="Id">The item's id.</param>
/// <param name="Kind">Its kind.</param>
/// <param name="Date">Its date.</param>
/// <param name="Confidence">Its confidence.</param>
/// <param name="Sources">The sources it cites.</param>
/// <param name="Note">The coder's note.</param>
public sealed record EvidenceReference(string Id, EvidenceKind Kind, EvidenceDate Date, Confidence Confidence, ImmutableArray<Source> Sources, string? Note)
{
    /// <summary>
    /// The actor the item runs from, as coded (a faction, not the movement it counts for), for an item between two
    /// actors (support, coercion, demand, presence, overreach, commitment); null for an objective's observation or a
    /// capability.
    /// </summary>
    public string? From { get; init; }

    /// <summary>The actor the item runs to, as coded; null when <see cref="From"/> is.</summary>
    public string? To { get; init; }

    /// <inheritdoc />
    /// <remarks>Compares <see cref="Sources"/> by their contents, in order.</remarks>
    public bool Equals(EvidenceReference? other) =>
        other is not null && Id == other.Id && Kind == other.Kind && Date == other.Date && Confidence == other.Confidence
        && Records.SequenceEqual(Sources, other.Sources) && Note == other.Note && From == other.From && To == other.To;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, Kind, Date, Confidence, Records.SequenceHash(Sources), Note, From, To);

    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        Records.Print(builder).Add(nameof(Id), Id).Add(nameof(Kind), Kind).Add(nameof(Date), Date).Add(nameof(Confidence), Confidence)
            .Add(nameof(Sources), Sources).Add(nameof(Note), Note).Add(nameof(From), From).Add(nameof(To), To);
        return true;
    }
}

/// <summary>An option change that flips a verdict.</summary>
/// <param name="Option">The option's name.</param>
/// <param name="Kind">What the option is.</param>
/// <param name="From">Its value in the options analysed.</param>
/// <param name="To">The nearest value found at which the verdict flips.</param>
/// <param name="Distance">How far that is, in units of the option's range (<see cref="OptionKnob.Distance"/>): comparable across options.</param>
/// <param name="NewVerdict">The verdict there.</param>
public sealed record OptionFlip(string Option, OptionKind Kind, double From, double To, double Distance, string NewVerdict);

/// <summary>What flips a period's verdict: the smallest set of evidence items to remove, and the option changes.</summary>
/// <param name="Dyad">The dyad.</param>
/// <param name="Period">The period.</param>
/// <param name="Verdict">Which verdict.</param>
/// <param name="Current">The verdict now (for example <c>contested</c>, <c>patron–client</c>, <c>not patron–client</c>, <c>undetermined</c>).</param>
/// <param name="Rule">The rule that gave it.</param>
/// <param name="EvidenceToRemove">The smallest set of items found whose removal flips the verdict (empty when none was found).</param>
/// <param name="IsSmallestSet">Whether no smaller set flips it (proved by trying every single item, and every pair when the set found has three).</param>
/// <param name="VerdictWithoutEvidence">The verdict once those items are removed (null when none was found).</param>
/// <param name="OptionChanges">Every option found to flip the verdict within the searched distance, nearest first.</param>
/// <param name="Note">Why nothing could be searched, when that is so (for example: the verdict is undetermined).</param>
public sealed record VerdictFlip(
    Dyad Dyad,
    Period Period,
    Verdict Verdict,
    string Current,
    string Rule,
    ImmutableArray<EvidenceReference> EvidenceToRemove,
    bool IsSmallestSet,
    string? VerdictWithoutEvidence,
    ImmutableArray<OptionFlip> OptionChanges,
    string? Note)
{
    /// <summary>The smallest option change found, or null.</summary>
    public OptionFlip? SmallestOptionChange => OptionChanges.IsDefaultOrEmpty ? null : OptionChanges[0];

    /// <inheritdoc />
    /// <remarks>Compares <see cref="EvidenceToRemove"/> and <see cref="OptionChanges"/> by their contents, in order.</remarks>
    public bool Equals(VerdictFlip? other) =>
        other is not null && Dyad == other.Dyad && Period == other.Period && Verdict == other.Verdict && Current == other.Current
        && Rule == other.Rule && Records.SequenceEqual(EvidenceToRemove, other.EvidenceToRemove) && IsSmallestSet == other.IsSmallestSet
        && VerdictWithoutEvidence == other.VerdictWithoutEvidence && Records.SequenceEqual(OptionChanges, other.OptionChanges) && Note == other.Note;

    /// <inheritdoc />
    public override int GetHashCode() =>
        HashCode.Combine(Dyad, Period, Verdict, Current, Records.SequenceHash(EvidenceToRemove), IsSmallestSet, VerdictWithoutEvidence, Records.SequenceHash(OptionChanges));

    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        Records.Print(builder).Add(nameof(Dyad), Dyad).Add(nameof(Period), Period).Add(nameof(Verdict), Verdict).Add(nameof(Current), Current)
            .Add(nameof(Rule), Rule).Add(nameof(EvidenceToRemove), EvidenceToRemove).Add(nameof(IsSmallestSet), IsSmallestSet)
            .Add(nameof(VerdictWithoutEvidence), VerdictWithoutEvidence).Add(nameof(OptionChanges), OptionChanges).Add(nameof(Note), Note)
            .Add(nameof(SmallestOptionChange), SmallestOptionChange);
        return true;
    }
}

/// <summary>How far <see cref="Sensitivity.WhatFlips"/> searches.</summary>
public sealed record FlipSearchOptions
{
    /// <summary>The defaults.</summary>
    public static FlipSearchOptions Default { get; } = new();

    /// <summary>The most evidence items the greedy search removes before it gives up (default 12).</summary>
    public int MaxItems
    {
        get;
        init => field = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(MaxItems), $"MaxItems must be ≥ 1; was {value}");
    } = 12;

    /// <summary>Every pair of items is tried when the greedy set has three items and there are at most this many candidates (default 60).</summary>
    public int ExhaustivePairsLimit
    {
        get;
        init => field = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(ExhaustivePairsLimit), $"ExhaustivePairsLimit must be ≥ 0; was {value}");
    } = 60;

    /// <summary>How far each option is moved, in units of its range (default 3: scales and windows × 8, weights ± 0.45, thresholds ± 0.3).</summary>
    public double MaxOptionDistance
    {
        get;
        init => field = value > 0 && double.IsFinite(value) ? value : throw new ArgumentOutOfRangeException(nameof(MaxOptionDistance), $"MaxOptionDistance must be a positive, finite number; was {value}");
    } = 3;

    /// <summary>The ranges that set the unit of distance (default <see cref="PerturbationRanges.Default"/>).</summary>
    public PerturbationRanges Ranges { get; init => field = value ?? throw new ArgumentNullException(nameof(Ranges)); } = PerturbationRanges.Default;
}

/// <summary>
/// Sensitivity of scores and verdicts: one-at-a-time tornado tables, and what flips a verdict. Everything is re-scored
/// by the one engine (<see cref="Scorer"/>) on a reduced case or changed options.
/// </summary>
/// <remarks>
/// <para>
/// <b>Tornado</b>: each option that can change a value (<see cref="OptionKnob.All"/> except the verdict thresholds) is
/// set in turn to the two ends of its range (<see cref="OptionKnob.Range"/>), the others held at their values.
/// </para>
/// <para>
/// <b>Evidence that flips a verdict</b>: the candidates are the items that fed the measures the verdict reads
/// (exchange, conflict and account balance for the state; the four features for the patron–client test). First every
/// single item is removed in turn; if none flips the verdict, a greedy search removes, step by step, the item that
/// brings the verdict nearest its boundary (the margin below), until it flips or <see cref="FlipSearchOptions.MaxItems"/>
/// are gone; items that are not needed are then put back. With three items left every pair is tried too. A flip is a
/// change to another determined verdict: removing evidence until the verdict cannot be computed does not count.
/// The margin of a state is its nearest boundary: for contested min(x − θx, k − θk, b + θb), and likewise for the others;
/// of the patron–client test, its margin (weakest feature − threshold), negated when the test fails.
/// </para>
/// <para>
/// <b>Options that flip a verdict</b>: each option of <see cref="OptionKnob.All"/> is moved away from its value in
/// both directions in steps of a quarter of its range unit, up to <see cref="FlipSearchOptions.MaxOptionDistance"/>;
/// the first flip is then narrowed by bisection (12 halvings). A flip inside a step that flips back before the next
/// step is not seen.
/// </para>
/// </remarks>
public static class Sensitivity
{
    private const double Step = 0.25;
    private const int Bisections = 12;

    /// <summary>The tornado table of one value.</summary>
    /// <param name="case">The case.</param>
    /// <param name="dyad">The dyad.</param>
    /// <param name="period">The period.</param>
    /// <param name="measure">The measure name.</param>
    /// <param name="options">The options analysed (null: the defaults).</param>
    /// <param name="ranges">The ranges (null: the defaults).</param>
    /// <returns>The table.</returns>
    /// <exception cref="ArgumentException">The dyad names an unknown actor, the period lies outside the case's range, or the measure is unknown.</exception>
    /// <exception cref="InvalidOperationException">A measure produced NaN, an infinity or a value outside its scale (see <see cref="Scorer.Score(Case, ScoringOptions?, ScoringRequest?)"/>); a custom measure's own exception reaches the caller as it is.</exception>
    public static Tornado Tornado(Case @case, Dyad dyad, Period period, string measure, ScoringOptions? options = null, PerturbationRanges? ranges = null) =>
        Tornadoes(@case, dyad, period, [measure], options, ranges)[0];

    /// <summary>The tornado tables of several measures of one dyad and period (each option setting is scored once for all).</summary>
    /// <param name="case">The case.</param>
    /// <param name="dyad">The dyad.</param>
    /// <param name="period">The period.</param>
    /// <param name="measures">The measure names.</param>
    /// <param name="options">The options analysed (null: the defaults).</param>
    /// <param name="ranges">The ranges (null: the defaults).</param>
    /// <returns>One table per measure, in the order given.</returns>
    /// <exception cref="ArgumentException">The dyad names an unknown actor, the period lies outside the case's range, or a measure is unknown.</exception>
    /// <exception cref="InvalidOperationException">A measure produced NaN, an infinity or a value outside its scale (see <see cref="Scorer.Score(Case, ScoringOptions?, ScoringRequest?)"/>); a custom measure's own exception reaches the caller as it is.</exception>
    public static ImmutableArray<Tornado> Tornadoes(Case @case, Dyad dyad, Period period, IEnumerable<string> measures, ScoringOptions? options = null, PerturbationRanges? ranges = null)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(measures);
        options ??= ScoringOptions.Default;
        ranges ??= PerturbationRanges.Default;
        var request = RequestFor(@case, dyad, period);
        var point = Scorer.Score(@case, options, request);
        var names = measures.ToList();
        var m = names.Select(n => point.RequireMeasure(n)).ToArray();
        var knobs = OptionKnob.All.Where(k => k.Kind != OptionKind.Threshold || k.Name == "Compliance.RedLineSalience").ToArray();
        var results = new (double Low, double High, double?[] AtLow, double?[] AtHigh)[knobs.Length];
        ParallelLoop.For(knobs.Length, options.MaxDegreeOfParallelism, i =>
        {
            var (lo, hi) = knobs[i].Range(options, ranges);
            var single = options with { MaxDegreeOfParallelism = 1 };
            var atLow = Scorer.Score(@case, knobs[i].With(single, lo), request);
            var atHigh = Scorer.Score(@case, knobs[i].With(single, hi), request);
            results[i] = (lo, hi, [.. m.Select(x => atLow.Get(x, 0, 0).Value)], [.. m.Select(x => atHigh.Get(x, 0, 0).Value)]);
        });

        var tables = ImmutableArray.CreateBuilder<Tornado>(m.Length);
        for (var j = 0; j < m.Length; j++)
        {
            var value = point.Get(m[j], 0, 0).Value;
            var rows = knobs.Select((k, i) =>
            {
                var (lo, hi, atLow, atHigh) = results[i];
                return new TornadoRow(k.Name, k.Kind, k.Get(options), lo, hi, atLow[j], atHigh[j], Swing(value, atLow[j], atHigh[j]));
            });
            var ordered = rows
                .OrderBy(r => r.Swing is null ? 1 : 0)
                .ThenByDescending(r => r.Swing ?? 0)
                .ThenBy(r => r.Option, StringComparer.Ordinal)
                .ToImmutableArray();
            tables.Add(new Tornado(dyad, period, point.Measures[m[j]].Name, value, ordered));
        }

        return tables.ToImmutable();
    }

    /// <summary>What flips a period's verdict: the smallest set of evidence items to remove, and the smallest option changes.</summary>
    /// <param name="case">The case.</param>
    /// <param name="dyad">The dyad.</param>
    /// <param name="period">The period.</param>
    /// <param name="verdict">Which verdict.</param>
    /// <param name="options">The options analysed (null: the defaults).</param>
    /// <param name="search">How far to search (null: the defaults).</param>
    /// <returns>What flips it.</returns>
    /// <exception cref="ArgumentException">The dyad names an unknown actor or the period lies outside the case's range.</exception>
    /// <exception cref="InvalidOperationException">A measure produced NaN, an infinity or a value outside its scale (see <see cref="Scorer.Score(Case, ScoringOptions?, ScoringRequest?)"/>); a custom measure's own exception reaches the caller as it is.</exception>
    public static VerdictFlip WhatFlips(Case @case, Dyad dyad, Period period, Verdict verdict, ScoringOptions? options = null, FlipSearchOptions? search = null)
    {
        ArgumentNullException.ThrowIfNull(@case);
        if (!Enum.IsDefined(verdict))
        {
            throw new ArgumentOutOfRangeException(nameof(verdict), verdict, "not a verdict (PatronClient or State)");
        }

        options ??= ScoringOptions.Default;
        search ??= FlipSearchOptions.Default;
        var request = RequestFor(@case, dyad, period);
        var single = options with { MaxDegreeOfParallelism = 1 };
        var point = Scorer.Score(@case, single, request);
        var current = Judge(point, verdict);
        if (current.Label is null)
        {
            var why = point.InactiveReason(0, 0) is { } inactive
                ? $"the dyad is not scored in {period}: {inactive}; there is nothing to flip"
                : "the verdict is undetermined (a measure it reads is undefined): there is nothing to flip";
            return new VerdictFlip(dyad, period, verdict, current.Name, current.Rule, [], false, null, [], why);
        }

        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism };
        var (items, smallest, without) = EvidenceFlip(@case, single, request, point, verdict, current, search, parallel);
        var optionFlips = OptionFlips(@case, single, request, point, verdict, current, search, parallel);
        return new VerdictFlip(
            dyad,
            period,
            verdict,
            current.Name,
            current.Rule,
            [.. items.Select(row => Reference(@case, row))],
            smallest,
            without,
            optionFlips,
            null);
    }

    private static double? Swing(double? value, double? low, double? high)
    {
        var defined = new[] { value, low, high }.Where(v => v.HasValue).Select(v => v!.Value).ToArray();
        return defined.Length < 2 ? null : defined.Max() - defined.Min();
    }

    /// <summary>The request for one dyad in one period, which must lie in the case's range (as scoring resolves it).</summary>
    private static ScoringRequest RequestFor(Case @case, Dyad dyad, Period period)
    {
        Scorer.RequireDyad(@case, dyad, nameof(dyad));
        if (!Scorer.HasOwnRange(@case))
        {
            // Scoring's own message asks for a first and last period, which an analysis of one period does not take.
            throw new ArgumentException($"the case has no evidence and no range: there is nothing to analyse in {period}; add evidence to the case, or give it a range (its \"from\" and \"to\")", nameof(@case));
        }

        var (from, to) = Scorer.ResolveRange(@case, new ScoringRequest { Granularity = period.Granularity });
        if (period < from || period > to)
        {
            throw new ArgumentOutOfRangeException(nameof(period), period, $"period {period} is outside the case's range {from}–{to}: there is nothing to analyse there");
        }

        return new() { Dyads = [dyad], Granularity = period.Granularity, From = period, To = period };
    }

    private static EvidenceReference Reference(Case @case, int row)
    {
        var item = @case.Evidence[row];
        return new EvidenceReference(item.Id, item.Kind, item.Date, item.Confidence, [.. item.Sources.Select(s => @case.FindSource(s)!)], item.Note)
        {
            From = (item as DyadicEvidence)?.From,
            To = (item as DyadicEvidence)?.To,
        };
    }

    /// <summary>A verdict as a comparable label (null: undetermined), its display name, rule and margin.</summary>
    private readonly record struct Judgement(int? Label, string Name, string Rule, double? Margin);

    private static Judgement Judge(ScoreSet set, Verdict verdict)
    {
        if (verdict == Verdict.PatronClient)
        {
            var v = set.PatronClient(0, 0);
            return v.IsPatronClient switch
            {
                true => new Judgement(1, "patron–client", v.Rule, v.Margin),
                false => new Judgement(0, "not patron–client", v.Rule, v.Margin),
                _ => new Judgement(null, "undetermined", v.Rule, null),
            };
        }

        var s = set.State(0, 0);
        return s.State is { } state
            ? new Judgement((int)state, RelationshipStates.StateName(state), s.Rule, null)
            : new Judgement(null, "unobserved", s.Rule, null);
    }

    /// <summary>How far the verdict of <paramref name="set"/> is from leaving <paramref name="current"/> (≥ 0 inside; null: undetermined).</summary>
    private static double? Margin(ScoreSet set, Verdict verdict, Judgement current)
    {
        if (verdict == Verdict.PatronClient)
        {
            var m = set.PatronClient(0, 0).Margin;
            return m is { } x ? (current.Label == 1 ? x : -x) : null;
        }

        var p = set.For(0, 0);
        if (p.Conflict.Value is not { } k)
        {
            return null;
        }

        var t = set.Options.States;
        var x0 = p.Exchange.Value ?? 0;
        var b = p.AccountBalance.Value;
        var notInverted = b is { } bb ? bb + t.InvertedBalance : double.PositiveInfinity;
        return (RelationshipState)current.Label!.Value switch
        {
            RelationshipState.Inverted => b is { } bi ? -t.InvertedBalance - bi : null,
            RelationshipState.Consolidated => Math.Min(Math.Min(x0 - t.HighExchange, t.HighConflict - k), notInverted),
            RelationshipState.Contested => Math.Min(Math.Min(x0 - t.HighExchange, k - t.HighConflict), notInverted),
            RelationshipState.Estranged => Math.Min(Math.Min(t.HighExchange - x0, k - t.HighConflict), notInverted),
            _ => Math.Min(Math.Min(t.HighExchange - x0, t.HighConflict - k), notInverted),
        };
    }

    private static bool Flipped(Judgement now, Judgement current) => now.Label is not null && now.Label != current.Label;

    private static (List<int> Items, bool Smallest, string? Without) EvidenceFlip(
        Case @case, ScoringOptions options, ScoringRequest request, ScoreSet point, Verdict verdict, Judgement current, FlipSearchOptions search, ParallelOptions parallel)
    {
        Measure[] read = verdict == Verdict.State
            ? [Exchange.Instance, Conflict.Instance, AccountBalance.Instance]
            : [Exchange.Instance, PowerAsymmetry.Instance, DiffuseObligation.Instance, Endurance.Instance];
        var candidates = read
            .SelectMany(m => point.Trace(point.Measures.IndexOf(m), 0, 0))
            .Select(u => u.Row)
            .Distinct()
            .Order()
            .ToList();

        (Judgement Verdict, double? Margin) Without(IReadOnlyCollection<int> removed)
        {
            var set = new HashSet<int>(removed);
            var scored = Scorer.Score(@case.WhereEvidence(r => !set.Contains(r)), options, request);
            return (Judge(scored, verdict), Margin(scored, verdict, current));
        }

        var removed = new List<int>();
        var remaining = new List<int>(candidates);
        Judgement? flippedTo = null;
        while (remaining.Count > 0 && removed.Count < search.MaxItems)
        {
            var trials = new (Judgement Verdict, double? Margin)[remaining.Count];
            ParallelLoop.For(remaining.Count, parallel.MaxDegreeOfParallelism, i => trials[i] = Without([.. removed, remaining[i]]));
            var flip = Enumerable.Range(0, trials.Length).Where(i => Flipped(trials[i].Verdict, current)).Select(i => (int?)i).FirstOrDefault();
            if (flip is { } f)
            {
                removed.Add(remaining[f]);
                flippedTo = trials[f].Verdict;
                break;
            }

            var best = Enumerable.Range(0, trials.Length)
                .Where(i => trials[i].Margin is not null)
                .OrderBy(i => trials[i].Margin!.Value)
                .ThenBy(i => remaining[i])
                .Select(i => (int?)i)
                .FirstOrDefault();
            if (best is not { } b)
            {
                break;
            }

            removed.Add(remaining[b]);
            remaining.RemoveAt(b);
        }

        if (flippedTo is null)
        {
            return ([], false, null);
        }

        // Put back every item the flip does not need (latest removed first).
        for (var i = removed.Count - 2; i >= 0 && removed.Count > 1; i--)
        {
            var without = removed.Where((_, j) => j != i).ToList();
            var trial = Without(without);
            if (Flipped(trial.Verdict, current))
            {
                removed = without;
                flippedTo = trial.Verdict;
            }
        }

        var smallest = removed.Count <= 2;
        if (removed.Count == 3 && candidates.Count <= search.ExhaustivePairsLimit)
        {
            var pairs = new List<(int A, int B)>();
            for (var i = 0; i < candidates.Count; i++)
            {
                for (var j = i + 1; j < candidates.Count; j++)
                {
                    pairs.Add((candidates[i], candidates[j]));
                }
            }

            var found = new Judgement?[pairs.Count];
            ParallelLoop.For(pairs.Count, parallel.MaxDegreeOfParallelism, i =>
            {
                var trial = Without([pairs[i].A, pairs[i].B]);
                found[i] = Flipped(trial.Verdict, current) ? trial.Verdict : null;
            });
            var first = Enumerable.Range(0, pairs.Count).Where(i => found[i] is not null).Select(i => (int?)i).FirstOrDefault();
            if (first is { } p)
            {
                removed = [pairs[p].A, pairs[p].B];
                flippedTo = found[p];
            }

            smallest = true;
        }

        removed.Sort();
        return (removed, smallest, flippedTo?.Name);
    }

    private static ImmutableArray<OptionFlip> OptionFlips(
        Case @case, ScoringOptions options, ScoringRequest request, ScoreSet point, Verdict verdict, Judgement current, FlipSearchOptions search, ParallelOptions parallel)
    {
        var knobs = OptionKnob.All;
        var found = new OptionFlip?[knobs.Length];
        ParallelLoop.For(knobs.Length, parallel.MaxDegreeOfParallelism, i =>
        {
            var knob = knobs[i];
            OptionFlip? best = null;
            foreach (var direction in new[] { -1, 1 })
            {
                var flip = Search(knob, direction);
                if (flip is not null && (best is null || flip.Distance < best.Distance))
                {
                    best = flip;
                }
            }

            found[i] = best;
        });

        return [.. found.Where(f => f is not null).Select(f => f!).OrderBy(f => f.Distance).ThenBy(f => f.Option, StringComparer.Ordinal)];

        OptionFlip? Search(OptionKnob knob, int direction)
        {
            var centre = knob.Get(options);
            double? previous = 0;
            for (var d = Step; d <= search.MaxOptionDistance + 1e-9; d += Step)
            {
                if (ValueAt(knob, centre, direction * d) is not { } value)
                {
                    return null;
                }

                var judged = JudgeAt(knob, value);
                if (Flipped(judged, current))
                {
                    double lo = previous!.Value, hi = d;
                    for (var k = 0; k < Bisections; k++)
                    {
                        var mid = (lo + hi) / 2;
                        if (Flipped(JudgeAt(knob, ValueAt(knob, centre, direction * mid)!.Value), current))
                        {
                            hi = mid;
                        }
                        else
                        {
                            lo = mid;
                        }
                    }

                    var to = ValueAt(knob, centre, direction * hi)!.Value;
                    return new OptionFlip(knob.Name, knob.Kind, centre, to, knob.Distance(options, to, search.Ranges) ?? hi, JudgeAt(knob, to).Name);
                }

                previous = d;
            }

            return null;
        }

        double? ValueAt(OptionKnob knob, double centre, double signedDistance)
        {
            var r = search.Ranges;
            var v = knob.Kind switch
            {
                OptionKind.Scale => centre * Math.Pow(r.ScaleFactor, signedDistance),
                OptionKind.Window => centre * Math.Pow(r.WindowFactor, signedDistance),
                OptionKind.Weight => centre + (signedDistance * r.WeightSpread),
                _ => centre + (signedDistance * r.ThresholdSpread),
            };
            var (low, high) = knob.Bounds(options);
            return v < low || v > high || (v == 0 && knob.Kind is OptionKind.Scale or OptionKind.Window) || !double.IsFinite(v) ? null : v;
        }

        Judgement JudgeAt(OptionKnob knob, double value)
        {
            var changed = knob.With(options, value);
            return Judge(Scorer.Score(@case, changed, request), verdict);
        }
    }
}
