using System.Collections.Immutable;
using Influence.Cases;
using Influence.Evidence;
using Influence.Indexing;
using Influence.Internal;
using Influence.Theory;

namespace Influence.Scoring;

/// <summary>One evidence item's part in a value.</summary>
/// <param name="EvidenceId">The item's id.</param>
/// <param name="Kind">The item's kind.</param>
/// <param name="Date">The item's date, as coded (a point or a span, at its precision).</param>
/// <param name="Confidence">How well established.</param>
/// <param name="Term">The term of the formula it fed.</param>
/// <param name="Weight">Its weight in that term.</param>
/// <param name="ValueWithout">The value scored without this item (null: undefined without it).</param>
/// <param name="Effect">The value minus <paramref name="ValueWithout"/>: how much this item moved the value (null when either is undefined).</param>
/// <param name="Sources">The sources it cites.</param>
/// <param name="Note">The coder's note.</param>
public sealed record Contribution(
    string EvidenceId,
    EvidenceKind Kind,
    EvidenceDate Date,
    Confidence Confidence,
    string Term,
    double Weight,
    double? ValueWithout,
    double? Effect,
    ImmutableArray<Source> Sources,
    string? Note)
{
    /// <inheritdoc />
    /// <remarks>Compares <see cref="Sources"/> by their contents, in order.</remarks>
    public bool Equals(Contribution? other) =>
        other is not null && EvidenceId == other.EvidenceId && Kind == other.Kind && Date == other.Date && Confidence == other.Confidence
        && Term == other.Term && Weight.Equals(other.Weight) && Nullable.Equals(ValueWithout, other.ValueWithout) && Nullable.Equals(Effect, other.Effect)
        && Records.SequenceEqual(Sources, other.Sources) && Note == other.Note;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(EvidenceId, Kind, Date, Term, Weight, ValueWithout, Effect, Records.SequenceHash(Sources));

    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        Records.Print(builder).Add(nameof(EvidenceId), EvidenceId).Add(nameof(Kind), Kind).Add(nameof(Date), Date).Add(nameof(Confidence), Confidence)
            .Add(nameof(Term), Term).Add(nameof(Weight), Weight).Add(nameof(ValueWithout), ValueWithout).Add(nameof(Effect), Effect)
            .Add(nameof(Sources), Sources).Add(nameof(Note), Note);
        return true;
    }
}

/// <summary>Why a value is what it is.</summary>
/// <param name="Dyad">The dyad.</param>
/// <param name="Period">The period.</param>
/// <param name="Measure">The measure's name.</param>
/// <param name="Value">The value (null when undefined).</param>
/// <param name="Formula">The measure's formula.</param>
/// <param name="Citation">The theory it encodes.</param>
/// <param name="Contributions">
/// Every evidence item that fed the value: first those the value rests on (it is undefined without each of them), then
/// the others by the size of their effect, largest first (ties: larger weight first, then by id).
/// </param>
/// <param name="ValueWithoutAll">
/// The value scored without every item of <paramref name="Contributions"/> at once (null: undefined without them, or
/// no item fed the value).
/// </param>
public sealed record Explanation(
    Dyad Dyad,
    Period Period,
    string Measure,
    double? Value,
    string Formula,
    string Citation,
    ImmutableArray<Contribution> Contributions,
    double? ValueWithoutAll = null)
{
    /// <summary>
    /// The value minus <see cref="ValueWithoutAll"/>: what the items move together (null when either is undefined).
    /// Where a measure is a mean, saturates or reads the latest observation (so that an older one takes a removed
    /// item's place), this can be far larger than the sum of the single effects, each of which is measured with every
    /// other item still in place.
    /// </summary>
    public double? JointEffect => Value is { } v && ValueWithoutAll is { } w ? v - w : null;

    /// <inheritdoc />
    /// <remarks>Compares <see cref="Contributions"/> by their contents, in order.</remarks>
    public bool Equals(Explanation? other) =>
        other is not null && Dyad == other.Dyad && Period == other.Period && Measure == other.Measure && Nullable.Equals(Value, other.Value)
        && Formula == other.Formula && Citation == other.Citation && Records.SequenceEqual(Contributions, other.Contributions)
        && Nullable.Equals(ValueWithoutAll, other.ValueWithoutAll);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Dyad, Period, Measure, Value, Records.SequenceHash(Contributions), ValueWithoutAll);

    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        Records.Print(builder).Add(nameof(Dyad), Dyad).Add(nameof(Period), Period).Add(nameof(Measure), Measure).Add(nameof(Value), Value)
            .Add(nameof(Formula), Formula).Add(nameof(Citation), Citation).Add(nameof(Contributions), Contributions)
            .Add(nameof(ValueWithoutAll), ValueWithoutAll).Add(nameof(JointEffect), JointEffect);
        return true;
    }
}

/// <summary>
/// Explains a value: lists every evidence item that fed it (from the measure's <see cref="Measure.Trace"/>), with the
/// term it fed, its weight, and its effect, measured by scoring the same dyad and period again without the item.
/// </summary>
public static class Explainer
{
    /// <summary>Explains one value of a score set.</summary>
    /// <param name="scores">The scores.</param>
    /// <param name="dyad">The dyad.</param>
    /// <param name="period">The period.</param>
    /// <param name="measure">The measure name.</param>
    /// <returns>The explanation.</returns>
    /// <exception cref="ArgumentException">The measure, dyad or period was not scored.</exception>
    /// <exception cref="InvalidOperationException">
    /// The measure traced a row outside the case's evidence or a weight that is not finite, or, scored without an
    /// item, gave NaN, an infinity or a value outside its scale.
    /// </exception>
    /// <remarks>
    /// An exception a custom measure throws reaches the caller as it is (the one of the first item, in trace order,
    /// whose re-scoring failed), not wrapped in an <see cref="AggregateException"/>.
    /// </remarks>
    public static Explanation Explain(ScoreSet scores, Dyad dyad, Period period, string measure)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var m = scores.RequireMeasure(measure);
        var d = scores.RequireDyad(dyad);
        var p = scores.RequirePeriod(period);
        var at = scores.At(d, p);
        var theMeasure = scores.Measures[m];
        var value = scores.Get(m, d, p).Value;
        var uses = scores.Trace(m, d, p);
        var @case = scores.Case;
        var columns = @case.Evidence.Columns;
        var grid = scores.Index.Grid;
        foreach (var use in uses)
        {
            if (use.Row < 0 || use.Row >= columns.Count)
            {
                throw new InvalidOperationException(
                    $"measure '{theMeasure.Name}' traced evidence row {use.Row} for {dyad} in {period}, outside the case's evidence (rows 0 … {columns.Count - 1})");
            }

            if (!double.IsFinite(use.Weight))
            {
                throw new InvalidOperationException(
                    $"measure '{theMeasure.Name}' traced evidence row {use.Row} ('{columns.Ids[use.Row]}') for {dyad} in {period} with weight {Check.Show(use.Weight)}, not a finite number");
            }
        }

        var byRow = uses.GroupBy(u => u.Row).ToList();
        var contributions = new Contribution[byRow.Count];
        ParallelLoop.For(byRow.Count, scores.Options.MaxDegreeOfParallelism, i =>
        {
            var row = byRow[i].Key;
            var id = columns.Ids[row];
            var without = @case.WhereEvidence(r => r != row);
            var index = EvidenceIndex.Build(without, grid, scores.Options);
            var again = new DyadPeriod(index, at.Patron, at.Client, at.T);
            var valueWithout = Scorer.Checked(theMeasure, theMeasure.Evaluate(again), again);
            var item = @case.Evidence[row];
            contributions[i] = new Contribution(
                id,
                item.Kind,
                item.Date,
                item.Confidence,
                string.Join("; ", byRow[i].Select(u => u.Term).Distinct()),
                byRow[i].Sum(u => u.Weight),
                valueWithout,
                value is { } v && valueWithout is { } w ? v - w : null,
                [.. item.Sources.Select(s => @case.FindSource(s)!)],
                item.Note);
        });

        // The items the value rests on (undefined without them) first, then by the size of their effect.
        var ordered = contributions
            .OrderByDescending(c => value is not null && c.ValueWithout is null)
            .ThenByDescending(c => Math.Abs(c.Effect ?? 0))
            .ThenByDescending(c => c.Weight)
            .ThenBy(c => c.EvidenceId, StringComparer.Ordinal)
            .ToImmutableArray();
        double? withoutAll = contributions.Length switch
        {
            0 => null,
            1 => contributions[0].ValueWithout,
            _ => WithoutRows(scores, theMeasure, at, [.. byRow.Select(g => g.Key)]),
        };
        return new Explanation(dyad, period, theMeasure.Name, value, theMeasure.Formula, theMeasure.Citation, ordered, withoutAll);
    }

    private static double? WithoutRows(ScoreSet scores, Measure measure, DyadPeriod at, HashSet<int> rows)
    {
        var without = scores.Case.WhereEvidence(r => !rows.Contains(r));
        var index = EvidenceIndex.Build(without, scores.Index.Grid, scores.Options);
        var again = new DyadPeriod(index, at.Patron, at.Client, at.T);
        return Scorer.Checked(measure, measure.Evaluate(again), again);
    }
}
